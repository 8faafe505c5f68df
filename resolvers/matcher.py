"""The name matcher (NAME_MATCHER, `rollcall-name`): a named, versioned algorithm over a NameIndex.

Steps: validate and clean the query; romanise it (several readings); retrieve aliases that
share keys with it; rank them by a cheap token coverage and score the best of them with the
fitted linear model over PairFeatures (with a date or role, the office holders among more
retrieved aliases too); keep the best alias per person; add context (country, tenure on the
date, role), which decides between namesakes, as does a title the query gives after a comma
(namesakes.py); turn each candidate's score and margin into a confidence, never above the
one ranked before it nor above its share of the ranking model's probability; auto-accept by
the fitted threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from ._display import rounded
from .algorithm import AlgorithmDescription, Feature, setting
from .context import CONTEXT_HINTS, context_hints
from .dates import InvalidDate, check_date
from .forms import name_forms, words_kept
from .index import NameIndex
from .kept_spelling import respells_kept_name
from .namesakes import (
    ScoredPerson, context_decides_between_namesakes, fits_as_well, namesake_share, title_decides_between_namesakes,
)
from .params import AliasSetting, Params, load_params, ranking_shares
from .normalize import MAX_NAME_CHARS, clean, has_qualifier, normalize, strip_invisible
from .score import FEATURES, PairFeatures, Reading, Scorer, pack, scored_pairs
from .script import detect_script
from .tags import InvalidLanguageTag, check_language_tag, is_country_code, primary_language
from .titles import title_words, titles_agree
from .types import Candidate, MatchResult, Query
from .unspaced import cut_where_a_space_is_left_out, is_cut_in_two
from .wordlike import is_word_of_names, word_commonness

__all__ = [
    "NAME_MATCHER", "MatcherConfig", "InvalidQuery", "match", "validate_query", "validate_language", "MAX_LIMIT",
    "QueryTraits", "alias_setting", "bearer_of_query_title", "is_one_word", "query_traits", "score_candidates",
]

MAX_LIMIT = 50


class InvalidQuery(ValueError):
    """The query cannot be answered as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class MatcherConfig:
    params: Params = setting(None, "the fitted ranking and confidence models and the accept thresholds "
                                   "(resolvers/params.json, `make fit`)", factory=load_params)
    retrieve: int = setting(50, "aliases taken from the index by shared keys; each gets a cheap token coverage of "
                                "its first reading against the query's first reading")
    retrieve_with_office: int = setting(200, "aliases taken from the index when the query has a date or a role: "
                                             "the office holders among them are scored too")
    office_holders: int = setting(5, "of those, the persons who held an office on the date (or one matching the "
                                     "role) whose aliases are all scored: those whose office fits the role first, "
                                     "then first retrieved first")
    rescore: int = setting(15, "the best of them on that coverage that get the full scoring over all pairs of "
                               "readings (on the dev names, cross-validated top-1 as high as scoring all 50, at a "
                               "third of the time)")
    aliases_per_person: int = setting(3, "of those, at most this many aliases of one person")
    rescore_second_reading: int = setting(3, "aliases more that get the full scoring: the best on the same "
                                             "coverage of the query's second reading, of those left out (on the "
                                             "dev names, cross-validated top-1 +2 queries, none lost)")
    namesake_tolerance: float = setting(0.05, "how much less of the query's words (spelling, weakest token) a "
                                              "person may fit than the best-fitting one and still be a namesake, "
                                              "between whom the context decides")
    title_tolerance: float = setting(0.15, "as namesake_tolerance, for persons with an alias that carries the title "
                                           "the query gives after a comma, which then decides between them "
                                           "(\"William Ross, Baron Ross of Marnock\" is Willie Ross)")
    role_match_ratio: float = setting(85.0, "token similarity (0-100) at which a word of a role hint and one of a "
                                            "post label are the same word (below 100: inflections meet)")


NAME_MATCHER = AlgorithmDescription(
    name="rollcall-name",
    version="2.14",
    summary="ranks the gazetteer's persons for one name in any script, with a calibrated confidence",
    features=(
        *(Feature(name, doc) for name, doc in FEATURES.items()),
        *(Feature(f"context_{name}", doc) for name, doc in CONTEXT_HINTS.items()),
        Feature("score", "the ranking model's logit over the features above; comparable within a query"),
    ),
    config=MatcherConfig,
)


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
    forms += tuple(f for cut in cut_where_a_space_is_left_out(cleaned, query.lang) for f in name_forms(cut, query.lang))
    model = config.params.score
    query_forms = index.weigh(forms)
    if not query_forms:
        return []
    # One Scorer for both steps: the pairs of words the first computes, the second reuses.
    kept = words_kept(query.name, [w.form for w in query_forms])
    scorer = Scorer(tuple(pack(w, k) for w, k in zip(query_forms, kept)))
    data = index.data
    # With a date or a role, the holders of the office are scored even when their name is
    # one of many written alike ("Khan"): more aliases are retrieved, and those of persons
    # who held an office on the date (or one matching the role) join the scoring.
    # Hints are computed once per person and query.
    with_office_hints = bool(query.date or query.role)
    retrieved = index.retrieve(forms, config.retrieve_with_office if with_office_hints else config.retrieve)
    data.prefetch(retrieved)
    head = retrieved[:config.retrieve]
    first_readings = data.first_readings(head)
    prescored = _best_covered_by_person(scorer.best_covered(first_readings, len(head)), head,
                                        data.persons_of(head), first_readings, config)
    if len(query_forms) > 1:
        # The coverage reads the query one way only; where its second reading is the one an
        # alias is spelled by ("Герман Грее" read "german gree" for Hermann Gröhe, as "herman
        # hree" covers every Hermann), that alias would not be scored at all.
        taken = set(prescored)
        by_second = (head[i] for i in scorer.best_covered(first_readings, len(head), 1))
        prescored += islice((a for a in by_second if a not in taken), config.rescore_second_reading)
    hints: dict[int, tuple[str, ...]] = {}

    def hints_of(person: int) -> tuple[str, ...]:
        if person not in hints:
            hints[person] = context_hints(index.persons[person], query, config.role_match_ratio)
        return hints[person]

    if with_office_hints:
        retrieved_persons = data.persons_of(retrieved)
        # The first office holders in retrieval order (most shared and rarest keys first),
        # with all their retrieved aliases: the cheap coverage would prefer a short alias
        # in another script to a full one with the query's word in it. Those whose office
        # fits the role come first: a name as common as "Mohamed" has more holders of some
        # office on the date than are taken.
        fitting_role: list[int] = []
        holding_office: list[int] = []
        for p in dict.fromkeys(retrieved_persons):
            if "role" in hints_of(p):
                fitting_role.append(p)
            elif "tenure" in hints_of(p):
                holding_office.append(p)
            # Enough when no later person can come before those taken.
            if len(fitting_role) == config.office_holders or (
                    not query.role and len(holding_office) == config.office_holders):
                break
        holders = (fitting_role + holding_office)[:config.office_holders]
        prescored += [a for a, p in zip(retrieved, retrieved_persons) if p in holders]
    written_as_query = set(data.exact(normalized))
    to_score = set(prescored) | written_as_query | set(extra_aliases)
    best: dict[int, tuple[float, int, PairFeatures]] = {}  # person: (logit, alias, features)
    query_fit: dict[int, tuple[float, float]] = {}
    query_language = _language(query.lang)
    in_query_language: dict[int, tuple[float, int, PairFeatures]] = {}  # as `best`, of aliases in it
    as_written: dict[int, tuple[int, PairFeatures]] = {}  # an alias written as the query is
    alias_ids = sorted(to_score)
    scored_aliases = scored_pairs(scorer, data.readings_of(alias_ids), model.coefficients)
    for alias_id, person, (logit, feats) in zip(alias_ids, data.persons_of(alias_ids), scored_aliases):
        known = best.get(person)
        if known is None or logit > known[0]:
            best[person] = (logit, alias_id, feats)
        spelling, weakest = query_fit.get(person, (0.0, 0.0))
        query_fit[person] = (max(spelling, feats.spelling), max(weakest, feats.weakest))
        if alias_id in written_as_query:
            as_written[person] = (alias_id, feats)
        elif query_language and _language(data.record_of(alias_id).lang) == query_language:
            known = in_query_language.get(person)
            if known is None or logit > known[0]:
                in_query_language[person] = (logit, alias_id, feats)
    with_context = bool(query.country or query.date or query.role)  # else none applies
    scored = []
    for person, (logit, alias_id, feats) in best.items():
        context = hints_of(person) if with_context else ()
        bonus = sum(model.context.get(k, 0.0) for k in context) if context else 0.0
        shown = as_written.get(person) or _shown_alias((alias_id, feats), in_query_language.get(person),
                                                       config.namesake_tolerance)
        scored.append(ScoredPerson(person, alias_id, logit + bonus, feats, context, logit, query_fit[person], shown))
    if with_context:
        scored = context_decides_between_namesakes(scored, config.namesake_tolerance)
    persons = index.persons
    scored.sort(key=lambda s: (-s.logit, -s.name_logit, persons[s.person].id))
    if has_title := bearer_of_query_title(index, query):
        scored = title_decides_between_namesakes(scored, config.title_tolerance, has_title)
    return scored


def bearer_of_query_title(index: NameIndex, query: Query) -> Callable[[int], bool] | None:
    """Whether a person has an alias that carries the title the query gives after a comma
    (titles.titles_agree); None when it gives none."""
    query_title = title_words(query.name, query.lang)
    if not query_title:
        return None
    data = index.data
    return lambda person: titles_agree(query_title, (data.record_of(a).name for a in data.aliases_of(person)))


def _best_covered_by_person(order: Sequence[int], head: Sequence[int], persons: Sequence[int],
                            readings: Sequence[Reading], config: MatcherConfig) -> list[int]:
    """The `rescore` aliases of `head` that cover the query best (`order`: their positions,
    best first), at most `aliases_per_person` of one person: a person of many aliases
    (Sadyr Japarov has eighteen) would otherwise take every place, and a namesake be scored
    by none of the aliases that carry the query's words ("Japarov" by Akylbek Japarov's
    Chinese alias alone). Of a person's aliases read alike (`readings`: their first
    readings), only the first counts: "Merkel", "Меркель" and "默克尔" would otherwise take
    Angela Merkel's places, and her full name go unscored for "Engkela Merkel"."""
    taken: dict[int, list[int]] = {}  # person: positions taken
    out = []
    for i in order:
        of_person = taken.setdefault(persons[i], [])
        if len(of_person) >= config.aliases_per_person:
            continue
        # A reading's tokens are built on each access: only a person's second alias needs them.
        if of_person and any(readings[i].tokens == readings[j].tokens for j in of_person):
            continue
        of_person.append(i)
        out.append(head[i])
        if len(out) == config.rescore:
            break
    return out


def _language(tag: str | None) -> str:
    """A language tag's language ("de-AT" → "de"), "" for none or an undetermined one."""
    language = primary_language(tag)
    return "" if language == "und" else language


def _shown_alias(best: tuple[int, PairFeatures], in_query_language: tuple[float, int, PairFeatures] | None,
                 tolerance: float) -> tuple[int, PairFeatures]:
    """The alias to show for a person: the best-scoring one in the query's language when it
    accounts for the query's words as well as the best-scoring alias of any language (the
    German "Sergej Lawrow" for a German "Sergej Lawrow", not the English "Sergey Lavrov"
    that scores the same; "Sadyr Japarow" for "Japarow", not the Turkish short "Caparov"),
    else the best-scoring one. What ranks the person stays the best-scoring alias."""
    if in_query_language is None:
        return best
    _, alias_id, feats = in_query_language
    fits = fits_as_well((feats.spelling, feats.weakest), (best[1].spelling, best[1].weakest), tolerance)
    return (alias_id, feats) if fits else best


def is_one_word(query: Query) -> bool:
    """Whether the query is one word in every reading: a surname alone, or a name written
    as one word ("Merkel", "拉夫罗夫"). A Chinese or Korean name is one word as written but
    not as read, its family name apart ("王毅": wang yi): it is a full name. A Burmese word
    or Urdu word read cut in two is one word: the cut is a guess (unspaced.is_cut_in_two)."""
    cleaned = clean(query.name)
    return is_cut_in_two(cleaned, query.lang) or all(len(form.tokens) == 1 for form in name_forms(cleaned, query.lang))


class QueryTraits(NamedTuple):
    """What the confidence model reads of the query itself, the same for every candidate:
    its script (script.detect_script) and how common it is as a word of its language
    (wordlike.word_commonness)."""

    script: str
    commonness: float


def query_traits(query: Query) -> QueryTraits:
    # The word as written: clean() drops an acute accent as it drops a stress mark and
    # unifies Arabic letter variants, and no word list holds what is left (Czech "máš" is
    # "maš", Arabic "شيئا" "شییا"); wordfreq normalises text as its lists were counted.
    return QueryTraits(detect_script(query.name), word_commonness(strip_invisible(query.name), query.lang))


def alias_setting(index: NameIndex, query: Query, traits: QueryTraits, person: int, alias_id: int) -> AliasSetting:
    """What the confidence model reads of a candidate's matched alias: its script, to
    compare with the query's, whether the query respells the bearer's own spelling, and how
    common the query is as a word, unless it is a word of one of the person's own names:
    word lists drawn from the news count "Merkel" and "Лавров" because the news names them,
    and such a word alone means its bearer; "None" or "maintenant" matching a name by sound
    does not."""
    record = index.data.record_of(alias_id)
    commonness = traits.commonness
    if commonness and _is_word_of_names(index, query, traits.script, person):
        commonness = 0.0
    return AliasSetting(traits.script, detect_script(record.name),
                        respells_kept_name(query.name, query.lang, record.name, record.lang,
                                           index.persons[person].country),
                        commonness)


def _is_word_of_names(index: NameIndex, query: Query, script: str, person: int) -> bool:
    names = (index.data.record_of(alias_id).name for alias_id in index.data.aliases_of(person))
    return is_word_of_names(query.name, script, names)


def match(index: NameIndex, query: Query, config: MatcherConfig | None = None) -> MatchResult:
    """Rank the persons of `index` for `query`; the first candidate is the best."""
    config = config or MatcherConfig()
    scored = score_candidates(index, query, config)
    conf_model = config.params.confidence
    context_bonus = config.params.score.context
    one_word = is_one_word(query)
    qualified = has_qualifier(query.name)
    traits = query_traits(query)
    candidates = []
    ceiling = 1.0
    shares = ranking_shares([sp.logit for sp in scored])
    first_single_token = bool(scored) and conf_model.single_token(one_word, scored[0].features)
    if first_single_token:
        # A surname alone names each person who bears it alike: one of them with an alias of
        # that word alone ("Japarov" is Sadyr Japarov's, not Akylbek's) is no likelier meant.
        # Only a context that fits the first better than the others (a role, an office on
        # the date) tells them apart.
        bonus = scored[0].logit - scored[0].name_logit
        cap = namesake_share(scored[0].query_fit, (sp.query_fit for sp in scored if sp.logit - sp.name_logit >= bonus),
                             config.namesake_tolerance)
        shares = [min(share, cap) for share in shares]
    for i, sp in enumerate(scored[: query.limit]):
        rival = scored[1].logit if i == 0 and len(scored) > 1 else (scored[0].logit if i else None)
        # The model is fitted on first candidates; below the first, its features (a short
        # alias in another script, say) can promise more than the candidate ranked above.
        # A candidate is never more likely the person than the one ranked above it (nor
        # than its share of the ranking: ConfidenceModel.of_features).
        setting = alias_setting(index, query, traits, sp.person, sp.alias_id)
        # The context ranks: it tells namesakes apart, and a holder of the office from a
        # person the query merely resembles. It does not make the name fit better: someone the
        # gazetteer lacks holds the same office as often ("le président libanais Michel Aoun"
        # is not Emmanuel Jean-Michel Macron, though both are presidents). So the confidence
        # reads the name's own score (a namesake the context raised: the best namesake's),
        # and the context only through the margin it opens over the others.
        bonus = sum(context_bonus.get(k, 0.0) for k in sp.context)
        conf = ceiling = min(conf_model.confidence(sp.logit - bonus, None if rival is None else rival - bonus,
                                                   one_word, qualified, sp.features, setting, shares[i]), ceiling)
        shown_alias, shown_features = sp.shown
        record = index.data.record_of(shown_alias)
        *shown, shown_score = rounded((*shown_features, sp.logit), 3)  # round() as Python rounds, faster
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
    accepted = bool(candidates) and candidates[0].confidence >= conf_model.threshold(
        conf_model.group(traits.script, first_single_token))
    return MatchResult(tuple(candidates), accepted, NAME_MATCHER.label)
