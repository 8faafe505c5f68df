"""The gazetteer's data model, in Popolo terms: persons, organizations, posts, memberships
(tenures), plus countries with their names and demonyms."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Name", "Person", "Tenure", "Post", "Organization", "Country", "Gazetteer", "RoleWords", "Cue"]

NAME_KINDS = ("native", "transliteration", "short", "former", "birth", "abbreviation")
ROLE_TYPES = (
    "head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "deputy_foreign_minister",
    "defence_minister",
    "representative",
    "secretary_general",
    "director",
    "official",
    "member",
)
# Words listed with the role words that are no office: "former" ("бывший", "eski", "ex-")
# makes a role phrase speak of someone who held the office before the article's date;
# "title" lists ranks and honorifics that stand between a role and a name ("Colonel
# General", "Dr.", "جناب").
ROLE_MODIFIERS = ("former", "title")


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    lang: str = ""
    kind: str = ""
    script: str = ""
    # For a former name, the date it stopped being used ("Aslov" until "2018-05", when the
    # minister took the name Muhriddin): on earlier dates it is the person's name.
    until: str = ""


@dataclass(frozen=True, slots=True)
class Tenure:
    """A membership: a person holding a post (or belonging to an organization)."""

    person_id: str
    post_id: str = ""
    organization_id: str = ""
    start: str = ""
    end: str = ""
    acting: bool = False
    role: str = ""
    source: str = ""


@dataclass(slots=True)
class Person:
    id: str
    name: str
    wikidata: str = ""
    country: str = ""
    gender: str = ""
    birth_date: str = ""
    names: list[Name] = field(default_factory=list)


@dataclass(slots=True)
class Post:
    id: str
    label: str
    role_type: str = ""
    country: str = ""
    organization_id: str = ""
    wikidata: str = ""
    labels: list[Name] = field(default_factory=list)


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    classification: str = ""
    wikidata: str = ""
    country: str = ""
    names: list[Name] = field(default_factory=list)


@dataclass(slots=True)
class Country:
    code: str
    wikidata: str = ""
    names: list[Name] = field(default_factory=list)
    demonyms: list[Name] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RoleWords:
    """Generic words for an office in many languages ("Außenminister", "外长")."""

    role_type: str
    labels: tuple[Name, ...]


@dataclass(frozen=True, slots=True)
class Cue:
    """Phrases that present a person as attending an event, or as only mentioned."""

    kind: str  # "attending" or "not_attending"
    lang: str
    phrases: tuple[str, ...]


@dataclass(slots=True)
class Gazetteer:
    """Everything one build or import produces, before it is written to SQLite."""

    persons: dict[str, Person] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    tenures: list[Tenure] = field(default_factory=list)
    # Ids retired by a merge → the id that now answers for them.
    redirects: dict[str, str] = field(default_factory=dict)
    roles: list[RoleWords] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
