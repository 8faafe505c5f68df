"""Whom an absence speaks of, by the word order of the article's language: where the verb
comes last (Persian, Turkish, Japanese, Hindi, Urdu, Azerbaijani), "did not attend" follows
its subject, and the name right after it begins the next clause; where it comes first
(Arabic), the name follows it. Sentences made for these tests, on the SCO summit of
4 July 2024, which Modi did not attend and Jaishankar did in his place; curated officials."""

from __future__ import annotations

import pytest

from rollcall.resolvers.articles.attendance import VERB_FINAL
from rollcall.service.engine import Engine

MODI, JAISHANKAR = "Q1058", "Q16186720"


@pytest.mark.parametrize(("lang", "text"), [
    ("fa", "نارندرا مودی نخست وزیر هند در این نشست شرکت نکرد و سوبرامانیام جایشانکار وزیر امور خارجه به جای او "
           "شرکت کرد."),
    ("tr", "Narendra Modi bu yılki zirveye katılmadı ve Subrahmanyam Jaishankar Hindistan heyetine başkanlık etti."),
    ("ja", "インドのモディ首相は会議を欠席し、ジャイシャンカル外相が代わりに出席した。"),
    ("hi", "प्रधानमंत्री नरेंद्र मोदी इस शिखर सम्मेलन में शामिल नहीं हुए और विदेश मंत्री एस. जयशंकर ने भारत का "
           "प्रतिनिधित्व किया।"),
    ("ur", "بھارتی وزیر اعظم نریندر مودی اجلاس میں شریک نہیں ہوئے اور وزیر خارجہ جے شنکر نے بھارت کی نمائندگی کی۔"),
    ("az", "Hindistanın Baş naziri Narendra Modi sammitdə iştirak etmədi və Xarici İşlər naziri Subrahmanyam "
           "Jayşankar onu əvəz etdi."),
    ("ar", "لم يحضر رئيس الوزراء الهندي ناريندرا مودي القمة، ومثل الهند وزير الخارجية سوبرامانيام جايشانكار."),
])
def test_the_absent_one_is_the_subject_of_the_verb(engine: Engine, lang: str, text: str) -> None:
    attends = {p.id: p.attending for p in engine.documents.reconcile(text, lang, "2024-07-04").people}
    assert attends == {MODI: False, JAISHANKAR: True}


def test_languages_that_put_the_verb_first_or_second_are_not_verb_final() -> None:
    assert {"fa", "tr", "ja", "ko", "hi", "ur"} <= VERB_FINAL
    assert not {"ar", "en", "ru", "de", "zh", "id", "vi", "sw"} & VERB_FINAL


def test_a_cue_before_a_name_speaks_of_it_in_its_clause_only(engine: Engine) -> None:
    # "The summit honoured the late Iranian President Ebrahim Raisi": the cue comes first.
    late = engine.documents.reconcile("Zirvede merhum İran Cumhurbaşkanı İbrahim Reisi için saygı duruşunda "
                                      "bulunuldu.", "tr", "2024-07-04").people
    assert {p.id: p.attending for p in late} == {"Q5947347": False}
    # "The meeting took place in the hall named after K. Demirchyan, chaired by Prime Minister
    # Nikol Pashinyan": անվան ("named after") speaks of the man before it, whom the gazetteer
    # lacks, not of the Prime Minister past the comma.
    chaired = engine.documents.reconcile("Նիստը տեղի ունեցավ Կ. Դեմիրճյանի անվան համալիրում, վարչապետ Նիկոլ "
                                         "Փաշինյանի նախագահությամբ։", "hy", "2020-10-09").people
    assert {p.id: p.attending for p in chaired} == {"Q7035479": True}
