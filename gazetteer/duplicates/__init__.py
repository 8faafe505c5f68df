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
from collections import defaultdict
from collections.abc import Callable, Iterable

from rollcall.resolvers import NameIndex
from rollcall.resolvers.forms import NameForm
from rollcall.resolvers.params import load_params
from rollcall.resolvers.score import Scorer, pack

from ..store import Store
from .evidence import MIN_SCORE, DuplicatePair, possible, weigh
from .names import Person, middle_positions, without_middle

__all__ = ["DuplicatePair", "find_duplicates", "MIN_SCORE"]

# Retrieval: aliases taken per query name (beyond the person's own), the best of them by
# token coverage scored fully (a lookup takes 50 and 15), and the least logit for a pair
# to be weighed at all.
_RETRIEVE = 40
_RESCORE = 15
_FLOOR = 20.0

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
        pair = weigh(_read(persons[x], index, forms), _read(persons[y], index, forms), coef, scorers)
        if pair is not None and pair.score >= min_score:
            pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, -p.name_score, p.a, p.b))
    return pairs


# -- the persons and their names --------------------------------------------------------------

def _persons(store: Store, index: NameIndex) -> dict[int, Person]:
    """Every person by its position in the index, with its aliases and what the database
    says of it."""
    persons = {p.id: Person(pos, p.id, p.name) for pos, p in enumerate(index.persons)}
    for r in store.rows("select id, wikidata, country, gender, birth_date from persons"):
        if (p := persons.get(r[0])) is not None:
            p.wikidata, p.country, p.gender, p.birth = r[1] or "", (r[2] or "").upper(), r[3] or "", r[4] or ""
    by_pos = {p.pos: p for p in persons.values()}
    for alias_id, pos in enumerate(index.data.persons_of(range(len(index)))):
        by_pos[pos].aliases.append(alias_id)
    return by_pos


def _read_tenures(store: Store, persons: list[Person]) -> None:
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


def _read(p: Person, index: NameIndex, forms: _Forms) -> Person:
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
            middle.update(f.keys[i][:1] for i in middle_positions(f))
        reduced = tuple(r for r in map(without_middle, readings) if r is not None)
        if reduced and (key := tuple(f.tokens for f in reduced)) not in seen:
            seen.add(key)
            p.names.append((record.name, tuple(pack(w) for w in index.weigh(reduced)), True))
    p.one_word = not full
    p.queries = full or readable
    p.names = [(index.data.record_of(a).name, readings, False)
               for a, readings in zip(p.queries, index.data.readings_of(p.queries))] + p.names
    p.middle = frozenset(middle)
    return p


# -- retrieval ----------------------------------------------------------------------------

def _retrieved(index: NameIndex, p: Person, forms: tuple[NameForm, ...], alias_id: int,
               persons: dict[int, Person], coef: tuple[float, ...]) -> Iterable[tuple[int, float]]:
    """Persons that the name `alias_id` of `p` (read as `forms`) finds, each with its best
    logit: the lookup's retrieval and scoring, without p's own names and persons p cannot be."""
    retrieved = index.retrieve(forms, _RETRIEVE + len(p.aliases))
    found = [a for a, q in zip(retrieved, index.data.persons_of(retrieved)) if q != p.pos and possible(p, persons[q])]
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
