"""Namesakes told apart by what the query says besides the name: a peerage title after a
comma, and a first given name the known name leaves out. Made-up persons."""

import pytest

from rollcall.resolvers import AliasRecord, NameIndex, PersonRecord, Query, _fastscore, build_name_index, match, score_py
from rollcall.resolvers.forms import name_forms
from rollcall.resolvers.normalize import clean
from rollcall.resolvers.rules import OTHER_GIVEN_NAME, SAME_GIVEN_NAME
from rollcall.resolvers.score import pack
from rollcall.resolvers.titles import title_words, titles_agree

PERSONS = [
    PersonRecord("QMP", "Walter Brand", "GB"),
    PersonRecord("QPEER", "Walt Brand, Baron Brand of Kelso", "GB"),
    PersonRecord("QOTHERPEER", "Walter Brook, Baron Brook of Ashcombe", "GB"),
    # Namesakes by every word of the name: the one of the smaller id comes first.
    PersonRecord("Q1TARRANT", "Hugh Tarrant", "GB"),
    PersonRecord("Q2TARRANT", "Hugh Tarrant, Baron Tarrant of Wendover", "GB"),
    PersonRecord("QSECOND", "Recai Durmaz", "TR"),
    PersonRecord("QFIRST", "Mehmet Şükrü Durmaz", "TR"),
    PersonRecord("QELDER", "Anselm Hofbauer", "DE"),
    PersonRecord("QKRANICH", "Peter Kranich", "DE"),
    PersonRecord("QBERKEL", "Angela Berkel", "DE"),
    PersonRecord("QOTHER", "Anselm Semmer", "DE"),
    # One surname, a man's and a woman's given names spelled alike.
    PersonRecord("QPETRA", "Petra Wendrich", "DE"),
    PersonRecord("QPETER", "Peter Wendrich", "DE"),
]
ALIASES = [AliasRecord(p.id, p.name, "") for p in PERSONS] + [
    # A surname alone in several languages, read alike.
    AliasRecord("QBERKEL", "Berkel", "en"), AliasRecord("QBERKEL", "Berkel", "de"),
    AliasRecord("QBERKEL", "Berkel", "fr"), AliasRecord("QBERKEL", "Berkel", "es"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return build_name_index(PERSONS, ALIASES)


def ranked(index: NameIndex, name: str, lang: str | None = None) -> list[str]:
    return [c.person_id for c in match(index, Query(name, lang)).candidates]


def test_the_words_of_a_title_are_its_place_and_family() -> None:
    assert title_words("Walt Brand, Baron Brand of Kelso") == title_words("Brand, Walt, Baron Brand of Kelso")
    assert title_words("Walt Brand, Baron Brand of Kelso") == {"kelso"}
    # A title that only repeats the surname tells no namesake apart.
    assert title_words("Colin Moynihan, 4th Baron Moynihan") == frozenset()
    assert title_words("Walt Brand") == frozenset()
    assert title_words("Lavrov, Sergei") == frozenset()  # an inverted name is no title


def test_a_title_in_another_script_agrees_with_the_aliass() -> None:
    russian = title_words("Брэнд, Уолт, барон Брэнд из Келсо", "ru")
    assert titles_agree(russian, ["Walt Brand, Baron Brand of Kelso"])
    assert not titles_agree(russian, ["Walter Brook, Baron Brook of Ashcombe", "Walter Brand"])


def test_a_title_decides_between_namesakes(index: NameIndex) -> None:
    # The name alone fits the MP better (Walter is written as the query writes it).
    assert ranked(index, "Walter Brand")[0] == "QMP"
    assert ranked(index, "Walter Brand, Baron Brand of Kelso")[:2] == ["QPEER", "QMP"]
    assert ranked(index, "Таррант, Хью", "ru")[0] == "Q1TARRANT"
    assert ranked(index, "Таррант, Хью, барон Таррант из Уэндовера", "ru")[0] == "Q2TARRANT"
    # A given name that fits the titled namesake much worse than the best is another name.
    assert ranked(index, "Брэнд, Уолтер", "ru")[0] == "QMP"
    assert ranked(index, "Брэнд, Уолтер, барон Брэнд из Келсо", "ru")[0] == "QMP"
    # Another peer's title is no reason to prefer him, and the title of nobody here leaves
    # the ranking by name.
    assert ranked(index, "Walter Brand, Baron Brand of Ashcombe")[0] == "QMP"
    assert ranked(index, "Walter Brand, Baron Brand of Dunmore")[0] == "QMP"


def test_the_first_given_name_the_known_name_leaves_out(index: NameIndex) -> None:
    # Recai Durmaz's full name; the other Durmaz's given names are other ones.
    assert ranked(index, "Mehmet Recai Durmaz")[0] == "QSECOND"
    assert ranked(index, "Mehmet Şükrü Durmaz")[0] == "QFIRST"


def test_the_words_a_hyphen_joins() -> None:
    from rollcall.resolvers.normalize import hyphened_words

    assert hyphened_words("Hans-Peter Kranich") == (True, False, False)
    assert hyphened_words("Dr. Hans-Peter Kranich") == (True, False, False)  # the honorific goes
    assert hyphened_words("Kranich, Hans-Peter") == (True, False, False)  # put back in order
    assert hyphened_words("Ханс-Петер Краних") == (True, False, False)
    assert hyphened_words("Ursula Benedix-Engler (SPD)") == (False, True, False)
    assert hyphened_words("Hans Peter Kranich") == (False, False, False)
    assert hyphened_words("-") == ()


def test_one_part_of_a_hyphened_given_name_is_no_given_name_left_out(index: NameIndex) -> None:
    # "Hans-Peter" is one given name, not Hans and then Peter: its Hans is a word of the
    # query Peter Kranich's name does not account for, as the spaced "Hans Peter" is not.
    hyphened = match(index, Query("Hans-Peter Kranich")).candidates[0]
    spaced = match(index, Query("Hans Peter Kranich")).candidates[0]
    assert hyphened.person_id == spaced.person_id == "QKRANICH"
    assert hyphened.features["weakest"] == 0.0 and spaced.features["weakest"] == 1.0
    assert hyphened.confidence < spaced.confidence


def test_aliases_read_alike_leave_room_for_the_full_name(index: NameIndex) -> None:
    # Four aliases "Berkel" cover the query's surname as well as the full name does; the
    # full name, the one that also meets its given name, is still scored.
    first = match(index, Query("Engkela Berkel")).candidates[0]
    assert first.person_id == "QBERKEL" and first.matched_alias == "Angela Berkel"


@pytest.mark.parametrize("impl", [_fastscore, score_py])
def test_a_familiar_form_of_the_given_name_sounds_as_the_name_itself(impl) -> None:
    # Andy is Andrew: as sure by sound as Burnley and Bingley, whose consonant classes agree
    # (the r after a vowel dropped, ng one n), and still told from Andrew by spelling.
    def token(name: str):
        weighed = build_name_index([], []).weigh(name_forms(clean(name), "en"))[0]
        return pack(weighed) if impl is _fastscore else score_py.Reading.of(pack(weighed))

    given_spelling, given_sound = impl.token_pair(token("Andrew"), 0, token("Andy"), 0)
    _, surname_sound = impl.token_pair(token("Burnley"), 0, token("Bingley"), 0)
    assert given_sound == surname_sound == 1.0
    assert SAME_GIVEN_NAME <= given_spelling < 1.0


@pytest.mark.parametrize("impl", [_fastscore, score_py])
def test_two_given_names_spelled_alike_are_still_two_names(impl) -> None:
    def token(name: str):
        weighed = build_name_index([], []).weigh(name_forms(clean(name), "en"))[0]
        return pack(weighed) if impl is _fastscore else score_py.Reading.of(pack(weighed))

    assert max(impl.token_pair(token("Christina"), 0, token("Christian"), 0)) <= OTHER_GIVEN_NAME
    assert max(impl.token_pair(token("Petra"), 0, token("Petrus"), 0)) <= OTHER_GIVEN_NAME
    # A word of no known given name is compared by its letters as before.
    assert min(impl.token_pair(token("Christina"), 0, token("Christinak"), 0)) > OTHER_GIVEN_NAME


def test_the_latin_peter_is_peter_and_not_petra(index: NameIndex) -> None:
    # "Petrus" is spelled closer to Petra than to Peter; it is Peter's name in Latin.
    assert ranked(index, "Petrus Wendrich", "la")[0] == "QPETER"
    assert ranked(index, "Petra Wendrich", "de")[0] == "QPETRA"


def test_senior_and_junior_are_no_word_of_the_name(index: NameIndex) -> None:
    # They tell a father from his son of one name, and are no unmatched word of the name:
    # the name is accepted as surely as without them.
    for name in ("Anselm Hofbauer senior", "Anselm Hofbauer Jr.", "Anselm Hofbauer"):
        result = match(index, Query(name))
        assert result.candidates[0].person_id == "QELDER" and result.match, name
