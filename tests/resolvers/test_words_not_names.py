"""An ordinary word of the article's language is not a person, however it is spelt: the
rules stated in resolvers/wordlike.py, on sentences made for them in several languages."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, build_name_index
from rollcall.resolvers.articles import DocumentReconciler, PostInfo, Vocabulary
from rollcall.resolvers.articles.evidence import Evidence
from rollcall.resolvers.articles.offices import Offices
from rollcall.resolvers.articles.types import Descriptor, DocumentConfig
from rollcall.resolvers.wordlike import commonness, is_capitalised, tells_names_from_words

PERSONS = [
    PersonRecord("QMAY", "Theresa May", "GB"),
    PersonRecord("QDAR", "Ishaq Dar", "PK"),
    PersonRecord("QDB", "Devlet Bahçeli", "TR"),
    PersonRecord("QPUT", "Vladimir Putin", "RU"),
]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [
    AliasRecord("QDAR", "Дар", "tg"), AliasRecord("QPUT", "Путин", "ru"),
]
VOCAB = Vocabulary(
    roles=(("Prime Minister", "head_of_government"), ("президент", "head_of_state")),
    places=(("British", "country:GB"), ("России", "country:RU")),
    cues=(("met", "attending"), ("провёл", "attending")),
    posts=(
        PostInfo("gb-pm", "Prime Minister of the United Kingdom", "head_of_government", "GB", "",
                 (("QMAY", "2016-07-13", "2019-07-24", False),)),
        PostInfo("pk-fm", "Minister of Foreign Affairs of Pakistan", "foreign_minister", "PK", "",
                 (("QDAR", "2024-03-11", "", False),)),
        PostInfo("ru-hos", "President of Russia", "head_of_state", "RU", "", (("QPUT", "2012-05-07", "", False),)),
    ),
)


@pytest.fixture(scope="module")
def reader() -> DocumentReconciler:
    return DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)


def people(reader: DocumentReconciler, text: str, lang: str, date: str) -> set[str]:
    return {p.id for p in reader.reconcile(text, lang, date).people}


@pytest.mark.parametrize("text, lang, date", [
    # English: the month, at the start of a sentence where every word is capitalised.
    ("May saw the ministers meet again in Astana.", "en", "2024-05-21"),
    ("The ministers met in May in Astana.", "en", "2024-05-21"),
    # Tajik: the preposition "дар" ("in") is written lower case; a name would not be.
    ("Вазирон дар шаҳри Бишкек мулоқот карданд.", "tg", "2024-05-21"),
    # Turkish: "Türk Devlet Başkanları" (Turkic heads of state) shares a first word with a name.
    ("Türk Devlet Başkanları Semerkant'ta bir araya geldi.", "tr", "2022-11-11"),
])
def test_ordinary_words_are_nobody(reader: DocumentReconciler, text: str, lang: str, date: str) -> None:
    assert people(reader, text, lang, date) == set()


@pytest.mark.parametrize("text, lang, date, person", [
    # The same words as names: with a role phrase, in full, or a lone surname of an officeholder.
    ("The British Prime Minister May met the delegations.", "en", "2018-05-21", "QMAY"),
    ("Theresa May met the delegations.", "en", "2024-05-21", "QMAY"),
    ("Ishaq Dar met the ministers. Later Dar met the press.", "en", "2024-05-21", "QDAR"),
    ("Путин провёл встречу с министрами.", "ru", "2024-05-21", "QPUT"),
])
def test_names_with_evidence_are_found(reader: DocumentReconciler, text: str, lang: str, date: str,
                                        person: str) -> None:
    assert person in people(reader, text, lang, date)


def test_a_lone_surname_of_nobody_in_office_needs_more() -> None:
    reader = DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)
    # Theresa May held no office in 2024: a lone "May" there is the month's word, not her.
    assert "QMAY" not in people(reader, "On 21 May, May spoke.", "en", "2024-05-21")


def test_commonness_and_case() -> None:
    assert commonness("may", "en") > 5.5 > commonness("lavrov", "en")
    assert commonness("anything", "tg") == 0.0  # a language wordfreq lacks: unknown, not rare
    assert commonness("در", "fa") > 7
    assert not is_capitalised("дар") and is_capitalised("Дар") and is_capitalised("در")
    # Pashto has neither a word list nor case; Kyrgyz has case, Hindi a word list.
    assert not tells_names_from_words("شي", "ps")
    assert tells_names_from_words("Путин", "ky") and tells_names_from_words("शी", "hi")


# Pashto: wordfreq has no list of its words and its script no capital letters, so nothing
# tells its words from names but the name itself. A made-up Chinese official whose Arabic
# surname شي is also the Pashto verb "becomes".
SHI = [PersonRecord("QSHI", "Lanfeng Shi", "CN")]
SHI_ALIASES = [AliasRecord("QSHI", "Lanfeng Shi", "en"), AliasRecord("QSHI", "لانفنغ شي", "ar"),
               AliasRecord("QSHI", "شي", "ar")]
SHI_VOCAB = Vocabulary(
    roles=(("ولسمشر", "head_of_state"),), places=(), cues=(),
    posts=(PostInfo("cn-hos", "President of China", "head_of_state", "CN", "", (("QSHI", "2013-03-14", "", False),)),),
)


def test_a_lone_word_of_a_language_without_word_list_or_case_is_nobody() -> None:
    reader = DocumentReconciler(build_name_index(SHI, SHI_ALIASES), SHI_VOCAB)
    # "The work must be brought to an end soon": شي, though he held office that day.
    assert people(reader, "دا کار باید ژر پای ته ورسول شي.", "ps", "2020-03-24") == set()
    # With a role phrase, or written in full, it is he.
    assert people(reader, "ولسمشر شي له وزیرانو سره وکتل.", "ps", "2020-03-24") == {"QSHI"}
    assert people(reader, "لانفنغ شي له وزیرانو سره وکتل.", "ps", "2020-03-24") == {"QSHI"}


def test_a_lone_capitalised_word_of_a_language_without_word_list_is_still_a_name(reader: DocumentReconciler) -> None:
    # Kyrgyz (no word list): the capital letter is the evidence.
    assert people(reader, "Путин министрлер менен жолугушту.", "ky", "2024-05-21") == {"QPUT"}


def test_words_the_matcher_would_not_accept_alone_are_nobody_there(engine) -> None:
    # Pashto "ته مو" ("to ... we") reads like Tamim (at 0.61 on the curated gazetteer): in a
    # language whose words nothing tells apart, a run of words is a name only when the name
    # matcher accepts it alone.
    for text in ("هغوی ته مو وویل چې خبرې به دوام ومومي.", "ملګرو ته مو ډاډ ورکړ."):
        assert engine.documents.reconcile(text, "ps", "2020-03-24").people == ()


def test_common_words_after_a_role_name_only_its_holder_or_a_sure_match(engine) -> None:
    # Vietnamese "Hà Nội" (Hanoi: both words Zipf 5.9) before "Chủ tịch nước" (the state
    # president, no country named) read as Hassan Rouhani, president of Iran that day, at
    # 0.67; Pashto "دا رنګه" ("this way"), words nothing tells from names, as Naruhito at
    # 0.73, next to a role or a country. The president named is a made-up one.
    for text, lang, date in (
        ("Tối 11-11, tại Hà Nội, Chủ tịch nước Nguyễn Văn Xuân đã chủ trì lễ đón chính thức.", "vi", "2017-11-12"),
        ("د امریکا استازي دا رنګه وویل چې خبرې به دوام ومومي.", "ps", "2023-07-30"),
    ):
        assert engine.documents.reconcile(text, lang, date).people == (), text
    # Common words after a role that names its country are that country's holder.
    text = "Chủ tịch Trung Quốc Tập Cận Bình đã tới Hà Nội."
    assert [p.name for p in engine.documents.reconcile(text, "vi", "2023-12-12").people] == ["Xi Jinping"]


def test_a_surname_beside_a_role_or_a_country_is_its_holder_or_national(engine) -> None:
    # Tajik "Дар" ("in") begins a sentence, capitalised, beside "раисҷумҳури Тоҷикистон"
    # (the president of Tajikistan): it is Ishaq Dar's surname, but he is Pakistani and was
    # no president; it came back at 0.99.
    text = "Дар баробари раисҷумҳури Тоҷикистон дар маросим сарони кишварҳо ширкат доштанд."
    for date in ("2019-11-29", "2024-11-29"):
        assert engine.documents.reconcile(text, "tg", date).people == ()


def test_where_nothing_tells_names_a_sure_match_must_fit_the_role(engine) -> None:
    # Georgian (no word list, no case): "ტიგრან ავეტისიანი", a deputy prime minister the
    # gazetteer lacks, read as Tigran Sargsyan at 0.98, who held no office in 2021.
    text = "შეხვედრას ესწრებოდა სომხეთის ვიცე-პრემიერი ტიგრან ავეტისიანი."
    assert engine.documents.reconcile(text, "ka", "2021-05-12").people == ()


def test_thai_common_words_beside_a_role_are_read_as_its_words() -> None:
    # Thai writes "เพิ่งเข้า" ("just entered") without a space: the reader's words, เพิ่ง and
    # เข้า, are both common (Zipf 5.4 and 6.4), so beside "the British prime minister" a
    # sure match with someone of another country is no evidence; read as one word, rare as
    # a whole, it would be. A made-up Nigerian minister whose name reads alike.
    persons = [PersonRecord("QPK", "Phoengkhao Sombat", "NG")]
    index = build_name_index(persons, [AliasRecord("QPK", "Phoengkhao Sombat", "en")])
    offices = Offices((PostInfo("ng-fm", "Minister of Foreign Affairs of Nigeria", "foreign_minister", "NG", "",
                                (("QPK", "2020-01-01", "", False),)),))
    uk_prime_minister = Descriptor(0, 1, {"head_of_government"}, "นายกรัฐมนตรี", {"GB"}, set())
    as_read = Evidence(index, offices, DocumentConfig(), lambda name, lang: ["เพิ่ง", "เข้า"])
    as_spaced = Evidence(index, offices, DocumentConfig(), lambda name, lang: name.split())
    args = ("เพิ่งเข้า", "th", "2022-11-10", uk_prime_minister, False, "QPK", 0.95)
    assert not as_read.enough(*args)
    assert as_spaced.enough(*args)
    # Beside "foreign minister", naming no country, the sure match is the evidence.
    foreign_minister = Descriptor(0, 1, {"foreign_minister"}, "รัฐมนตรีต่างประเทศ", set(), set())
    assert as_read.enough("เพิ่งเข้า", "th", "2022-11-10", foreign_minister, False, "QPK", 0.95)


def test_common_words_ending_in_the_family_name_are_the_name() -> None:
    # Ukrainian "Володимир" (5.4) and "Путін" (4.9) are both common words of Ukrainian news;
    # with a made-up Ukrainian Volodymyr in the gazetteer, "Володимир Путін" is one run of
    # name words, and it ends in Putin's Russian surname letter for letter.
    persons = [*PERSONS, PersonRecord("QHRYTS", "Volodymyr Hrytsenko", "UA")]
    aliases = [*ALIASES, AliasRecord("QHRYTS", "Volodymyr Hrytsenko", "en"),
               AliasRecord("QHRYTS", "Володимир Гриценко", "uk")]
    reader = DocumentReconciler(build_name_index(persons, aliases), VOCAB)
    found = reader.reconcile("Володимир Путін провів зустріч з міністрами.", "uk", "2024-05-21").people
    assert [(p.id, [m.text for m in p.mentions]) for p in found] == [("QPUT", ["Володимир Путін"])]


def test_an_honorific_is_no_surname_of_the_person_named_with_it() -> None:
    # A made-up Afghan minister, whose alias carries the title Mullah, named in full; then
    # another Mullah, whom the gazetteer lacks: the title alone is not the first one's surname.
    persons = [PersonRecord("QWARDAK", "Karim Wardak", "AF")]
    aliases = [AliasRecord("QWARDAK", "Karim Wardak", "en"), AliasRecord("QWARDAK", "ملا کریم وردک", "ps")]
    vocab = Vocabulary(roles=(("وزیر", "official"),), places=(), cues=(), posts=(
        PostInfo("af-fm", "Minister of Foreign Affairs", "foreign_minister", "AF", "",
                 (("QWARDAK", "2021-09-07", "", False),)),))
    reader = DocumentReconciler(build_name_index(persons, aliases), vocab)
    text = "ملا کریم وردک له پلاوي سره وکتل. د دفتر مشر ملا عبدالواسع هم هلته و."
    found = reader.reconcile(text, "ps", "2025-08-20").people
    assert [(p.id, [m.text for m in p.mentions]) for p in found] == [("QWARDAK", ["ملا کریم وردک"])]
