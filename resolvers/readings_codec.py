"""An alias's readings as one line of text: the only encoding of readings in rollcall.

The index build writes it (first without the weights, which need the whole gazetteer's
token counts, then weighed), the database stores it, and the C scoring loop parses it
(`_fastscore.readings_from_text`) into packed Readings without making a Python object of
every token. Per reading, nine fields:

    tokens, keys, skeletons, classes, classes_r   space-separated, one per token
    weights                                       one float per token (repr: exact)
    rarity                                        one float
    groups                                        per token its given-name groups, comma-separated
    particles                                     per token "1" (particle) or "0"

Readings are separated by rules.READING_SEPARATOR, fields by rules.FIELD_SEPARATOR.
"""

from __future__ import annotations

from collections.abc import Iterable

from .forms import NameForm
from .rules import FIELD_SEPARATOR, READING_SEPARATOR
from .score import Reading, WeightedForm, readings_from_text, token_groups, token_particles

__all__ = ["INDEX_VERSION", "FIELD_SEPARATOR", "READING_SEPARATOR", "encode", "encode_unweighed", "decode", "decode_forms", "parse"]

# The version of what an index holds: the readings, keys and weights of every name, in this
# encoding. Bump it with any change that alters them (romanisation, respelling, keys, given-
# name groups, weights, this format): a database written under another version is not read,
# its index is built anew. tests/resolvers/test_index_version.py keeps a digest of the
# readings of a sample of names and fails until the version is bumped with the digest.
INDEX_VERSION = "42"

_FIELDS = 9


def _fields(form: NameForm, weights: Iterable[float], rarity: str) -> str:
    return FIELD_SEPARATOR.join((
        " ".join(form.tokens), " ".join(form.keys), " ".join(form.skeletons),
        " ".join(form.classes), " ".join(form.classes_r),
        " ".join(map(repr, weights)), rarity,
        " ".join(",".join(map(str, g)) for g in token_groups(form)),
        "".join("1" if p else "0" for p in token_particles(form)),
    ))


def encode(readings: Iterable[WeightedForm]) -> str:
    """Weighed readings, as the database stores them and the scoring loop parses them."""
    return READING_SEPARATOR.join(_fields(w.form, w.weights, repr(w.rarity)) for w in readings)


def encode_unweighed(forms: Iterable[NameForm]) -> str:
    """Readings before the gazetteer's token counts are known: the weights and the rarity
    left empty (decode_forms reads them; encode(decode_forms(...) weighed) completes them)."""
    return READING_SEPARATOR.join(_fields(form, (), "") for form in forms)


def _split(text: str) -> list[list[str]]:
    readings = [part.split(FIELD_SEPARATOR) for part in text.split(READING_SEPARATOR)] if text else []
    if any(len(fields) != _FIELDS for fields in readings):
        raise ValueError("malformed stored readings")
    return readings


def _form(fields: list[str]) -> NameForm:
    tokens, keys, skeletons, classes, classes_r = (tuple(field.split(" ")) for field in fields[:5])
    return NameForm(tokens, keys, skeletons, classes, classes_r, "".join(keys), "".join(classes))


def decode_forms(text: str) -> tuple[NameForm, ...]:
    """The readings' tokens and keys (weighed or not)."""
    return tuple(_form(fields) for fields in _split(text))


def decode(text: str) -> tuple[WeightedForm, ...]:
    """Weighed readings as Python objects (for whole-gazetteer passes and checks; matching
    parses them into packed Readings instead)."""
    return tuple(
        WeightedForm(_form(fields), tuple(float(x) for x in fields[5].split(" ")), float(fields[6]))
        for fields in _split(text)
    )


def parse(text: str) -> tuple[Reading, ...]:
    """Weighed readings packed for the scoring loop (parsed in C)."""
    return readings_from_text(text)
