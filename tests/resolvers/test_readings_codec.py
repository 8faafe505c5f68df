"""Readings as one line of text: what the build writes, the database stores, the scoring
loop parses."""

import json
from itertools import islice

import pytest

from rollcall.resolvers import readings_codec
from rollcall.resolvers.forms import NameForm, name_forms
from rollcall.resolvers.index import weigh_readings
from rollcall.resolvers.normalize import clean
from rollcall.resolvers.score import pack
from tests.conftest import SHARED

ODD = (  # a token whose class key is empty ("a" has no consonant)
    NameForm(("a", "ivanov"), ("a", "ivanov"), ("a", "ivnv"), ("", "ipnp"), ("", "ipnp"), "aivanov", "ipnp"),
)


def _dev_forms() -> list[tuple[NameForm, ...]]:
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        return [name_forms(clean(q["query"]), q.get("lang")) for q in map(json.loads, islice(lines, 0, None, 3))]


def _weighed(forms: tuple[NameForm, ...]):
    # Rarities as a gazetteer of 1,000 aliases would give them, some keys counted.
    return weigh_readings(forms, lambda keys: {k: len(k) * 7 for k in keys if len(k) % 2}, 1000)


def test_weighed_readings_decode_and_parse_to_what_was_encoded() -> None:
    for forms in [*_dev_forms(), ODD]:
        weighed = _weighed(forms)
        text = readings_codec.encode(weighed)
        assert readings_codec.decode(text) == weighed
        assert readings_codec.decode_forms(text) == forms
        parsed = readings_codec.parse(text)
        assert [(r.size, r.total, r.rarity) for r in parsed] == [(pack(w).size, w.total, w.rarity) for w in weighed]


def test_unweighed_readings_keep_their_forms_and_weigh_to_the_same_text() -> None:
    for forms in [*_dev_forms()[:200], ODD]:
        unweighed = readings_codec.encode_unweighed(forms)
        assert readings_codec.decode_forms(unweighed) == forms
        assert readings_codec.encode(_weighed(readings_codec.decode_forms(unweighed))) == readings_codec.encode(_weighed(forms))
        with pytest.raises(ValueError, match="malformed"):
            readings_codec.parse(unweighed)  # no weights yet: not for scoring


def test_no_readings_and_malformed_text() -> None:
    assert readings_codec.encode(()) == readings_codec.encode_unweighed(()) == ""
    assert readings_codec.decode("") == readings_codec.decode_forms("") == readings_codec.parse("") == ()
    for bad in ["lavrov\x1flavrov", "a\x1fb\x1fc\x1fd\x1fe\x1f1.0\x1f0.5\x1f\x1f0\x1fextra"]:
        with pytest.raises(ValueError, match="malformed"):
            readings_codec.decode_forms(bad)
        with pytest.raises(ValueError, match="malformed"):
            readings_codec.parse(bad)
