import pytest

from rollcall.resolvers.dates import InvalidDate, check_date, within


@pytest.mark.parametrize("value", ["2024-05-21", "2024-02-29"])
def test_full_dates_pass(value: str) -> None:
    assert check_date(value) == value


@pytest.mark.parametrize("value", ["2023-02-29", "2024-00-10", "2024-5-1", "yesterday", "2024"])
def test_bad_full_dates_fail(value: str) -> None:
    with pytest.raises(InvalidDate):
        check_date(value)


def test_partial_dates_pass_only_when_allowed() -> None:
    assert check_date("2024-05", partial=True) == "2024-05"
    assert check_date("2024", partial=True) == "2024"


@pytest.mark.parametrize(
    "date, start, end, inside",
    [
        ("2024-05-21", "2004-03-09", None, True),
        ("2004-03-08", "2004-03-09", None, False),
        ("2023-12-31", "2019", "2023", True),  # a year as end covers the whole year
        ("2024-01-01", "2019", "2023", False),
        ("2022-06-15", "2022-06", "2022-06", True),
        ("2020-01-01", None, None, True),
    ],
)
def test_within(date: str, start: str | None, end: str | None, inside: bool) -> None:
    assert within(date, start, end) is inside
