"""Whether an article presents a person as taking part, from the cue phrases of the
gazetteer (cues.json): a person attends when a sentence naming them carries an attending cue
and no not-attending cue stands near that mention, and the mention is not governed by a
possessive ("die Einladung des kasachischen Präsidenten")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .phrases import phrase_tokens
from .text import Token, sentence_spans

if TYPE_CHECKING:
    from .document import PersonFound

__all__ = ["AttendanceJudge"]


class AttendanceJudge:
    def __init__(self, cues: Iterable[tuple[str, str]], window: int):
        cues = list(cues)
        self._cue_words = [(w, kind) for phrase, kind in cues
                           if kind != "possessive" and (w := phrase_tokens(phrase))]
        self._possessive = {w[0] for phrase, kind in cues
                            if kind == "possessive" and len(w := phrase_tokens(phrase)) == 1}
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

    def _after_possessive(self, tokens: Sequence[Token], i: int, descriptor_tokens: set[int]) -> bool:
        """Whether the mention at token i, with the role and demonym words before it, is
        governed by a possessive marker of the text's language (German genitive "des")."""
        k = i - 1
        while k >= 0 and k in descriptor_tokens:
            k -= 1
        return k >= 0 and tokens[k].norm in self._possessive

    def decide(self, people: Iterable[PersonFound], tokens: Sequence[Token], text: str,
               descriptor_tokens: set[int]) -> None:
        """A person attends when a sentence naming them carries an attending cue and no
        not-attending cue stands near that mention."""
        cues = self.cue_positions(tokens, text)
        sentence_no = _sentence_numbers(tokens, text)
        token_at = {t.start: i for i, t in enumerate(tokens)}
        window = self._window
        for p in people:
            for m in p.mentions:
                i = token_at.get(m.start, 0)
                if self._after_possessive(tokens, i, descriptor_tokens):
                    continue  # "die Einladung des kasachischen Präsidenten": not a participant
                sent = sentence_no[i] if tokens else 0
                near = [(abs(c - i), kind) for c, kind, s in cues if s == sent]
                if any(kind == "not_attending" and d <= window for d, kind in near):
                    continue
                if any(kind == "attending" for _, kind in near):
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
