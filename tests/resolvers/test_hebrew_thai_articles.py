"""Hebrew and Thai articles, which no development article is written in. Hebrew joins its
one-letter words to the next word ("ולפוטין", and to Putin) and writes abbreviations with a
gershayim that may be a plain double quote ("מזכ"ל האו"ם"); Thai writes no space between the
words of a phrase, so a role is joined to the name after it ("ประธานาธิบดีเอมมานูเอล") and a
cue to the country before it, and puts a title before a name ("นายโอลาฟ"). The sentences are
made for these tests; the officials are curated ones, on a date inside their tenures, none
with a Hebrew or Thai alias."""

from __future__ import annotations

import pytest

from rollcall.resolvers.articles.inflection import hebrew_prefix_lengths
from rollcall.resolvers.articles.thai import ThaiWords
from rollcall.resolvers.text import quotations, tokenize
from rollcall.resolvers.wordlike import commonness
from rollcall.service.engine import Engine

PUTIN, XI, ERDOGAN, MODI, JAISHANKAR = "Q7747", "Q15031", "Q39259", "Q1058", "Q16186720"
GUTERRES, BIDEN, MACRON, SCHOLZ, LULA = "Q311440", "Q6279", "Q3052772", "Q61053", "Q37181"
VIEIRA = "rc-mauro-vieira"
LI_QIANG = "Q4414390"


def _people(engine: Engine, text: str, lang: str, date: str) -> dict[str, tuple[bool, list[str]]]:
    return {p.id: (p.attending, [m.text for m in p.mentions])
            for p in engine.documents.reconcile(text, lang, date).people}


def test_a_hebrew_name_with_a_one_letter_word_joined_to_it_is_the_name(engine: Engine) -> None:
    # "...and a gift was given to Putin": ל (to) and ו (and) are no part of the name.
    people = _people(engine, "נשיא רוסיה ולדימיר פוטין השתתף בפסגה בקאזאן. בסיום הערב הוגשה לפוטין מתנה.",
                     "he", "2024-10-23")
    assert people == {PUTIN: (True, ["פוטין", "פוטין"])}  # the second one written "לפוטין"


def test_hebrew_negation_and_a_role_with_a_joined_word(engine: Engine) -> None:
    # "Modi did not take part ... and Foreign Minister Jaishankar was present instead":
    # ו is joined to the role word שר.
    people = _people(engine, "ראש ממשלת הודו נרנדרה מודי לא השתתף בפסגה. את הודו ייצג ושר החוץ סוברהמניאם "
                             "ג'איישנקר נכח בדיונים.", "he", "2024-07-04")
    assert people[MODI][0] is False
    assert people[JAISHANKAR] == (True, ["סוברהמניאם ג'איישנקר"])


def test_of_holds_a_hebrew_role_and_its_country_together(engine: Engine) -> None:
    # "Brazil's Foreign Minister (the foreign minister of Brazil) Mauro Vieira took part":
    # the name is found only after its role, which של ("of") joins to the country.
    people = _people(engine, "בפגישה השתתף שר החוץ של ברזיל מאורו ויירה.", "he", "2024-02-21")
    assert people == {VIEIRA: (True, ["מאורו ויירה"])}


def test_hebrew_abbreviations_are_words_not_quotations(engine: Engine) -> None:
    # Two gershayim written as double quotes would pair as a quotation round the names.
    text = 'מזכ"ל האו"ם אנטוניו גוטרש ונשיא ארה"ב ג׳ו ביידן השתתפו בעצרת.'
    assert [t.text for t in tokenize(text)][:3] == ['מזכ"ל', 'האו"ם', "אנטוניו"]
    assert quotations(text) == []
    people = _people(engine, text, "he", "2023-09-19")
    assert people[GUTERRES][0] is True and people[BIDEN][0] is True


def test_a_hebrew_name_ends_before_the_verb(engine: Engine) -> None:
    # "China's President Xi Jinping and Turkey's President Erdoğan took part in the summit":
    # השתתפו is rare enough to be a name's word by its frequency; it is a cue's verb.
    people = _people(engine, "נשיא סין שי ג'ינפינג ונשיא טורקיה רג'פ טאיפ ארדואן השתתפו בפסגה בסמרקנד.",
                     "he", "2022-09-16")
    assert people == {XI: (True, ["שי ג'ינפינג"]), ERDOGAN: (True, ["רג'פ טאיפ ארדואן"])}


@pytest.mark.parametrize("text", [
    "השרים השתתפו בישיבה והנשיא נאם בפני המשלחות.",  # "the ministers took part and the president spoke"
    "ראש הממשלה לא הגיע לפסגה בשל מזג האוויר.",
])
def test_ordinary_hebrew_words_are_nobody(engine: Engine, text: str) -> None:
    assert _people(engine, text, "he", "2024-07-04") == {}


def test_hebrew_one_letter_words() -> None:
    assert hebrew_prefix_lengths("ולפוטין") == [1, 2]  # ו, ול
    assert hebrew_prefix_lengths("כשהנשיא") == [1, 2, 3]  # כ, כש, כשה
    assert hebrew_prefix_lengths("שי") == []  # Xi: nothing left after a prefix
    assert hebrew_prefix_lengths("Putin") == [] and hebrew_prefix_lengths("") == []


def test_thai_role_joined_to_a_name_and_a_title_before_one(engine: Engine) -> None:
    # "President Emmanuel Macron of France attended the meeting. Mr Olaf Scholz, Chancellor of
    # Germany, did not attend the meeting."
    text = ("ประธานาธิบดีเอมมานูเอล มาครง แห่งฝรั่งเศส เข้าร่วมการประชุม\n"
            "นายโอลาฟ โชลซ์ นายกรัฐมนตรีเยอรมนี ไม่ได้เข้าร่วมการประชุม\n")
    people = _people(engine, text, "th", "2023-09-09")
    assert people[MACRON] == (True, ["เอมมานูเอล มาครง"])
    assert people[SCHOLZ] == (False, ["โอลาฟ โชลซ์"])


def test_thai_given_name_joined_to_the_role_before_a_known_surname(engine: Engine) -> None:
    people = _people(engine, "ประธานาธิบดีลูอิส อินาซีอู ลูลา ดา ซิลวา แห่งบราซิล เป็นประธานการประชุม\n",
                     "th", "2024-11-18")
    assert list(people) == [LULA] and people[LULA][0] is True
    assert people[LULA][1][0].startswith("ลูอิส")  # Luiz, joined to ประธานาธิบดี (President)


def test_a_thai_role_between_a_name_and_a_place_describes_the_name(engine: Engine) -> None:
    # "That afternoon President Putin held talks with Mr Li Qiang, Chinese Prime Minister, at
    # the Great Hall of the People in Beijing": the role went to the words after it, "at the
    # Great Hall...", written as one word, which name nobody; it describes Li Qiang, whose
    # two words are common Thai words ("เฉียง", slanting) and need it.
    text = "ช่วงบ่ายวันเดียวกัน ประธานาธิบดีปูตินได้หารือกับนายหลี่ เฉียง นายกรัฐมนตรีจีน ที่มหาศาลาประชาชนกรุงปักกิ่ง\n"
    people = _people(engine, text, "th", "2024-07-04")
    assert people[LI_QIANG][1] == ["หลี่ เฉียง"]


@pytest.mark.parametrize("text", [
    "ที่ประชุมเห็นชอบร่วมกันในหลายประเด็นเกี่ยวกับความมั่นคงทางอาหาร\n",  # "the meeting agreed on food security"
    "นายกรัฐมนตรีไม่ได้เข้าร่วมการประชุมในวันนี้\n",  # "the prime minister did not attend today"
])
def test_ordinary_thai_words_are_nobody(engine: Engine, text: str) -> None:
    assert _people(engine, text, "th", "2024-07-04") == {}


def test_thai_words_are_cut_at_known_words_only() -> None:
    words = ThaiWords(["ประธานาธิบดี", "อินเดีย", "เข้าร่วม"])

    def cut(word: str) -> list[str]:
        return [word[a:b] for a, b in words.cut(word)]

    assert cut("ประธานาธิบดีวลาดิมีร์") == ["ประธานาธิบดี", "วลาดิมีร์"]
    # ไม่ ("not") and ได้ are function words, apart beside the known words.
    assert cut("แห่งอินเดียไม่ได้เข้าร่วม") == ["แห่ง", "อินเดีย", "ไม่", "ได้", "เข้าร่วม"]
    # อัน is a function word, but here the last syllable of Erdoğan: no known word beside it.
    assert cut("แอร์โดอัน") == ["แอร์โดอัน"]


def test_thai_function_words_come_apart_from_a_name_joined_to_them() -> None:
    words = ThaiWords(["ประธานาธิบดี"])
    names = {"ปูติน", "แอร์โดอัน"}

    def cut(word: str) -> list[str]:
        return [word[a:b] for a, b in words.cut(word, lambda start, end: word[start:end] in names)]

    # "President Putin has held talks with": ได้ and กับ beside a name; หารือ is no known
    # word, and stays with กับ, as Thai leaves unknown words whole.
    assert cut("ประธานาธิบดีปูตินได้หารือกับ")[:3] == ["ประธานาธิบดี", "ปูติน", "ได้"]
    # Erdoğan's last syllable is a function word, but the rest (แอร์โด) reads as no name.
    assert cut("แอร์โดอัน") == ["แอร์โดอัน"]
    # Without a name to read, the function word stays with the word it is joined to.
    word = "ปูตินได้หารือ"
    assert [word[a:b] for a, b in words.cut(word)][0] == "ปูตินได้"


def test_a_thai_name_with_a_function_word_joined_to_it_is_found(engine: Engine) -> None:
    # "That afternoon President Putin held talks with ..." ("ปูตินได้": Putin has).
    people = _people(engine, "ช่วงบ่ายวันเดียวกัน ประธานาธิบดีปูตินได้หารือกับผู้นำหลายประเทศ\n", "th", "2024-07-04")
    assert people[PUTIN][1] == ["ปูติน"]


def test_no_thai_function_word_is_cut_out_of_a_common_word(engine: Engine) -> None:
    # "President Xi Jinping welcomed Mr Vladimir Putin in Beijing": รับ ("receive") is a
    # function word, but here the end of ต้อนรับ ("welcome"); cut out beside the title นาย,
    # it read as a name's word and ran Xi's name on over "ได้ต้อน".
    text = "ประธานาธิบดีสี จิ้นผิง ได้ต้อนรับนายวลาดิมีร์ ปูติน ที่กรุงปักกิ่ง\n"
    people = _people(engine, text, "th", "2024-07-04")
    assert {p: mentions for p, (_, mentions) in people.items()} == {XI: ["สี จิ้นผิง"], PUTIN: ["วลาดิมีร์ ปูติน"]}


def test_thai_commonness_comes_from_the_thai_national_corpus() -> None:
    assert commonness("ที่", "th") > 7  # "that", "at": one of the commonest words
    assert commonness("ปูติน", "th") == 0.0  # Putin: no word of the corpus


def test_hostile_runs_in_thai_and_hebrew_are_nobody(engine: Engine) -> None:
    # A name repeated thousands of times without a space stays one word (the segmenter does
    # not cut it into syllables), and one-letter Hebrew prefixes on a run of nonsense, with
    # control and invisible characters, make nobody.
    run = "วลาดิมีร์" * 2000
    assert ThaiWords(["ประธานาธิบดี"]).cut(run) == [(0, len(run))]
    assert _people(engine, f"ประธานาธิบดี{run} เข้าร่วมการประชุม\n", "th", "2024-07-04") == {}
    noise = "ו\u200bל\u0007" + "בבבב" * 500 + ' מזכ"ל"ם"' * 50
    assert _people(engine, noise, "he", "2024-07-04") == {}
