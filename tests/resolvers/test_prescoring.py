"""Which retrieved aliases get the full scoring: the cheap coverage reads the query one way,
and the best aliases on its second reading are scored too. Made-up persons."""

from rollcall.resolvers import AliasRecord, PersonRecord, Query, build_name_index, match
from rollcall.resolvers.forms import name_forms
from rollcall.resolvers.matcher import MatcherConfig

# Twenty Germans whose names a Latin "Georgius Gall..." covers well read as written, and one
# Briton whose English name ("George" read as said) only its second reading ("georgi") meets.
SURNAMES = ["Gallus", "Galler", "Gallat", "Gallen", "Galli", "Gallo", "Galle", "Gallas", "Gallei", "Gallert",
            "Gallinat", "Gallwitz", "Gallmeier", "Gallhuber", "Gallenz", "Galloth", "Galliner", "Gallaun",
            "Gallimer", "Gallmor"]
PERSONS = [PersonRecord(f"QGEORG{i}", f"Georg {s}", "DE") for i, s in enumerate(SURNAMES)]
PERSONS.append(PersonRecord("QGEORGE", "George Gallimore", "GB"))
INDEX = build_name_index(PERSONS, [AliasRecord(p.id, p.name, "") for p in PERSONS])
QUERY = Query("Georgius Gallimore", "la")


def first(config: MatcherConfig) -> str:
    return match(INDEX, QUERY, config).candidates[0].person_id


def test_the_query_is_read_two_ways() -> None:
    readings = [form.tokens for form in name_forms("Georgius Gallimore", "la")]
    assert readings[:2] == [("georgius", "gallimore"), ("georgi", "gallimore")]


def test_an_alias_its_second_reading_covers_is_scored() -> None:
    assert first(MatcherConfig()) == "QGEORGE"


def test_without_it_the_alias_goes_unscored() -> None:
    # What the setting is for: by the first reading's coverage alone, the Georgs take every
    # place the full scoring has.
    assert first(MatcherConfig(rescore_second_reading=0)) != "QGEORGE"
