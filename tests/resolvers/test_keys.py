import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rollcall.resolvers.keys import class_key, phonetic_key, skeleton_key, token_keys
from rollcall.resolvers.normalize import clean
from rollcall.resolvers.translit import romanize
from tests.conftest import EVERYPOLITICIAN, OFFICIALS, SHARED

from rollcall.resolvers import keys_py as reference


@pytest.mark.parametrize(
    "a, b",
    [
        ("lawrow", "lavrov"),  # German w / -ow
        ("sergej", "sergey"),  # j / y
        ("tokajew", "tokayev"),
        ("zhaparov", "japarov"),  # zh / j
        ("dschaparow", "japarov"),  # German dsch
        ("mukhriddin", "muhriddin"),  # kh / h, doubled letters
        ("lavroff", "lavrov"),  # -off
        ("tschernow", "chernov"),  # tsch / ch
        ("schaimijew", "shaimiev"),
    ],
)
def test_spellings_share_a_phonetic_key(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize("a, b", [("lavrov", "putin"), ("wang", "zhang"), ("rahmon", "rahimov")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


@pytest.mark.parametrize(
    "vowelled, abjad",
    [("rahmon", "rhmn"), ("muhriddin", "mhrdn"), ("lavrov", "lvrv")],
)
def test_skeleton_matches_unvowelled_spelling(vowelled: str, abjad: str) -> None:
    assert skeleton_key(vowelled) == skeleton_key(abjad)


@pytest.mark.parametrize(
    "renderings",
    [
        ("gordon", "godon", "godeun", "gedeng"),  # English, Japanese, Korean, Chinese
        ("brown", "buraun", "beulaun", "bulang"),
        ("lavrov", "rafurofu", "lafuluofu"),
        ("johnson", "dzhonson", "jwnswn"),  # Arabic script writes no vowels
        ("sebastian", "sebastyan"),
    ],
)
def test_renderings_share_a_class_key(renderings: tuple[str, ...]) -> None:
    assert len({class_key(r) for r in renderings}) == 1, [class_key(r) for r in renderings]


@pytest.mark.parametrize("a, b", [("gordon", "morgan"), ("brown", "green"), ("lavrov", "putin")])
def test_different_names_keep_different_class_keys(a: str, b: str) -> None:
    assert class_key(a) != class_key(b)


# -- the C keys equal the regular-expression statement of the rules ----------------------

def _words_of_shared_names() -> list[str]:
    """Every romanised word of every name in the shared gazetteers and dev queries (some
    40,000 distinct words, in every reading rollcall makes of them)."""
    names = []
    for popolo in (EVERYPOLITICIAN, OFFICIALS):
        for person in json.loads(popolo.read_text(encoding="utf-8"))["persons"]:
            names += [(person["name"], None)] + [(o["name"], o.get("lang")) for o in person.get("other_names", [])]
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        names += [(q["query"], q.get("lang")) for q in map(json.loads, lines)]
    words = set()
    for name, lang in names:
        for reading in romanize(clean(name), lang):
            words.update(reading.split())
    return sorted(words)


def _assert_keys_equal(words: list[str]) -> None:
    for word in words:
        want = (reference.phonetic_key(word), reference.skeleton_key(word), reference.class_key(word),
                reference.class_key(word, keep_r=True))
        assert token_keys(word) == want, word
        assert (phonetic_key(word), skeleton_key(word), class_key(word), class_key(word, keep_r=True)) == want, word


def test_keys_of_every_shared_word_equal_the_reference(shared_data) -> None:
    words = _words_of_shared_names()
    assert len(words) > 20_000
    _assert_keys_equal(words)


# Letters the rules turn on, so that random words hit digraphs, runs, glides and endings.
@settings(max_examples=5000, deadline=None)
@given(st.text(alphabet="abcdeghijklmnopqrstuvwxyzfrrhhsscc", max_size=14))
def test_keys_of_random_words_equal_the_reference(word: str) -> None:
    _assert_keys_equal([word])


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=10))
def test_keys_of_any_text_equal_the_reference(word: str) -> None:
    _assert_keys_equal([word])


@pytest.mark.parametrize("word", ["", "r", "arr", "arra", "arrrb", "ar", "mb", "mmb", "x", "tschsch", "iyaiya",
                                  "lavrowjev", "kiev", "ow", "a\n\nb", "аrr"])
def test_keys_of_edge_words_equal_the_reference(word: str) -> None:
    _assert_keys_equal([word])


def test_keys_reject_non_text() -> None:
    with pytest.raises(TypeError):
        token_keys(b"lavrov")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        class_key("lavrov", True)  # type: ignore[misc]
