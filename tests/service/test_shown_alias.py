"""The alias an answer shows is the one in the query's language when it accounts for the
query's words as well as the best-scoring alias of any language (curated gazetteer)."""

from __future__ import annotations

from rollcall.service.engine import Engine, make_query


def shown(engine: Engine, name: str, lang: str | None) -> tuple[str, str, str]:
    c = engine.match(make_query(name, lang, limit=1)).candidates[0].candidate
    return c.name, c.matched_alias, c.matched_alias_lang


def test_the_alias_in_the_query_s_language_is_shown(engine: Engine) -> None:
    assert shown(engine, "Sergej Lawrow", "de") == ("Sergey Lavrov", "Sergej Lawrow", "de")
    assert shown(engine, "Сергей Лавров", "ru") == ("Sergey Lavrov", "Сергей Лавров", "ru")
    # The Turkish short alias "Caparov" ranks Sadyr Japarov; the German alias explains the
    # German query's one word as well, and is shown with its own features.
    answer = engine.match(make_query("Japarow", "de", limit=1)).candidates[0].candidate
    assert (answer.name, answer.matched_alias, answer.matched_alias_lang) == ("Sadyr Japarov", "Sadyr Japarow", "de")
    assert answer.explanation.startswith("matched 'Sadyr Japarow' (de): ")
    assert answer.features["alias_coverage"] < 1.0  # its own, not the short alias's


def test_an_alias_written_as_the_query_is_shown_whatever_its_language(engine: Engine) -> None:
    """A name typed exactly as an alias is shown as that alias, even with another language
    hint: "Сергей Лавров" marked German reads like the German alias, but is the Russian."""
    assert shown(engine, "Сергей Лавров", "de")[1:] == ("Сергей Лавров", "ru")
