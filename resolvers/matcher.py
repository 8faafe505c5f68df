"""The name matcher: a named, versioned algorithm over a NameIndex."""

from __future__ import annotations

from dataclasses import dataclass, field

from .calibrate import CalibrationConfig, auto_accept, confidence
from .context import ContextConfig, context_features
from .dates import InvalidDate, check_date
from .index import NameIndex, name_forms
from .normalize import MAX_NAME_CHARS, normalize
from .score import ScoreConfig, score_forms
from .types import Algorithm, Candidate, MatchResult, Query

__all__ = ["ALGORITHM", "MatcherConfig", "InvalidQuery", "match", "validate_query", "MAX_LIMIT"]

ALGORITHM = Algorithm(name="rollcall-name", version="1.0")
MAX_LIMIT = 50


class InvalidQuery(ValueError):
    """The query cannot be answered as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class MatcherConfig:
    score: ScoreConfig = field(default_factory=ScoreConfig)
    calibration: CalibrationConfig = field(default_factory=CalibrationConfig)
    context: ContextConfig = field(default_factory=ContextConfig)
    # Aliases scored per query, taken from the index by shared rare keys.
    retrieve: int = 300


def validate_query(query: Query) -> str:
    """Normalised name of a valid query, or InvalidQuery naming the problem."""
    if not query.name or not query.name.strip():
        raise InvalidQuery("name is empty")
    if len(query.name) > MAX_NAME_CHARS:
        raise InvalidQuery(
            f"name is {len(query.name)} characters long; the limit is {MAX_NAME_CHARS}"
        )
    if not 1 <= query.limit <= MAX_LIMIT:
        raise InvalidQuery(f"limit {query.limit} is out of range 1..{MAX_LIMIT}")
    if query.date:
        try:
            check_date(query.date)
        except InvalidDate as err:
            raise InvalidQuery(str(err)) from None
    if query.country and not (len(query.country) == 2 and query.country.isalpha()):
        raise InvalidQuery(f"country {query.country!r} is not an ISO 3166-1 alpha-2 code")
    normalized = normalize(query.name)
    if not normalized:
        raise InvalidQuery("name has no letters once invisible characters are removed")
    return normalized


def match(index: NameIndex, query: Query, config: MatcherConfig | None = None) -> MatchResult:
    """Rank the persons of `index` for `query`; the first candidate is the best."""
    config = config or MatcherConfig()
    normalized = validate_query(query)
    forms = name_forms(normalized, query.lang)
    best: dict[int, tuple[float, int, dict[str, float]]] = {}

    def consider(alias_id: int, score: float, features: dict[str, float]) -> None:
        person = index.aliases[alias_id].person
        if person not in best or score > best[person][0]:
            best[person] = (score, alias_id, features)

    for alias_id in index.exact(normalized):
        consider(alias_id, 1.0, {"exact": 1.0})
    for alias_id in index.retrieve(forms, config.retrieve):
        alias = index.aliases[alias_id]
        feats = score_forms(forms, alias.forms, index.idf, config.score)
        consider(
            alias_id,
            feats.score,
            {
                "name": feats.score,
                "query_coverage": feats.query_coverage,
                "alias_coverage": feats.alias_coverage,
                "whole": feats.whole,
            },
        )

    ranked = []
    for person_pos, (score, alias_id, features) in best.items():
        bonuses = context_features(index.persons[person_pos], query, config.context)
        if bonuses:
            features = {**features, **bonuses}
        ranked.append((min(score + sum(bonuses.values()), 1.0), person_pos, alias_id, features))
    ranked.sort(key=lambda r: (-r[0], index.persons[r[1]].id))

    candidates = []
    for i, (score, person_pos, alias_id, features) in enumerate(ranked[: query.limit]):
        runner_up = ranked[1][0] if i == 0 and len(ranked) > 1 else (ranked[0][0] if i else 0.0)
        margin = score - runner_up
        record = index.aliases[alias_id].record
        candidates.append(
            Candidate(
                person_id=index.persons[person_pos].id,
                name=index.persons[person_pos].name,
                confidence=round(confidence(score, margin, config.calibration), 4),
                score=round(score, 4),
                matched_alias=record.name,
                matched_alias_lang=record.lang,
                features={k: round(v, 3) for k, v in features.items()},
            )
        )
    accepted = bool(candidates) and auto_accept(
        candidates[0].confidence,
        candidates[0].score - (ranked[1][0] if len(ranked) > 1 else 0.0),
        config.calibration,
    )
    return MatchResult(tuple(candidates), accepted, ALGORITHM)
