"""A name right after a role phrase is found by its place, whatever its spelling; it is
taken for a person of the gazetteer only if that person held the role on the date. And
Persian's detached surname endings ("کامل اف") belong to the name. Sentences made for the
rules."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, build_name_index
from rollcall.resolvers.articles import DocumentReconciler, PostInfo, Vocabulary

PERSONS = [
    PersonRecord("QERD", "Recep Tayyip Erdoğan", "TR"),
    PersonRecord("QALI", "Ilham Aliyev", "AZ"),
    PersonRecord("QRAB", "Salahuddin Rabbani", "AF"),
    PersonRecord("QKAM", "Abdulaziz Kamilov", "UZ"),
]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [
    AliasRecord("QRAB", "صلاح‌الدین ربانی", "fa"), AliasRecord("QKAM", "عبدالعزیز کاملوف", "fa"),
]
VOCAB = Vocabulary(
    roles=(("Prezidenti", "head_of_state"), ("Präsident", "head_of_state"), ("Genel Sekreteri", "secretary_general"),
           ("вазир خارجه", "foreign_minister"), ("وزیر خارجه", "foreign_minister")),
    places=(), cues=(),
    posts=(
        PostInfo("tr-hos", "President of Turkey", "head_of_state", "TR", "", (("QERD", "2014-08-28", "", False),)),
        PostInfo("az-hos", "President of Azerbaijan", "head_of_state", "AZ", "", (("QALI", "2003-10-31", "", False),)),
        PostInfo("af-fm", "Minister of Foreign Affairs of Afghanistan", "foreign_minister", "AF", "",
                 (("QRAB", "2015-01-28", "2021-08-15", False),)),
        PostInfo("uz-fm", "Minister of Foreign Affairs of Uzbekistan", "foreign_minister", "UZ", "",
                 (("QKAM", "2012-01-16", "2022-07-29", False),)),
    ),
)


@pytest.fixture(scope="module")
def reader() -> DocumentReconciler:
    return DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)


def people(reader: DocumentReconciler, text: str, lang: str, date: str) -> dict[str, list[str]]:
    return {p.id: [m.text for m in p.mentions] for p in reader.reconcile(text, lang, date).people}


@pytest.mark.parametrize("text, lang, person, mention", [
    # Azerbaijani spellings the gazetteer does not have, after "Prezidenti".
    ("Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan zirvəni açıb.", "az", "QERD", "Rəcəb Tayyib Ərdoğan"),
    # German: a capitalised noun after the name is given back ("Gespräche").
    ("Der Präsident Ilcham Alijew Gespräche führte er später.", "de", "QALI", "Ilcham Alijew"),
])
def test_a_name_after_a_role_is_found_whatever_its_spelling(reader, text, lang, person, mention) -> None:
    assert people(reader, text, lang, "2021-11-12").get(person) == [mention]


def test_a_name_after_a_role_is_nobody_else(reader) -> None:
    # A secretary-general the gazetteer lacks; his name is spelt like nobody's, but the
    # matcher's nearest (Rabbani, through the Persian alias) never held that role.
    found = reader.reconcile("TÜRKSOY Genel Sekreteri Sultan Raev konuştu.", "tr", "2022-11-11")
    assert found.people == ()
    assert [u.text for u in found.unresolved] == ["Sultan Raev"]


def test_lower_case_words_after_a_role_are_no_name(reader) -> None:
    assert people(reader, "Prezidenti ilə görüş keçirildi.", "az", "2021-11-12") == {}


def test_a_detached_persian_surname_ending_belongs_to_the_name(reader) -> None:
    text = "«عبدالعزیز کامل اف» وزیر خارجه ازبکستان در نشست شرکت کرد."
    assert people(reader, text, "fa", "2021-03-30").get("QKAM") == ["عبدالعزیز کامل اف"]
