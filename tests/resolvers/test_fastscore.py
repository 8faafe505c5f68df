"""The C scoring loop (resolvers/_fastscore.c) against the same rules stated in Python
(resolvers/score_py.py), on real names: dev queries
against the aliases the curated gazetteer retrieves for them. Equal to the bit, since a
last-bit difference can reorder candidates."""

from __future__ import annotations

import json
import random
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import JaroWinkler, Levenshtein

from rollcall.gazetteer.store import Store
from rollcall.gazetteer.stored_index import load_name_index
from rollcall.resolvers import readings_codec
from rollcall.resolvers import _fastscore, score_py
from rollcall.resolvers.forms import name_forms
from rollcall.resolvers.index import NameIndex
from rollcall.resolvers.index_memory import build_name_index
from rollcall.resolvers.params import load_params
from rollcall.resolvers.normalize import clean
from rollcall.resolvers.score import (
    PairFeatures, Reading, Scorer, WeightedForm, best_covered, coverage, pack, score_pair, score_pairs, scored_pairs, weigh,
)
from rollcall.service.engine import Engine
from tests.conftest import SHARED



def py(w: WeightedForm) -> score_py.Reading:
    """The reading as the Python statement packs it (from the C Reading's fields)."""
    return score_py.Reading.of(pack(w))


def py_best_pair(qs: tuple[WeightedForm, ...], as_: tuple[WeightedForm, ...]) -> tuple[float, PairFeatures]:
    """(score, features) of the best pair of readings by the Python statement."""
    found = score_py.best_pairs(tuple(map(py, qs)), [tuple(map(py, as_))], load_params().score.coefficients)[0]
    assert found is not None
    return found[0], PairFeatures(*found[1:])


@pytest.fixture(scope="module")
def pairs(engine: Engine) -> list[tuple[tuple[WeightedForm, ...], tuple[WeightedForm, ...], tuple[Reading, ...]]]:
    """(query readings, alias readings, the alias's packed readings as a server reads them
    from the stored index) for 400 dev queries in every script and the 20 aliases retrieved
    for each, plus 2,000 random pairs of aliases."""
    index: NameIndex = engine.index
    out = []
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, 0, None, 5):
            query = json.loads(line)
            forms = name_forms(clean(query["query"]), query.get("lang"))
            q = index.weigh(forms)
            out += [(q, index.data.weighted(a), index.data.readings_of([a])[0]) for a in index.retrieve(forms, 20)]
            if len(out) > 8000:
                break
    rng = random.Random(7)
    ids = range(len(index))
    for _ in range(2000):
        a, b = rng.choice(ids), rng.choice(ids)
        out.append((index.data.weighted(a), index.data.weighted(b), index.data.readings_of([b])[0]))
    return out


def test_string_similarities_are_rapidfuzz_ones() -> None:
    rng = random.Random(3)
    letters = "abcdeklmnorsvzжé中"
    for _ in range(20000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 14)))
        b = "".join(rng.choice(letters) for _ in range(rng.randint(0, 14)))
        assert _fastscore.levenshtein_similarity(a, b) == Levenshtein.normalized_similarity(a, b), (a, b)
        assert _fastscore.jaro_winkler(a, b) == JaroWinkler.similarity(a, b), (a, b)
    for n_a, n_b in [(64, 64), (64, 65), (65, 64), (63, 200), (1, 300), (65, 65), (40, 90), (100, 70)] * 20:
        # one machine word and past it
        a = "".join(rng.choice(letters) for _ in range(n_a))
        b = "".join(rng.choice(letters) for _ in range(n_b))
        assert _fastscore.levenshtein_similarity(a, b) == Levenshtein.normalized_similarity(a, b), (a, b)
        assert _fastscore.jaro_winkler(a, b) == JaroWinkler.similarity(a, b), (a, b)
    for a, b in [("lavrov" * 10, "lawrow" * 10), ("sergei" * 11, "sergey" * 10)]:  # many matches, one word
        assert _fastscore.jaro_winkler(a, b) == JaroWinkler.similarity(a, b), (a, b)
    long_a, long_b = "lavrov" * 100, "lawrow" * 90  # past the stack buffers
    assert _fastscore.levenshtein_similarity(long_a, long_b) == Levenshtein.normalized_similarity(long_a, long_b)
    assert _fastscore.jaro_winkler(long_a, long_b) == JaroWinkler.similarity(long_a, long_b)


def test_token_pairs_equal_the_python_statement(pairs) -> None:
    checked = 0
    for qs, as_, _ in pairs[::4]:
        for q in qs:
            for a in as_:
                for i in range(len(q.form.tokens)):
                    for j in range(len(a.form.tokens)):
                        assert _fastscore.token_pair(pack(q), i, pack(a), j) == score_py.token_pair(py(q), i, py(a), j), (
                            q.form.tokens[i], a.form.tokens[j])
                        checked += 1
    assert checked > 10000


def test_coverage_equals_the_python_statement(pairs) -> None:
    for qs, as_, stored in pairs:
        assert coverage(pack(qs[0]), stored[0]) == score_py.coverage(py(qs[0]), py(as_[0])), (
            qs[0].form.tokens, as_[0].form.tokens)


@pytest.mark.parametrize("warm", [False, True])
def test_prescoring_order_equals_the_python_statement(curated_db, warm: bool) -> None:
    """The aliases picked for full scoring: the best covered, in the order a stable sort on
    the Python statement's coverage gives (ties keep retrieval order); read on demand or
    from a warm server's tables."""
    index = load_name_index(Store(curated_db))
    if warm:
        assert index.data.warm()
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        for line in islice(lines, 0, 1000, 10):
            query = json.loads(line)
            forms = name_forms(clean(query["query"]), query.get("lang"))
            q = index.weigh(forms)[0]
            retrieved = index.retrieve(forms, 50)
            weighted = [index.data.weighted(a)[0] for a in retrieved]
            want = score_py.best_covered(py(q), [py(w) for w in weighted], 15)
            assert best_covered(pack(q), index.data.first_readings(retrieved), 15) == want, query["query"]


def test_best_pair_of_readings_equals_the_python_statement(pairs) -> None:
    """Each query's aliases scored in one call (as the matcher does: token pairs computed
    once per call) and one by one."""
    model = load_params().score
    by_query: dict[int, list] = {}
    for entry in pairs:
        by_query.setdefault(id(entry[0]), []).append(entry)
    distinct = set()
    for group in by_query.values():
        query = tuple(pack(q) for q in group[0][0])
        together = score_pairs(query, [stored for _, _, stored in group], model.coefficients)
        for (qs, as_, stored), fast in zip(group, together):
            logit, want = py_best_pair(qs, as_)
            assert fast == want and logit == model.logit(want), (qs[0].form.tokens, as_[0].form.tokens)
            assert score_pair(query, stored, model.coefficients) == want
            distinct.add(fast)
    assert len(distinct) > 1000  # real variety, not one answer


def test_one_scorer_for_both_steps_equals_the_python_statement(pairs) -> None:
    """The matcher's way: one Scorer prescoring the aliases' first readings, then scoring
    them fully, its token pairs computed once for both steps."""
    model = load_params().score
    by_query: dict[int, list] = {}
    for entry in pairs:
        by_query.setdefault(id(entry[0]), []).append(entry)
    for group in by_query.values():
        qs = group[0][0]
        scorer = Scorer(tuple(pack(q) for q in qs))
        stored = [s for _, _, s in group]
        firsts = [s[0] for s in stored]
        want_order = score_py.best_covered(py(qs[0]), [py(as_[0]) for _, as_, _ in group], 15)
        assert scorer.best_covered(firsts, 15) == want_order
        # The query's other readings too, as the matcher adds the best on its second.
        for which, q in enumerate(qs):
            want = score_py.best_covered(py(q), [py(as_[0]) for _, as_, _ in group], 15)
            assert scorer.best_covered(firsts, 15, which) == want
            assert score_py.Scorer(tuple(py(r) for r in qs)).best_covered(firsts, 15, which) == want
        got = scored_pairs(scorer, stored, model.coefficients)
        for (_, as_, _), (logit, fast) in zip(group, got):
            want_logit, want = py_best_pair(qs, as_)
            assert fast == want and logit == want_logit == model.logit(want), (qs[0].form.tokens, as_[0].form.tokens)


def test_scorer_rejects_what_it_cannot_score() -> None:
    with pytest.raises(ValueError, match="at least one reading"):
        Scorer(())
    with pytest.raises(TypeError, match="expected a Reading"):
        Scorer(("lavrov",))  # type: ignore[arg-type]
    for scorer_type, reading_type in ((Scorer, Reading), (score_py.Scorer, score_py.Reading)):
        good = reading_type(("lavrov",), ("lavrov",), ("lvrv",), ("rpr",), ("rpr",), ((),), (False,), (1.0,), 1.0)
        scorer = scorer_type((good,))
        assert scorer.best_covered([good], 1, 0) == [0]
        for which in (1, -1):
            with pytest.raises(IndexError, match="no such reading"):
                scorer.best_covered([good], 1, which)


def test_stored_readings_are_the_weighed_ones(engine: Engine) -> None:
    """What the server parses from the stored index is what the build weighed."""
    index = engine.index
    for alias_id in range(0, len(index), 7):
        weighted, stored = index.data.weighted(alias_id), index.data.readings_of([alias_id])[0]
        assert [(pack(w).size, w.total, w.rarity) for w in weighted] == [(r.size, r.total, r.rarity) for r in stored]


def test_malformed_stored_readings_are_an_error() -> None:
    with pytest.raises(ValueError, match="malformed"):
        _fastscore.readings_from_text("lavrov\x1flavrov")
    fields = ["sergei lavrov", "sergei lavrov", "srg lvrv", "srk rpr", "srk rpr", "1.0 2.0", "0.5", "3 ", "00"]
    assert _fastscore.readings_from_text("\x1f".join(fields))[0].total == 3.0
    for k, bad in [(5, "1.0 x"), (7, "3,3 "), (8, "0"), (0, "sergei  lavrov"), (6, "")]:
        with pytest.raises(ValueError, match="malformed"):
            _fastscore.readings_from_text("\x1f".join(fields[:k] + [bad] + fields[k + 1:]))
    assert _fastscore.readings_from_text("") == ()


def test_an_empty_side_has_no_features() -> None:
    index = build_name_index([], [])
    q = index.weigh(name_forms("Sergei Lavrov", "en"))
    assert score_pair((pack(q[0]),), (), load_params().score.coefficients) == PairFeatures()


def test_long_names_past_the_stack_buffers() -> None:
    index = build_name_index([], [])
    long_query = index.weigh(name_forms(" ".join(["Sergei", "Lavrov"] * 60), "en"))
    alias = index.weigh(name_forms(" ".join(["Lavrov", "Sergei", "Viktorovich"] * 15), "en"))
    coef = load_params().score.coefficients
    packed = tuple(pack(w) for w in long_query), tuple(pack(w) for w in alias)
    assert score_pair(*packed, coef) == py_best_pair(long_query, alias)[1]
    assert coverage(packed[0][0], packed[1][0]) == score_py.coverage(py(long_query[0]), py(alias[0]))


def test_reading_rejects_inconsistent_fields() -> None:
    form = name_forms("Sergei Lavrov", "en")[0]
    good = pack(weigh(form, lambda _: 1.0, 1.0))
    assert good.size == 2 and good.total == 2.0
    fields = dict(tokens=form.tokens, keys=form.keys, skeletons=form.skeletons, classes=form.classes,
                  classes_r=form.classes_r, groups=((), ()), particles=(False, False), weights=(1.0, 1.0),
                  rarity=1.0)
    with pytest.raises(ValueError, match="keys must be a tuple of 2"):
        _fastscore.Reading(**{**fields, "keys": form.keys[:1]})
    with pytest.raises(TypeError, match="classes must be strings"):
        _fastscore.Reading(**{**fields, "classes": (1, 2)})
    with pytest.raises(ValueError, match="empty"):
        _fastscore.Reading(**{**fields, "tokens": ("", "lavrov")})
    with pytest.raises(ValueError, match="sorted"):
        _fastscore.Reading(**{**fields, "groups": ((3, 1), ())})
    with pytest.raises(TypeError, match="expected a Reading"):
        _fastscore.coverage(good, "lavrov")
    with pytest.raises(ValueError, match="intercept and 8 weights"):
        _fastscore.best_pairs((good,), [(good,)], (1.0,))
    with pytest.raises(TypeError, match="expected a Reading"):
        _fastscore.best_pairs((good,), [(good, "lavrov")], load_params().score.coefficients)


_FIELDS = ("tokens", "keys", "skeletons", "classes", "classes_r", "groups", "particles", "weights", "rarity", "total",
           "size", "joined_key", "joined_class")


def _fields(reading) -> tuple:
    return tuple(getattr(reading, f) for f in _FIELDS)


def test_stored_readings_parse_alike_in_python(engine: Engine) -> None:
    """What the stored index holds reads into the same readings in Python and in C, and
    the C Reading gives back the fields it was made of."""
    index = engine.index
    for alias_id in range(0, len(index), 3):
        weighted = index.data.weighted(alias_id)
        text = readings_codec.encode(weighted)
        c, p = _fastscore.readings_from_text(text), score_py.readings_from_text(text)
        assert [_fields(r) for r in c] == [_fields(r) for r in p] == [_fields(py(w)) for w in weighted], text


@pytest.mark.parametrize("impl", [_fastscore, score_py], ids=["c", "python"])
def test_malformed_stored_readings_are_an_error_in_both(impl) -> None:
    with pytest.raises(ValueError, match="malformed"):
        impl.readings_from_text("lavrov\x1flavrov")
    fields = ["sergei lavrov", "sergei lavrov", "srg lvrv", "srk rpr", "srk rpr", "1.0 2.0", "0.5", "3 ", "00"]
    assert impl.readings_from_text("\x1f".join(fields))[0].total == 3.0
    for k, bad in [(5, "1.0 x"), (7, "3,3 "), (8, "0"), (0, "sergei  lavrov"), (6, ""), (8, "02"), (7, "-3 ")]:
        with pytest.raises(ValueError, match="malformed"):
            impl.readings_from_text("\x1f".join(fields[:k] + [bad] + fields[k + 1:]))
    assert impl.readings_from_text("") == ()


def test_python_scorer_rejects_what_the_c_one_does() -> None:
    with pytest.raises(ValueError, match="at least one reading"):
        score_py.Scorer(())
    with pytest.raises(TypeError, match="expected a Reading"):
        score_py.Scorer(("lavrov",))  # type: ignore[arg-type]
    good = score_py.Reading(("lavrov",), ("lavrov",), ("lvrv",), ("rpr",), ("rpr",), ((),), (False,), (1.0,), 1.0)
    with pytest.raises(ValueError, match="intercept and 8 weights"):
        score_py.best_pairs((good,), [(good,)], (1.0,))
    with pytest.raises(ValueError, match="sorted"):
        score_py.Reading(("lavrov",), ("lavrov",), ("lvrv",), ("rpr",), ("rpr",), ((3, 1),), (False,), (1.0,), 1.0)


_WORDS = st.lists(st.text(alphabet="abdeghiklmnorsuvyz", min_size=1, max_size=9), min_size=1, max_size=5)


@settings(max_examples=400, deadline=None)
@given(_WORDS, _WORDS, st.lists(st.floats(0.1, 9.0), min_size=10, max_size=10))
def test_random_names_score_alike(query: list[str], alias: list[str], weights: list[float]) -> None:
    """Random names (initials, particles, given-name groups and short class keys among
    them): token pairs, coverage and features equal in C and in Python."""
    coef = load_params().score.coefficients
    forms = [name_forms(" ".join(words), "en") for words in (query, alias)]
    if not forms[0] or not forms[1]:
        return
    rarity = iter(weights * 10)
    q, a = (tuple(weigh(f, lambda _: next(rarity), 9.0) for f in fs) for fs in forms)
    cq, ca = tuple(map(pack, q)), tuple(map(pack, a))
    pq, pa = tuple(map(py, q)), tuple(map(py, a))
    for i in range(cq[0].size):
        for j in range(ca[0].size):
            assert _fastscore.token_pair(cq[0], i, ca[0], j) == score_py.token_pair(pq[0], i, pa[0], j)
    assert _fastscore.coverage(cq[0], ca[0]) == score_py.coverage(pq[0], pa[0])
    assert _fastscore.align(cq[0], ca[0]) == score_py.align(pq[0], pa[0])
    assert _fastscore.best_pairs(cq, [ca], coef) == score_py.best_pairs(pq, [pa], coef)


@pytest.mark.parametrize("impl", [_fastscore, score_py])
def test_an_initial_vouches_less_for_a_word_the_query_writes_in_full(impl) -> None:
    """"S." in a query is the user abbreviating (INITIAL); an alias's "N." against a word
    the query writes in full ("Nashestha") is one letter of evidence (ALIAS_INITIAL)."""
    from rollcall.resolvers.rules import ALIAS_INITIAL, INITIAL

    def reading(name: str):
        weighed = build_name_index([], []).weigh(name_forms(clean(name), "en"))
        return pack(weighed[0]) if impl is _fastscore else py(weighed[0])

    query_initial, alias_initial = reading("S Lavrov"), reading("Nashestha Saud")
    full, initials = reading("Sergey Lavrov"), reading("N P Saud")
    assert impl.token_pair(query_initial, 0, full, 0) == (INITIAL, INITIAL)
    assert impl.token_pair(alias_initial, 0, initials, 0) == (ALIAS_INITIAL, ALIAS_INITIAL)
    assert impl.token_pair(alias_initial, 0, initials, 1) == (0.0, 0.0)  # another letter
    assert ALIAS_INITIAL < INITIAL


@pytest.mark.parametrize("impl", [_fastscore, score_py])
def test_a_given_name_the_alias_leaves_out_is_not_the_weakest_word(impl) -> None:
    """"Mary Elizabeth Jones" and "Elizabeth Mary Jones" against "Mary Jones": every alias
    word is matched, and so is the query's last, so the unmatched "Elizabeth" is a given
    name the alias leaves out, not a wrong word. An unmatched last word still is one, and so
    is any word against an alias of one word (a surname alone fits every given name)."""
    weakest = PairFeatures._fields.index("weakest")

    def features(query: str, alias: str) -> tuple[float, ...]:
        q, a = (build_name_index([], []).weigh(name_forms(clean(name), "en"))[0] for name in (query, alias))
        return impl.align(*((pack(q), pack(a)) if impl is _fastscore else (py(q), py(a))))

    assert features("Mary Elizabeth Jones", "Mary Jones")[weakest] == 1.0
    assert features("Mary Jones", "Mary Jones")[weakest] == 1.0
    assert features("Elizabeth Mary Jones", "Mary Jones")[weakest] == 1.0  # the first word
    assert features("Mary Jones Elizabeth", "Mary Jones")[weakest] == 0.0  # the last word
    assert features("Mary Elizabeth Jones", "Jones")[weakest] == 0.0
    assert features("Mary Jones", "Jones")[weakest] == 0.0
    # An alias word left unmatched: "Elizabeth" is no omitted given name of "Mary Brown Jones".
    assert features("Mary Elizabeth Jones", "Mary Brown Jones")[weakest] < 1.0
    # Alias words matched only by their consonant classes vouch for no left-out given name:
    # the Thai reading of Dasho Tshering Tobgay against Zoran Đorđević ("chering" and
    # "zoran" are both s-r-n).
    assert features("Dacho Chering Tobke", "Zoran Đorđević")[weakest] == 0.0
