"""What the article reader answers, and what it is given: the gazetteer's vocabulary and
posts, and the settings of its rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..algorithm import AlgorithmDescription, Feature, setting
from ..types import Algorithm, Office
from ..wordlike import ORDINARY_WORD

__all__ = [
    "PostInfo", "Vocabulary", "DocumentConfig", "Mention", "Office", "PersonFound",
    "Unresolved", "DocumentResult", "Descriptor", "NameSpan", "ARTICLE_READER", "MAX_DOCUMENT_CHARS",
]


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
    # Names of the countries the gazetteer does not cover (phrase, "country:SG"): beside a
    # role they name an office nobody the gazetteer knows holds.
    uncovered_places: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentConfig:
    accept_confidence: float = setting(0.5, "a name is taken as the person when the matcher's confidence reaches this")
    in_office_confidence: float = setting(
        0.8, "confidence of a name shared by namesakes of whom only one held an office on the date")
    exact_confidence: float = setting(
        0.99, "confidence of a mention written exactly as an alias that only one person has")
    weakest_word: float = setting(0.5, "least similarity of a mention's worst-matched word to the name it is taken for")
    agreement_confidence: float = setting(
        0.9, "confidence given to a name whose only plausible bearer held the office the article names on its "
             "date (before the matcher's own confidence, if higher)")
    not_attending_window: int = setting(
        16, "a cue of not attending applies to mentions at most this many words away (Chinese and Japanese: "
            "two characters a word)")
    attach_gap: int = setting(3, "tokens allowed between a descriptor and the name it describes")
    word_before_confidence: float = setting(
        0.9, "a word before the known words of a name, which may be its given name, is kept in it only when "
             "the whole names someone with this confidence (\"Гурбангулу Бердімұхамедов\": Gurbanguly, where the "
             "family name alone is also Serdar's; \"Бишкекте Түрк\", in Bishkek, the Turkic..., is no Volker Türk)")
    common_word: float = setting(
        ORDINARY_WORD, f"a lone word this common in the text's language (Zipf: {ORDINARY_WORD} is about three in ten "
             "thousand words: \"may\", \"river\", \"devlet\") is an ordinary word, whoever it spells")
    common_name_word: float = setting(
        4.0, "a name made only of words this common (\"Devlet Başkanları\": state presidents) needs to be "
             "written as an alias")
    common_words_confidence: float = setting(
        0.9, "a name made only of common words, after a role phrase whose country's holder it is not, is a person "
             "only with this confidence, and only one of the country it names (\"Hà Nội\", Hanoi, before \"Chủ "
             "tịch nước\", the president, read as Hassan Rouhani at 0.58)")
    unwritten_cjk_confidence: float = setting(
        0.8, "least confidence of a Chinese or Japanese name written as no alias, with no role phrase beside it")
    function_word: float = setting(
        6.5, "in a script without case, a word this common (Zipf 6.5, three in a thousand words: Hindi के, Urdu "
             "کے, Persian در) is never part of a name")
    rare_word: float = setting(
        3.5, "in a script without case, a word this rare (three in a million: a foreign surname in Devanagari "
             "or Arabic letters) may begin a name the gazetteer does not spell so, after a role phrase or a title; "
             "not a commoner one (Arabic \"شرف الزعماء\", \"in honour of the leaders\", is no name)")
    name_word_after_name: float = setting(
        4.5, "in a script without case, a name goes on after a word of a known name over words less common than "
             "this (three in a hundred thousand words): the news makes the names it reports common too (Hebrew "
             "ביידן, Biden, 3.7; ארדואן, Erdoğan, 3.7), and a word that was no part of the name is given back")
    longest_name: int = setting(6, "most words a name in an article may have")


# The article reader's own name and version (the names it resolves carry the name
# matcher's); a change to what it finds or decides bumps the version.
ARTICLE_READER = AlgorithmDescription(
    name="rollcall-document",
    version="1.13",
    summary="who an article names, in which office on its date, and whether each attended what it reports",
    features=(
        Feature("name", "the name matcher's confidence for the words of a mention"),
        Feature("exact_alias", "the mention is written exactly as an alias only one person has"),
        Feature("descriptor", "a role phrase attached to the name: the role, its country or organisation"),
        Feature("office_on_date", "the person held the described office on the article's date"),
        Feature("former", "the descriptor says the office was held before the date (\"former president\")"),
        Feature("collective", "a role shared by a list of countries names nobody"),
        Feature("common_words", "how common the mention's words are in the article's language (wordfreq)"),
        Feature("attendance_cues", "participation and absence cues of the article's language near the mention"),
        Feature("negation", "a negation word turns a participation cue into an absence (\"not only\" does not)"),
        Feature("quoted_speech", "a name inside quoted speech is spoken of, not present"),
    ),
    config=DocumentConfig,
)


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
    algorithm: Algorithm = field(default_factory=lambda: ARTICLE_READER.label)


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
    # Where they begin, when the span starts with an unknown word before them.
    known_first: int | None = None
    # Found only by its place after a role phrase, not by its spelling.
    after_role: bool = False
