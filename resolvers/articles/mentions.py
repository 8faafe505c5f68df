"""Finding the names of an article: aliases written out, runs of words the gazetteer knows
(by phonetic key) extended over name-like neighbours, capitalised words right after a role
phrase, and Chinese and Japanese names by a segmenter. Each rule for what a name word is
lives here."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..caches import READINGS_CACHED
from ..forms import name_forms
from ..index import NameIndex
from ..normalize import clean
from ..phrases import PhraseMatcher, phrase_tokens
from ..score import PARTICLES
from ..tags import primary_language
from ..text import Token, quotations
from ..wordlike import commonness, is_capitalised, script_has_case
from .cjk import CjkNames, is_cjk
from .descriptors import GLUE, LIST_JOINERS, TITLE
from .inflection import DETACHED_SURNAME_ENDINGS, case_stems, is_hangul, is_korean_predicate, keys_with_stems
from .joined import JoinedWords
from .name_words import begins_unknown_name, is_given_name, is_particle
from .types import Descriptor, DocumentConfig, Mention, NameSpan, Vocabulary

__all__ = ["HAN_COUNTRIES", "MentionFinder", "FUNCTION_WORDS", "hyphened_part",
           "joins", "mention_at"]

# Capitalised at the start of a sentence, these are never names on their own.
FUNCTION_WORDS = GLUE | frozenset(
    """
    sie er es wir ihr ich du in im an am auf aus bei mit nach von vor zu zum zur für über
    unter dabei darin diese dieser dieses den dem ein eine einer als auch aber oder wie
    the a an this that these those he she it we they his her its their in on at by for with
    from to as but or if when while during after before since also
    il elle ils elles le la les un une des ce cette en au aux pour par sur dans avec
    он она они это в на с по за из от при
    """.split()
)


# Words of a name the gazetteer does not know, at most, between two it knows ("Шавкат
# Миромонович Мирзиёев": a patronymic it lacks).
_UNKNOWN_INSIDE_A_NAME = 2
_NOUNS_CAPITALISED = frozenset({"de", "lb"})  # German and Luxembourgish capitalise every noun

# Countries whose people's names are Han characters of their own (not a rendering of a
# foreign name): their characters say nothing about transliteration.
HAN_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG", "JP", "KR", "KP", ""})


class MentionFinder:
    def __init__(self, index: NameIndex, vocabulary: Vocabulary, config: DocumentConfig):
        self.index = index
        self.config = config
        self._vocabulary = vocabulary
        self._aliases: PhraseMatcher[int] = PhraseMatcher((r.name, i) for i, r in enumerate(index.data.records()))
        self._cjk: CjkNames | None = None
        # Articles repeat their words: each is read once (a cache of this finder's own, so a
        # reloaded gazetteer's finder does not keep the old one alive).
        self._is_name_word = lru_cache(maxsize=READINGS_CACHED)(self._reads_as_name_word)
        self._joined = JoinedWords(vocabulary)
        self._titles: PhraseMatcher[str] = PhraseMatcher((p, r) for p, r in vocabulary.roles if r == TITLE)
        self._cue_starts = {w[0] for phrase, _ in vocabulary.cues if (w := phrase_tokens(phrase))}
        self._name_keys: set[str] = set()
        for forms in index.data.all_forms():
            for form in forms:
                self._name_keys.update(k for k, t in zip(form.keys, form.tokens) if len(k) >= 2 and t not in PARTICLES)

    def clear_cache(self) -> None:
        self._is_name_word.cache_clear()

    def _is_name_token(self, tok: Token, lang: str | None) -> bool:
        if not tok.norm or tok.norm in PARTICLES or tok.text.isdigit() or self._is_function_word(tok, lang):
            return False
        return self._is_name_word(tok.text, lang)

    def _reads_as_name_word(self, word: str, lang: str | None) -> bool:
        """Whether the word (or its stem without a case ending: inflection.keys_with_stems)
        reads as a word of some name in the gazetteer."""
        return any(k in self._name_keys for k in keys_with_stems(word, lang))

    def split_compounds(self, tokens: list[Token], lang: str | None) -> list[Token]:
        """The words written joined taken apart (joined.JoinedWords.split)."""
        return self._joined.split(tokens, lambda t: self._is_name_token(t, lang), lambda t: self._is_rare(t, lang))

    def undeclined(self, name: str, lang: str | None) -> str:
        """The name with each declined word put back to the stem the gazetteer knows, every
        part of it ("Тиграном Саркисяном" → "Тигран Саркисян", not "Чолпон-Ата" → "Чолпон-Ат");
        words it does not know stay."""
        out = []
        for word in name.split():
            stems = [w for w in case_stems(word, lang)[1:]
                     if any(f.keys and all(k in self._name_keys for k in f.keys) for f in name_forms(clean(w), lang))]
            out.append(stems[0] if stems else word)
        return " ".join(out)

    def _is_function_word(self, tok: Token, lang: str | None) -> bool:
        """In a script without case (no capital tells a name), a word too common to be part
        of one, or "and" however common the word list counts it: Georgian და, which has
        none, and Amharic እና, which reads by its keys as a word of some name."""
        return not script_has_case(tok.text) and (
            tok.norm in LIST_JOINERS or commonness(tok.text, lang) >= self.config.function_word)

    def _may_continue_name(self, tokens: Sequence[Token], k: int, lang: str | None) -> bool:
        """Whether token k, after name words, is itself name-like: capitalised in a script
        with case, in one without not common (DocumentConfig.name_word_after_name), or a word
        whose Russian surname ending follows it apart (Persian "کامل اف": Kamilov), or that
        ending itself."""
        tok = tokens[k]
        if tok.norm in FUNCTION_WORDS:
            return False
        if script_has_case(tok.text):
            if capital_word(tok):
                return True
            # Particles in lower case go on to the capitalised word after them ("фон дер").
            ahead = next((j for j in range(k, min(k + 3, len(tokens))) if not is_particle(tokens[j].text, lang)), k)
            return ahead > k and capital_word(tokens[ahead])
        if self._is_function_word(tok, lang) or tok.norm in self._cue_starts:
            # Nor are the verbs of the cues ("שי ג'ינפינג השתתפו": Xi Jinping took part).
            return False
        if tok.text in DETACHED_SURNAME_ENDINGS:
            return True
        if k + 1 < len(tokens) and tokens[k + 1].text in DETACHED_SURNAME_ENDINGS:
            return True
        return self._is_rare(tok, lang, self.config.name_word_after_name)

    def written_names(self, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Aliases written out in full; a one-word alias only when it is not a common
        function word of the text ("The", "Sie")."""
        return [
            (m.first, m.last) for m in self._aliases.find(tokens)
            if (m.last > m.first or tokens[m.first].norm not in FUNCTION_WORDS)
            # In a script with case a name is capitalised: "дар" (Tajik "in") is not Dar.
            and all(is_capitalised(t.text) or t.norm in PARTICLES for t in tokens[m.first : m.last + 1])
        ]

    def spans(self, text: str, tokens: Sequence[Token], blocked: set[int], lang: str | None,
                    written: list[tuple[int, int]], descriptors: Sequence[Descriptor] = ()) -> list[NameSpan]:
        """Known aliases as written (the only way in for Chinese), then runs of tokens whose
        keys are those of alias tokens, extended rightwards over capitalised words."""
        spans: list[NameSpan] = []
        taken: set[int] = set()
        for first, last in written:
            given_name_of_another = first == last and self._begins_unknown_name(text, tokens, first, blocked, lang)
            if not any(i in blocked for i in range(first, last + 1)) and not given_name_of_another:
                spans.append(NameSpan(first, last))
                taken.update(range(first, last + 1))
        alias_starts = {span.first for span in spans}
        read_by_keys: set[int] = set()  # where the spans found by their words' keys start
        # Chinese and Japanese: the segmenter's names; a character's keys say nothing.
        cjk = [is_cjk(tok.text[0]) for tok in tokens]
        if any(cjk):
            token_at = {t.start: i for i, t in enumerate(tokens)}
            token_ending = {t.end: i for i, t in enumerate(tokens)}
            for start, end in self._cjk_names().spans(text, lang):
                head, tail = token_at.get(start), token_ending.get(end)
                if head is None or tail is None or any(i in blocked or i in taken for i in range(head, tail + 1)):
                    continue
                spans.append(NameSpan(head, tail))
                taken.update(range(head, tail + 1))
        # A short quotation of name-like words is a name: Arabic and Persian reports quote
        # names («رشید مردوف» وزیر خارجه ترکمنستان).
        for first, last in self._quoted_names(text, tokens, lang):
            if not any(i in blocked or i in taken for i in range(first, last + 1)):
                spans.append(NameSpan(first, last))
                taken.update(range(first, last + 1))
        known = [
            not cjk[i] and i not in blocked and i not in taken
            and not (tok.text[:1].islower() and script_has_case(tok.text[:1]))  # Georgian is all lower case
            and tok.norm not in FUNCTION_WORDS and self._is_name_token(tok, lang)
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
            unknown = 0  # words since known_last that no name has (its particles aside)
            while last + 1 < len(tokens) and last + 1 not in taken and last + 1 not in blocked and joins(text, tokens, last, last + 1) and (
                known[last + 1] or self._may_continue_name(tokens, last + 1, lang) or hyphened_part(text, tokens, last)
            ):
                if known[last + 1] and unknown >= _UNKNOWN_INSIDE_A_NAME:
                    # Words no name has, then a name's word: two names and the words between
                    # them (a language without a word list: Georgian "ერდოღანთან შეხვედრა
                    # გამართა ილჰამ ალიევმა", met with Erdoğan Ilham Aliyev).
                    last = known_last
                    break
                last += 1
                if known[last]:
                    known_last, unknown = last, 0
                elif not is_particle(tokens[last].text, lang):
                    unknown += 1
            last = min(last, first + self.config.longest_name - 1)
            known_first = None
            if self._given_name_before(text, tokens, first, blocked, taken, lang):
                known_first, first = first, first - 1
            spans.append(NameSpan(first, last, known_last=min(known_last, last), known_first=known_first))
            read_by_keys.add(first)
            taken.update(range(first, last + 1))  # not found again after a role phrase
            i = last + 1
        # In a script without case, the words not common in the language right after a title
        # are a name ("นายเซอร์เกย์ ลาฟรอฟ", Mr Sergey Lavrov), or its given names when they
        # run into one found (merged below: "นายโจโก วิโดโด").
        for m in self._titles.find(tokens):
            if span := self._name_after_title(text, tokens, m.last, blocked, taken, lang):
                spans.append(span)
                taken.update(range(span.first, span.last + 1))
        # Right after a role phrase, capitalised words are a name even if the gazetteer
        # knows none of them as spelt ("Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan"): the role
        # and the capitals are the evidence; in a script without case, words that are not
        # common in the language ("الرئيس القرغيزي سورونباي جنبكوف"). If the whole does not
        # match, shorter runs are tried. Not when the run leads into a name already found:
        # its words are then the person's country or title, which the vocabulary lacks.
        for d in descriptors:
            if d.roles and (span := self._name_after_role(text, tokens, d, blocked, taken, lang)
                            or self._korean_name_before_role(text, tokens, d, blocked, taken, lang)):
                spans.append(span)
                taken.update(range(span.first, span.last + 1))
        # A known alias followed by more name words ("Sergej Lawrow" + patronymic) merges,
        # and so do name words before one; in a script without case, where no capital marks
        # them as a name, those that only their keys found are the alias's unknown words
        # before it (NameSpan.known_first): "방문 중인 강경화" is Kang Kyung-wha "on a visit",
        # where 중인 reads as a word of some name.
        spans.sort(key=lambda s: s.first)
        merged: list[NameSpan] = []
        for span in spans:
            if merged and span.first == merged[-1].last + 1 and joins(text, tokens, merged[-1].last, span.first):
                if (span.first in alias_starts and merged[-1].first in read_by_keys
                        and not script_has_case(tokens[span.first].text)):
                    merged[-1].known_first = span.first
                merged[-1].last = span.last
                merged[-1].known_last = span.known_last
            else:
                merged.append(span)
        return merged

    def _given_name_before(self, text: str, tokens: Sequence[Token], first: int, blocked: set[int],
                           taken: set[int], lang: str | None) -> bool:
        """A word right before a known name word, of the same script, that could go on a
        name (_may_continue_name) may be its given name the gazetteer spells otherwise
        ("Гурбангулу Бердімұхамедов", Gurbanguly Berdimuhamedov; in a script without case,
        "გურბანგული", a word not common in the language); not in German, which capitalises
        its nouns. The span then starts with it (NameSpan.known_first: reconcile's
        _resolve_span decides)."""
        k = first - 1  # not right after another name, whose word it would be
        cased = script_has_case(tokens[first].text)
        return (k >= 0 and k not in blocked and k not in taken and k - 1 not in taken
                and joins(text, tokens, k, first) and not is_cjk(tokens[k].text[0])
                and script_has_case(tokens[k].text) == cased
                and not (cased and primary_language(lang) in _NOUNS_CAPITALISED)
                and self._may_continue_name(tokens, k, lang))

    def _name_after_role(self, text: str, tokens: Sequence[Token], d: Descriptor, blocked: set[int],
                         taken: set[int], lang: str | None) -> NameSpan | None:
        """The run of capitalised words right after the role phrase `d`, if any, and if it
        does not run into a name already found, unless it is written joined to the role, as
        Thai writes a role and the given name after it ("นายกรัฐมนตรีนเรนทรา โมดี"): then
        it is that name's first words."""
        first = d.last + 1
        if first >= len(tokens) or first in taken or first in blocked or not joins(text, tokens, d.last, first) \
                or not self._may_start_name(tokens[first], lang) or tokens[first].norm in FUNCTION_WORDS:
            return None
        last = first
        while last + 1 < len(tokens) and last + 1 - first < self.config.longest_name \
                and last + 1 not in blocked and joins(text, tokens, last, last + 1):
            if last + 1 in taken:
                if tokens[d.last].end == tokens[first].start:
                    break
                return None
            if not self._may_continue_name(tokens, last + 1, lang):
                break
            last += 1
        return NameSpan(first, last, known_last=first, after_role=True)

    def _name_after_title(self, text: str, tokens: Sequence[Token], title_last: int, blocked: set[int],
                          taken: set[int], lang: str | None) -> NameSpan | None:
        """The run of words not common in the language right after a title, in a script
        without case, up to a word or a name already found."""
        last = title_last
        while last + 1 < len(tokens) and last + 1 - title_last <= self.config.longest_name \
                and last + 1 not in blocked | taken and not script_has_case(tokens[last + 1].text) \
                and joins(text, tokens, last, last + 1) and self._may_start_name(tokens[last + 1], lang):
            last += 1
        return NameSpan(title_last + 1, last, known_last=title_last + 1) if last > title_last else None

    def _korean_name_before_role(self, text: str, tokens: Sequence[Token], d: Descriptor, blocked: set[int],
                                 taken: set[int], lang: str | None) -> NameSpan | None:
        """Korean writes the name before the role phrase ("레제프 타이이프 에르도안 튀르키예
        대통령"): the run of rare Hangul words right before it, if any, and if it does not run
        into a name already found. Its last words may be a country the vocabulary lacks: the
        name is tried shorter."""
        last = d.first - 1
        if last < 0 or last in taken or last in blocked or not joins(text, tokens, last, d.first) \
                or not self._korean_name_word(tokens[last], lang):
            return None
        first = last
        while first > 0 and last - first + 1 < self.config.longest_name and first - 1 not in blocked \
                and joins(text, tokens, first - 1, first):
            if first - 1 in taken:
                return None
            if not self._korean_name_word(tokens[first - 1], lang):
                break
            first -= 1
        return NameSpan(first, last, known_last=first, after_role=True)

    def _korean_name_word(self, tok: Token, lang: str | None) -> bool:
        """A Hangul word that may be part of a name: no predicate, and not common (a name the
        news reports often, 에르도안, is above the rare words' level)."""
        return is_hangul(tok.text) and not is_korean_predicate(tok.text) \
            and commonness(tok.text, lang) < self.config.common_name_word

    def _quoted_names(self, text: str, tokens: Sequence[Token], lang: str | None) -> list[tuple[int, int]]:
        """Token ranges of quotations of two to four words that may be a name: capitalised
        in a script with case; in one without, no function word and one word at least that
        is rare in the language (given names are often common words: "رشید")."""
        token_at = {t.start: i for i, t in enumerate(tokens)}
        token_ending = {t.end: i for i, t in enumerate(tokens)}
        out = []
        for start, end in quotations(text):
            inner = text[start:end]
            first = token_at.get(start + len(inner) - len(inner.lstrip()))
            last = token_ending.get(end - (len(inner) - len(inner.rstrip())))
            if first is None or last is None or not 1 <= last - first <= 3:
                continue
            words = tokens[first : last + 1]
            if any(t.norm in FUNCTION_WORDS or self._is_function_word(t, lang) or is_cjk(t.text[0]) for t in words):
                continue
            if all(capital_word(t) for t in words) if script_has_case(words[0].text) \
                    else any(self._may_start_name(t, lang) for t in words):
                out.append((first, last))
        return out

    def _may_start_name(self, tok: Token, lang: str | None) -> bool:
        """Whether a word can begin a name: capitalised in a script with case; in one
        without (Arabic, Persian, Devanagari), a word that is not common in the language."""
        if script_has_case(tok.text):
            return capital_word(tok)
        return self._is_rare(tok, lang)

    def _is_rare(self, tok: Token, lang: str | None, below: float | None = None) -> bool:
        """A word less common in its language than `below` (DocumentConfig.rare_word if not
        given), which in a script without case may be part of a name (a Chinese or Japanese
        character never is on its own)."""
        threshold = self.config.rare_word if below is None else below
        return not is_cjk(tok.text[0]) and commonness(tok.text, lang) < threshold

    def _cjk_names(self) -> CjkNames:
        """Built on the first Chinese or Japanese article (the segmenter's dictionary)."""
        if self._cjk is None:
            index = self.index
            names = [r.name for r in index.data.records()]
            # Characters of the Han renderings of foreign names: those of people of
            # countries that do not write their own names in Han characters.
            owners = index.data.persons_of(range(len(names)))
            translit = {c for name, person in zip(names, owners)
                        if index.persons[person].country not in HAN_COUNTRIES
                        for c in name if is_cjk(c)}
            words = [p for p, _ in self._vocabulary.roles] + [p for p, _ in self._vocabulary.places]
            self._cjk = CjkNames(names, words, translit)
        return self._cjk

    @staticmethod
    def has_given_name(tokens: Sequence[Token], span: NameSpan, lang: str | None) -> bool:
        return any(is_given_name(t.text, lang) for t in tokens[span.first : span.last + 1])

    def _begins_unknown_name(self, text: str, tokens: Sequence[Token], at: int, blocked: set[int], lang: str | None) -> bool:
        """A one-word alias that begins the name of someone the gazetteer lacks (begins_unknown_name)."""
        after = at + 1
        return (after < len(tokens) and after not in blocked and joins(text, tokens, at, after)
                and not self._is_name_token(tokens[after], lang)
                and begins_unknown_name(tokens[at], tokens[after], lang, self.config.common_name_word))


def capital_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and len(tok.text) > 1 and not tok.text.isupper()


def joins(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Tokens a and b are adjacent words of one name: one space or a hyphen between (or
    nothing, between characters of Chinese or Japanese)."""
    return text[tokens[a].end : tokens[b].start] in ("", " ", "-", "\u00a0", "‑")


def hyphened_part(text: str, tokens: Sequence[Token], a: int) -> bool:
    """Whether the word after token a is a lower-case part of it after a hyphen: Czech and
    Slovak write Chinese given names so ("Si Ťin-pching", Xi Jinping)."""
    return text[tokens[a].end : tokens[a + 1].start] in ("-", "‑") and tokens[a + 1].text[:1].islower()


def mention_at(tokens: Sequence[Token], first: int, last: int, text: str) -> Mention:
    start, end = tokens[first].start, tokens[last].end
    return Mention(start, end, text[start:end])

