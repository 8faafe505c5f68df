"""Attendee reconciliation: from an article to the people it names, their offices on the
article's date, and whether it presents them as taking part.

Steps: tokenize; find role, place (country, organization) and cue phrases from the
gazetteer's vocabulary; find name spans (known aliases, tokens whose keys match alias tokens,
capitalised neighbours in cased scripts); group role and place phrases into descriptors and
attach each to the adjacent name; resolve names with the matcher, the descriptor as context;
join later surname-only mentions to the person named in full; resolve lone descriptors
("der Generalsekretär der SOZ") to the single holder of that post on the date; decide
attendance from the cue phrases nearest each mention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .attendance import AttendanceJudge
from .cjk import CjkNames, is_cjk
from .dates import within
from .given_names import name_groups
from .index import NameIndex, name_forms
from .matcher import MatcherConfig, match
from .normalize import clean, normalize
from .phrases import PhraseMatcher, phrase_tokens
from .score import PARTICLES
from .text import Token, tokenize
from .types import Algorithm, MatchResult, Office, Query
from .wordlike import commonness, is_capitalised, script_has_case

# The article reader's own name and version (the names it resolves carry the name
# matcher's); a change to what it finds or decides bumps the version.
DOCUMENT_ALGORITHM = Algorithm(name="rollcall-document", version="1.1")

__all__ = [
    "PostInfo", "Vocabulary", "DocumentConfig", "Mention", "Office", "PersonFound",
    "Unresolved", "DocumentResult", "DocumentReconciler", "DOCUMENT_ALGORITHM", "MAX_DOCUMENT_CHARS",
]

MAX_DOCUMENT_CHARS = 1_000_000

# Words that may stand between the parts of a descriptor ("der Generalsekretär der SOZ",
# "Minister of Foreign Affairs of the Kyrgyz Republic"). Function words only.
_GLUE = frozenset(
    """
    der die das des dem den und the of and a an la le les de du d et el del y e
    и в на من و از در 的 ve ile
    """.split()
)


# Persian and Urdu often write the ending of a Russian-type surname (-ov, -ev, -yev, -ova,
# -eva) as a word of its own, after a space or a zero-width non-joiner the text has lost:
# "کامل اف" (Kamilov), "علی یف" (Aliyev).
_DETACHED_SURNAME_ENDINGS = frozenset({"اف", "اوف", "یف", "ییف", "ایف", "اوا", "یوا", "ایوا", "ف"})

# Capitalised at the start of a sentence, these are never names on their own.
_FUNCTION_WORDS = _GLUE | frozenset(
    """
    sie er es wir ihr ich du in im an am auf aus bei mit nach von vor zu zum zur für über
    unter dabei darin diese dieser dieses den dem ein eine einer als auch aber oder wie
    the a an this that these those he she it we they his her its their in on at by for with
    from to as but or if when while during after before since also
    il elle ils elles le la les un une des ce cette en au aux pour par sur dans avec
    он она они это в на с по за из от при
    """.split()
)


# Countries whose people's names are Han characters of their own (not a rendering of a
# foreign name): their characters say nothing about transliteration.
_HAN_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG", "JP", "KR", "KP", ""})


@dataclass(frozen=True, slots=True)
class PostInfo:
    id: str
    label: str
    role_type: str
    country: str
    organization: str
    holders: tuple[tuple[str, str, str, bool], ...]  # (person id, start, end, acting)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Phrases from the gazetteer: role words, places, cues, and the posts with holders."""

    roles: tuple[tuple[str, str], ...]  # (phrase, role_type)
    places: tuple[tuple[str, str], ...]  # (phrase, "country:KZ" or "org:sco")
    cues: tuple[tuple[str, str], ...]  # (phrase, "attending" | "not_attending")
    posts: tuple[PostInfo, ...]


@dataclass(frozen=True, slots=True)
class DocumentConfig:
    # A name is taken as the person when the matcher's confidence reaches this.
    accept_confidence: float = 0.5
    # Confidence of a name shared by namesakes of whom only one held an office on the date.
    in_office_confidence: float = 0.8
    # Confidence of a mention written exactly as an alias that only one person has.
    exact_confidence: float = 0.99
    # Least similarity of a mention's worst-matched word to the name it is taken for.
    weakest_word: float = 0.5
    # Confidence given to a name whose only plausible bearer held the office the article
    # names on its date (before the matcher's own confidence, if higher).
    agreement_confidence: float = 0.9
    # A cue of not attending applies to mentions at most this many tokens away.
    not_attending_window: int = 10
    # Tokens allowed between a descriptor and the name it describes.
    attach_gap: int = 3
    # A lone word this common in the text's language (Zipf: 5.5 is about three in a hundred
    # thousand words: "may", "river", "devlet") is an ordinary word, whoever it spells.
    common_word: float = 5.5
    # A name made only of words this common ("Devlet Başkanları": state presidents) needs to
    # be written as an alias.
    common_name_word: float = 4.0
    # Least confidence of a Chinese or Japanese name written as no alias, with no role
    # phrase beside it.
    unwritten_cjk_confidence: float = 0.8
    # In a script without case nothing marks a name but its words. One this common (Zipf
    # 6.5, three in a thousand words: Hindi के, Urdu کے, Persian در, postpositions and
    # conjunctions) is never part of a name; a name goes on over words this rare (Zipf 3.5,
    # three in ten million: a foreign surname in Devanagari or Arabic letters) and gives
    # them back if the whole does not match. Not over commoner ones: Arabic "شرف الزعماء"
    # ("in honour of the leaders") is no name.
    function_word: float = 6.5
    rare_word: float = 3.5
    longest_name: int = 6


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class PersonFound:
    id: str
    name: str
    confidence: float
    attending: bool
    mentions: list[Mention] = field(default_factory=list)
    office: Office | None = None


@dataclass(frozen=True, slots=True)
class Unresolved:
    start: int
    end: int
    text: str
    role: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class DocumentResult:
    people: tuple[PersonFound, ...]
    unresolved: tuple[Unresolved, ...]
    algorithm: Algorithm = field(default_factory=lambda: DOCUMENT_ALGORITHM)


@dataclass(slots=True)
class _Descriptor:
    first: int
    last: int
    roles: set[str]
    role_text: str
    countries: set[str]
    orgs: set[str]
    attached: bool = False


@dataclass(slots=True)
class _NameSpan:
    first: int
    last: int
    descriptor: _Descriptor | None = None
    # Where the words the gazetteer knows end, when the span goes on over unknown ones.
    known_last: int | None = None
    # Found only by its place after a role phrase, not by its spelling.
    after_role: bool = False


class DocumentReconciler:
    """Compiled vocabulary + name index; reconcile() is pure and thread-safe."""

    def __init__(self, index: NameIndex, vocabulary: Vocabulary, matcher: MatcherConfig | None = None,
                 config: DocumentConfig | None = None):
        self.index = index
        # Names in articles are mostly written as the gazetteer has them: fewer aliases per
        # name need the full scoring than for a lone query.
        self.matcher = matcher or MatcherConfig(retrieve=20)
        self.config = config or DocumentConfig()
        self._roles: PhraseMatcher[str] = PhraseMatcher(vocabulary.roles)
        self._places: PhraseMatcher[str] = PhraseMatcher(vocabulary.places)
        self._attendance = AttendanceJudge(vocabulary.cues, self.config.not_attending_window)
        self._deputy_words = _deputy_words(vocabulary.roles)
        self._aliases: PhraseMatcher[int] = PhraseMatcher(
            (a.record.name, i) for i, a in enumerate(index.aliases)
        )
        self._exact_names = frozenset(normalize(a.record.name) for a in index.aliases)
        self._vocabulary = vocabulary
        self._cjk: CjkNames | None = None
        self._name_keys: set[str] = set()
        for alias in index.aliases:
            for form in alias.forms:
                self._name_keys.update(k for k, t in zip(form.keys, form.tokens) if len(k) >= 2 and t not in PARTICLES)
        self._posts = vocabulary.posts
        self._person_pos = {p.id: i for i, p in enumerate(index.persons)}
        self._person_posts: dict[str, list[tuple[PostInfo, str, str, bool]]] = defaultdict(list)
        for post in vocabulary.posts:
            for person_id, start, end, acting in post.holders:
                self._person_posts[person_id].append((post, start, end, acting))

    # -- finding ----------------------------------------------------------------------

    def _is_name_token(self, tok: Token, lang: str | None) -> bool:
        if not tok.norm or tok.norm in PARTICLES or tok.text.isdigit() or self._is_function_word(tok, lang):
            return False
        forms = name_forms(clean(tok.text), lang)
        return any(k in self._name_keys for f in forms for k in f.keys)

    def _is_function_word(self, tok: Token, lang: str | None) -> bool:
        return not script_has_case(tok.text) and commonness(tok.text, lang) >= self.config.function_word

    def _may_continue_name(self, tokens: Sequence[Token], k: int, lang: str | None) -> bool:
        """Whether token k, after name words, is itself name-like: capitalised in a script
        with case, rare in one without, or a word whose Russian surname ending follows it
        apart (Persian "کامل اف": Kamilov), or that ending itself."""
        tok = tokens[k]
        if tok.norm in _FUNCTION_WORDS:
            return False
        if script_has_case(tok.text):
            return _capital_word(tok)
        if tok.text in _DETACHED_SURNAME_ENDINGS:
            return True
        if k + 1 < len(tokens) and tokens[k + 1].text in _DETACHED_SURNAME_ENDINGS:
            return True
        return not is_cjk(tok.text[0]) and commonness(tok.text, lang) < self.config.rare_word

    def _written_names(self, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Aliases written out in full; a one-word alias only when it is not a common
        function word of the text ("The", "Sie")."""
        return [
            (m.first, m.last) for m in self._aliases.find(tokens)
            if (m.last > m.first or tokens[m.first].norm not in _FUNCTION_WORDS)
            # In a script with case a name is capitalised: "дар" (Tajik "in") is not Dar.
            and all(is_capitalised(t.text) or t.norm in PARTICLES for t in tokens[m.first : m.last + 1])
        ]

    def _name_spans(self, text: str, tokens: Sequence[Token], blocked: set[int], lang: str | None,
                    written: list[tuple[int, int]], descriptors: Sequence[_Descriptor] = ()) -> list[_NameSpan]:
        """Known aliases as written (the only way in for Chinese), then runs of tokens whose
        keys are those of alias tokens, extended rightwards over capitalised words."""
        spans: list[_NameSpan] = []
        taken: set[int] = set()
        for first, last in written:
            if not any(i in blocked for i in range(first, last + 1)):
                spans.append(_NameSpan(first, last))
                taken.update(range(first, last + 1))
        # Chinese and Japanese: the segmenter's names; a character's keys say nothing.
        cjk = [is_cjk(tok.text[0]) for tok in tokens]
        if any(cjk):
            token_at = {t.start: i for i, t in enumerate(tokens)}
            token_ending = {t.end: i for i, t in enumerate(tokens)}
            for start, end in self._cjk_names().spans(text, lang):
                head, tail = token_at.get(start), token_ending.get(end)
                if head is None or tail is None or any(i in blocked or i in taken for i in range(head, tail + 1)):
                    continue
                spans.append(_NameSpan(head, tail))
                taken.update(range(head, tail + 1))
        known = [
            not cjk[i] and i not in blocked and i not in taken and not tok.text[:1].islower()
            and tok.norm not in _FUNCTION_WORDS and self._is_name_token(tok, lang)
            for i, tok in enumerate(tokens)
        ]
        i = 0
        while i < len(tokens):
            if not known[i]:
                i += 1
                continue
            first = last = i
            # Extend rightwards over capitalised neighbours (cased scripts): a surname the
            # gazetteer spells otherwise follows a known given name ("Ruslan Mirzayev").
            # Not leftwards: German capitalises every noun before a name.
            known_last = first
            while last + 1 < len(tokens) and last + 1 not in taken and last + 1 not in blocked and _joins(text, tokens, last, last + 1) and (
                known[last + 1] or self._may_continue_name(tokens, last + 1, lang)
            ):
                last += 1
                known_last = last if known[last] else known_last
            last = min(last, first + self.config.longest_name - 1)
            spans.append(_NameSpan(first, last, known_last=min(known_last, last)))
            i = last + 1
        # Right after a role phrase, capitalised words are a name even if the gazetteer
        # knows none of them as spelt ("Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan"): the role
        # and the capitals are the evidence; if the whole does not match, shorter runs are
        # tried. Not in a script without case, where nothing but the words would mark it,
        # and not when the run leads into a name already found: its words are then the
        # person's country or title, which the vocabulary lacks.
        for d in descriptors:
            if d.roles and (span := self._name_after_role(text, tokens, d, blocked, taken, lang)):
                spans.append(span)
                taken.update(range(span.first, span.last + 1))
        # A known alias followed by more name words ("Sergej Lawrow" + patronymic) merges.
        spans.sort(key=lambda s: s.first)
        merged: list[_NameSpan] = []
        for span in spans:
            if merged and span.first == merged[-1].last + 1 and _joins(text, tokens, merged[-1].last, span.first):
                merged[-1].last = span.last
                merged[-1].known_last = span.known_last
            else:
                merged.append(span)
        return merged

    def _name_after_role(self, text: str, tokens: Sequence[Token], d: _Descriptor, blocked: set[int],
                         taken: set[int], lang: str | None) -> _NameSpan | None:
        """The run of capitalised words right after the role phrase `d`, if any, and if it
        does not run into a name already found."""
        first = d.last + 1
        if first >= len(tokens) or first in taken or first in blocked or not _joins(text, tokens, d.last, first) \
                or not _capital_word(tokens[first]) or tokens[first].norm in _FUNCTION_WORDS:
            return None
        last = first
        while last + 1 < len(tokens) and last + 1 - first < self.config.longest_name \
                and last + 1 not in blocked and _joins(text, tokens, last, last + 1):
            if last + 1 in taken:
                return None
            if not self._may_continue_name(tokens, last + 1, lang):
                break
            last += 1
        return _NameSpan(first, last, known_last=first, after_role=True)

    def _cjk_names(self) -> CjkNames:
        """Built on the first Chinese or Japanese article (the segmenter's dictionary)."""
        if self._cjk is None:
            index = self.index
            names = [a.record.name for a in index.aliases]
            # Characters of the Han renderings of foreign names: those of people of
            # countries that do not write their own names in Han characters.
            translit = {c for i, a in enumerate(index.aliases)
                        if index.persons[index.person_of(i)].country not in _HAN_COUNTRIES
                        for c in a.record.name if is_cjk(c)}
            words = [p for p, _ in self._vocabulary.roles] + [p for p, _ in self._vocabulary.places]
            self._cjk = CjkNames(names, words, translit)
        return self._cjk

    def _descriptors(self, text: str, tokens: Sequence[Token], names: set[int]) -> tuple[list[_Descriptor], set[int]]:
        """Role and place phrases grouped into descriptors; tokens of written-out names
        (`names`) are never part of one ("Volker Türk" is a name, not a Turk)."""
        parts: list[tuple[int, int, str, str]] = []  # first, last, kind, value
        for matcher, kind in ((self._roles, "role"), (self._places, "place")):
            for m in matcher.find(tokens):
                if not any(i in names for i in range(m.first, m.last + 1)):
                    parts += [(m.first, m.last, kind, p) for p in m.payloads]
        parts.sort()
        blocked = {i for f, l, _, _ in parts for i in range(f, l + 1)}
        descriptors: list[_Descriptor] = []
        for first, last, kind, value in parts:
            d = descriptors[-1] if descriptors else None
            # A new descriptor starts after punctuation, after words that are not glue, and
            # at "and" once the last one is complete ("Vertreter Indiens und der
            # Generalsekretär der SOZ" are two).
            if d is None or not _glued(text, tokens, d.last, first) or (
                kind == "role" and d.roles and (d.countries or d.orgs) and first > d.last + 1
            ):
                d = _Descriptor(first, last, set(), "", set(), set())
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
        return descriptors, blocked

    # -- resolving ----------------------------------------------------------------------

    def _mark_deputies(self, tokens: Sequence[Token], descriptors: list[_Descriptor]) -> None:
        """A deputy word just before or inside a descriptor ("der stellvertretende
        pakistanische Premierminister") makes its roles the deputy ones."""
        for d in descriptors:
            lo = d.first - 1
            while lo >= 0 and tokens[lo].norm in _GLUE:
                lo -= 1
            words = {t.norm for t in tokens[max(lo, 0) : d.last + 1]}
            if words & self._deputy_words:
                d.roles = {_DEPUTY_OF.get(r, r) for r in d.roles}

    def _holders(self, d: _Descriptor, date: str | None) -> set[str]:
        out: set[str] = set()
        for post in self._posts:
            if post.role_type not in d.roles:
                continue
            if not ((post.country and post.country in d.countries) or (post.organization and post.organization in d.orgs)):
                continue
            for person_id, start, end, _ in post.holders:
                if date is None or within(date, start or None, end or None):
                    out.add(person_id)
        return out

    def _held_role(self, person_id: str, d: _Descriptor | None, date: str | None) -> bool:
        """Whether the person held one of the descriptor's roles on the date (any country:
        the article may name it in words the vocabulary lacks). True without a date."""
        if d is None or not date:
            return True
        return any(post.role_type in d.roles and within(date, s or None, e or None)
                   for post, s, e, _ in self._person_posts.get(person_id, ()))

    def _holds_office(self, person_id: str, date: str) -> bool:
        return any(within(date, s or None, e or None) for _, s, e, _ in self._person_posts.get(person_id, ()))

    def office_on(self, person_id: str, date: str | None, roles: set[str]) -> Office | None:
        held = [
            (post, s, e, a) for post, s, e, a in self._person_posts.get(person_id, [])
            if date is None or within(date, s or None, e or None)
        ]
        if not held:
            return None
        held.sort(key=lambda h: (h[0].role_type not in roles, _RANK.get(h[0].role_type, 9), h[1]))
        post, s, e, a = held[0]
        return Office(post.id, post.label, post.role_type, post.organization, post.country, s, e, a)

    def reconcile(self, text: str, lang: str | None = None, date: str | None = None) -> DocumentResult:
        tokens = tokenize(text)
        written = self._written_names(tokens)
        descriptors, blocked = self._descriptors(text, tokens, {i for f, l in written for i in range(f, l + 1)})
        self._mark_deputies(tokens, descriptors)
        spans = self._name_spans(text, tokens, blocked, lang, written, descriptors)
        _attach(spans, descriptors, tokens, text, self.config.attach_gap)
        people: dict[str, PersonFound] = {}
        surnames: dict[str, str] = {}  # key of a resolved person's name token → person
        unresolved: list[Unresolved] = []
        roles_of: dict[str, set[str]] = defaultdict(set)
        for span in spans:
            mention = _mention(tokens, span.first, span.last, text)
            d = span.descriptor
            person_id, conf = self._resolve_name(mention.text, lang, date, d, surnames, span.first == span.last)
            original_last = span.last
            while person_id is None and span.known_last is not None and span.known_last < span.last:
                # The words after the known ones were no part of the name after all.
                span.last -= 1
                mention = _mention(tokens, span.first, span.last, text)
                person_id, conf = self._resolve_name(mention.text, lang, date, d, surnames, span.first == span.last)
            if person_id is not None and span.after_role and not self._held_role(person_id, d, date):
                # Found by the role alone, the name must be of someone who held it: a
                # spelling near another person's name is not enough ("Sultan Raev", a
                # secretary-general the gazetteer lacks, is not Salahuddin Rabbani).
                person_id = None
            if person_id is None:
                span.last = original_last  # reported as found: nobody the gazetteer knows
                mention = _mention(tokens, span.first, span.last, text)
                if span.last > span.first and (d or self._has_given_name(tokens, span, lang)):
                    unresolved.append(Unresolved(mention.start, mention.end, mention.text,
                                                 d.role_text if d else "", _one(d.countries) if d else ""))
                continue
            self._add(people, person_id, conf, mention)
            if d:
                roles_of[person_id] |= d.roles
            for form in name_forms(clean(mention.text), lang):
                for key in form.keys:
                    surnames.setdefault(key, person_id)
        for d in descriptors:
            if d.attached or not d.roles or not (d.countries or d.orgs):
                continue
            mention = _mention(tokens, d.first, d.last, text)
            holders = self._holders(d, date)
            if len(holders) == 1:
                person_id = holders.pop()
                self._add(people, person_id, 0.9, mention)
                roles_of[person_id] |= d.roles
            elif not holders and "representative" in d.roles:
                unresolved.append(Unresolved(mention.start, mention.end, mention.text,
                                             sorted(d.roles)[0], _one(d.countries)))
        in_office = (lambda person_id: self._holds_office(person_id, date)) if date else (lambda _: False)
        self._attendance.decide(people.values(), tokens, text, blocked, in_office)
        for person_id, p in people.items():
            pos = self._person_pos.get(person_id)
            p.name = self.index.persons[pos].name if pos is not None else person_id
            p.office = self.office_on(person_id, date, roles_of.get(person_id, set()))
            p.mentions.sort(key=lambda m: m.start)
        ordered = sorted(people.values(), key=lambda p: p.mentions[0].start)
        return DocumentResult(tuple(ordered), tuple(sorted(unresolved, key=lambda u: u.start)))

    def _resolve_name(self, name: str, lang: str | None, date: str | None, d: _Descriptor | None,
                      surnames: dict[str, str], single: bool) -> tuple[str | None, float]:
        name = _attach_surname_endings(name)
        if single:
            # A surname after the full name joins that person ("Nurtleu" after "Murat Nurtleu").
            for form in name_forms(clean(name), lang):
                for key in form.keys:
                    if key in surnames:
                        return surnames[key], 0.9
            if len(clean(name)) < 3:
                return None, 0.0
        person_id, conf = self._match_name(name, lang, date, d, single)
        if person_id is not None and not self._enough_evidence(name, lang, date, d, single, person_id, conf):
            return None, conf
        return person_id, conf

    def _enough_evidence(self, name: str, lang: str | None, date: str | None, d: _Descriptor | None,
                         single: bool, person_id: str, conf: float) -> bool:
        """Whether a name the matcher resolved is a person of the text and not an ordinary
        word that spells like one. A role phrase next to it is evidence enough. A lone word
        ("May", "Dar") is a person only when that person held an office on the article's
        date and the word is not among the most common of the language; a run of common
        words ("Devlet Başkanları") only when it is written exactly as an alias (checked
        by the caller's scoring: every word must then match closely)."""
        if d is not None:
            return True
        if all(is_cjk(c) for c in name if c.isalpha()) and normalize(name) not in self._exact_names:
            # A Chinese or Japanese word the segmenter took for a name, written as no alias:
            # its reading alone must match well (place names read like surnames).
            return conf >= self.config.unwritten_cjk_confidence
        # As written: normalize() folds letters a word list tells apart (Urdu ے into ی).
        words = name.split()
        if single:
            held = date is not None and self._holds_office(person_id, date)
            return held and commonness(words[0], lang) < self.config.common_word
        return not all(commonness(w, lang) >= self.config.common_name_word for w in words) \
            or normalize(name) in self._exact_names

    def _match_name(self, name: str, lang: str | None, date: str | None, d: _Descriptor | None,
                    single: bool) -> tuple[str | None, float]:
        owners = {self.index.person_of(a) for a in self.index.exact(normalize(name))}
        if len(owners) == 1:
            # Written exactly as one person's alias, and nobody else's: no need to score.
            return self.index.persons[owners.pop()].id, self.config.exact_confidence
        query = Query(name[:1000], lang, date, _one(d.countries) if d else None,
                      d.role_text if d and d.role_text else None, limit=3)
        try:
            result = self._match(query)
        except ValueError:
            return None, 0.0
        if not result.candidates:
            return None, 0.0
        top = result.candidates[0]
        if d and d.roles:
            # The article says which office the person holds: among the candidates, the one
            # who held it on the date is meant ("der kirgisische Präsident Japarow").
            holders = self._holders(d, date)
            agreeing = [c for c in result.candidates if c.person_id in holders]
            if len(agreeing) == 1 and (not single or _sounds_like_surname(
                name, lang, agreeing[0].matched_alias, agreeing[0].matched_alias_lang
            )):
                return agreeing[0].person_id, max(agreeing[0].confidence, self.config.agreement_confidence)
        if date and top.confidence < self.config.accept_confidence:
            # Namesakes ("Wang Yi"): if only one of those named alike held an office on the
            # date, an article about that date means that one.
            alike = [c for c in result.candidates if normalize(c.matched_alias) == normalize(top.matched_alias)]
            in_office = [c for c in alike if self._holds_office(c.person_id, date)]
            if len(alike) > 1 and len(in_office) == 1:
                return in_office[0].person_id, self.config.in_office_confidence
        if top.confidence < self.config.accept_confidence or top.features.get("weakest", 1.0) < self.config.weakest_word:
            # Running text has capitalised runs that are no names ("The Astana Times"):
            # every word of a mention must match some word of the name.
            return None, top.confidence
        if single and not _is_surname_of(name, lang, top.matched_alias, top.matched_alias_lang):
            return None, top.confidence  # a lone given name ("Volker") names nobody yet
        return top.person_id, top.confidence

    @lru_cache(maxsize=4096)  # noqa: B019 (the reconciler lives as long as its index)
    def _match(self, query: Query) -> MatchResult:
        """Articles repeat names; the answer for the same query is the same."""
        return match(self.index, query, self.matcher)

    @staticmethod
    def _has_given_name(tokens: Sequence[Token], span: _NameSpan, lang: str | None) -> bool:
        return any(
            name_groups(k)
            for t in tokens[span.first : span.last + 1]
            for f in name_forms(clean(t.text), lang)
            for k in f.keys
        )

    @staticmethod
    def _add(people: dict[str, PersonFound], person_id: str, conf: float, mention: Mention) -> None:
        p = people.get(person_id)
        if p is None:
            p = people[person_id] = PersonFound(person_id, "", conf, False)
        p.confidence = max(p.confidence, conf)
        if all(m.start != mention.start for m in p.mentions):
            p.mentions.append(mention)

_DEPUTY_OF = {"head_of_government": "deputy_head_of_government", "foreign_minister": "deputy_foreign_minister"}


def _deputy_words(roles: Sequence[tuple[str, str]]) -> set[str]:
    """Words that make an office the deputy one, read off the role vocabulary: those in
    deputy labels ("stellvertretender Außenminister") and in no principal label."""
    deputy: set[str] = set()
    principal: set[str] = set()
    for phrase, role_type in roles:
        (deputy if role_type.startswith("deputy_") else principal).update(phrase_tokens(phrase))
    return deputy - principal


_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "secretary_general": 3}


def _sounds_like_surname(word: str, lang: str | None, alias: str, alias_lang: str) -> bool:
    """Whether `word` reads (by phonetic key) as the last word of `alias`."""
    keys = {k for f in name_forms(clean(word), lang) for k in f.keys}
    return any(f.keys and f.keys[-1] in keys for f in name_forms(clean(alias), alias_lang or None))


def _is_surname_of(word: str, lang: str | None, alias: str, alias_lang: str) -> bool:
    """Whether one word alone names the person of `alias`: it is the alias's last word (the
    family name) or the whole alias, as written, or read alike when the word is long enough
    not to be a common word that merely sounds like a name ("Sie" is not "Xi")."""
    words = normalize(alias).split()
    if not words:
        return False
    if normalize(word) in (words[-1], " ".join(words)):
        return True
    return len(normalize(word)) >= 5 and _sounds_like_surname(word, lang, alias, alias_lang)


def _one(values: set[str]) -> str:
    return sorted(values)[0] if values else ""


def _attach_surname_endings(name: str) -> str:
    """The name with detached surname endings put back on their words ("کامل اف" →
    "کاملاف"), as the matcher compares whole words."""
    words = name.split()
    out: list[str] = []
    for word in words:
        if out and word in _DETACHED_SURNAME_ENDINGS:
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)


def _capital_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and len(tok.text) > 1 and not tok.text.isupper()


def _joins(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Tokens a and b are adjacent words of one name: one space or a hyphen between (or
    nothing, between characters of Chinese or Japanese)."""
    return text[tokens[a].end : tokens[b].start] in ("", " ", "-", "\u00a0", "‑")


def _glued(text: str, tokens: Sequence[Token], last: int, first: int) -> bool:
    """Whether descriptor parts ending at `last` and starting at `first` belong together:
    only glue words and spaces or hyphens between."""
    between = text[tokens[last].end : tokens[first].start]
    if any(c in ",;:.!?()[]\"«»“”،؛" for c in between):
        return False
    return all(tokens[k].norm in _GLUE for k in range(last + 1, first))


def _adjacent(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Nothing but white space between tokens a and b."""
    return not text[tokens[a].end : tokens[b].start].strip()


def _mention(tokens: Sequence[Token], first: int, last: int, text: str) -> Mention:
    start, end = tokens[first].start, tokens[last].end
    return Mention(start, end, text[start:end])


def _attach(spans: list[_NameSpan], descriptors: list[_Descriptor], tokens: Sequence[Token],
            text: str, gap: int) -> None:
    """A descriptor before a name describes it ("der iranische Außenminister für
    Wirtschaftsdiplomatie Mahdi Safari"), unless punctuation or another descriptor stands
    between; a descriptor after a name ("Murat Nurtleu, Außenminister Kasachstans")
    describes it only if it did not already describe a name that follows it."""
    by_first = {s.first: s for s in spans}
    by_last = {s.last: s for s in spans}
    starts = {d.first for d in descriptors}
    for d in descriptors:
        for k in range(d.last + 1, min(d.last + 2 + gap, len(tokens))):
            if k in starts or any(c in ",;:.!?()" for c in text[tokens[k - 1].end : tokens[k].start]):
                break
            if k in by_first:
                if by_first[k].descriptor is None:
                    by_first[k].descriptor = d
                    d.attached = True
                break
    for d in descriptors:
        if d.attached:
            continue
        for k in range(d.first - 1, max(d.first - 2 - gap, -1), -1):
            if k in by_last:
                before = by_last[k].descriptor
                if before is None:
                    by_last[k].descriptor = d
                    d.attached = True
                elif _adjacent(text, tokens, k, d.first):
                    # A name between its country and its office, as Chinese and Japanese
                    # write it ("ロシアのプーチン大統領"): the two halves describe it together.
                    before.roles |= d.roles
                    before.countries |= d.countries
                    before.orgs |= d.orgs
                    before.role_text = before.role_text or d.role_text
                    d.attached = True
                break
