"""Descriptors: the role and place words around a name ("der kirgisische Präsident",
"Minister of Foreign Affairs of the Kyrgyz Republic"), grouped, marked as deputy ones where
a deputy word stands with them and as former ones where a "former" word does ("eski
Türkmenistan Cumhurbaşkanı", "Первый Президент Казахстана"), and attached to the name they
describe."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Container, Sequence, Set

from ..normalize import normalize
from ..phrases import PhraseMatch, PhraseMatcher, phrase_tokens
from ..text import Token
from .inflection import is_korean_particle
from .types import Descriptor, NameSpan, Vocabulary

__all__ = ["CLAUSE_BREAKS", "GLUE", "DescriptorFinder", "attach", "glued", "name_before"]

# Words that may stand between the parts of a descriptor ("der Generalsekretär der SOZ",
# "Minister of Foreign Affairs of the Kyrgyz Republic"), as normalize() writes them (Greek
# της as τησ). Function words only, and none that is also a particle of names (Portuguese
# da, dos; Dutch van; Italian della: "Lula da Silva", "Della Vedova").
GLUE = frozenset(normalize(word) for word in
    """
    der die das des dem den und the of and a an la le les de du d et el del y e
    и в на من و از در 的 ve ile
    के की का کے کی کا
    של แห่ง ของ της του των wa của
    """.split()
)


class DescriptorFinder:
    def __init__(self, vocabulary: Vocabulary):
        roles = [(phrase, role) for phrase, role in vocabulary.roles if role not in (FORMER, TITLE)]
        self._roles: PhraseMatcher[str] = PhraseMatcher(roles)
        self._former: PhraseMatcher[str] = PhraseMatcher(
            [(phrase, role) for phrase, role in vocabulary.roles if role == FORMER])
        self._titles: PhraseMatcher[str] = PhraseMatcher(
            [(phrase, role) for phrase, role in vocabulary.roles if role == TITLE])
        self._places: PhraseMatcher[str] = PhraseMatcher(vocabulary.places)
        self._uncovered: PhraseMatcher[str] = PhraseMatcher(vocabulary.uncovered_places)
        self._uncovered_codes = frozenset(place.split(":", 1)[1] for _, place in vocabulary.uncovered_places)
        self._deputy_words = _deputy_words(roles)
        # The accents of each one-word role as its languages write it (_accents).
        self._role_accents: dict[str, list[Counter[str]]] = defaultdict(list)
        for phrase, _ in roles:
            if len(words := phrase_tokens(phrase)) == 1:
                self._role_accents[words[0]].append(_accents(phrase))

    def find(self, text: str, tokens: Sequence[Token], names: set[int]) -> tuple[list[Descriptor], set[int]]:
        """Role and place phrases grouped into descriptors; tokens of written-out names
        (`names`) are never part of one ("Volker Türk" is a name, not a Turk)."""
        parts: list[tuple[int, int, str, str]] = []  # first, last, kind, value
        for matcher, kind in ((self._roles, "role"), (self._places, "place"), (self._uncovered, "uncovered")):
            for m in matcher.find(tokens):
                if kind == "role" and m.first == m.last and not self._accented_as_a_role(tokens[m.first]):
                    continue
                if not any(i in names for i in range(m.first, m.last + 1)):
                    parts += [(m.first, m.last, kind, p) for p in m.payloads]
        parts.sort()
        former = self._former.find(tokens)
        # "Türkmenistan eski Cumhurbaşkanı": a former word holds a descriptor together.
        former_words = {i for m in former for i in range(m.first, m.last + 1)}
        descriptors: list[Descriptor] = []
        for first, last, kind, value in parts:
            d = descriptors[-1] if descriptors else None
            # A new descriptor starts after punctuation, after words that are not glue, and
            # at "and" once the last one is complete ("Vertreter Indiens und der
            # Generalsekretär der SOZ" are two).
            if d is None or not glued(text, tokens, d.last, first, former_words) or (
                kind == "role" and d.roles and (d.countries or d.orgs) and first > d.last + 1
            ):
                d = Descriptor(first, last, set(), "", set(), set())
                descriptors.append(d)
            d.last = max(d.last, last)
            d.first = min(d.first, first)
            if kind == "role":
                d.roles.add(value)
                d.role_text = " ".join(t.text for t in tokens[first : last + 1])
            elif value.startswith("country:"):
                d.countries.add(value.split(":", 1)[1])
            else:
                d.orgs.add(value.split(":", 1)[1])
        # A country the gazetteer does not cover is read only with a role: its name alone
        # may be a word or a name of the text ("Chad", "Israel", Persian مالی "financial").
        descriptors = [d for d in descriptors if d.roles or d.orgs or d.countries - self._uncovered_codes]
        blocked = {i for f, l, kind, _ in parts for i in range(f, l + 1)
                   if kind != "uncovered" or any(d.first <= f and l <= d.last for d in descriptors)}
        blocked |= _extend_over_titles(text, tokens, descriptors, self._titles.find(tokens), names)
        self._mark_deputies(tokens, descriptors)
        _mark_former(tokens, descriptors, former)
        _mark_collective(text, tokens, descriptors)
        return descriptors, blocked

    def _accented_as_a_role(self, token: Token) -> bool:
        """Whether a word that folds to a one-word role carries no accent its role lacks:
        a text may leave a role's accents out ("Cumhurbaskani"), but Vietnamese "rời"
        (leaves) is not French "roi" (king)."""
        accents = _accents(token.text)
        return any(accents <= role for role in self._role_accents[token.norm])

    def _mark_deputies(self, tokens: Sequence[Token], descriptors: list[Descriptor]) -> None:
        """A deputy word just before or inside a descriptor ("der stellvertretende
        pakistanische Premierminister") makes its roles the deputy ones."""
        for d in descriptors:
            words = {t.norm for t in tokens[_reach_back(tokens, d.first) : d.last + 1]}
            if words & self._deputy_words:
                d.roles = {_DEPUTY_OF.get(r, r) for r in d.roles}


def _reach_back(tokens: Sequence[Token], first: int) -> int:
    """Where the words that may qualify a descriptor starting at `first` begin: the word
    before it, past glue words ("der stellvertretende ... Premierminister")."""
    lo = first - 1
    while lo >= 0 and tokens[lo].norm in GLUE:
        lo -= 1
    return max(lo, 0)


def _accents(word: str) -> Counter[str]:
    """The accents (combining marks) of a word's letters."""
    return Counter(c for c in unicodedata.normalize("NFD", word.casefold()) if unicodedata.combining(c))


def _mark_former(tokens: Sequence[Token], descriptors: list[Descriptor], former: Sequence[PhraseMatch[str]]) -> None:
    """A "former" phrase just before or inside a descriptor, glue words between ("der
    frühere Präsident", "Türkmenistan eski Cumhurbaşkanı") or overlapping it ("Первый
    Президент", a title of a former holder)."""
    for d in descriptors:
        lo = _reach_back(tokens, d.first)
        d.former = any(m.last >= lo and m.first <= d.last for m in former)


def _extend_over_titles(text: str, tokens: Sequence[Token], descriptors: list[Descriptor],
                        titles: Sequence[PhraseMatch[str]], names: set[int]) -> set[int]:
    """Ranks and honorifics right after a descriptor belong to it, not to the name that
    follows ("कजाकिस्तान के रक्षा मंत्री कर्नल जनरल रसलान झाक्सिलिकोव", "Defence Minister
    Colonel General Ruslan Zhaksylykov"); the positions they cover."""
    starting = {m.first: m for m in titles if not any(i in names for i in range(m.first, m.last + 1))}
    covered: set[int] = set()
    for d in descriptors:
        while (m := starting.get(d.last + 1)) is not None and glued(text, tokens, d.last, m.first):
            covered.update(range(m.first, m.last + 1))
            d.last = m.last
    return covered


def _mark_collective(text: str, tokens: Sequence[Token], descriptors: list[Descriptor]) -> None:
    """A descriptor with a role next to places listed with it, separated by commas or "and":
    "تاجکستان، کرغزستان، بیلاروس کے صدر", "the presidents of Russia, China and India"."""
    for a, b in zip(descriptors, descriptors[1:]):
        if not _listed(text, tokens, a.last, b.first):
            continue
        if b.roles and not a.roles and a.countries:
            b.collective = True
        if a.roles and not b.roles and b.countries:
            a.collective = True


def _listed(text: str, tokens: Sequence[Token], last: int, first: int) -> bool:
    """Only list separators between tokens last and first: commas, "and" in any language."""
    words = {tokens[k].norm for k in range(last + 1, first)}
    between = text[tokens[last].end : tokens[first].start]
    if words - LIST_JOINERS:
        return False
    return bool(words) or any(c in ",،、" for c in between)


# Punctuation that separates parts of a sentence, in the scripts read (Arabic comma،,
# Chinese and Japanese full-width marks and the enumeration comma 、, Ethiopic ። ፣ ፤ ፥,
# Myanmar ၊ ။).
CLAUSE_BREAKS = ",;:.!?()[]\"«»“”،؛。，、；：！？（）።፣፤፥၊။"

# Words that join the items of a list ("Russia, China and India"), as normalize() writes
# them (Vietnamese và is the va of Uzbek; Armenian և is եւ; Hebrew's ו is written joined to
# the next word, and taken apart). Not those that are other short words elsewhere too
# (Hungarian és, Romanian și: Spanish "es", "si").
LIST_JOINERS = frozenset(
    """
    and und et y e и і ва و اور ve ile va və және жана ба 和 及 与 與 と 및 और
    και dan এবং او และ ו եւ და болон we እና
    """.split()
)

# The role "types" of the modifier words (gazetteer/model.py's ROLE_MODIFIERS).
FORMER = "former"
TITLE = "title"

_DEPUTY_OF = {"head_of_government": "deputy_head_of_government", "foreign_minister": "deputy_foreign_minister"}


def _deputy_words(roles: Sequence[tuple[str, str]]) -> set[str]:
    """Words that make an office the deputy one, read off the role vocabulary: those in
    deputy labels ("stellvertretender Außenminister") and in no principal label."""
    deputy: set[str] = set()
    principal: set[str] = set()
    for phrase, role_type in roles:
        (deputy if role_type.startswith("deputy_") else principal).update(phrase_tokens(phrase))
    return deputy - principal


def glued(text: str, tokens: Sequence[Token], last: int, first: int, also: Set[int] = frozenset()) -> bool:
    """Whether descriptor parts ending at `last` and starting at `first` belong together:
    only glue words (or the words at positions `also`) and spaces or hyphens between."""
    between = text[tokens[last].end : tokens[first].start]
    if any(c in CLAUSE_BREAKS for c in between):
        return False
    return all(tokens[k].norm in GLUE or k in also for k in range(last + 1, first))


def _adjacent(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Nothing but white space between tokens a and b."""
    return not text[tokens[a].end : tokens[b].start].strip()


def attach(spans: list[NameSpan], descriptors: list[Descriptor], tokens: Sequence[Token],
            text: str, gap: int) -> None:
    """A descriptor before a name describes it ("der iranische Außenminister für
    Wirtschaftsdiplomatie Mahdi Safari"), unless punctuation or another descriptor stands
    between; a descriptor after a name ("Murat Nurtleu, Außenminister Kasachstans")
    describes it only if it did not already describe a name that follows it. "And" between
    them joins two people, not a name and its office."""
    by_first = {s.first: s for s in spans}
    by_last = {s.last: s for s in spans}
    starts = {d.first for d in descriptors}
    for d in descriptors:
        for k in range(d.last + 1, min(d.last + 2 + gap, len(tokens))):
            if k in starts or any(c in CLAUSE_BREAKS for c in text[tokens[k - 1].end : tokens[k].start]) \
                    or tokens[k].norm in LIST_JOINERS or is_korean_particle(tokens[k].text):
                break  # "the President of Belarus and Xi Jinping": two people
            if k in by_first:
                if by_first[k].descriptor is None:
                    by_first[k].descriptor = d
                    d.attached = True
                break
    for d in descriptors:
        if d.attached or (last := name_before(d, by_last, tokens, gap)) is None:
            continue
        before = by_last[last].descriptor
        if before is None:
            by_last[last].descriptor = d
            d.attached = True
        elif _adjacent(text, tokens, last, d.first):
            # A name between its country and its office, as Chinese and Japanese write it
            # ("ロシアのプーチン大統領"): the two halves describe it together.
            before.roles |= d.roles
            before.countries |= d.countries
            before.orgs |= d.orgs
            before.role_text = before.role_text or d.role_text
            d.attached = True


def name_before(d: Descriptor, span_ends: Container[int], tokens: Sequence[Token], gap: int) -> int | None:
    """Of the spans ending at `span_ends`, the last token of the one a descriptor after it
    may describe: the nearest within `gap` tokens before it, unless "and" stands between."""
    for k in range(d.first - 1, max(d.first - 2 - gap, -1), -1):
        if tokens[k].norm in LIST_JOINERS:
            return None
        if k in span_ends:
            return k
    return None

