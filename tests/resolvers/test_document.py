"""Attendee reconciliation on small articles with a hand-made vocabulary and gazetteer."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, build_name_index
from rollcall.resolvers.articles import DocumentReconciler, PostInfo, Vocabulary
from rollcall.resolvers.text import tokenize

PERSONS = [
    PersonRecord("Q58217", "Sergey Lavrov", "RU"),
    PersonRecord("Q66648657", "Murat Nurtleu", "KZ"),
    PersonRecord("QZ", "Zhang Ming", "CN"),
    PersonRecord("QN", "Vladimir Norov", "UZ"),
    PersonRecord("QR", "Ebrahim Raisi", "IR"),
    PersonRecord("QA", "Akylbek Japarov", "KG"),
    PersonRecord("QS", "Sadyr Japarov", "KG"),
]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [
    AliasRecord("Q58217", "拉夫罗夫", "zh"),
    AliasRecord("Q58217", "سرگئی لاوروف", "fa"),
]
VOCAB = Vocabulary(
    roles=(("Außenminister", "foreign_minister"), ("Außenministers", "foreign_minister"),
           ("外长", "foreign_minister"), ("وزیر امور خارجه", "foreign_minister"),
           ("Generalsekretär", "secretary_general"), ("Präsident", "head_of_state"),
           ("Präsidenten", "head_of_state"), ("Ministerpräsident", "head_of_government"),
           ("Vertreter", "representative")),
    places=(("russische", "country:RU"), ("Kasachstans", "country:KZ"), ("俄罗斯", "country:RU"),
            ("روسیه", "country:RU"), ("SOZ", "org:sco"), ("iranischen", "country:IR"),
            ("kirgisische", "country:KG"), ("Indiens", "country:IN")),
    cues=(("nahm teil", "attending"), ("nahmen teil", "attending"), ("traf", "attending"),
          ("出席", "attending"), ("شرکت کرد", "attending"), ("zu Ehren", "not_attending"),
          ("ums Leben", "not_attending")),
    posts=(
        PostInfo("sco-sg", "SCO Secretary-General", "secretary_general", "", "sco",
                 (("QN", "2019-01-01", "2021-12-31", False), ("QZ", "2022-01-01", "2024-12-31", False))),
        PostInfo("ru-fm", "Minister of Foreign Affairs of Russia", "foreign_minister", "RU", "",
                 (("Q58217", "2004-03-09", "", False),)),
        PostInfo("kg-hos", "President of Kyrgyzstan", "head_of_state", "KG", "", (("QS", "2021-01-28", "", False),)),
        PostInfo("kg-hog", "Chairman of the Cabinet of Ministers", "head_of_government", "KG", "",
                 (("QA", "2021-10-12", "2024-12-16", False),)),
    ),
)


@pytest.fixture(scope="module")
def reconciler() -> DocumentReconciler:
    return DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)


def people(result):
    return {p.id: p for p in result.people}


def test_mentions_roles_offices_and_attendance(reconciler) -> None:
    text = ("Der russische Außenminister Sergej Lawrow traf Murat Nurtleu in Astana. "
            "Lawrow nahm am Treffen teil. Nurtleu bat um eine Schweigeminute zu Ehren des "
            "iranischen Präsidenten Ebrahim Raisi, der ums Leben kam.")
    found = people(reconciler.reconcile(text, "de", "2024-05-21"))
    lavrov = found["Q58217"]
    assert [(m.start, m.end, m.text) for m in lavrov.mentions] == [(28, 41, "Sergej Lawrow"), (72, 78, "Lawrow")]
    assert text[28:41] == "Sergej Lawrow"
    assert lavrov.attending and lavrov.office and lavrov.office.post_id == "ru-fm"
    assert found["Q66648657"].attending
    assert not found["QR"].attending  # only mentioned: in memory of


def test_role_alone_resolves_to_the_holder_on_the_date(reconciler) -> None:
    text = "An dem Treffen nahm auch der Generalsekretär der SOZ teil."
    on_2024 = people(reconciler.reconcile(text, "de", "2024-07-04"))
    on_2020 = people(reconciler.reconcile(text, "de", "2020-07-04"))
    assert list(on_2024) == ["QZ"] and list(on_2020) == ["QN"]
    [mention] = on_2024["QZ"].mentions
    assert mention.text == "Generalsekretär der SOZ"


def test_namesakes_are_told_apart_by_role(reconciler) -> None:
    found = people(reconciler.reconcile("Der kirgisische Präsident Japarow nahm teil.", "de", "2024-07-04"))
    assert list(found) == ["QS"]


def test_unresolved_role_phrase_keeps_role_and_country(reconciler) -> None:
    result = reconciler.reconcile("An dem Treffen nahmen Vertreter Indiens teil.", "de", "2024-07-04")
    assert result.people == ()
    [u] = result.unresolved
    assert (u.text, u.role, u.country) == ("Vertreter Indiens", "representative", "IN")


@pytest.mark.parametrize(
    "text, lang",
    [("俄罗斯外长拉夫罗夫出席了会议。", "zh"), ("سرگئی لاوروف، وزیر امور خارجه روسیه در این نشست شرکت کرد.", "fa")],
)
def test_scripts_without_capitals(reconciler, text: str, lang: str) -> None:
    found = people(reconciler.reconcile(text, lang, "2024-05-21"))
    assert list(found) == ["Q58217"] and found["Q58217"].attending
    m = found["Q58217"].mentions[0]
    assert text[m.start : m.end] == m.text


def test_offsets_are_code_points() -> None:
    tokens = tokenize("Ärzte 😀 Лавров")
    assert [(t.start, t.end, t.text) for t in tokens] == [(0, 5, "Ärzte"), (8, 14, "Лавров")]


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "Ünïcödé 🙂" * 50, "a" * 5000, "ـــ \u200f"])
def test_odd_text_never_crashes(reconciler, text: str) -> None:
    reconciler.reconcile(text, None, None)


def test_of_namesakes_the_one_in_office_on_the_date_is_meant() -> None:
    persons = [PersonRecord("QW1", "Wang Yi", "CN"), PersonRecord("QW2", "Wang Yi", "CN")]
    vocab = Vocabulary((), (), (("nahm teil", "attending"),), (
        PostInfo("cn-fm", "Foreign Minister of China", "foreign_minister", "CN", "",
                 (("QW2", "2013-03-16", "", False),)),
    ))
    rec = DocumentReconciler(build_name_index(persons, [AliasRecord(p.id, p.name, "en") for p in persons]), vocab)
    found = people(rec.reconcile("Wang Yi nahm teil.", "de", "2024-07-04"))
    assert list(found) == ["QW2"] and found["QW2"].office.post_id == "cn-fm"
