"""Likely duplicate persons: one person entered twice under different ids ("Sergei V. Lavrov"
added by hand beside the curated Sergey Lavrov, an import under a local id), found with the
project's own name matcher and weighed with what else the two records say.

1. **Retrieve** with the name index, as a lookup does: each name of a person without a
   Wikidata id is a query (two persons that both have one are the same only if the ids are
   equal, and those are grouped directly). The person's own names and persons it cannot be
   (another Wikidata id, a birth date no slip of the pen explains) are left out before
   ranking, so that a curated person's twenty names never crowd out the copy.
2. **Names**: the lookup's scoring model (resolvers/score.py, params.json) both ways: the
   best match of a name of A against the names of B, and of a name of B against the names of
   A; the worse of the two counts, so each must find the other. Middle initials and
   patronymics are tolerated: a name is also compared without them ("Sergei V. Lavrov" as
   "Sergei Lavrov") at a small cost; middle initials that disagree cost much more.
3. **Spelling**: the phonetic keys that let "Lawrow" meet "Lavrov" also hear pinyin zh, j
   and y alike (张 Zhang and 杨 Yang share the key "jang") and Turkish z and ş alike. So a
   Chinese name's surname syllable must also agree in consonant classes with the other's
   surname, and two persons who both have names in their country's own script and language
   must have one spelled alike there ("Mehmet Yaşar" is not "Mehmet Yazar").
4. **Evidence**: country, birth dates, tenures of one post, gender, different disambiguators
   ("(Afyonlu)", "(Konyalı)"), Wikidata ids. Each adds to or takes from the log-odds of the
   names; the score is their logistic. Only a pair on which every kind of evidence agrees
   comes near 1; a likely pair with nothing but its names and country scores about 0.9.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import icu

from rollcall.resolvers import AliasRecord, NameIndex
from rollcall.resolvers._fastscore import token_pair
from rollcall.resolvers.forms import NameForm
from rollcall.resolvers.given_names import name_groups
from rollcall.resolvers.keys import phonetic_key
from rollcall.resolvers.model import load_params
from rollcall.resolvers.normalize import clean, normalize
from rollcall.resolvers.score import PARTICLES, PairFeatures, Reading, Scorer, pack, token_groups
from rollcall.resolvers.script import detect_script

from .store import Store

__all__ = ["DuplicatePair", "find_duplicates", "MIN_SCORE"]

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
# Retrieval: aliases taken per query name (beyond the person's own), the best of them by
# token coverage scored fully (a lookup takes 50 and 15), and the least logit for a pair
# to be weighed at all.
_RETRIEVE = 40
_RESCORE = 15
_FLOOR = 20.0

_CHINESE_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})
_PATRONYMIC = re.compile(r"(vich|vna|ichna|uly|ogly|oglu|ogli|kyzy|qizi)$")
_QUALIFIER = re.compile(r"[(\[（]([^)\]）]*)[)\]）]")
# ISO 15924 codes (ICU's likely scripts) → resolvers.detect_script names.
_SCRIPT_NAMES = {
    "Latn": "Latin", "Cyrl": "Cyrillic", "Arab": "Arabic", "Hans": "Han", "Hant": "Han", "Grek": "Greek",
    "Armn": "Armenian", "Geor": "Georgian", "Hebr": "Hebrew", "Deva": "Devanagari", "Kore": "Hangul",
    "Sinh": "Sinhala", "Taml": "Tamil", "Khmr": "Khmer", "Thai": "Thai", "Beng": "Bengali", "Ethi": "Ethiopic",
}


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


class _Person:
    """A person as the comparison sees it: what the database says of it, and its names,
    read for the persons compared only."""

    def __init__(self, pos: int, person_id: str, name: str):
        self.pos, self.id, self.name = pos, person_id, name
        self.wikidata = self.country = self.gender = self.birth = ""
        self.aliases: list[int] = []
        self.tenures: list[tuple[str, str, str]] = []  # (post, start, end)
        # Set by _read: every name with its readings; the names compared, (label, readings,
        # reduced), reduced ones without middle initials or patronymics; the aliases that
        # are full names (queries); first letters of middle initials and patronymics.
        self.read: list[tuple[AliasRecord, tuple[NameForm, ...]]] | None = None
        self.names: list[tuple[str, tuple[Reading, ...], bool]] = []
        self.queries: list[int] = []
        self.middle: frozenset[str] = frozenset()
        self.full_forms: list[NameForm] = []  # the readings of the full names (not "Lavrov")
        self.one_word = False

    @cached_property
    def edge_words(self) -> list[NameForm]:
        """First and last words of the names not in Chinese characters (one-word forms)."""
        assert self.read is not None
        return [_word(f, i) for record, forms in self.read if not _is_chinese_name(record.name, record.lang)
                for f in forms if len(f.tokens) >= 2 for i in (0, len(f.tokens) - 1)]

    @cached_property
    def han_surnames(self) -> list[NameForm]:
        """The surname syllables of the person's Chinese names. A short name in characters
        is this person's Chinese name only for a Chinese person, or one known by nothing
        else, and only if its surname is among the other names: 普京 is Putin in Chinese,
        not a Mr Pu."""
        assert self.read is not None
        if not (self.country in _CHINESE_COUNTRIES or not (self.country or self.edge_words)):
            return []
        found = []
        for record, forms in self.read:
            if _is_chinese_name(record.name, record.lang):
                chars = len(clean(record.name))  # the syllable-by-syllable reading has one word a character
                found += [_word(f, 0) for f in forms if len(f.tokens) == chars]
        return [s for s in found if not self.edge_words or any(_same_syllable(s, t) for t in self.edge_words)]

    @cached_property
    def spellings(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """Each name as (script, language, folded words)."""
        assert self.read is not None
        return [_spelling(record.name, record.lang) for record, _ in self.read]

    @cached_property
    def qualifiers(self) -> frozenset[str]:
        """Disambiguators in parentheses ("Mehmet Kahraman (Erzurumlu)")."""
        assert self.read is not None
        found = {" ".join(q.casefold().split()) for record, _ in self.read for q in _QUALIFIER.findall(record.name)}
        return frozenset(q for q in found if q)


def find_duplicates(store: Store, index: NameIndex, *, min_score: float = MIN_SCORE,
                    progress: Callable[[int, int], None] | None = None) -> list[DuplicatePair]:
    """Pairs of persons scoring at least `min_score`, best first. Two persons with different
    Wikidata ids, or with birth dates too far apart for a slip, are never listed.
    `progress(done, total)` counts the names queried."""
    index.data.warm()
    coef = load_params().score.coefficients
    persons = _persons(store, index)
    candidates: set[tuple[int, int]] = set()
    by_qid: dict[str, list[int]] = defaultdict(list)
    for p in persons.values():
        if p.wikidata:
            by_qid[p.wikidata].append(p.pos)
    for group in by_qid.values():
        candidates.update((x, y) for i, x in enumerate(group) for y in group[i + 1:])
    without_id = [p for p in persons.values() if not p.wikidata]
    forms = _Forms(index, bulk=sum(len(p.aliases) for p in without_id) > len(index) // 4)
    queries = [(p, alias_id) for p in without_id for alias_id in _read(p, index, forms).queries]
    for n, (p, alias_id) in enumerate(queries):
        if progress and n % 200 == 0:
            progress(n, len(queries))
        for other, logit in _retrieved(index, p, forms(alias_id), alias_id, persons, coef):
            if logit >= _FLOOR:
                candidates.add((min(p.pos, other), max(p.pos, other)))
    if progress:
        progress(len(queries), len(queries))
    _read_tenures(store, [persons[x] for pair in candidates for x in pair])
    scorers: dict[tuple[int, int], Scorer] = {}
    pairs = []
    for x, y in candidates:
        pair = _weigh(_read(persons[x], index, forms), _read(persons[y], index, forms), coef, scorers)
        if pair is not None and pair.score >= min_score:
            pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, -p.name_score, p.a, p.b))
    return pairs


# -- the persons and their names --------------------------------------------------------------

def _persons(store: Store, index: NameIndex) -> dict[int, _Person]:
    """Every person by its position in the index, with its aliases and what the database
    says of it."""
    persons = {p.id: _Person(pos, p.id, p.name) for pos, p in enumerate(index.persons)}
    for r in store.rows("select id, wikidata, country, gender, birth_date from persons"):
        if (p := persons.get(r[0])) is not None:
            p.wikidata, p.country, p.gender, p.birth = r[1] or "", (r[2] or "").upper(), r[3] or "", r[4] or ""
    by_pos = {p.pos: p for p in persons.values()}
    for alias_id, pos in enumerate(index.data.persons_of(range(len(index)))):
        by_pos[pos].aliases.append(alias_id)
    return by_pos


def _read_tenures(store: Store, persons: list[_Person]) -> None:
    """The tenures of posts of these persons (those of the pairs to weigh)."""
    wanted = {p.id: p for p in persons}
    ids = sorted(wanted)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in store.rows("select person_id, post_id, start_date, end_date from memberships "
                            f"where post_id != '' and person_id in ({','.join('?' * len(chunk))})", tuple(chunk)):
            wanted[r[0]].tenures.append((r[1], r[2] or "", r[3] or ""))


class _Forms:
    """Each alias's readings (NameForm): read one by one, or, when most of them will be
    needed, all at once in one pass over the index."""

    def __init__(self, index: NameIndex, *, bulk: bool):
        self._index = index
        self._held = dict(enumerate(index.data.all_forms())) if bulk else None

    def __call__(self, alias_id: int) -> tuple[NameForm, ...]:
        if self._held is not None:
            return self._held[alias_id]
        return tuple(w.form for w in self._index.data.weighted(alias_id))


def _read(p: _Person, index: NameIndex, forms: _Forms) -> _Person:
    """The person with its names read (once): the names compared and their reduced forms,
    the queries, the middle initials."""
    if p.read is not None:
        return p
    p.read = []
    full, readable, seen = [], [], set()
    middle: set[str] = set()
    for alias_id in p.aliases:
        record, readings = index.data.record_of(alias_id), forms(alias_id)
        if not readings:
            continue
        p.read.append((record, readings))
        readable.append(alias_id)
        if record.kind in ("short", "abbreviation") or max(len(f.tokens) for f in readings) < 2:
            continue
        full.append(alias_id)
        p.full_forms += readings
        for f in readings:
            middle.update(f.keys[i][:1] for i in _middle_positions(f))
        reduced = tuple(r for r in map(_without_middle, readings) if r is not None)
        if reduced and (key := tuple(f.tokens for f in reduced)) not in seen:
            seen.add(key)
            p.names.append((record.name, tuple(pack(w) for w in index.weigh(reduced)), True))
    p.one_word = not full
    p.queries = full or readable
    p.names = [(index.data.record_of(a).name, readings, False)
               for a, readings in zip(p.queries, index.data.readings_of(p.queries))] + p.names
    p.middle = frozenset(middle)
    return p


def _middle_positions(form: NameForm) -> list[int]:
    """Positions of the middle initials and patronymics of a reading of three or more words
    (a patronymic may also come last: "Lavrov Sergei Viktorovich")."""
    n = len(form.tokens)
    if n < 3:
        return []
    return [i for i, t in enumerate(form.tokens)
            if (0 < i < n - 1 and len(t) == 1) or (i > 0 and len(t) >= 6 and _PATRONYMIC.search(t))]


def _without_middle(form: NameForm) -> NameForm | None:
    """The reading without its middle initials and patronymics (None when it has none, or
    fewer than two words would remain)."""
    drop = set(_middle_positions(form))
    if not drop or len(form.tokens) - len(drop) < 2:
        return None
    keep = [i for i in range(len(form.tokens)) if i not in drop]
    keys = tuple(form.keys[i] for i in keep)
    classes = tuple(form.classes[i] for i in keep)
    return NameForm(tuple(form.tokens[i] for i in keep), keys, tuple(form.skeletons[i] for i in keep),
                    classes, tuple(form.classes_r[i] for i in keep), "".join(keys), "".join(classes))


# -- retrieval ----------------------------------------------------------------------------

def _retrieved(index: NameIndex, p: _Person, forms: tuple[NameForm, ...], alias_id: int,
               persons: dict[int, _Person], coef: tuple[float, ...]) -> Iterable[tuple[int, float]]:
    """Persons that the name `alias_id` of `p` (read as `forms`) finds, each with its best
    logit: the lookup's retrieval and scoring, without p's own names and persons p cannot be."""
    retrieved = index.retrieve(forms, _RETRIEVE + len(p.aliases))
    found = [a for a, q in zip(retrieved, index.data.persons_of(retrieved)) if q != p.pos and _possible(p, persons[q])]
    if not found:
        return []
    index.data.prefetch(found)
    scorer = Scorer(index.data.readings_of([alias_id])[0])
    kept = [found[i] for i in scorer.best_covered(index.data.first_readings(found), _RESCORE)]
    best: dict[int, float] = {}
    for q, scored in zip(index.data.persons_of(kept), scorer.best_pairs(index.data.readings_of(kept), coef)):
        if scored is not None:
            best[q] = max(best.get(q, -math.inf), scored[0])
    return best.items()


def _possible(p: _Person, q: _Person) -> bool:
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

def _weigh(p: _Person, q: _Person, coef: tuple[float, ...],
           scorers: dict[tuple[int, int], Scorer]) -> DuplicatePair | None:
    if not _possible(p, q):
        return None
    forward, f_forward, p_name, q_alias = _best(p, q, coef, scorers)
    backward, f_backward, q_name, p_alias = _best(q, p, coef, scorers)
    if not (p_name and q_name):  # a person without a readable name
        return None
    if forward < backward:
        names, alias_p, alias_q = forward, p_name, q_alias
    else:
        names, alias_p, alias_q = backward, p_alias, q_name
    z = (names - _NAME_MID) * _NAME_SCALE
    why = [f"names {names:.1f}"]
    if max(f_forward.weakest, f_backward.weakest) < _UNMATCHED:
        # "Mohammed bin Salman" and "Khalid bin Salman": all but the given names agree.
        z += _UNMATCHED_WORD
        why.append("each name has a word the other lacks")
    if not _word_for_word(p, q):
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


def _best(p: _Person, q: _Person, coef: tuple[float, ...],
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


def _evidence(p: _Person, q: _Person) -> Iterable[tuple[float, str]]:
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
    surnames = _chinese_surnames(p, q)
    if surnames:
        yield _OTHER_SURNAME, f"Chinese surnames differ: {surnames}"
    elif spelled := _native_spellings(p, q):
        yield _OTHER_SPELLING, f"spelled differently in their own script: {spelled}"
    if p.qualifiers and q.qualifiers and not p.qualifiers & q.qualifiers:
        yield _OTHER_QUALIFIER, (f"told apart by their names: ({', '.join(sorted(p.qualifiers))}) / "
                                 f"({', '.join(sorted(q.qualifiers))})")
    if p.one_word or q.one_word:
        yield _ONE_WORD, "a one-word name"


def _tenures(p: _Person, q: _Person) -> tuple[float, str] | None:
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


# -- word for word ---------------------------------------------------------------------------

def _word_for_word(p: _Person, q: _Person) -> bool:
    """Whether a full name of p and one of q agree word for word in some pair of their
    readings: each word of the shorter (particles aside) is a word of the longer by its
    phonetic key, its consonant skeleton (what an abjad writes), a form of the same given
    name (William, Bill), an initial of it, or its stem ("Tserendash", "Tserendashiin").
    The matcher's similarities are finer than this and forgive a letter or two ("Nazim",
    "Asim"); two records of one person have a pair of names that agree outright."""
    mine = p.full_forms or [f for _, forms in p.read or () for f in forms]
    theirs = q.full_forms or [f for _, forms in q.read or () for f in forms]
    return any(_agree(a, b) for a in mine for b in theirs)


def _agree(a: NameForm, b: NameForm) -> bool:
    short, long = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    free = list(range(len(long.tokens)))
    for i, token in enumerate(short.tokens):
        if token in PARTICLES:
            continue
        j = next((j for j in free if _same_key(short, i, long, j)), None)
        if j is None:
            return False
        free.remove(j)
    return True


def _same_key(a: NameForm, i: int, b: NameForm, j: int) -> bool:
    ka, kb = a.keys[i], b.keys[j]
    if ka == kb or (len(a.skeletons[i]) >= 2 and a.skeletons[i] == b.skeletons[j]):
        return True
    if len(ka) == 1 or len(kb) == 1:
        return ka[0] == kb[0]
    if min(len(ka), len(kb)) >= 5 and (ka.startswith(kb) or kb.startswith(ka)):
        return True
    return bool(name_groups(ka) & name_groups(kb))


# -- Chinese surnames ---------------------------------------------------------------------------

def _is_chinese_name(name: str, lang: str) -> bool:
    """A personal name in Chinese characters: two or three of them (longer ones, and names
    with a middle dot, are transliterations of foreign names), in Chinese or untagged."""
    if len(name) > 8 or lang.split("-")[0].lower() not in ("zh", ""):
        return False
    cleaned = clean(name)
    return 2 <= len(cleaned) <= 3 and " " not in cleaned and detect_script(cleaned) == "Han"


def _word(form: NameForm, i: int) -> NameForm:
    """Word i of a reading, as a reading of its own."""
    return NameForm((form.tokens[i],), (form.keys[i],), (form.skeletons[i],), (form.classes[i],),
                    (form.classes_r[i],), form.keys[i], form.classes[i])


def _chinese_surnames(p: _Person, q: _Person) -> str:
    """'' when the Chinese surnames agree or cannot be compared, else the two that differ.

    A Chinese name in characters is a surname and a given name; its first syllable is the
    surname. Against another Chinese name it is compared with that name's first syllable,
    against a name in another script with its first and last words (either order). Besides
    the matcher's similarity of the two, their consonant classes must be equal: the phonetic
    key makes zh, j and y one sound ("jang" is 张 Zhang and 杨 Yang), the classes do not."""
    if not p.han_surnames and not q.han_surnames:
        return ""
    if not p.han_surnames:
        p, q = q, p
    others = q.han_surnames or q.edge_words
    if not others or any(_same_syllable(s, t) for s in p.han_surnames for t in others):
        return ""
    return f"{p.han_surnames[0].tokens[0]} / {others[0].tokens[0]}"


def _same_syllable(s: NameForm, t: NameForm) -> bool:
    if s.classes[0] != t.classes[0] and s.classes_r[0] != t.classes_r[0]:
        return False
    spelling, sound = token_pair(_packed(s), 0, _packed(t), 0)
    return max(spelling, sound * 0.95) >= 0.75


def _packed(form: NameForm) -> Reading:
    n = len(form.tokens)
    return Reading(form.tokens, form.keys, form.skeletons, form.classes, form.classes_r,
                   token_groups(form), (False,) * n, (1.0,) * n, 0.0)


# -- spelling in the country's own script -----------------------------------------------------

def _spelling(name: str, lang: str) -> tuple[str, str, tuple[str, ...]]:
    """A name as its own script writes it, folded for comparison: diacritics and case off,
    traditional Chinese characters as simplified, German ä/ö/ü written ae/oe/ue as a/o/u."""
    folded = normalize(clean(name))
    script = detect_script(folded)
    if script == "Han":
        folded = _simplified().transliterate(folded)
    elif script == "Latin":
        folded = folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return script, lang.split("-")[0].lower(), tuple(folded.split())


@lru_cache(maxsize=1)
def _simplified() -> icu.Transliterator:
    return icu.Transliterator.createInstance("Traditional-Simplified")


@lru_cache(maxsize=512)
def _native(country: str) -> tuple[str, str]:
    """The language and the script a country writes its people's names in (ICU's likely
    subtags: RU → ru, Cyrillic; TR → tr, Latin; CN → zh, Han)."""
    likely = icu.Locale.addLikelySubtags(icu.Locale("und", country))
    return likely.getLanguage(), _SCRIPT_NAMES.get(likely.getScript(), "")


def _native_spellings(p: _Person, q: _Person) -> str:
    """'' unless both persons have names in their country's own language and script (or
    untagged in that script) and none of p's agrees with one of q's; else two that differ."""
    country = p.country or q.country
    if not country or (q.country and q.country != country):
        return ""
    lang, script = _native(country)
    if not script:
        return ""
    mine = [w for s, tag, w in p.spellings if w and s == script and tag in (lang, "")]
    theirs = [w for s, tag, w in q.spellings if w and s == script and tag in (lang, "")]
    if not mine or not theirs or any(_same_words(a, b) for a in mine for b in theirs):
        return ""
    return f"{' '.join(mine[0])} / {' '.join(theirs[0])}"


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names in one script agree: the same letters (spacing aside), or each
    word of the shorter matching its own word of the longer, exactly, as an initial, or as
    a form of the same given name (William, Bill)."""
    if "".join(a) == "".join(b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    free = list(long)
    for word in short:
        match = next((w for w in free if _same_word(word, w)), None)
        if match is None:
            return False
        free.remove(match)
    return True


def _same_word(a: str, b: str) -> bool:
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return a.isascii() and b.isascii() and bool(name_groups(phonetic_key(a)) & name_groups(phonetic_key(b)))


def _keeper(p: _Person, q: _Person) -> bool:
    """Whether p is the one to keep: the one with a Wikidata id, else the one with more
    names, else the smaller id."""
    return (bool(p.wikidata), len(p.aliases), q.id) > (bool(q.wikidata), len(q.aliases), p.id)
