"""ISO dates of varying precision ("2024", "2024-05", "2024-05-21") and tenure tests."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["InvalidDate", "check_date", "within"]

_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class InvalidDate(ValueError):
    pass


def check_date(value: str, *, partial: bool = False) -> str:
    """Return `value` if it is a real calendar date (YYYY-MM-DD; with `partial`, also
    YYYY-MM or YYYY), else raise InvalidDate saying what is wrong."""
    if not _PARTIAL.match(value) or (not partial and len(value) != 10):
        expected = "YYYY-MM-DD, YYYY-MM or YYYY" if partial else "YYYY-MM-DD"
        raise InvalidDate(f"date {value!r} is not an ISO date ({expected})")
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        elif len(value) == 7:
            dt.date.fromisoformat(value + "-01")
    except ValueError as err:
        raise InvalidDate(f"date {value!r} does not exist: {err}") from None
    return value


def within(date: str, start: str | None, end: str | None) -> bool:
    """Whether `date` falls in the tenure [start, end]. A partial bound covers its whole
    period ("2023" as an end means until the end of 2023); a missing start is unknown and
    counts as open, a missing end means still current."""
    if start and date[: len(start)] < start:
        return False
    if end and date[: len(end)] > end:
        return False
    return True
