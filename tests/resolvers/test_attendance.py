"""Who attends, on meeting reports made for the rules of resolvers/articles/attendance.py: officials
named in a report are taken as present unless the text says otherwise, in any language;
the cue phrases are data."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, build_name_index
from rollcall.resolvers.articles import DocumentReconciler, PostInfo, Vocabulary

PERSONS = [
    PersonRecord("QP", "Vladimir Putin", "RU"),
    PersonRecord("QT", "Kassym-Jomart Tokayev", "KZ"),
    PersonRecord("QR", "Ebrahim Raisi", "IR"),
    PersonRecord("QX", "Xi Jinping", "CN"),
]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [
    AliasRecord("QP", "Владимир Путин", "ru"), AliasRecord("QT", "Касым-Жомарт Токаев", "ru"),
]
VOCAB = Vocabulary(
    roles=(("President", "head_of_state"), ("президент", "head_of_state"), ("Präsidenten", "head_of_state")),
    places=(("Kazakh", "country:KZ"), ("kasachischen", "country:KZ"), ("Iranian", "country:IR")),
    cues=(("took part", "attending"), ("died", "not_attending"), ("in memory of", "not_attending"),
          ("did not attend", "not_attending"), ("greetings from", "spoken_of"), ("report of", "spoken_of"), ("report of the", "spoken_of"),
          ("des", "possessive")),
    posts=(
        PostInfo("ru-hos", "President of Russia", "head_of_state", "RU", "", (("QP", "2012-05-07", "", False),)),
        PostInfo("kz-hos", "President of Kazakhstan", "head_of_state", "KZ", "", (("QT", "2019-03-20", "", False),)),
        PostInfo("ir-hos", "President of Iran", "head_of_state", "IR", "", (("QR", "2021-08-03", "2024-05-19", False),)),
        PostInfo("cn-hos", "President of China", "head_of_state", "CN", "", (("QX", "2013-03-14", "", False),)),
    ),
)


@pytest.fixture(scope="module")
def reader() -> DocumentReconciler:
    return DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)


def attending(reader: DocumentReconciler, text: str, lang: str, date: str = "2024-07-04") -> dict[str, bool]:
    return {p.id: p.attending for p in reader.reconcile(text, lang, date).people}


def test_an_official_named_in_a_report_attends_without_a_cue_of_the_language(reader) -> None:
    # Russian here has no cue phrases at all: the report's structure decides.
    text = "В Астане состоялся саммит. Владимир Путин и Касым-Жомарт Токаев обсудили торговлю."
    assert attending(reader, text, "ru") == {"QP": True, "QT": True}


def test_someone_out_of_office_needs_a_cue(reader) -> None:
    text = "Ebrahim Raisi spoke about trade. Vladimir Putin spoke too."
    assert attending(reader, text, "en") == {"QR": False, "QP": True}
    assert attending(reader, "Ebrahim Raisi took part in the talks.", "en")["QR"] is True


def test_death_and_absence_cues_hold_for_their_mention_only(reader) -> None:
    text = ("Vladimir Putin asked for a minute of silence in memory of the Iranian President "
            "Ebrahim Raisi, who died in May. Xi Jinping did not attend the summit.")
    assert attending(reader, text, "en", "2024-05-21") == {"QP": True, "QR": False, "QX": False}


def test_a_person_introduced_as_spoken_of_is_not_presumed_present_later(reader) -> None:
    text = ("The minister conveyed greetings from President Vladimir Putin. "
            "Putin had proposed the meeting. Kassym-Jomart Tokayev opened it.")
    assert attending(reader, text, "en") == {"QP": False, "QT": True}
    later_cue = text + " Putin took part by video."
    assert attending(reader, later_cue, "en")["QP"] is True


def test_an_office_spoken_of_and_never_named_reports_nobody(reader) -> None:
    # The office's report is not its holder's part in the meeting; named, the holder is
    # reported (as spoken of), and the role alone with an attending cue names him.
    assert attending(reader, "The ministers approved the report of the Kazakh President.", "en") == {}
    named = "The ministers approved the report of the Kazakh President Kassym-Jomart Tokayev."
    assert attending(reader, named, "en") == {"QT": False}
    assert attending(reader, "The Kazakh President took part in the meeting.", "en") == {"QT": True}


def test_possessive_before_the_role_words(reader) -> None:
    text = "Er überbrachte eine Einladung des kasachischen Präsidenten Kassym-Jomart Tokayev."
    assert attending(reader, text, "de") == {"QT": False}
