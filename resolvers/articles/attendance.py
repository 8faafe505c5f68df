"""Whether an article presents a person as taking part in the event it reports.

rollcall reads meeting reports: an official named in one is, unless the text says
otherwise, among those who met. So a person attends when a mention of them has an attending
cue in its sentence ("took part", "участвовали", "出席"), or when they held an office on the
article's date; and does not when

every mention of them is either the one a not-attending cue of its sentence speaks of (died,
in memory of, did not attend, could not come, was absent: the mention nearest the cue) or
spoken of rather than present: the name
follows a `spoken_of` phrase ("greetings from", "on behalf of", "supporter of", "at the
invitation of", German genitive "des"), with only its role and country words between. A
person introduced that way (a bare genitive such as German "des" aside: it says less) is not
presumed present later either: only an attending cue in the sentence of a later mention
makes them so.

The cue phrases are data, per language, in the gazetteer's cues.json.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..phrases import phrase_tokens
from ..text import Token, sentence_spans

if TYPE_CHECKING:
    from .types import PersonFound

__all__ = ["AttendanceJudge", "CUE_KINDS"]

# The kinds of cue phrases; "possessive" is the older name of "spoken_of".
CUE_KINDS = ("attending", "not_attending", "spoken_of", "possessive")
_SPOKEN_OF = ("spoken_of", "possessive")


class AttendanceJudge:
    def __init__(self, cues: Iterable[tuple[str, str]], window: int):
        cues = list(cues)
        self._cue_words = [(w, kind) for phrase, kind in cues
                           if kind in ("attending", "not_attending") and (w := phrase_tokens(phrase))]
        # A spoken-of phrase must end right before the name: matched backwards, word by word.
        self._spoken_of = {tuple(w): kind for phrase, kind in cues if kind in _SPOKEN_OF and (w := phrase_tokens(phrase))}
        self._spoken_of_longest = max((len(w) for w in self._spoken_of), default=0)
        self._window = window

    def cue_positions(self, tokens: Sequence[Token], text: str) -> list[tuple[int, str, int]]:
        """(token index, kind, sentence number) of every cue. A cue of several words may
        have other words between its own, in order, within its sentence: German splits its
        verbs ("nahm ... an dem Treffen teil"), English its phrasal ones."""
        sentence_no = _sentence_numbers(tokens, text)
        by_norm: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(tokens):
            by_norm[t.norm].append(i)
        found = []
        for words, kind in self._cue_words:
            for i in by_norm.get(words[0], ()):
                j, ok = i, True
                for word in words[1:]:
                    nxt = next((k for k in by_norm.get(word, ()) if j < k <= j + _CUE_SPREAD), None)
                    if nxt is None or sentence_no[nxt] != sentence_no[i]:
                        ok = False
                        break
                    j = nxt
                if ok:
                    found.append((i, kind, sentence_no[i]))
        return found

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
                         sentence_no: list[int], token_at: dict[int, int]) -> set[int]:
        """Token positions of mentions a not-attending cue speaks of: each cue, the mention
        nearest to it in its sentence within the window ("X asked for a minute of silence in
        memory of Y, who died": Y, not X)."""
        mentions = sorted({token_at.get(m.start, 0) for p in people for m in p.mentions})
        out: set[int] = set()
        for c, kind, sent in cues:
            if kind != "not_attending":
                continue
            near = [(abs(c - i), i) for i in mentions if sentence_no[i] == sent and abs(c - i) <= self._window]
            if near:
                out.add(min(near)[1])
        return out

    def decide(self, people: Iterable[PersonFound], tokens: Sequence[Token], text: str,
               descriptor_tokens: set[int], in_office: Callable[[str], bool]) -> None:
        people = list(people)
        cues = self.cue_positions(tokens, text)
        sentence_no = _sentence_numbers(tokens, text)
        token_at = {t.start: i for i, t in enumerate(tokens)}
        absent = self._absent_mentions(people, cues, sentence_no, token_at)
        for p in people:
            # How the article introduces a person sets the default for later mentions: one
            # first named as absent or spoken of needs an attending cue of its own later.
            by_default = in_office(p.id)
            for n, m in enumerate(sorted(p.mentions, key=lambda m: m.start)):
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


# Most words a cue of several words may span in a sentence.
_CUE_SPREAD = 25


def _sentence_numbers(tokens: Sequence[Token], text: str) -> list[int]:
    spans = sentence_spans(text)
    out, s = [], 0
    for t in tokens:
        while s + 1 < len(spans) and t.start >= spans[s][1]:
            s += 1
        out.append(s)
    return out
