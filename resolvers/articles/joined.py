"""Words written joined, taken apart: the particles Korean writes after a noun ("푸틴은"),
the one-letter words Hebrew writes before a word ("ולברוב"), the words of a Thai phrase,
which has no spaces ("ประธานาธิบดีวลาดิมีร์"), and, in a script without case, a role word
or a name's word run into the name's next word ("صدرممنون", "جينبينغ")."""

from __future__ import annotations

from collections.abc import Callable

from ..normalize import normalize
from ..phrases import phrase_tokens
from ..script import char_script
from ..text import Token
from ..wordlike import script_has_case
from .inflection import hebrew_prefix_lengths, korean_stem_lengths
from .thai import ThaiWords
from .types import Vocabulary

__all__ = ["JoinedWords", "token_part"]

WordTest = Callable[[Token], bool]

# Two words of a name, or a role word and a name word, run together are far shorter than
# this; a longer run (a hostile input, a script written without spaces) is not split, as
# trying every split point reads each part and would cost the square of its length.
_MAX_COMPOUND_CHARS = 40


def token_part(tok: Token, a: int, b: int) -> Token:
    """Characters a to b of a token, as a token of their own."""
    text = tok.text[a:b]
    return Token(tok.start + a, tok.start + b, text, normalize(text))


class JoinedWords:
    def __init__(self, vocabulary: Vocabulary):
        phrases = [phrase for phrase, _ in (*vocabulary.roles, *vocabulary.places, *vocabulary.cues)]
        # One-word role phrases ("صدر", "President"), which a name may follow without a space.
        self._role_words = {w[0] for phrase, _ in vocabulary.roles if len(w := phrase_tokens(phrase)) == 1}
        # One-word role phrases and places, which a Korean particle may follow ("대통령과").
        self._known_words = {w[0] for phrase, _ in (*vocabulary.roles, *vocabulary.places)
                             if len(w := phrase_tokens(phrase)) == 1}
        # The first words of role, place and cue phrases, which Hebrew's one-letter words
        # may be joined to ("ונשיא", "ולא").
        self._phrase_starts = {w[0] for phrase in phrases if (w := phrase_tokens(phrase))}
        self._thai = ThaiWords(phrases)

    def split(self, tokens: list[Token], is_name_word: WordTest, is_rare: WordTest) -> list[Token]:
        """The tokens with joined words apart. `is_name_word`: whether a token reads as a word
        of a name; `is_rare`: whether it is not common in the text's language. Besides the
        words a language joins (apart()), in a script without case: a role word glued to the
        name after it (Urdu "صدرممنون حسین": صدر + ممنون), or two name words run together
        next to another name word (Arabic "شي جينبينغ": جين + بينغ). Other words stay whole."""
        out: list[Token] = []
        in_text = {tok.norm for tok in tokens}
        for i, tok in enumerate(tokens):
            parts = self.apart(tok, is_name_word, is_rare, in_text)
            if parts is None and not script_has_case(tok.text) and 5 <= len(tok.text) <= _MAX_COMPOUND_CHARS \
                    and is_rare(tok) and tok.norm not in self._role_words and not is_name_word(tok):
                beside = any(0 <= j < len(tokens) and is_name_word(tokens[j]) for j in (i - 1, i + 1))
                parts = self._compound_parts(tok, is_name_word, beside)
            out.extend(parts or [tok])
        return out

    def _compound_parts(self, tok: Token, is_name_word: WordTest, beside_name: bool) -> list[Token] | None:
        for k in range(2, len(tok.text) - 1):
            left = token_part(tok, 0, k)
            role_first = left.norm in self._role_words
            # The cheap tests first; reading a part as a name costs a romanisation.
            # A name's word has three letters at least: a role word's own ending is none
            # (Georgian "პრეზიდენტმა", the president's ergative).
            if len(tok.text) - k < 3 or not (role_first or (beside_name and k >= 3)):
                continue
            right = token_part(tok, k, len(tok.text))
            if is_name_word(right) and (role_first or is_name_word(left)):
                return [left, right]
        return None

    def apart(self, tok: Token, is_name_word: WordTest, is_rare: WordTest, in_text: set[str]) -> list[Token] | None:
        """The token in its parts, or None when it stays whole (`in_text`: the words of the
        text, normalised).

        - Korean: a word and its particle, when the word is a role word, a place or a word
          of a name ("대통령과" → 대통령 + 과, "푸틴은" → 푸틴 + 은).
        - Hebrew: the one-letter words and the word, when the word begins a role, place or
          cue phrase ("ונשיא" → ו + נשיא) or, in a word not common as written, is a word of
          a name, or a rare word the text also writes on its own ("ולברוב" → ו + לברוב
          beside "סרגיי לברוב": a name written without vowels seldom reads as the
          gazetteer's letter for letter, and the news names a person bare first).
        - Thai: see thai.ThaiWords.cut."""
        script = char_script(tok.text[0]) if tok.text else None
        if script == "Hangul":
            for stem_length in korean_stem_lengths(tok.text):
                stem = token_part(tok, 0, stem_length)
                if stem.norm in self._known_words or is_name_word(stem):
                    return [stem, token_part(tok, stem_length, len(tok.text))]
            return None
        if script == "Thai":
            parts = self._thai.cut(tok.text, lambda start, end: is_name_word(token_part(tok, start, end)))
            return [token_part(tok, a, b) for a, b in parts] if len(parts) > 1 else None
        if script != "Hebrew":
            return None
        prefixes = hebrew_prefix_lengths(tok.text)
        if not prefixes or tok.norm in self._phrase_starts or is_name_word(tok):
            return None
        for prefix in prefixes:
            stem = token_part(tok, prefix, len(tok.text))
            if stem.norm in self._phrase_starts or (is_rare(tok) and (
                    is_name_word(stem) or (stem.norm in in_text and is_rare(stem)))):
                return [token_part(tok, 0, prefix), stem]
        return None
