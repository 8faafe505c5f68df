import pytest

from resolvers.keys import phonetic_key, skeleton_key


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
