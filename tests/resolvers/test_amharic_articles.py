"""Amharic articles (Ethiopia joined BRICS in 2024; no development article is in Amharic):
Ethiopic script has no case and wordfreq no Amharic list, so every word is rare; a sentence
ends with ። or, as often typed, ፡፡; the verb comes last; እና ("and") reads by its keys as a
word of some name. The sentences are made for these tests; the officials are curated ones, on
a date inside their tenures, none with an Amharic alias but Ethiopia's own."""

from __future__ import annotations

from rollcall.resolvers.text import sentence_spans
from rollcall.service.engine import Engine

PUTIN, XI, MODI, LULA, ABIY = "Q7747", "Q15031", "Q1058", "Q37181", "rc-abiy-ahmed"


def _people(engine: Engine, text: str, date: str) -> dict[str, tuple[bool, list[str]]]:
    return {p.id: (p.attending, [m.text for m in p.mentions])
            for p in engine.documents.reconcile(text, "am", date).people}


def test_and_ends_an_amharic_name_and_the_absent_one_is_the_subject(engine: Engine) -> None:
    # "Russia's President Putin and China's President Xi Jinping took part in the summit.
    # India's Prime Minister Narendra Modi was not present at the summit."
    text = ("የሩሲያ ፕሬዚዳንት ቭላዲሚር ፑቲን እና የቻይና ፕሬዚዳንት ሺ ጂንፒንግ በጉባኤው ላይ ተሳትፈዋል። "
            "የሕንድ ጠቅላይ ሚኒስትር ናሬንድራ ሞዲ በጉባኤው ላይ አልተገኙም።")
    assert _people(engine, text, "2024-07-04") == {
        PUTIN: (True, ["ቭላዲሚር ፑቲን"]), XI: (True, ["ሺ ጂንፒንግ"]), MODI: (False, ["ናሬንድራ ሞዲ"])}


def test_two_word_separators_end_an_amharic_sentence(engine: Engine) -> None:
    # "Prime Minister Abiy Ahmed took part in the Kazan summit. Brazil's President Lula da
    # Silva sent a video message." Without the sentence end, "sent" would reach Abiy too.
    text = "ጠቅላይ ሚኒስትር ዐቢይ አሕመድ በካዛን ጉባኤ ተሳትፈዋል፡፡ የብራዚሉ ፕሬዚዳንት ሉላ ዳ ሲልቫ በቪዲዮ መልዕክት ልከዋል፡፡"
    assert [text[a:b].strip() for a, b in sentence_spans(text)][0].endswith("ተሳትፈዋል፡፡")
    people = _people(engine, text, "2024-10-23")
    assert people[ABIY][0] is True and people[LULA][0] is False


def test_a_word_before_a_known_name_is_in_the_mention_only_when_the_name_needs_it(engine: Engine) -> None:
    # "The Indian delegation was led by External Affairs Ministry Secretary Dammu Ravi": the
    # vocabulary lacks ጸሐፊ (secretary), a word no capital tells from a given name; the known
    # words alone name him, so it stays out of the mention.
    text = "የህንድ ልዑካን ቡድንን የመሩት የውጭ ጉዳይ ሚኒስቴር ጸሐፊ ዳሙ ራቪ ናቸው።"
    assert _people(engine, text, "2024-10-23") == {"rc-dammu-ravi": (True, ["ዳሙ ራቪ"])}
