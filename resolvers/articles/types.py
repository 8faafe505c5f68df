"""What the article reader answers, and what it is given: the gazetteer's vocabulary and
posts, and the settings of its rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Algorithm, Office

__all__ = [
    "PostInfo", "Vocabulary", "DocumentConfig", "Mention", "Office", "PersonFound",
    "Unresolved", "DocumentResult", "Descriptor", "NameSpan", "DOCUMENT_ALGORITHM", "MAX_DOCUMENT_CHARS",
]

# The article reader's own name and version (the names it resolves carry the name
# matcher's); a change to what it finds or decides bumps the version.
DOCUMENT_ALGORITHM = Algorithm(name="rollcall-document", version="1.2")

MAX_DOCUMENT_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class PostInfo:
    id: str
    label: str
    role_type: str
    country: str
    organization: str
    holders: tuple[tuple[str, str, str, bool], ...]  # (person id, start, end, acting)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Phrases from the gazetteer: role words, places, cues, and the posts with holders."""

    roles: tuple[tuple[str, str], ...]  # (phrase, role_type)
    places: tuple[tuple[str, str], ...]  # (phrase, "country:KZ" or "org:sco")
    cues: tuple[tuple[str, str], ...]  # (phrase, "attending" | "not_attending")
    posts: tuple[PostInfo, ...]
    # Names a person bore until a date (person id, name, language, until): on earlier dates
    # the answer names the person so ("Sirojiddin Aslov" until 2018-05, now Muhriddin).
    former_names: tuple[tuple[str, str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentConfig:
    # A name is taken as the person when the matcher's confidence reaches this.
    accept_confidence: float = 0.5
    # Confidence of a name shared by namesakes of whom only one held an office on the date.
    in_office_confidence: float = 0.8
    # Confidence of a mention written exactly as an alias that only one person has.
    exact_confidence: float = 0.99
    # Least similarity of a mention's worst-matched word to the name it is taken for.
    weakest_word: float = 0.5
    # Confidence given to a name whose only plausible bearer held the office the article
    # names on its date (before the matcher's own confidence, if higher).
    agreement_confidence: float = 0.9
    # A cue of not attending applies to mentions at most this many words away (Chinese and
    # Japanese: two characters a word).
    not_attending_window: int = 16
    # Tokens allowed between a descriptor and the name it describes.
    attach_gap: int = 3
    # A lone word this common in the text's language (Zipf: 5.5 is about three in a hundred
    # thousand words: "may", "river", "devlet") is an ordinary word, whoever it spells.
    common_word: float = 5.5
    # A name made only of words this common ("Devlet Başkanları": state presidents) needs to
    # be written as an alias.
    common_name_word: float = 4.0
    # Least confidence of a Chinese or Japanese name written as no alias, with no role
    # phrase beside it.
    unwritten_cjk_confidence: float = 0.8
    # In a script without case nothing marks a name but its words. One this common (Zipf
    # 6.5, three in a thousand words: Hindi के, Urdu کے, Persian در, postpositions and
    # conjunctions) is never part of a name; a name goes on over words this rare (Zipf 3.5,
    # three in ten million: a foreign surname in Devanagari or Arabic letters) and gives
    # them back if the whole does not match. Not over commoner ones: Arabic "شرف الزعماء"
    # ("in honour of the leaders") is no name.
    function_word: float = 6.5
    rare_word: float = 3.5
    longest_name: int = 6


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class PersonFound:
    id: str
    name: str
    confidence: float
    attending: bool
    mentions: list[Mention] = field(default_factory=list)
    office: Office | None = None


@dataclass(frozen=True, slots=True)
class Unresolved:
    start: int
    end: int
    text: str
    role: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class DocumentResult:
    people: tuple[PersonFound, ...]
    unresolved: tuple[Unresolved, ...]
    algorithm: Algorithm = field(default_factory=lambda: DOCUMENT_ALGORITHM)


@dataclass(slots=True)
class Descriptor:
    first: int
    last: int
    roles: set[str]
    role_text: str
    countries: set[str]
    orgs: set[str]
    attached: bool = False
    # Speaks of someone who held the office before the article's date ("former president").
    former: bool = False
    # One of a list of places sharing the role ("the presidents of Tajikistan, Kyrgyzstan
    # and Belarus"): it speaks of several people, none of them by name.
    collective: bool = False


@dataclass(slots=True)
class NameSpan:
    first: int
    last: int
    descriptor: Descriptor | None = None
    # Where the words the gazetteer knows end, when the span goes on over unknown ones.
    known_last: int | None = None
    # Found only by its place after a role phrase, not by its spelling.
    after_role: bool = False
