"""A query in a language that keeps a name as its bearer writes it, yet differs from that
spelling by a word, names someone else (kept_spelling.py). Every name here is made for the
tests, or is a member of the EveryPolitician gazetteer respelled by hand."""

from __future__ import annotations

import pytest

from rollcall.resolvers.kept_spelling import respells_kept_name
from rollcall.service.engine import Engine, make_query


@pytest.mark.parametrize(("query", "lang", "alias", "alias_lang", "country"), [
    ("Petra Hofmann", "de", "Petra Hoffmann", "", "DE"),  # German writing a German name
    ("Petra Hofmann", "hu", "Petra Hoffmann", "", "DE"),  # Hungarian keeps German spellings
    ("Ayşe Kaplan", "en", "Ayşe Kaptan", "", "TR"),
    ("Գուրգեն Մանուկյան", "hy", "Գագիկ Մանուկյան", "", "AM"),  # Armenian writing an Armenian
    ("Գուրգեն Մանուկյան", "hy", "Գագիկ Մանուկյան", "hy", "AM"),
])
def test_a_word_respelled_in_a_kept_spelling_counts(query: str, lang: str, alias: str, alias_lang: str,
                                                     country: str) -> None:
    assert respells_kept_name(query, lang, alias, alias_lang, country)


@pytest.mark.parametrize(("query", "lang", "alias", "alias_lang", "country"), [
    ("Petra Hoffmann", "de", "Petra Hoffmann", "", "DE"),  # the same
    ("Petra Höffmann", "de", "Petra Hoffmann", "", "DE"),  # a diacritic
    ("Petra Hoeffmann", "de", "Petra Höffmann", "", "DE"),  # an umlaut spelled out
    ("Ayse Kaptan", "de", "Ayşe Kaptan", "", "TR"),  # Turkish letters dropped
    ("Ilham Aliyev", "en", "İlham Əliyev", "az", "AZ"),
    ("Johannes Hoffmann", "de", "Hans Hoffmann", "", "DE"),  # a given name's other form
    ("Karl-Heinz Hoffmann", "de", "Heinz Hoffmann", "", "DE"),  # a word more, none respelled
    ("Petra Hofmane", "lv", "Petra Hoffmann", "", "DE"),  # Latvian respells foreign names
    ("Petra Hofmann", None, "Petra Hoffmann", "", "DE"),  # no language given
    ("Almasbek Toktogulow", "de", "Almazbek Toktogulov", "", "KG"),  # a transliteration of Kyrgyz
    ("Almasbek Toktogulow", "de", "Almazbek Toktogulov", "en", "KG"),
    ("Petra Hofmann", "de", "Petra Hoffmann", "", ""),  # no country: no own spelling known
    ("Гурген Манукян", "ru", "Գագիկ Մանուկյան", "", "AM"),  # another script
])
def test_other_differences_do_not_count(query: str, lang: str | None, alias: str, alias_lang: str,
                                        country: str) -> None:
    assert not respells_kept_name(query, lang, alias, alias_lang, country)


def test_a_german_name_respelled_in_german_is_not_accepted(members_of_parliament: Engine) -> None:
    right = members_of_parliament.match(make_query("Wolfgang Schaeuble", "de"))
    assert right.result.match and right.candidates[0].candidate.name == "Wolfgang Schäuble"
    # "Lammer" is a surname of its own: in German text, most likely not Norbert Lammert's.
    respelled = members_of_parliament.match(make_query("Norbert Lammer", "de"))
    first = respelled.candidates[0].candidate
    assert first.name == "Norbert Lammert" and not respelled.result.match
    # In a language that respells foreign names, the same spelling is no such evidence.
    latvian = members_of_parliament.match(make_query("Norbert Lammer", "lv")).candidates[0].candidate
    assert latvian.name == "Norbert Lammert" and latvian.confidence > first.confidence + 0.3
