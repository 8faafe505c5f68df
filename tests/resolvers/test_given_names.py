import pytest

from rollcall.resolvers.given_names import name_groups
from rollcall.resolvers.keys import phonetic_key


@pytest.mark.parametrize(
    "a, b",
    [("ioannes", "john"), ("hans", "jan"), ("gulielmus", "william"), ("andy", "andrew"),
     ("jurgen", "george"), ("mehmet", "muhammad"), ("yusuf", "joseph"), ("dzhon", "john")],
)
def test_forms_of_one_given_name_share_a_group(a: str, b: str) -> None:
    assert name_groups(phonetic_key(a)) & name_groups(phonetic_key(b))


@pytest.mark.parametrize("a, b", [("peter", "petra"), ("john", "james"), ("lavrov", "john")])
def test_different_names_do_not(a: str, b: str) -> None:
    assert not name_groups(phonetic_key(a)) & name_groups(phonetic_key(b))
