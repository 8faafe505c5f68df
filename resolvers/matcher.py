"""The name matcher (NAME_MATCHER, `rollcall-name`): a named, versioned algorithm over a NameIndex.

Steps: validate and clean the query; romanise it (several readings); retrieve aliases that
share keys with it; rank them by a cheap token coverage and score the best of them with the
fitted linear model over PairFeatures; keep the best alias per person; add context (country, tenure on the date, role); turn the first
candidate's score and margin into a confidence; auto-accept by the fitted threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ._display import rounded
from .algorithm import AlgorithmDescription, Feature, setting
from .context import CONTEXT_HINTS, context_hints
from .dates import InvalidDate, check_date
from .forms import name_forms
from .index import NameIndex
from .params import Params, load_params
from .normalize import MAX_NAME_CHARS, clean, has_qualifier, normalize
from .score import FEATURES, PairFeatures, Scorer, pack, scored_pairs
from .tags import InvalidLanguageTag, check_language_tag, is_country_code
from .types import Candidate, MatchResult, Query

__all__ = [
    "NAME_MATCHER", "MatcherConfig", "InvalidQuery", "match", "validate_query", "validate_language", "MAX_LIMIT",
    "ScoredPerson", "score_candidates",
]

MAX_LIMIT = 50


class InvalidQuery(ValueError):
    """The query cannot be answered as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class MatcherConfig:
    params: Params = setting(None, "the fitted ranking and confidence models and the accept threshold "
                                   "(resolvers/params.json, `make fit`)", factory=load_params)
    retrieve: int = setting(50, "aliases taken from the index by shared keys; each gets a cheap token coverage of "
                                "its first reading against the query's first reading")
    rescore: int = setting(15, "the best of them on that coverage that get the full scoring over all pairs of "
                               "readings (on the dev names, top-1 0.2 points below scoring all 50, at a third of "
                               "the time)")
    role_match_ratio: float = setting(85.0, "token similarity (0-100) at which a word of a role hint and one of a "
                                            "post label are the same word (below 100: inflections meet)")


NAME_MATCHER = AlgorithmDescription(
    name="rollcall-name",
    version="2.0",
    summary="ranks the gazetteer's persons for one name in any script, with a calibrated confidence",
    features=(
        *(Feature(name, doc) for name, doc in FEATURES.items()),
        *(Feature(f"context_{name}", doc) for name, doc in CONTEXT_HINTS.items()),
        Feature("score", "the ranking model's logit over the features above; comparable within a query"),
    ),
    config=MatcherConfig,
)


class ScoredPerson(NamedTuple):
    """A person among a query's candidates, by their best alias (a named tuple: one per
    scored person and query)."""

    person: int
    alias_id: int
    logit: float
    features: PairFeatures
    context: tuple[str, ...]  # the context hints that hold


def validate_language(lang: str | None) -> None:
    """InvalidQuery if a language is given and is not a well-formed BCP-47 tag (the rule of
    tags.check_language_tag, shared with the gazetteer's checks)."""
    if lang:
        try:
            check_language_tag(lang)
        except InvalidLanguageTag as err:
            raise InvalidQuery(str(err)) from None


def validate_query(query: Query) -> str:
    """Cleaned name of a valid query, or InvalidQuery naming the problem."""
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
    validate_language(query.lang)
    if query.country and not is_country_code(query.country):
        raise InvalidQuery(f"country {query.country!r} is not an ISO 3166-1 alpha-2 code")
    cleaned = clean(query.name)
    if not cleaned:
        raise InvalidQuery("name has no letters once invisible characters are removed")
    return cleaned


def score_candidates(
    index: NameIndex, query: Query, config: MatcherConfig, extra_aliases: Iterable[int] = ()
) -> list[ScoredPerson]:
    """Every person among the best retrieved aliases with their best alias, best first.
    `extra_aliases` are fully scored too (the evaluation uses it to measure what retrieval
    misses)."""
    cleaned = validate_query(query)
    normalized = normalize(cleaned)
    forms = name_forms(cleaned, query.lang)
    model = config.params.score
    query_forms = index.weigh(forms)
    if not query_forms:
        return []
    # One Scorer for both steps: the pairs of words the first computes, the second reuses.
    scorer = Scorer(tuple(pack(w) for w in query_forms))
    data = index.data
    retrieved = index.retrieve(forms, config.retrieve)
    data.prefetch(retrieved)
    prescored = [retrieved[i] for i in scorer.best_covered(data.first_readings(retrieved), config.rescore)]
    to_score = set(prescored) | set(data.exact(normalized)) | set(extra_aliases)
    best: dict[int, tuple[float, int, PairFeatures]] = {}  # person: (logit, alias, features)
    alias_ids = sorted(to_score)
    scored_aliases = scored_pairs(scorer, data.readings_of(alias_ids), model.coefficients)
    for alias_id, person, (logit, feats) in zip(alias_ids, data.persons_of(alias_ids), scored_aliases):
        known = best.get(person)
        if known is None or logit > known[0]:
            best[person] = (logit, alias_id, feats)
    with_context = bool(query.country or query.date or query.role)  # else none applies
    scored = []
    for person, (logit, alias_id, feats) in best.items():
        context = context_hints(index.persons[person], query, config.role_match_ratio) if with_context else ()
        bonus = sum(model.context.get(k, 0.0) for k in context) if context else 0.0
        scored.append(ScoredPerson(person, alias_id, logit + bonus, feats, context))
    persons = index.persons
    scored.sort(key=lambda s: (-s.logit, persons[s.person].id))
    return scored


def match(index: NameIndex, query: Query, config: MatcherConfig | None = None) -> MatchResult:
    """Rank the persons of `index` for `query`; the first candidate is the best."""
    config = config or MatcherConfig()
    scored = score_candidates(index, query, config)
    conf_model = config.params.confidence
    single_token = len(clean(query.name).split()) == 1
    qualified = has_qualifier(query.name)
    candidates = []
    for i, sp in enumerate(scored[: query.limit]):
        rival = scored[1].logit if i == 0 and len(scored) > 1 else (scored[0].logit if i else None)
        conf = conf_model.confidence(sp.logit, rival, single_token, qualified, sp.features)
        record = index.data.record_of(sp.alias_id)
        *shown, shown_score = rounded((*sp.features, sp.logit), 3)  # round() as Python rounds, faster
        features = dict(zip(FEATURES, shown))
        for k in sp.context:
            features[f"context_{k}"] = 1.0
        features["score"] = shown_score  # the ranking model's logit; comparable within a query
        confidence, score = rounded((conf, sp.logit), 4)
        candidates.append(
            Candidate(
                person_id=index.persons[sp.person].id,
                name=index.persons[sp.person].name,
                confidence=confidence,
                score=score,
                matched_alias=record.name,
                matched_alias_lang=record.lang,
                features=features,
            )
        )
    accepted = bool(candidates) and candidates[0].confidence >= conf_model.accept_at
    return MatchResult(tuple(candidates), accepted, NAME_MATCHER.label)
