"""The fitted parameters of the matcher: how features become a score, and a score a
confidence. They live in params.json beside this module, written by `rollcall fit`
(make fit), which learns them on labelled queries with person-level cross-validation."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import mul
from pathlib import Path
from typing import NamedTuple

from .context import CONTEXT_HINTS
from .rules import MIN_ALIGNED
from .script import LATIN
from .score import FEATURES, PairFeatures
from .wordlike import ORDINARY_WORD_COMMONNESS

__all__ = [
    "ACCEPT_GROUPS", "AliasSetting", "CONFIDENCE_FEATURES", "ConfidenceModel", "PARAMS_PATH", "Params", "ScoreModel", "default_params",
    "load_params", "ranking_shares", "sigmoid",
]

PARAMS_PATH = Path(__file__).with_name("params.json")
# Margins to the runner-up are capped: beyond this the runner-up is irrelevant.
_MAX_MARGIN = 8.0
# Logit added by each context hint that holds. Set by hand: the labelled names carry no
# date or role, so these cannot be fitted on them. A role held on the date is strong
# evidence; a country alone is weaker (many people share one).
CONTEXT_DEFAULTS = {"country": 1.0, "tenure": 0.5, "role": 2.5}

# What the confidence model reads of the first candidate (ConfidenceModel.features), in order.
# `weakest` is split in two: a query word left unaligned (weakest 0: a patronymic or a
# disambiguator the alias lacks) is common among right answers, while a word aligned but
# matched weakly ("Блэр" against "Эбботт", 0.5) almost never is; one linear weight on
# weakest cannot say both.
#
# The last is how far a match within one script rests on sound over spelling. Within a
# script, spelling is what tells people apart: "David Martin" sounds like "David Hamilton"
# once l and r are one class of sound (as Japanese, Korean and Chinese readings need), but
# is spelled unlike it. Across scripts even the right person's spelling falls short
# ("Людвіг Ергард" against "Ludwig Erhard", 0.90) and sound carries the weight. One weight
# each for spelling and sound cannot say both: cross-script answers were held below the
# threshold that the same-script namesakes of a sound match need. The feature is 0 for an
# exact match in any script, so it cannot make one less sure.
#
# `kept_name_respelled` is a query in a language that keeps Latin-script names as written
# ("Hans Evers" in German) that still differs from its bearer's own spelling ("Hans Ewers")
# by a word (kept_spelling.py): another person far more often than a misspelling.
#
# `query_commonness` is how common a query written as one word is as a word of its language
# (wordlike.word_commonness), when it is not a word of the candidate's own names
# (matcher.alias_setting): "None", "maintenant", 来自 ("from") match a surname or a short
# name by sound as well as a surname alone does, and are words far more often than names.
#
# A query of one word that is an ordinary word of its language (wordlike.ORDINARY_WORD) and
# not a word of the candidate's names is that word: its confidence is at most
# _ORDINARY_WORD_CEILING, whatever the features say. On a gazetteer of a few hundred people
# nobody else comes near such a word, and the margin made "drei" (German "three") Mario
# Draghi at 0.99. Of the dev names' family names alone, the one of Zipf 5 or more that is
# no word of its first candidate's names was wrong (of Zipf 4 to 5, 14 of 96 were right).
#
# A query of a single token asks another question (which of the people of that surname?),
# and every feature but the token count has a second weight for it (one_word_*): the
# difference from its weight for longer names, which the fit keeps small unless the data
# says otherwise.
_BASE_FEATURES = ("score_logit", "margin", "single_token", "qualified",
                  *(f for f in FEATURES if f != "weakest"), "unaligned", "weakest_aligned",
                  "same_script_sound_over_spelling", "kept_name_respelled", "query_commonness")
_SINGLE = _BASE_FEATURES.index("single_token")
_COMMONNESS = _BASE_FEATURES.index("query_commonness")
_ORDINARY_WORD_CEILING = 0.1
CONFIDENCE_FEATURES = (*_BASE_FEATURES, *(f"one_word_{f}" for f in _BASE_FEATURES if f != "single_token"))
_WEAKEST = tuple(FEATURES).index("weakest")
# Groups of queries whose first candidates are accepted at thresholds of their own, each
# fitted for the precision asked: a single token (a surname alone, fitted on the family
# names alone and on ordinary words), and full names in Latin letters and in other scripts.
# Latin spellings of different people lie close together ("Hans Evers" is not Hans Ewers),
# so one threshold for all names left Latin answers accepted at 0.97 precision and the
# others at 0.999.
ACCEPT_GROUPS = ("one_word", "latin", "other")
# Whole-name similarity at which one word reads as all of a longer alias (features()).
_WHOLE_NAME = 0.9
_NO_ONE_WORD = (0.0,) * (len(_BASE_FEATURES) - 1)


class AliasSetting(NamedTuple):
    """What the confidence model reads of a candidate's matched alias beside the pair's
    features: the query's script and the alias's (script.detect_script), whether the
    query respells the bearer's own spelling (kept_spelling.respells_kept_name), and how
    common the query is as a word of its language when it is not a word of the candidate's
    names (CONFIDENCE_FEATURES)."""

    query_script: str
    alias_script: str
    kept_name_respelled: bool = False
    query_commonness: float = 0.0


def ranking_shares(logits: Sequence[float]) -> list[float]:
    """Each candidate's probability of being the person, if one of them is, under the score
    model (a conditional logit: exp(logit) in proportion to the sum), in the order given."""
    if not logits:
        return []
    top = max(logits)
    weights = [math.exp(x - top) for x in logits]
    total = sum(weights)
    return [w / total for w in weights]


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True, slots=True)
class ScoreModel:
    """Logistic model: P(alias names the person the query means | pair features)."""

    intercept: float
    weights: tuple[float, ...]  # one per FEATURES entry, in order
    context: dict[str, float]  # logit added per context feature that holds

    @property
    def coefficients(self) -> tuple[float, ...]:
        """Intercept, then the weights: what score.score_pair takes."""
        return (self.intercept, *self.weights)

    def logit(self, f: PairFeatures) -> float:
        # Summed in this order, as _fastscore.c sums it to pick a best pair of readings.
        w = self.weights
        return (self.intercept + w[0] * f.spelling + w[1] * f.sound + w[2] * f.alias_coverage
                + w[3] * f.whole + w[4] * f.whole_sound + w[5] * f.weakest + w[6] * f.in_order
                + w[7] * f.rarity)


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Logistic model over the first candidate: P(it is the right person). Features: its
    score, its margin over the runner-up, whether the query is a single word, whether it
    carries a disambiguator, the pair features of its best alias (a high score made of a
    perfect surname and a wrong given name is less sure than an even one), the weakest word
    read as CONFIDENCE_FEATURES says, and how far a match within one script rests on sound.
    `match` needs confidence ≥ the threshold of the query's group (ACCEPT_GROUPS)."""

    coef: tuple[float, ...]  # intercept, then one weight per feature
    accept_at: tuple[float, ...]  # one threshold per group of ACCEPT_GROUPS, in that order
    _weights: tuple[float, ...] = field(init=False, repr=False, compare=False)  # coef[1:]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_weights", self.coef[1:])  # sliced once, not per candidate

    @staticmethod
    def single_token(one_word: bool, pair: PairFeatures) -> bool:
        """Whether a query of one word (`one_word`) names one word of the name: a surname
        alone, or a name of one word. One word that reads as the whole of a longer alias is
        a name written together, as Burmese and Tibetan write names ("ဘာရက်အိုဘားမား",
        Barack Obama), and is read as the name it is."""
        return one_word and not (pair.whole >= _WHOLE_NAME and pair.alias_coverage < 1.0)

    @staticmethod
    def group(query_script: str, single_token: bool) -> str:
        """The group of ACCEPT_GROUPS whose threshold decides a first candidate."""
        return "one_word" if single_token else "latin" if query_script == LATIN else "other"

    def threshold(self, group: str) -> float:
        """The confidence at which a first candidate of `group` is accepted."""
        return self.accept_at[ACCEPT_GROUPS.index(group)]

    @staticmethod
    def features(
        logit: float, rival: float | None, one_word: bool, qualified: bool, pair: PairFeatures,
        setting: AliasSetting,
    ) -> tuple[float, ...]:
        """The features of a candidate; `one_word`: the query is one word; `setting`: its
        matched alias's."""
        margin = _MAX_MARGIN if rival is None else max(min(logit - rival, _MAX_MARGIN), -_MAX_MARGIN)
        single_token = ConfidenceModel.single_token(one_word, pair)
        weakest = pair[_WEAKEST]
        unaligned = weakest <= MIN_ALIGNED  # aligned words match above MIN_ALIGNED
        same_script = setting.query_script == setting.alias_script
        sound_over_spelling = max(0.0, pair.sound - pair.spelling) if same_script else 0.0
        base = (logit, margin, 1.0 if single_token else 0.0, 1.0 if qualified else 0.0,
                *pair[:_WEAKEST], *pair[_WEAKEST + 1:], 1.0 if unaligned else 0.0, 1.0 if unaligned else weakest,
                sound_over_spelling, 1.0 if setting.kept_name_respelled else 0.0, setting.query_commonness)
        if not single_token:
            return base + _NO_ONE_WORD
        return base + base[:_SINGLE] + base[_SINGLE + 1:]

    def confidence(
        self, logit: float, rival: float | None, one_word: bool, qualified: bool, pair: PairFeatures,
        setting: AliasSetting, share: float,
    ) -> float:
        return self.of_features(self.features(logit, rival, one_word, qualified, pair, setting), share)

    def of_features(self, features: Sequence[float], share: float) -> float:
        """P(right) from the candidate's CONFIDENCE_FEATURES, never above `share`, its share
        of the ranking model's probability (ranking_shares): two namesakes scored alike get
        at most 0.5 each; nor above _ORDINARY_WORD_CEILING for an ordinary word."""
        if features[_COMMONNESS] >= ORDINARY_WORD_COMMONNESS:
            share = min(share, _ORDINARY_WORD_CEILING)
        return min(sigmoid(self.coef[0] + sum(map(mul, self._weights, features))), share)


@dataclass(frozen=True, slots=True)
class Params:
    score: ScoreModel
    confidence: ConfidenceModel
    fitted_on: str = ""

    def to_json(self) -> dict:
        return {
            "fitted_on": self.fitted_on,
            "score": {
                "intercept": self.score.intercept,
                "weights": dict(zip(FEATURES, self.score.weights)),
                "context": self.score.context,
            },
            "confidence": {
                "coef": list(self.confidence.coef),
                "features": list(CONFIDENCE_FEATURES),
                "accept_at": dict(zip(ACCEPT_GROUPS, self.confidence.accept_at)),
            },
        }

    @classmethod
    def from_json(cls, doc: dict, *, confidence: bool = True) -> Params:
        """The parameters of a params.json document; with confidence=False its confidence
        model is not read (the hand-set one stands in): what a refit starts from when the
        stored one was fitted on other features."""
        s, c = doc["score"], doc["confidence"]
        score = ScoreModel(
            float(s["intercept"]),
            tuple(float(s["weights"][name]) for name in FEATURES),
            {k: float(s["context"].get(k, 0.0)) for k in CONTEXT_HINTS},
        )
        if not confidence:
            return cls(score, default_params().confidence, doc.get("fitted_on", ""))
        thresholds = c.get("accept_at")
        if (tuple(c.get("features", ())) != CONFIDENCE_FEATURES or len(c["coef"]) != len(CONFIDENCE_FEATURES) + 1
                or not isinstance(thresholds, dict) or set(thresholds) != set(ACCEPT_GROUPS)):
            raise ValueError(f"the confidence model was fitted on {c.get('features')} with thresholds for "
                             f"{sorted(thresholds) if isinstance(thresholds, dict) else 'one group'}, this code "
                             f"reads {list(CONFIDENCE_FEATURES)} with {list(ACCEPT_GROUPS)}: refit it (make fit)")
        return cls(score, ConfidenceModel(tuple(float(x) for x in c["coef"]),
                                          tuple(float(thresholds[g]) for g in ACCEPT_GROUPS)), doc.get("fitted_on", ""))


def default_params() -> Params:
    """Hand-set starting point, used to bootstrap a fit when no params.json exists."""
    return Params(
        ScoreModel(-9.0, (5.0, 3.0, 1.5, 1.5, 1.0, 1.0, 0.5, 0.0), dict(CONTEXT_DEFAULTS)),
        ConfidenceModel((-1.0, 0.3, 0.5, -0.5, -1.0) + (0.0,) * (len(CONFIDENCE_FEATURES) - 4),
                        (0.9,) * len(ACCEPT_GROUPS)),
        "hand-set",
    )


@lru_cache(maxsize=4)
def load_params(path: Path = PARAMS_PATH) -> Params:
    if not path.is_file():
        return default_params()
    return Params.from_json(json.loads(path.read_text(encoding="utf-8")))
