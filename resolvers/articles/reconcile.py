"""Attendee reconciliation: from an article to the people it names, their offices on the
article's date, and whether it presents them as taking part.

Steps: tokenize; find role and place phrases and group them into descriptors
(descriptors.py); find name spans (mentions.py) and attach each descriptor to the name it
describes; resolve names with the matcher, the descriptor as context, and keep those the
evidence bears out (evidence.py: not an ordinary word that spells like a name); join later
surname-only mentions to the person named in full; resolve lone descriptors ("der
Generalsekretär der SOZ") to the single holder of that post on the date (offices.py);
decide attendance (attendance.py).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..index import NameIndex
from ..matcher import MatcherConfig, match
from ..normalize import normalize
from ..script import detect_script
from ..text import Token, tokenize
from ..types import Candidate, MatchResult, Office, Query
from ..wordlike import is_capitalised, script_has_case, tells_names_from_words
from .attendance import AttendanceJudge
from .descriptors import DescriptorFinder, attach, name_before
from .evidence import Evidence, all_cjk
from .inflection import attach_surname_endings, keys_with_stems
from .mentions import MentionFinder, joins, mention_at
from .name_words import (begins_unknown_name, initials_before, is_another_given_name, is_name_like, is_surname_of,
                         letters_read, sounds_like_surname)
from .offices import Offices
from .types import Descriptor, DocumentConfig, DocumentResult, Mention, NameSpan, PersonFound, Unresolved, Vocabulary

__all__ = ["DocumentReconciler"]


# The key of each word of a name resolved in the article → its person, and the confidence
# of that name: a later word of it alone joins that person (_resolve_name).
_Surnames = dict[str, tuple[str, float]]

# The offices a state's own citizen holds (not those of an organization).
_STATE_OFFICES = frozenset({"head_of_state", "head_of_government", "deputy_head_of_government", "foreign_minister",
                            "deputy_foreign_minister", "defence_minister"})


class DocumentReconciler:
    """Compiled vocabulary + name index; reconcile() is pure and thread-safe."""

    def __init__(self, index: NameIndex, vocabulary: Vocabulary, matcher: MatcherConfig | None = None,
                 config: DocumentConfig | None = None):
        self.index = index
        # Names in articles are mostly written as the gazetteer has them: fewer aliases per
        # name need the full scoring than for a lone query.
        self.matcher = matcher or MatcherConfig(retrieve=20)
        self.config = config or DocumentConfig()
        self._descriptors = DescriptorFinder(vocabulary)
        self._mentions = MentionFinder(index, vocabulary, self.config)
        self._offices = Offices(vocabulary.posts)
        self._attendance = AttendanceJudge(vocabulary.cues, self.config.not_attending_window)
        self._evidence = Evidence(index, self._offices, self.config, lambda name, lang: [
            t.text for t in self._mentions.split_compounds(tokenize(name), lang)])
        # Articles repeat names; the answer for the same query is the same. A cache of this
        # reconciler's own, so a reloaded gazetteer's reconciler does not keep the old alive.
        self._match = lru_cache(maxsize=4096)(self._match_uncached)
        self._former_names: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for person_id, name, lang, until in vocabulary.former_names:
            self._former_names[person_id].append((name, lang, until))

    def _name_on(self, person_id: str, date: str | None) -> str:
        """The name the person bore on the date if it was a former one (English first), else ""."""
        if not date:
            return ""
        before = [(name, lang) for name, lang, until in self._former_names.get(person_id, ()) if date < until]
        return next((name for name, lang in before if lang == "en"), before[0][0] if before else "")

    def office_on(self, person_id: str, date: str | None, roles: set[str]) -> Office | None:
        return self._offices.office_on(person_id, date, roles)

    def reconcile(self, text: str, lang: str | None = None, date: str | None = None) -> DocumentResult:
        tokens = self._mentions.split_compounds(tokenize(text), lang)
        written = self._mentions.written_names(tokens)
        descriptors, blocked = self._descriptors.find(text, tokens, {i for f, l in written for i in range(f, l + 1)})
        spans = self._mentions.spans(text, tokens, blocked | self._attendance.phrase_words(tokens), lang, written,
                                     descriptors)
        attach(spans, descriptors, tokens, text, self.config.attach_gap)
        people: dict[str, PersonFound] = {}
        surnames: _Surnames = {}
        unresolved: list[Unresolved] = []
        roles_of: dict[str, set[str]] = defaultdict(set)
        # The spans without a descriptor that named nobody, by last token, with their report.
        named_nobody: dict[int, tuple[NameSpan, Unresolved | None]] = {}
        for span in spans:
            d = span.descriptor
            person_id, conf, mention = self._resolve_span(span, text, tokens, lang, date, surnames)
            if person_id is None and (moved := self._role_of_the_name_before(span, named_nobody, text, tokens, lang,
                                                                              date, surnames)):
                if (later := self._unresolved(span, text, tokens, lang)) is not None:
                    unresolved.append(later)  # as it reads without the role
                (span, earlier), (person_id, conf, mention) = moved
                if earlier is not None:
                    unresolved.remove(earlier)  # it names somebody now
            if person_id is None:
                if d and span.first == span.last and self._evidence.all_common([tokens[span.first].text], lang):
                    # An ordinary word after the role ("الرئيس القرغيزي إن ..."): the role
                    # phrase stands alone and may name its holder itself.
                    d.attached = False
                gone = self._unresolved(span, text, tokens, lang)
                if gone is not None:
                    unresolved.append(gone)
                if d is None:
                    named_nobody[span.last] = (span, gone)
                continue
            d = span.descriptor
            self._add(people, person_id, conf, mention)
            if d:
                roles_of[person_id] |= d.roles
            for key in keys_with_stems(mention.text, lang):
                surnames.setdefault(key, (person_id, conf))
        named = set(people)  # by a name in the text, not only by an office
        for d in descriptors:
            if d.attached or d.former or d.collective or not d.roles or not (d.countries or d.orgs):
                continue  # former holders, or holders of several countries: the office names nobody
            mention = mention_at(tokens, d.first, d.last, text)
            holders = self._offices.holders(d, date)
            if len(holders) == 1:
                person_id = holders.pop()
                self._add(people, person_id, 0.9, mention)
                roles_of[person_id] |= d.roles
            elif not holders and "representative" in d.roles:
                unresolved.append(Unresolved(mention.start, mention.end, mention.text,
                                             sorted(d.roles)[0], _one(d.countries)))
        in_office = (lambda person_id: self._offices.holds_office(person_id, date)) if date else (lambda _: False)
        self._attendance.decide(people.values(), tokens, text, blocked, in_office, lang)
        # An office spoken of and never named ("the report of the Secretary-General", "the
        # President's decree") is the office's, not a person's part in the event: its holder
        # is reported only as taking part.
        for person_id in [p for p in people if p not in named and not people[p].attending]:
            del people[person_id]
        for person_id, p in people.items():
            known = self.index.person(person_id)
            p.name = self._name_on(person_id, date) or (known.name if known else person_id)
            p.office = self._offices.office_on(person_id, date, roles_of.get(person_id, set()))
            p.mentions.sort(key=lambda m: m.start)
        ordered = sorted(people.values(), key=lambda p: p.mentions[0].start)
        return DocumentResult(tuple(ordered), tuple(sorted(unresolved, key=lambda u: u.start)))

    def _role_of_the_name_before(
        self, span: NameSpan, named_nobody: dict[int, tuple[NameSpan, Unresolved | None]], text: str,
        tokens: list[Token], lang: str | None, date: str | None, surnames: _Surnames,
    ) -> tuple[tuple[NameSpan, Unresolved | None], tuple[str | None, float, Mention]] | None:
        """The role between two spans went to the second (attach), which names nobody: it
        describes the first if, with it, that one names somebody ("นายหลี่ เฉียง
        นายกรัฐมนตรีจีน ที่มหาศาลาประชาชน": Mr Li Qiang, Chinese Prime Minister, at the Great
        Hall of the People). Then that span and what was reported of it, and what
        _resolve_span finds; else None, and the role stays where it was."""
        d = span.descriptor
        if d is None or d.last >= span.first:
            return None
        k = name_before(d, named_nobody, tokens, self.config.attach_gap)
        if k is None:
            return None
        earlier, gone = named_nobody[k]
        earlier.descriptor, span.descriptor = d, None
        found = self._resolve_span(earlier, text, tokens, lang, date, surnames)
        if found[0] is None:
            earlier.descriptor, span.descriptor = None, d
            return None
        del named_nobody[k]
        return (earlier, gone), found

    def _resolve_span(self, span: NameSpan, text: str, tokens: list[Token], lang: str | None, date: str | None,
                      surnames: _Surnames) -> tuple[str | None, float, Mention]:
        """The person a name span names, the confidence, and the mention as resolved: with
        the initials before it, or without the unknown words after the known ones; with the
        unknown words before them (NameSpan.known_first) only when the name needs them and
        then names someone surely (DocumentConfig.word_before_confidence): the known words
        alone may name nobody ("ბერდიმუჰამედოვი": two persons bear it) or
        someone else less surely ("გურბანგული ბერდიმუჰამედოვი", Gurbanguly, after Serdar
        Berdimuhamedov is named); they name the same person when the word is no given name
        ("ጸሐፊ ዳሙ ራቪ", secretary Dammu Ravi), and another more surely when it is a word of
        the sentence ("중인 강경화", Kang Kyung-wha "on a visit", not Qin Gang)."""
        d = span.descriptor
        first = span.first  # the mention's first word, unless initials come before it
        person_id, conf, mention = self._resolve_from(span, span.first, text, tokens, lang, date, surnames)
        if span.known_first is not None:
            alone = self._resolve_from(span, span.known_first, text, tokens, lang, date, surnames)
            if (person_id is None or alone[0] == person_id or conf < self.config.word_before_confidence
                    or (alone[0] is not None and alone[1] > conf)):
                (person_id, conf, mention), first = alone, span.known_first
        if person_id is not None and self._after_another_given_name(first, mention, text, tokens, lang, person_id, d):
            person_id = None
        if (person_id is not None and d is not None and d.roles and d.roles <= _STATE_OFFICES and not d.orgs
                and d.last == span.first - 1 and not self._evidence.of_its_country(d, person_id)):
            # Right after a state's office that is not theirs, a name is its holder's, whom
            # the gazetteer lacks ("Perdana Menteri Singapura Lee Hsien Loong" is not Li
            # Qiang). (With words between, the office may be the sentence's subject:
            # "Президент России вручил Тиграну Саркисяну орден"; after a name, past a comma,
            # the next name's; a secretary-general's country words may be the
            # organization's: "Türk Dövlətləri Təşkilatı".)
            person_id = None
        if person_id is not None and span.after_role and not self._offices.held_role(person_id, d, date):
            # Found by the role alone, the name must be of someone who held it: a spelling
            # near another person's name is not enough ("Sultan Raev", a secretary-general
            # the gazetteer lacks, is not Salahuddin Rabbani).
            person_id = None
        return person_id, conf, mention

    def _after_another_given_name(self, at: int, mention: Mention, text: str, tokens: list[Token],
                                  lang: str | None, person_id: str, d: Descriptor | None) -> bool:
        """Whether a one-word mention (the word at `at`) follows a capitalised given name,
        joined to it and no part of its role phrase, that none of the person's names has:
        that word begins someone else's name ("Lawrence Wong", whom the gazetteer lacks, is
        not Penny Wong, whose one-word alias "Wong" is)."""
        if at == 0 or (tokens[at].start, tokens[at].end) != (mention.start, mention.end) \
                or (d is not None and d.first <= at - 1 <= d.last):
            return False
        before = tokens[at - 1].text
        return (joins(text, tokens, at - 1, at) and is_capitalised(before)
                and is_another_given_name(before, lang, self._evidence.names_of(person_id)))

    def _resolve_from(self, span: NameSpan, first: int, text: str, tokens: list[Token], lang: str | None,
                      date: str | None, surnames: _Surnames) -> tuple[str | None, float, Mention]:
        """_resolve_span for the span's words from `first` on."""
        d = span.descriptor
        single = first == span.last
        mention = mention_at(tokens, first, span.last, text)
        initials_first, initials = initials_before(text, tokens, first) if single else (0, "")
        person_id, conf = self._resolve_name(mention.text, lang, date, d, surnames, single, initials)
        if person_id is None and (undeclined := self._mentions.undeclined(mention.text, lang)) != mention.text:
            # A declined name ("с Тиграном Саркисяном"): its stems are the name.
            person_id, conf = self._resolve_name(undeclined, lang, date, d, surnames, single, initials)
        if person_id is not None and initials:
            # The initials belong to the mention ("С.В.Лавров").
            mention = mention_at(tokens, initials_first, span.last, text)
        last = span.last
        rest_of_a_name = span.known_last is not None and span.last - span.known_last >= 2 and all(
            is_name_like(t.text, lang, self.config.common_name_word) for t in tokens[span.known_last + 1 : span.last + 1])
        while person_id is None and span.known_last is not None and span.known_last < last and not rest_of_a_name:
            # The words after the known ones were no part of the name after all; unless a
            # given name would be left of someone the gazetteer lacks ("Michel Haddad"), or
            # they are two or more name-like words no name has: the rest of that name
            # ("Hussein Abdelbagi Akol Agany" is not Hossein Amir-Abdollahian).
            if last - 1 == first and begins_unknown_name(tokens[first], tokens[last], lang, self.config.common_name_word):
                break
            last -= 1
            mention = mention_at(tokens, first, last, text)
            person_id, conf = self._resolve_name(mention.text, lang, date, d, surnames, first == last)
        return person_id, conf, mention

    def _unresolved(self, span: NameSpan, text: str, tokens: list[Token], lang: str | None) -> Unresolved | None:
        """A span that names nobody the gazetteer knows, reported when it looks like a name:
        a given name in it, or a role before it and capitals (in a script without case, rare
        words after a role may be anything); never a run of common words ("Председатель
        Совета Республики": the name of a body)."""
        d = span.descriptor
        if span.last == span.first or self._evidence.all_common((t.text for t in tokens[span.first : span.last + 1]), lang):
            return None
        cased = script_has_case(tokens[span.first].text)
        if not ((d and (cased or not span.after_role)) or self._mentions.has_given_name(tokens, span, lang)):
            return None
        mention = mention_at(tokens, span.first, span.last, text)
        return Unresolved(mention.start, mention.end, mention.text, d.role_text if d else "", _one(d.countries) if d else "")

    def _resolve_name(self, name: str, lang: str | None, date: str | None, d: Descriptor | None,
                      surnames: _Surnames, single: bool, initials: str = "") -> tuple[str | None, float]:
        name = attach_surname_endings(name)
        if single:
            # A surname after the full name joins that person ("Nurtleu" after "Murat Nurtleu";
            # Georgian "ერდოღანთან", with Erdoğan, after "რეჯეფ თაიფ ერდოღანი"), no surer than
            # the full name was taken for them.
            for key in keys_with_stems(name, lang):
                if key in surnames:
                    joined, joined_conf = surnames[key]
                    return joined, min(joined_conf, 0.9)
            if letters_read(name, lang) < 3:
                return None, 0.0
        person_id, conf = self._match_name(name, lang, date, d, single)
        if person_id is not None and initials and self._initials_agree(person_id, initials):
            return person_id, conf  # a surname with the given name's initials is a full name
        if person_id is not None and not self._evidence.enough(name, lang, date, d, single, person_id, conf):
            return None, conf
        return person_id, conf

    def _initials_agree(self, person_id: str, initials: str) -> bool:
        """Whether one of the person's names in the initials' script begins with the first
        initial ("Н." of "Нурсултан Абишевич Назарбаев")."""
        first = initials[0].casefold()
        return any(len(words := name.split()) > 1 and words[0][:1].casefold() == first
                   for name in self._evidence.names_of(person_id))

    def _match_name(self, name: str, lang: str | None, date: str | None, d: Descriptor | None,
                    single: bool) -> tuple[str | None, float]:
        owners = set(self.index.data.persons_of(self.index.data.exact(normalize(name))))
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
            holders = self._offices.holders(d, date)
            agreeing = [c for c in result.candidates if c.person_id in holders]
            # One word must read as the holder's surname, or be the matcher's clear choice;
            # every word of several must match a word of the holder's name ("Michel Haddad",
            # a president the gazetteer lacks, is not Michel Aoun, who held the office).
            if len(agreeing) == 1 and agreeing[0].features.get("weakest", 1.0) >= self.config.weakest_word and (
                not single or sounds_like_surname(name, lang, agreeing[0].matched_alias, agreeing[0].matched_alias_lang)
                or (agreeing[0] is top and top.confidence >= self.config.accept_confidence)):
                return agreeing[0].person_id, max(agreeing[0].confidence, self.config.agreement_confidence)
        if date:
            # Namesakes ("Wang Yi"): if only one of those named alike held an office on the
            # date, an article about that date means that one. (The matcher gives namesakes
            # at most an equal share; its own context, where it knows the offices, has
            # already put the office holder first.)
            alike = [c for c in result.candidates if normalize(c.matched_alias) == normalize(top.matched_alias)]
            in_office = [c for c in alike if self._offices.holds_office(c.person_id, date)]
            if len(alike) > 1 and len(in_office) == 1:
                return in_office[0].person_id, self.config.in_office_confidence
        if top.confidence < self.config.accept_confidence or top.features.get("weakest", 1.0) < self.config.weakest_word:
            # Running text has capitalised runs that are no names ("The Astana Times"):
            # every word of a mention must match some word of the name.
            return None, top.confidence
        if d is None and not result.match and not tells_names_from_words(name, lang):
            # Neither a word list nor a capital letter says these words are a name: only a
            # match the matcher accepts alone does (Pashto "ته مو", "to them we", read as
            # Tamim at 0.61).
            return None, top.confidence
        if single and not (is_surname_of(name, lang, top.matched_alias, top.matched_alias_lang)
                           or self._is_written_surname(name, top.person_id)):
            return None, top.confidence  # a lone given name ("Volker") names nobody yet
        if d is None and all_cjk(name) and self._read_from_another_script(name, top):
            return None, top.confidence
        return top.person_id, top.confidence

    def _read_from_another_script(self, name: str, top: Candidate) -> bool:
        """Whether Chinese characters or Kana matched only an alias in another script of a
        person who has aliases in theirs. Chinese and Japanese write a foreign official's
        name in set characters or Kana, and the gazetteer has them: characters that only
        read like the name's spelling in another script ("苏缨翔", an editor, like Thein
        Sein's Burmese "သိန်းစိန်", whose Chinese name is 吴登盛) are another person's."""
        script = detect_script(name)
        return detect_script(top.matched_alias) != script and self._has_alias_in(top.person_id, script)

    def _has_alias_in(self, person_id: str, script: str) -> bool:
        return any(detect_script(name) == script for name in self._evidence.names_of(person_id))

    def _is_written_surname(self, word: str, person_id: str) -> bool:
        """Whether `word` is, as written, the last word of one of the person's names of
        several words ("Mirziyoyev" of "Shavkat Mirziyoyev", whichever alias matched best)."""
        written = normalize(word)
        return any(len(words := normalize(n).split()) > 1 and words[-1] == written for n in self._evidence.names_of(person_id))

    def _match_uncached(self, query: Query) -> MatchResult:
        return match(self.index, query, self.matcher)

    def clear_cache(self) -> None:
        """Forget the names matched and the words read (to time articles as if each were new)."""
        self._match.cache_clear()
        self._mentions.clear_cache()

    @staticmethod
    def _add(people: dict[str, PersonFound], person_id: str, conf: float, mention: Mention) -> None:
        p = people.get(person_id)
        if p is None:
            p = people[person_id] = PersonFound(person_id, "", conf, False)
        p.confidence = max(p.confidence, conf)
        if all(m.start != mention.start for m in p.mentions):
            p.mentions.append(mention)


def _one(values: set[str]) -> str:
    return sorted(values)[0] if values else ""

