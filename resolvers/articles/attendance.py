"""Whether an article presents a person as taking part in the event it reports.

rollcall reads meeting reports: an official named in one is, unless the text says
otherwise, among those who met. So a person attends when a mention of them has an attending
cue in its sentence ("took part", "участвовали", "出席"), or when they held an office on the
article's date; and does not when every mention of them is either the one a not-attending
cue of its sentence speaks of (died, in memory of, did not attend, could not come, was
absent: the mention nearest the cue; where the verb comes last, the nearest before it, its
subject) or spoken of rather than present: the name follows a `spoken_of` phrase
("greetings from", "on behalf of", "supporter of", "at the invitation of", German genitive
"des"), with only its role and country words between. A person introduced that way (a bare
genitive such as German "des" aside: it says less) is not presumed present later either:
only an attending cue in the sentence of a later mention makes them so.

What a person says in quotation marks is their own words, not the report's: a mention
inside direct speech says nothing of who took part.

An attending cue with a negation word of the language just before it or between its words
("no asistirá", "不能前来参会", "شرکت نہیں کریں گے") is a not-attending one: the lists need
not spell every negated form of every verb.

The cue phrases and negation words are data, per language, in the gazetteer's cues.json.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..phrases import phrase_tokens
from ..tags import primary_language
from ..text import Token, quotations, sentence_spans
from .cjk import is_cjk
from .descriptors import CLAUSE_BREAKS
from .inflection import is_hangul

if TYPE_CHECKING:
    from .types import PersonFound

__all__ = ["AttendanceJudge", "CUE_KINDS"]

# The kinds of cue phrases; "possessive" is the older name of "spoken_of"; "negation" lists
# the words that negate a verb where they stand apart from it (not, не, no, 不, لم, نہیں);
# "not_negation" the phrases that begin with one and negate nothing ("not only", "不仅").
CUE_KINDS = ("attending", "not_attending", "spoken_of", "possessive", "negation", "not_negation")
_SPOKEN_OF = ("spoken_of", "possessive")


class AttendanceJudge:
    def __init__(self, cues: Iterable[tuple[str, str]], window: int):
        cues = list(cues)
        self._cue_words = [(w, kind) for phrase, kind in cues
                           if kind in ("attending", "not_attending") and (w := phrase_tokens(phrase))]
        # A spoken-of phrase must end right before the name: matched backwards, word by word.
        self._spoken_of = {tuple(w): kind for phrase, kind in cues if kind in _SPOKEN_OF and (w := phrase_tokens(phrase))}
        self._spoken_of_longest = max((len(w) for w in self._spoken_of), default=0)
        self._negations = {w[0] for phrase, kind in cues if kind == "negation" and len(w := phrase_tokens(phrase)) == 1}
        self._not_negations = {tuple(w) for phrase, kind in cues if kind == "not_negation" and (w := phrase_tokens(phrase))}
        self._window = window
        self._phrases_from: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # by first word
        for words, _ in self._cue_words:
            if len(words) > 1 and not is_cjk(words[0][:1]):
                self._phrases_from[words[0]].append(words)

    def phrase_words(self, tokens: Sequence[Token]) -> set[int]:
        """The words of each cue of several words written together, outside Chinese and
        Japanese: a phrase of the language, never a name, where neither capitals nor a
        word list say so (Pashto "ګډون ونه کړ", did not take part: "ونه کړ" read like
        Zeina Akar's Arabic name)."""
        norms = tuple(t.norm for t in tokens)
        words: set[int] = set()
        for i, norm in enumerate(norms):
            for cue in self._phrases_from.get(norm, ()):
                if norms[i : i + len(cue)] == cue:
                    words.update(range(i, i + len(cue)))
        return words

    def cue_positions(self, tokens: Sequence[Token], text: str) -> list[tuple[int, str, int]]:
        """(token index, kind, sentence number) of every cue. A cue of several words may
        have other words between its own, in order, within its sentence: German splits its
        verbs ("nahm ... an dem Treffen teil"), English its phrasal ones."""
        return self._cue_positions(tokens, text, _sentence_numbers(tokens, text))

    def _cue_positions(self, tokens: Sequence[Token], text: str, sentence_no: list[int]) -> list[tuple[int, str, int]]:
        by_norm: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(tokens):
            by_norm[t.norm].append(i)
        found = []
        for words, kind in self._cue_words:
            for i in by_norm.get(words[0], ()):
                at, ok = [i], True
                for word in words[1:]:
                    nxt = next((k for k in by_norm.get(word, ()) if at[-1] < k <= at[-1] + _CUE_SPREAD), None)
                    if nxt is None or sentence_no[nxt] != sentence_no[i]:
                        ok = False
                        break
                    at.append(nxt)
                if ok:
                    negated = kind == "attending" and self._negated(tokens, text, at)
                    found.append((i, "not_attending" if negated else kind, sentence_no[i]))
        return found

    def _negated(self, tokens: Sequence[Token], text: str, at: list[int]) -> bool:
        """A negation word close before the cue's first word or between two of its words
        (at most _NEGATION_REACH words away, no punctuation between): "did not attend",
        "شرکت نہیں کریں گے"."""
        for a, b in zip(at, at[1:]):
            if b - a <= _NEGATION_REACH + 1 and any(self._negation_at(tokens, k) for k in range(a + 1, b)):
                return True
        first = at[0]
        for k in range(first - 1, max(first - 1 - _NEGATION_REACH, -1), -1):
            if _any_between(_CLAUSE_BREAKS, text, tokens, k, k + 1):
                return False
            if self._negation_at(tokens, k):
                return True
        return False

    def _negation_at(self, tokens: Sequence[Token], k: int) -> bool:
        if tokens[k].norm not in self._negations:
            return False
        return not any(tuple(t.norm for t in tokens[k : k + len(w)]) == w for w in self._not_negations)

    def _spoken_of_at(self, tokens: Sequence[Token], i: int, descriptor_tokens: set[int]) -> str | None:
        """The kind of the spoken-of phrase ending just before the mention at token i (its
        role and country words, which belong to the mention, skipped), if there is one."""
        k = i - 1
        while k >= 0 and k in descriptor_tokens:
            k -= 1
        for n in range(self._spoken_of_longest, 0, -1):
            if k - n + 1 >= 0 and (kind := self._spoken_of.get(tuple(t.norm for t in tokens[k - n + 1 : k + 1]))):
                return kind
        return None

    def _absent_mentions(self, people: list[PersonFound], cues: list[tuple[int, str, int]],
                         sentence_no: list[int], token_at: dict[int, int], tokens: Sequence[Token],
                         text: str, verb_final: bool) -> set[int]:
        """Token positions of mentions a not-attending cue speaks of: each cue, the mention
        nearest to it in its sentence within the window ("X asked for a minute of silence in
        memory of Y, who died": Y, not X), and not past a semicolon, which parts two clauses
        ("Modi did not attend; Jaishankar represented India"). In a language that puts the
        verb last (`verb_final`), and in Korean whatever the article's tag, the nearest
        before the cue if there is one."""
        mentions = sorted({token_at.get(m.start, 0) for p in people for m in p.mentions})
        word_at = _word_positions(tokens)
        out: set[int] = set()
        for c, kind, sent in cues:
            if kind != "not_attending":
                continue
            near = [(d, i) for i in mentions
                    if sentence_no[i] == sent and (d := abs(word_at[c] - word_at[i])) <= self._window
                    and not _any_between(_SEMICOLONS, text, tokens, c, i)]
            if verb_final or is_hangul(tokens[c].text):
                # The verb comes after its subject: "Modi did not attend and Jaishankar ..."
                # is "모디 ... 불참했으며 자이샨카르", "مودی ... شرکت نکرد و جایشانکار":
                # Modi, not the name after the verb. A cue before every name ("merhum X",
                # "the late X") still speaks of the one after it in its clause, but not of one
                # past a comma: "Կ. Դեմիրճյանի անվան համալիրում, վարչապետ Նիկոլ Փաշինյանի"
                # (in the hall named after K. Demirchyan, [chaired by] Prime Minister Nikol
                # Pashinyan) names after someone the gazetteer lacks, not Pashinyan.
                near = [n for n in near if n[1] < c] or [
                    n for n in near if not _any_between(_CLAUSE_BREAKS, text, tokens, c, n[1])]
            if near:
                out.add(min(near)[1])
        return out

    def decide(self, people: Iterable[PersonFound], tokens: Sequence[Token], text: str,
               descriptor_tokens: set[int], in_office: Callable[[str], bool], lang: str | None = None) -> None:
        people = list(people)
        text = _GREEK_ANO_TELEIA.sub(";", text)  # offsets unchanged: one character for one
        sentence_no = _sentence_numbers(tokens, text)
        cues = self._cue_positions(tokens, text, sentence_no)
        token_at = {t.start: i for i, t in enumerate(tokens)}
        absent = self._absent_mentions(people, cues, sentence_no, token_at, tokens, text,
                                       primary_language(lang) in VERB_FINAL)
        quoted = _speech(text)
        for p in people:
            # How the article introduces a person sets the default for later mentions: one
            # first named as absent or spoken of needs an attending cue of its own later.
            by_default = in_office(p.id)
            for n, m in enumerate(sorted(p.mentions, key=lambda m: m.start)):
                if any(start <= m.start < end for start, end in quoted):
                    # Someone's own words: who they speak of is not who the report says
                    # took part ("...a summit with Presidents Putin and Trump today").
                    continue
                i = token_at.get(m.start, 0)
                sent = sentence_no[i] if tokens else 0
                near = [(abs(c - i), kind) for c, kind, s in cues if s == sent]
                spoken_of = self._spoken_of_at(tokens, i, descriptor_tokens)
                if i in absent or spoken_of:
                    # A bare genitive ("auf Vorschlag des Präsidenten X") says less than an
                    # absence or a phrase such as "greetings from": only the latter two set
                    # how the person is introduced.
                    by_default = by_default and (n > 0 or spoken_of == "possessive")
                    continue
                if by_default or any(kind == "attending" for _, kind in near):
                    p.attending = True
                    break


# Languages whose clauses end with their verb (subject, object, verb): Korean, Japanese,
# the Turkic languages, Persian, Tajik, Pashto, Urdu, Hindi, Bengali, Nepali, Sinhala,
# Tamil, Mongolian, Armenian, Georgian, Amharic, Burmese.
VERB_FINAL = frozenset({"ko", "ja", "tr", "az", "kk", "ky", "uz", "tk", "fa", "tg", "ps", "ur", "hi", "bn", "ne", "si",
                        "ta", "mn", "hy", "ka", "am", "my"})
# Semicolons: Latin, Arabic, full-width, Ethiopic.
_SEMICOLONS = frozenset(";؛；፤")
_CLAUSE_BREAKS = frozenset(CLAUSE_BREAKS)
# Greek's semicolon, the ano teleia (U+0387), is typed as the middle dot after a Greek
# letter ("δεν παρευρέθηκε· την Ινδία εκπροσώπησε"); elsewhere the middle dot joins the
# parts of a name (弗拉基米尔·普京) and parts nothing.
_GREEK_ANO_TELEIA = re.compile(r"(?<=[\u0370-\u03ff\u1f00-\u1fff])[·\u0387]")


def _any_between(marks: frozenset[str], text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether one of the punctuation `marks` stands between tokens a and b."""
    first, last = min(a, b), max(a, b)
    return not marks.isdisjoint(text[tokens[first].end : tokens[last].start])


def _speech(text: str) -> list[tuple[int, int]]:
    """Character spans of direct speech: quotations at least _SPEECH_WORDS words long
    (shorter quoted runs are names: «Чолпон-Ата», «رشید مردوف»)."""
    return [(a, b) for a, b in quotations(text) if len(text[a:b].split()) >= _SPEECH_WORDS]


_SPEECH_WORDS = 6

# Most words a cue of several words may span in a sentence.
_CUE_SPREAD = 25
# Most words between a negation and the verb it negates: auxiliaries and adverbs ("did not
# even attend"), or in Chinese, written without spaces, a modal and a verb of motion
# ("不能前来参会": 不 能 前 来, one token a character).
_NEGATION_REACH = 4


def _word_positions(tokens: Sequence[Token]) -> list[float]:
    """Each token's position counted in words: Chinese and Japanese, one token a character,
    average about two characters a word."""
    out, at = [], 0.0
    for t in tokens:
        out.append(at)
        at += 0.5 if len(t.text) == 1 and is_cjk(t.text) else 1.0
    return out


def _sentence_numbers(tokens: Sequence[Token], text: str) -> list[int]:
    spans = sentence_spans(text)
    out, s = [], 0
    for t in tokens:
        while s + 1 < len(spans) and t.start >= spans[s][1]:
            s += 1
        out.append(s)
    return out
