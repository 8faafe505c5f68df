"""Weighing a pair of persons: their names' best match both ways, and everything else the
two records say (Wikidata ids, country, birth dates, tenures, gender, middle initials,
Chinese surnames, own-script spellings, disambiguators), as log-odds."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from rollcall.resolvers.score import PairFeatures, Scorer

from .names import Person, chinese_surnames, native_spellings, word_for_word

__all__ = ["MIN_SCORE", "DuplicatePair", "possible", "weigh"]

# Pairs listed by default: more evidence for one person than against.
MIN_SCORE = 0.5

# -- the weights (log-odds) -------------------------------------------------------------
# The names: the matcher's logit (the lookup's "score": identical names about 29, the same
# surname with another given name about 21) around _NAME_MID, times _NAME_SCALE, less
# _UNMATCHED_WORD when each name has a word (not a particle) that matches no word of the
# other (the matcher's "weakest" feature below _UNMATCHED both ways: another given name, not
# a longer name), less _NO_AGREEMENT when no two names agree word for word
# (_word_for_word). The three weights are fitted on the dev names
# (../shared/eval/names-dev.jsonl: each query as a one-name record against its person and
# against the lookup's wrong candidates; logistic, 11,008 pairs): 0.60, -1.6 and -1.8,
# with the two sides even at a logit of 22.0. Most pairs a gazetteer offers are two
# people, so the middle here is higher: a pair with identical names and a country in
# common and nothing else scores about 0.93.
_NAME_MID = 26.0
_NAME_SCALE = 0.6
_UNMATCHED, _UNMATCHED_WORD = 0.7, -1.6
_NO_AGREEMENT = -1.8
# A name compared without its middle initials or patronymic counts this much less.
_REDUCED_COST = 1.0
_SAME_COUNTRY, _OTHER_COUNTRY = 0.7, -2.0
_SAME_BIRTH, _COMPATIBLE_BIRTH, _NEAR_BIRTH = 1.2, 0.6, -2.0
# Tenures of one post. Memberships of a body (a parliament's term) say nothing: namesakes
# sit in one parliament, and all its members share the term's dates.
_SAME_TENURE, _OVERLAPPING_POST = 1.0, 0.7
_SAME_WIKIDATA = 2.0
_OTHER_GENDER = -2.5
_OTHER_MIDDLE = -2.5
_OTHER_SURNAME = -5.0
# Both have names in their country's own script and language and none of them agree: in
# its own orthography a name has one spelling.
_OTHER_SPELLING = -3.0
# Both names carry disambiguators, different ones: two people the sources tell apart.
_OTHER_QUALIFIER = -3.0
_ONE_WORD = -1.0

@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two persons that are likely one. `a` is the one to keep (it has the Wikidata id, or
    more names): `rollcall gazetteer merge a b`."""

    a: str
    b: str
    score: float
    name_a: str
    name_b: str
    alias_a: str  # the two names that matched best
    alias_b: str
    name_score: float  # the matcher's logit of the worse direction
    why: str


def possible(p: Person, q: Person) -> bool:
    """Whether two persons can be one: not two different Wikidata ids, not two birth dates
    that no slip of the pen turns into each other."""
    if p.wikidata and q.wikidata and p.wikidata != q.wikidata:
        return False
    return _births(p.birth, q.birth) != "different"


def _births(a: str, b: str) -> str:
    """How two birth dates (ISO, possibly partial) compare: "" (one unknown), "same" (the
    same day), "compatible" (one is a part of the other: "1957", "1957-03-02"), "near" (a
    slip: one digit off, or day and month swapped, or a year apart at year precision),
    "different"."""
    if not (a and b):
        return ""
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    if a == b:
        return "same" if n == 10 else "compatible"
    slip = (sum(x != y for x, y in zip(a, b)) == 1
            or (n == 10 and a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7])
            or (n == 4 and abs(int(a) - int(b)) == 1))
    return "near" if slip else "different"


# -- weighing a pair ------------------------------------------------------------------------

def weigh(p: Person, q: Person, coef: tuple[float, ...],
           scorers: dict[tuple[int, int], Scorer]) -> DuplicatePair | None:
    if not possible(p, q):
        return None
    forward, f_forward, p_name, q_alias = _best(p, q, coef, scorers)
    backward, f_backward, q_name, p_alias = _best(q, p, coef, scorers)
    if not (p_name and q_name):  # a person without a readable name
        return None
    # The better direction: an initial matches the word it abbreviates fully only when the
    # initial is the query's (rules.ALIAS_INITIAL), and a copy may be either side.
    if forward > backward:
        names, alias_p, alias_q = forward, p_name, q_alias
    else:
        names, alias_p, alias_q = backward, p_alias, q_name
    z = (names - _NAME_MID) * _NAME_SCALE
    why = [f"names {names:.1f}"]
    if max(f_forward.weakest, f_backward.weakest) < _UNMATCHED:
        # "Mohammed bin Salman" and "Khalid bin Salman": all but the given names agree.
        z += _UNMATCHED_WORD
        why.append("each name has a word the other lacks")
    if not word_for_word(p, q):
        # "Mohamed Nazim" and "Mohamed Asim": alike, but no two names are one name.
        z += _NO_AGREEMENT
        why.append("no two names agree word for word")
    for weight, reason in _evidence(p, q):
        z += weight
        why.append(reason)
    keep, retire = (p, q) if _keeper(p, q) else (q, p)
    alias_keep, alias_retire = (alias_p, alias_q) if keep is p else (alias_q, alias_p)
    return DuplicatePair(keep.id, retire.id, round(1.0 / (1.0 + math.exp(-z)), 4), keep.name, retire.name,
                         alias_keep, alias_retire, round(names, 2), ", ".join(why))


def _best(p: Person, q: Person, coef: tuple[float, ...],
          scorers: dict[tuple[int, int], Scorer]) -> tuple[float, PairFeatures, str, str]:
    """The best logit of a name of p (as the query) against the names of q, its features and
    the two names."""
    best, features, best_names = -math.inf, PairFeatures(), ("", "")
    targets = [readings for _, readings, _ in q.names]
    for i, (label, readings, reduced) in enumerate(p.names):
        scorer = scorers.get((p.pos, i))
        if scorer is None:
            scorer = scorers[(p.pos, i)] = Scorer(readings)
        for (target, _, target_reduced), scored in zip(q.names, scorer.best_pairs(targets, coef)):
            if scored is None:
                continue
            logit = scored[0] - _REDUCED_COST * (reduced or target_reduced)
            if logit > best:
                best, features, best_names = logit, PairFeatures._make(scored[1:]), (label, target)
    return best, features, *best_names


def _evidence(p: Person, q: Person) -> Iterable[tuple[float, str]]:
    """(log-odds, reason) of everything besides the names that says one person or two."""
    if p.wikidata and p.wikidata == q.wikidata:
        yield _SAME_WIKIDATA, f"same Wikidata id {p.wikidata}"
    elif not (p.wikidata and q.wikidata):
        with_id = p if p.wikidata else q if q.wikidata else None
        yield 0.0, f"only {with_id.id} has a Wikidata id" if with_id else "neither has a Wikidata id"
    if p.country and q.country:
        yield ((_SAME_COUNTRY, f"same country {p.country}") if p.country == q.country
               else (_OTHER_COUNTRY, f"countries differ: {p.country} / {q.country}"))
    births = _births(p.birth, q.birth)
    if births == "same":
        yield _SAME_BIRTH, f"same birth date {p.birth}"
    elif births == "compatible":
        yield _COMPATIBLE_BIRTH, f"birth dates agree: {p.birth} / {q.birth}"
    elif births == "near":
        yield _NEAR_BIRTH, f"birth dates differ by a slip: {p.birth} / {q.birth}"
    if p.gender and q.gender and p.gender != q.gender:
        yield _OTHER_GENDER, f"genders differ: {p.gender} / {q.gender}"
    tenure = _tenures(p, q)
    if tenure:
        yield tenure
    if p.middle and q.middle and not p.middle & q.middle:
        yield _OTHER_MIDDLE, (f"middle initials differ: {'/'.join(sorted(p.middle)).upper()} / "
                              f"{'/'.join(sorted(q.middle)).upper()}")
    surnames = chinese_surnames(p, q)
    if surnames:
        yield _OTHER_SURNAME, f"Chinese surnames differ: {surnames}"
    elif spelled := native_spellings(p, q):
        yield _OTHER_SPELLING, f"spelled differently in their own script: {spelled}"
    if p.qualifiers and q.qualifiers and not p.qualifiers & q.qualifiers:
        yield _OTHER_QUALIFIER, (f"told apart by their names: ({', '.join(sorted(p.qualifiers))}) / "
                                 f"({', '.join(sorted(q.qualifiers))})")
    if p.one_word or q.one_word:
        yield _ONE_WORD, "a one-word name"


def _tenures(p: Person, q: Person) -> tuple[float, str] | None:
    """The stronger tenure evidence: the same tenure of a post (same dates), else
    overlapping tenures of one post (only posts with several holders at once can have them:
    validation refuses two holders of a one-holder office at once)."""
    best: tuple[float, str] | None = None
    for where, start, end in p.tenures:
        for where_q, start_q, end_q in q.tenures:
            if where != where_q or not (start and start_q):
                continue
            if (start, end) == (start_q, end_q):
                found = (_SAME_TENURE, f"same tenure {where} from {start}")
            elif _overlap(start, end, start_q, end_q):
                found = (_OVERLAPPING_POST, f"overlapping tenures of {where}")
            else:
                continue
            if best is None or found[0] > best[0]:
                best = found
    return best


def _overlap(s1: str, e1: str, s2: str, e2: str) -> bool:
    """Whether two tenures (partial ISO dates; no end = current) overlap by more than the
    day or the period one hands over to the other."""
    def before(a: str, b: str) -> bool:  # a is not after b, at their common precision
        n = min(len(a), len(b))
        return a[:n] <= b[:n]
    return not ((e1 and before(e1, s2)) or (e2 and before(e2, s1)))


def _keeper(p: Person, q: Person) -> bool:
    """Whether p is the one to keep: the one with a Wikidata id, else the one with more
    names, else the smaller id."""
    return (bool(p.wikidata), len(p.aliases), q.id) > (bool(q.wikidata), len(q.aliases), p.id)
