"""resolvers._display must round and format exactly as Python does: every shown number of
every answer goes through it."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rollcall.resolvers._display import fixed, listed, rounded

# Ties and near-ties in decimal and in binary, zeros of both signs, values beyond the fast
# path's range, and the values answers show (features in 0..1, logits around -30..30).
EDGES = [
    0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 0.0125, 0.0625, 2.675, 1.005, 0.045,
    0.1245, 0.12450000000000001, 0.1255, -0.0004, -0.0005, -0.005, 1e-300, -1e-300, 5e-324,
    0.9995, 0.99949999, 23.9745, -17.12345, 2147483.6475, 2147483.648, 1e10, -1e10, 1e300,
    1 / 3, 2 / 3, 0.1 + 0.2, math.pi, -math.e,
]


def same_float(a: float, b: float) -> bool:
    return repr(a) == repr(b)  # also tells -0.0 from 0.0, and nan from anything


@pytest.mark.parametrize("digits", [0, 1, 2, 3, 4, 9])
def test_edges_as_python(digits: int) -> None:
    got = rounded(EDGES, digits)
    assert all(same_float(g, round(x, digits)) for g, x in zip(got, EDGES, strict=True)), digits
    assert fixed(EDGES, digits) == tuple(f"%.{digits}f" % x for x in EDGES)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=12), st.integers(0, 6))
def test_any_float_as_python(values: list[float], digits: int) -> None:
    assert all(same_float(g, round(x, digits)) for g, x in zip(rounded(values, digits), values, strict=True))
    assert fixed(values, digits) == tuple(f"%.{digits}f" % x for x in values)


@settings(max_examples=3000, deadline=None)
@given(st.integers(-10**7, 10**7), st.integers(1, 4))
def test_decimal_ties_as_python(units: int, digits: int) -> None:
    # x.xx5-like values: the ties of decimal rounding, as near as binary gets to them.
    x = (units + 0.5) / 10**digits
    for value in (x, math.nextafter(x, math.inf), math.nextafter(x, -math.inf)):
        assert same_float(rounded([value], digits)[0], round(value, digits))
        assert fixed([value], digits) == (f"%.{digits}f" % value,)


def test_other_numbers_and_digits_are_left_to_python() -> None:
    assert rounded([3, True], 2) == (3, 1)  # round() of an int is that int
    assert rounded([2.675], -1) == (0.0,)
    assert rounded([2.675], 10**30) == (2.675,)
    assert fixed([3], 2) == ("3.00",)


def test_bad_input_is_an_error() -> None:
    with pytest.raises(TypeError):
        rounded(["0.5"], 2)
    with pytest.raises(TypeError):
        fixed([None], 2)
    with pytest.raises(ValueError, match="digits"):
        fixed([0.5], 12)
    with pytest.raises(TypeError):
        rounded(0.5, 2)


@settings(max_examples=2000, deadline=None)
@given(st.dictionaries(st.text(max_size=8), st.floats(allow_nan=True, allow_infinity=True), max_size=10),
       st.integers(0, 4))
def test_listed_as_python(mapping: dict[str, float], digits: int) -> None:
    assert listed(mapping, digits) == ", ".join(k + "=" + f"%.{digits}f" % v for k, v in mapping.items())


def test_listed_rejects_what_it_cannot_show() -> None:
    with pytest.raises(TypeError):
        listed({1: 0.5}, 2)
    with pytest.raises(TypeError):
        listed({"a": "0.5"}, 2)
    with pytest.raises(TypeError):
        listed([("a", 0.5)], 2)
