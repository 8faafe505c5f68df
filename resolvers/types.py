"""Plain data passed into and out of the matcher. No I/O, no protobuf, no SQLite."""

from __future__ import annotations

from dataclasses import dataclass, field

from ._display import listed

__all__ = ["DEFAULT_LIMIT", "AliasRecord", "Office", "PersonRecord", "TenureRecord", "Query", "Candidate", "MatchResult", "Algorithm"]


@dataclass(frozen=True, slots=True)
class AliasRecord:
    """One written form of a person's name, as the gazetteer holds it."""

    person_id: str
    name: str
    lang: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class TenureRecord:
    """An office held: (possibly partial) ISO dates and the post's labels in any language."""

    start: str = ""
    end: str = ""
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Office:
    """A post held, with the dates of the tenure (partial ISO dates; end empty = current)."""

    post_id: str
    post: str
    role_type: str
    organization: str
    country: str
    start: str
    end: str
    acting: bool


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """What the matcher needs to know of a person besides the names."""

    id: str
    name: str
    country: str = ""
    tenures: tuple[TenureRecord, ...] = ()


# Candidates an answer lists when the caller does not say.
DEFAULT_LIMIT = 5


@dataclass(frozen=True, slots=True)
class Query:
    """One name to match, with the context that narrows it (all optional)."""

    name: str
    lang: str | None = None
    date: str | None = None
    country: str | None = None
    role: str | None = None
    limit: int = DEFAULT_LIMIT


@dataclass(frozen=True, slots=True)
class Algorithm:
    name: str
    version: str


@dataclass(frozen=True, slots=True)
class Candidate:
    person_id: str
    name: str
    confidence: float
    score: float
    matched_alias: str
    matched_alias_lang: str
    features: dict[str, float] = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        """'matched ...: name=0.95, ...', each feature to two decimals ("%.2f")."""
        return f"matched {self.matched_alias!r} ({self.matched_alias_lang or 'und'}): {listed(self.features, 2)}"


@dataclass(frozen=True, slots=True)
class MatchResult:
    candidates: tuple[Candidate, ...]
    match: bool
    algorithm: Algorithm
