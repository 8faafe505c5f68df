"""Namesakes: the persons a query's own words fit about equally well ("Japarov": the
president Sadyr and the prime minister Akylbek), and what decides between them. The name
matcher ranks its candidates by name (matcher.score_candidates); then the context (a role,
an office on the date) or a title the query gives after a comma decides between namesakes,
and a surname alone shares its confidence among them (namesake_share).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from .score import PairFeatures

__all__ = ["ScoredPerson", "context_decides_between_namesakes", "fits_as_well", "namesake_share",
           "title_decides_between_namesakes"]


class ScoredPerson(NamedTuple):
    """A person among a query's candidates, by their best alias (a named tuple: one per
    scored person and query)."""

    person: int
    alias_id: int
    logit: float
    features: PairFeatures
    context: tuple[str, ...]  # the context hints that hold
    name_logit: float  # the score of the name alone: `logit` less the context's bonus
    # How well the query's own words fit the person by any of the aliases scored (the best
    # spelling, the best weakest token): what makes persons namesakes for this query.
    query_fit: tuple[float, float]
    # The alias an answer shows, with its own features: one written as the query is; else
    # the best alias, or the best in the query's language when that accounts for the
    # query's words as well (matcher._shown_alias).
    shown: tuple[int, PairFeatures]


def fits_as_well(fit: tuple[float, float], best: tuple[float, float], tolerance: float) -> bool:
    """Whether a (spelling, weakest token) fit of the query's words is within `tolerance`
    of the best one on both: the rule for namesakes and for the alias shown."""
    return fit[0] >= best[0] - tolerance and fit[1] >= best[1] - tolerance


def _namesakes(scored: list[ScoredPerson], tolerance: float) -> list[bool]:
    """For each candidate, whether the query's own words fit them as well as anyone, when
    they fit someone all but exactly: persons the query fits equally poorly ("Michel Aoun":
    Michel Barnier, Emmanuel Jean-Michel Macron) are not namesakes but misses."""
    best_fit = (max((sp.query_fit[0] for sp in scored), default=0.0),
                max((sp.query_fit[1] for sp in scored), default=0.0))
    if best_fit[0] < 1.0 - tolerance:
        return [False] * len(scored)
    return [fits_as_well(sp.query_fit, best_fit, tolerance) for sp in scored]


def context_decides_between_namesakes(scored: list[ScoredPerson], tolerance: float) -> list[ScoredPerson]:
    """Namesakes' name scores still differ by what the query does not speak to, such as one
    of them having a surname-only alias. A namesake whom more of the query's context fits
    (the role, an office on the date) than the best-named candidate gets that one's name
    score, so the context decides. Nobody is lowered; among the raised, their own name
    scores keep their order (ScoredPerson.name_logit)."""
    namesakes = _namesakes(scored, tolerance)
    if sum(namesakes) < 2:
        return scored
    # Whoever has the best name score, a namesake or one whose alias scores higher on what
    # the query does not speak to (a short alias in another script): the context that fits
    # a namesake better decides against them too. A context's bonus is logit - name_logit.
    best_named = max(scored, key=lambda sp: sp.name_logit)
    best_bonus = best_named.logit - best_named.name_logit
    return [sp._replace(logit=best_named.name_logit + (sp.logit - sp.name_logit))
            if namesake and sp.logit - sp.name_logit > best_bonus and sp.name_logit < best_named.name_logit else sp
            for sp, namesake in zip(scored, namesakes)]


def title_decides_between_namesakes(scored: list[ScoredPerson], tolerance: float,
                                    has_title: Callable[[int], bool]) -> list[ScoredPerson]:
    """`scored` (best first) with the namesakes who bear the query's title (`has_title` of
    the person: titles.titles_agree) raised to the first's score and put before the others
    of that score: "William Ross, Baron Ross of Marnock" is the baron Willie Ross, not
    William Ross the MP, whom the name alone fits better. The title is no evidence against
    a namesake's name, so the two share the first's score and its confidence."""
    titled = {sp.person for sp, namesake in zip(scored, _namesakes(scored, tolerance))
              if namesake and has_title(sp.person)}
    if not titled or scored[0].person in titled:
        return scored
    first = scored[0].logit
    raised = [sp._replace(logit=first) if sp.person in titled else sp for sp in scored]
    return sorted(raised, key=lambda sp: (-sp.logit, sp.person not in titled))  # stable: else as ranked


def namesake_share(first: tuple[float, float], fits: Iterable[tuple[float, float]], tolerance: float) -> float:
    """The most confidence each of the persons who bear a surname alone may have: one over
    their number. They are those of `fits` (their query fits, the first's included) the word
    fits as well as the first candidate's `first`, when it fits the first all but exactly;
    else the others bear other, similar names ("Mirzaev" for "Mirziyoyev"), and the share is
    whole."""
    if first[0] < 1.0 - tolerance:
        return 1.0
    return 1.0 / max(sum(fits_as_well(fit, first, tolerance) for fit in fits), 1)
