"""The content checks of `gazetteer validate`, on small hand-made gazetteers."""

import pytest

from rollcall.gazetteer.validate import check
from rollcall.gazetteer.model import Gazetteer, Name, Person, Post, Tenure


def gaz(*tenures: Tenure, names: list[Name] | None = None) -> Gazetteer:
    g = Gazetteer()
    g.persons = {"A": Person("A", "Anna Alpha", names=names or []), "B": Person("B", "Boris Beta")}
    g.posts = {"fm": Post("fm", "Foreign Minister", "foreign_minister", "RU")}
    g.tenures = list(tenures)
    return g


def messages(g: Gazetteer) -> list[str]:
    errors, _ = check(g, "2026-11-23")
    return [str(p) for p in errors]


def test_a_clean_gazetteer_has_no_errors() -> None:
    g = gaz(Tenure("A", "fm", start="2010-01-01", end="2015-03-01"), Tenure("B", "fm", start="2015-03-01"))
    assert messages(g) == []  # a shared handover day is not an overlap


@pytest.mark.parametrize(
    "tenures, expected",
    [
        ((Tenure("A", "fm", start="2010-01-01", end="2016-01-01"), Tenure("B", "fm", start="2015-03-01")),
         "hold it at the same time"),
        ((Tenure("A", "fm", start="2027-01-01"),), "start 2027-01-01 is in the future"),
        ((Tenure("A", "fm", start="2010", end="2009"),), "ends (2009) before it starts (2010)"),
    ],
)
def test_tenure_errors(tenures, expected: str) -> None:
    assert any(expected in m for m in messages(gaz(*tenures)))


def test_acting_holders_may_overlap() -> None:
    g = gaz(Tenure("A", "fm", start="2010-01-01"), Tenure("B", "fm", start="2015-03-01", acting=True))
    assert messages(g) == []


@pytest.mark.parametrize(
    "name, expected",
    [
        (Name("Анна Альфа", "en"), "Cyrillic script, not the Latn"),
        (Name("Anna Alpha", "ru"), "Latin script, not the Cyrl"),
        (Name("Anna Alpha", "xx"), "unknown language 'xx'"),
    ],
)
def test_name_errors(name: Name, expected: str) -> None:
    assert any(expected in m for m in messages(gaz(names=[name])))


def test_one_alias_on_two_persons_is_an_ambiguity_not_an_error() -> None:
    g = gaz(names=[Name("Boris Beta", "en")])
    errors, warnings = check(g, "2026-11-23")
    assert errors == [] and any("A, B" in str(w) for w in warnings)
