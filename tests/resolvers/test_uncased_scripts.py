"""Names in scripts without case (Devanagari, Arabic, Persian, Urdu letters): nothing marks
a name but its words. A postposition or conjunction (the language's commonest words) is
never part of one, and a name goes on over a word too rare for the word list, as a foreign
surname written in these letters is. Sentences made for the rules, not taken from articles."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, build_name_index
from rollcall.resolvers.articles import DocumentReconciler, Vocabulary
from rollcall.resolvers.indic import delete_schwa
from rollcall.resolvers.translit import romanize

PERSONS = [
    PersonRecord("QSINGH", "Rajnath Singh", "IN"),
    PersonRecord("QPUT", "Vladimir Putin", "RU"),
    PersonRecord("QKHAN", "Imran Khan", "PK"),
    PersonRecord("QSHAH", "Amit Shah", "IN"),
    # Their names' words are keys too: "Ki", "Ne" read like Hindi की and ने.
    PersonRecord("QBAN", "Ban Ki-moon", "KR"),
    PersonRecord("QNEWIN", "Ne Win", "MM"),
]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [
    AliasRecord("QSINGH", "राजनाथ सिंह", "hi"),
    AliasRecord("QPUT", "ولادیمیر پیوٹن", "ur"),
    AliasRecord("QKHAN", "عمران خان", "ur"),
]
VOCAB = Vocabulary(
    roles=(("रक्षा मंत्री", "defence_minister"), ("गृह मंत्री", "interior_minister"), ("صدر", "head_of_state"),
           ("وزیر اعظم", "head_of_government")),
    places=(), cues=(), posts=(),
)


@pytest.fixture(scope="module")
def reader() -> DocumentReconciler:
    return DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)


def mentions(reader: DocumentReconciler, text: str, lang: str) -> dict[str, list[str]]:
    return {p.id: [m.text for m in p.mentions] for p in reader.reconcile(text, lang, "2024-05-21").people}


@pytest.mark.parametrize("text, lang, person, mention", [
    # Hindi: की, ने (postpositions) follow the name with a space; they are not its words.
    ("रक्षा मंत्री राजनाथ सिंह की अध्यक्षता में बैठक हुई।", "hi", "QSINGH", "राजनाथ सिंह"),
    ("रक्षा मंत्री राजनाथ सिंह ने बैठक को संबोधित किया।", "hi", "QSINGH", "राजनाथ सिंह"),
    # Urdu: کی, نے after the name.
    ("وزیر اعظم عمران خان کی ملاقات ہوئی۔", "ur", "QKHAN", "عمران خان"),
    ("وزیر اعظم عمران خان نے اجلاس سے خطاب کیا۔", "ur", "QKHAN", "عمران خان"),
])
def test_a_postposition_is_no_part_of_the_name(reader: DocumentReconciler, text: str, lang: str,
                                               person: str, mention: str) -> None:
    assert mentions(reader, text, lang).get(person) == [mention]


def test_a_name_goes_on_over_a_rare_word(reader: DocumentReconciler) -> None:
    # پوتن is the gazetteer's پیوٹن spelt otherwise, and in no word list: the name goes on
    # over it from the given name the gazetteer knows, and the matcher reads the whole.
    text = "روسی صدر ولادیمیر پوتن نے اجلاس سے خطاب کیا۔"
    assert mentions(reader, text, "ur").get("QPUT") == ["ولادیمیر پوتن"]


def test_hindi_spelling_is_read_as_spoken(reader: DocumentReconciler) -> None:
    # No Devanagari alias: "अमित शाह" must be read "amit shah", not "amita shaha", for its
    # words to be those of the Latin one. (Both words are common in Hindi: the role
    # phrase is the evidence that they are a name here.)
    text = "बैठक में गृह मंत्री अमित शाह ने भाग लिया।"
    assert mentions(reader, text, "hi").get("QSHAH") == ["अमित शाह"]


@pytest.mark.parametrize("written, spoken", [
    ("राजनाथ", "rajnath"),  # final and medial schwa: rā-j(a)-nā-th(a)
    ("कमला", "kamla"),
    ("जवाहरलाल", "javaharlal"),
    ("मित्र", "mitra"),  # a final cluster keeps its vowel
    ("नरेंद्र", "narendra"),
    ("अमित", "amit"),
])
def test_schwa_deletion(written: str, spoken: str) -> None:
    assert romanize(written, "hi")[0] == spoken
    assert delete_schwa("abc " + written) .startswith("abc ")  # other scripts untouched


@pytest.mark.parametrize("written, lang, spoken", [
    # Bengali, Punjabi and Gujarati drop the inherent vowel as Hindi does (ICU writes
    # "putina"); Bengali's anusvara is "ng" (ICU: "jinapim", "banladesa").
    ("পুতিন", "bn", "putin"),
    ("জিনপিং", "bn", "jinping"),
    ("বাংলা", "bn", "bangla"),
    ("ਪੂਤਿਨ", "pa", "putin"),
    ("પુતિન", "gu", "putin"),
])
def test_schwa_deletion_in_the_other_north_indian_scripts(written: str, lang: str, spoken: str) -> None:
    readings = romanize(written, lang)
    assert readings[0] == spoken and len(readings) == 2  # and as written, second


@pytest.mark.parametrize("text, lang, mention", [
    # Bengali joins its case endings to the name ("with Putin", "welcomed Putin"); Nepali its
    # postpositions ("Putin met with Modi": -ले ergative, -सँग "with").
    ("ভ্লাদিমির পুতিনের সঙ্গে বৈঠক হয়।", "bn", "ভ্লাদিমির পুতিনের"),
    ("প্রধানমন্ত্রী ভ্লাদিমির পুতিনকে স্বাগত জানান।", "bn", "ভ্লাদিমির পুতিনকে"),
    ("भ्लादिमिर पुटिनले बैठकमा भाग लिनुभयो।", "ne", "भ्लादिमिर पुटिनले"),
])
def test_a_name_with_its_ending_joined_is_found(reader: DocumentReconciler, text: str, lang: str,
                                                 mention: str) -> None:
    assert mentions(reader, text, lang).get("QPUT") == [mention]


@pytest.mark.parametrize("text, lang", [
    # Only function words and ordinary words: nobody, though की and ने read as "ki" and
    # "ne", words of the names above.
    ("बैठक की तैयारी ने सबको व्यस्त रखा।", "hi"),
    ("اجلاس کی تیاری نے سب کو مصروف رکھا۔", "ur"),
])
def test_function_words_alone_are_nobody(reader: DocumentReconciler, text: str, lang: str) -> None:
    assert mentions(reader, text, lang) == {}
