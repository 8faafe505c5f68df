"""Given names that are one name across languages and familiar forms ("Ioannes", "John",
"Hans", "Ivan"; "William", "Bill"; Chinese "约翰"). Read once from data/given_names.txt."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .keys import phonetic_key
from .script import detect_script
from .translit import romanize

__all__ = ["name_groups"]

_DATA = Path(__file__).parent / "data" / "given_names.txt"


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = defaultdict(set)
    lines = [ln for ln in _DATA.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for number, line in enumerate(lines):
        for variant in line.split(","):
            variant = variant.strip()
            for reading in _readings(variant):
                groups[phonetic_key(reading)].add(number)
    return {key: frozenset(ids) for key, ids in groups.items()}


def _readings(variant: str) -> tuple[str, ...]:
    """A Latin variant as written; one in another script in every reading a name in it
    gets (translit.romanize; Chinese characters as Chinese reads them), as the query's word
    will be read."""
    if not variant or variant.isascii():
        return (variant,) if variant else ()
    lang = "zh" if detect_script(variant) == "Han" else None
    return tuple(r.replace(" ", "") for r in romanize(variant, lang))


def name_groups(key: str) -> frozenset[int]:
    """Groups of the given name whose phonetic key is `key` (empty if not a known name)."""
    return _groups().get(key, frozenset())
