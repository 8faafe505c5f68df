"""The evaluation's metrics, on outcomes whose right answers are known by construction; the
made-up names the fit trains the confidence on."""

import math

import pytest

from rollcall.service.lab.evaluation import Outcome, expected_calibration_error, format_table, metrics
from rollcall.service.lab.unlabelled import in_other_scripts, made_up_names, one_word_queries, ordinary_words
from rollcall.resolvers.script import detect_script


def outcome(expected, ranked, conf, accepted, group="Latin"):
    return Outcome(group, expected, tuple(ranked), conf, accepted, 1.0)


def test_metrics_follow_the_definitions() -> None:
    outcomes = [
        outcome("A", ["A", "B"], 0.9, True),  # right, accepted
        outcome("B", ["C", "B"], 0.6, False),  # wrong first, right in top 5
        outcome("C", ["D"], 0.95, True),  # wrong and accepted
        outcome(None, ["E"], 0.2, False),  # nobody; rejected
        outcome(None, ["F"], 0.97, True),  # nobody; wrongly accepted
    ]
    m = metrics(outcomes)
    assert (m.n, m.n_nil) == (5, 2)
    assert m.top1 == pytest.approx(1 / 3) and m.top5 == pytest.approx(2 / 3)
    assert m.auto_recall == pytest.approx(1 / 3)
    assert m.auto_precision == pytest.approx(1 / 3)  # 1 right of 3 accepted
    assert m.nil_false_accept == pytest.approx(1 / 2)


def test_ece_is_zero_when_confidence_matches_accuracy_and_large_when_not() -> None:
    calibrated = [(0.75, True), (0.75, True), (0.75, True), (0.75, False)]
    assert expected_calibration_error(calibrated) == pytest.approx(0.0)
    overconfident = [(0.99, False)] * 10
    assert expected_calibration_error(overconfident) == pytest.approx(0.99)
    assert math.isnan(expected_calibration_error([]))


def test_table_has_a_row_per_script_and_overall() -> None:
    table = format_table([outcome("A", ["A"], 0.9, True), outcome("B", ["B"], 0.9, True, "Cyrillic")])
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["script", "n", "nil"]
    assert any(line.startswith("Latin") for line in lines)
    assert lines[-1].startswith("overall")


def test_made_up_names_are_reproducible_and_nobody_s() -> None:
    names = [("Q1", "Jan Korte"), ("Q2", "Angela Merkel"), ("Q3", "Sergey Lavrov")]
    made = made_up_names(names, 40)
    assert made == made_up_names(names, 40) and len(made) == 40
    written = {name.lower() for _, name in names}
    assert not any(name.lower() in written for name, _ in made)
    shuffled = [(name, source) for name, source in made if source]
    assert shuffled and len(shuffled) < len(made)  # half shuffled, half random letters
    for name, source in shuffled:  # the source's letters, word by word, in another order
        original = dict(names)[source]
        assert [sorted(w.lower()) for w in name.split()] == [sorted(w.lower()) for w in original.split()]


def test_made_up_names_are_also_written_in_other_scripts() -> None:
    made = [("Naj Terko", "Q1"), ("Qwerty Zxvu", ""), ("Lekrem Agnela", "Q2")]
    written = in_other_scripts(made)
    assert written == in_other_scripts(made) and [source for _, source in written] == ["Q1", "", "Q2"]
    assert [detect_script(name) for name, _ in written] == ["Cyrillic", "Arabic", "Hebrew"]
    assert all(name.strip() for name, _ in written)


def test_one_word_queries_are_the_family_names_of_the_labelled_ones() -> None:
    queries = [
        {"id": "a", "query": "Lavrov, Sergei", "lang": "en", "expected": "Q1"},
        {"id": "b", "query": "John Smith (politician)", "lang": "en", "expected": "Q2"},
        {"id": "c", "query": "Петра Меркель", "lang": "ru", "expected": None},  # nobody's: no label
        {"id": "d", "query": "王毅", "lang": "zh", "expected": "Q3"},  # written as one word
        {"id": "e", "query": "Hu Li", "lang": "en", "expected": "Q4"},  # under three letters
    ]
    assert [(q["id"], q["query"], q["expected"]) for q in one_word_queries(queries)] == [
        ("one-word:a", "lavrov", "Q1"), ("one-word:b", "smith", "Q2")]


def test_ordinary_words_are_common_words_of_many_languages_but_no_alias_words() -> None:
    every = ordinary_words(set(), per_language=5)
    words = ordinary_words({"the", "and"}, per_language=5)  # as if two aliases had these words
    languages = {lang for _, lang in words}
    assert {"en", "ru", "fa", "zh", "ja"} <= languages and len(words) == 5 * len(languages)
    assert {"the", "and"} <= {w for w, lang in every if lang == "en"}
    assert not {"the", "and"} & {w for w, lang in words if lang == "en"}
    assert all(len(w) >= 2 for w, _ in words) and all(len(w) >= 3 for w, lang in words if lang in ("en", "ru"))


def test_the_accept_threshold_keeps_both_precision_and_the_names_of_nobody() -> None:
    from rollcall.service.lab.fitting import _threshold

    # 200 right answers at 0.99..0.80, two names of nobody accepted wrongly at 0.95 and 0.85,
    # and 100 names of nobody below: precision stays above 0.99 down to 0.80, but taking
    # both names of nobody would accept 2% of them.
    answers = [(0.99 - i * 0.001, True, False) for i in range(200)]
    answers += [(0.95, False, True), (0.85, False, True)] + [(0.1, False, True)] * 100
    threshold = _threshold(answers, 0.99, 0.01)
    accepted = [a for a in answers if a[0] >= threshold]
    assert sum(1 for _, _, nil in accepted if nil) == 1  # 1 of 102: within 1%
    assert threshold > 0.85
    assert _threshold(answers, 0.99, 1.0) < 0.85  # precision alone would go lower


def test_the_cross_validation_ranks_candidates_of_equal_score_as_the_matcher_does() -> None:
    from rollcall.resolvers.params import AliasSetting
    from rollcall.service.lab.fitting import _Example, _top

    # Two namesakes whose best aliases score alike: the matcher lists the one of the smaller
    # id first (score_candidates), and so must the evaluation of its ranking.
    same = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5)
    weaker = (0.8, 0.8, 0.9, 0.7, 0.7, 0.8, 1.0, 0.5)
    example = _Example("Anna Berger", "Q200", "Q200", ("Q100", "Q200", "Q300"), (same, same, weaker),
                       (AliasSetting("Latin", "Latin"),) * 3, ((1.0, 1.0),) * 3, (False,) * 3, False, False)
    answer = _top(example, (1.0,) * len(same))
    assert answer.ranked == ("Q100", "Q200", "Q300") and not answer.right


def test_the_cross_validation_lets_a_title_decide_between_namesakes_as_the_matcher_does() -> None:
    import dataclasses

    from rollcall.resolvers.params import AliasSetting
    from rollcall.service.lab.fitting import _Example, _top

    # "William Ross, Baron Ross of Marnock": the MP's name fits a little better, the baron
    # (second) bears the title; a third, whose name fits far worse, bears it too.
    exact = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5)
    close = (0.95, 0.95, 0.95, 0.8, 0.75, 0.9, 1.0, 0.5)
    far = (0.5, 0.5, 0.6, 0.4, 0.4, 0.3, 1.0, 0.5)
    example = _Example("William Ross, Baron Ross of Marnock", "QBARON", "QBARON", ("QMP", "QBARON", "QFAR"),
                       (exact, close, far), (AliasSetting("Latin", "Latin"),) * 3,
                       ((1.0, 1.0), (0.95, 0.9), (0.5, 0.3)), (False, True, True), False, False)
    answer = _top(example, (1.0,) * len(exact))
    assert answer.ranked == ("QBARON", "QMP", "QFAR") and answer.right
    untitled = _top(dataclasses.replace(example, titled=(False,) * 3), (1.0,) * len(exact))
    assert untitled.ranked == ("QMP", "QBARON", "QFAR") and not untitled.right
