# Types of the C scoring loop (_fastscore.c).
class Reading:
    def __init__(
        self,
        tokens: tuple[str, ...],
        keys: tuple[str, ...],
        skeletons: tuple[str, ...],
        classes: tuple[str, ...],
        classes_r: tuple[str, ...],
        groups: tuple[tuple[int, ...], ...],
        particles: tuple[bool, ...],
        weights: tuple[float, ...],
        rarity: float,
        kept: tuple[bool, ...] | None = None,
    ) -> None: ...
    @property
    def total(self) -> float: ...
    @property
    def rarity(self) -> float: ...
    @property
    def size(self) -> int: ...
    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    skeletons: tuple[str, ...]
    classes: tuple[str, ...]
    classes_r: tuple[str, ...]
    groups: tuple[tuple[int, ...], ...]
    particles: tuple[bool, ...]
    weights: tuple[float, ...]
    kept: tuple[bool, ...]
    joined_key: str
    joined_class: str

def readings_from_text(text: str) -> tuple[Reading, ...]: ...

def levenshtein_similarity(a: str, b: str) -> float: ...
def jaro_winkler(a: str, b: str) -> float: ...
def token_pair(q: Reading, i: int, a: Reading, j: int) -> tuple[float, float]: ...
def coverage(q: Reading, a: Reading) -> float: ...
def best_covered(q: Reading, readings: list[Reading], k: int) -> list[int]: ...
def align(q: Reading, a: Reading) -> tuple[float, float, float, float, float, float, float, float]: ...
def best_pairs(
    qs: tuple[Reading, ...], aliases: list[tuple[Reading, ...]], coef: tuple[float, ...]
) -> list[tuple[float, float, float, float, float, float, float, float, float] | None]: ...  # (score, *features)

class Scorer:
    """One query's scoring (its readings), the pairs of words computed once for both steps."""

    def __init__(self, readings: tuple[Reading, ...], /) -> None: ...
    def best_covered(self, readings: list[Reading], k: int, reading: int = 0, /) -> list[int]: ...
    def best_pairs(
        self, aliases: list[tuple[Reading, ...]], coef: tuple[float, ...], /
    ) -> list[tuple[float, float, float, float, float, float, float, float, float] | None]: ...
