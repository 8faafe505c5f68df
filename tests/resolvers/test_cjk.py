"""Chinese and Japanese: names are found by a segmenter (jieba with the gazetteer's Han names
as its dictionary; MeCab for Japanese), never as runs of characters; ordinary words are no
candidates. Sentences made for the rules."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, Query, build_name_index, match
from rollcall.resolvers.articles.cjk import CjkNames
from rollcall.resolvers.articles import DocumentReconciler, PostInfo, Vocabulary
from rollcall.resolvers.normalize import clean
from rollcall.resolvers.translit import romanize
from rollcall.service.engine import make_query

PERSONS = [
    PersonRecord("QS", "Serdar Berdimuhamedov", "TM"),
    PersonRecord("QP", "Vladimir Putin", "RU"),
    PersonRecord("QT", "Kassym-Jomart Tokayev", "KZ"),
    PersonRecord("QK", "Li Qiang", "CN"),
]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [
    AliasRecord("QS", "谢尔达尔·别尔德穆哈梅多夫", "zh"), AliasRecord("QP", "普京", "zh"),
    AliasRecord("QT", "托卡耶夫", "zh"), AliasRecord("QK", "李强", "zh"),
    AliasRecord("QP", "プーチン", "ja"), AliasRecord("QT", "トカエフ", "ja"),
]
VOCAB = Vocabulary(
    roles=(("总统", "head_of_state"), ("总理", "head_of_government"), ("大統領", "head_of_state")),
    places=(("土库曼斯坦", "country:TM"), ("俄罗斯", "country:RU"), ("ロシア", "country:RU"),
            ("カザフスタン", "country:KZ")),
    cues=(("出席", "attending"),),
    posts=(PostInfo("tm-hos", "President of Turkmenistan", "head_of_state", "TM", "",
                    (("QS", "2022-03-19", "", False),)),
           PostInfo("ru-hos", "President of Russia", "head_of_state", "RU", "", (("QP", "2012-05-07", "", False),)),
           PostInfo("kz-hos", "President of Kazakhstan", "head_of_state", "KZ", "", (("QT", "2019-03-20", "", False),))),
)


@pytest.fixture(scope="module")
def reader() -> DocumentReconciler:
    return DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)


def found(reader: DocumentReconciler, text: str, lang: str) -> dict[str, list[str]]:
    return {p.id: [m.text for m in p.mentions] for p in reader.reconcile(text, lang, "2023-10-13").people}


def test_a_surname_from_the_dictionary_stays_one_word(reader) -> None:
    text = "土库曼斯坦总统别尔德穆哈梅多夫和俄罗斯总统普京出席了峰会。"
    assert found(reader, text, "zh") == {"QS": ["别尔德穆哈梅多夫"], "QP": ["普京"]}


def test_a_name_at_the_very_start_of_a_text(reader) -> None:
    assert found(reader, "托卡耶夫出席了会议。", "zh") == {"QT": ["托卡耶夫"]}


@pytest.mark.parametrize("text", ["代表团的行李已经送到宾馆。", "会议在比什凯克举行,各方交换了意见。"])
def test_ordinary_chinese_words_are_nobody(reader, text: str) -> None:
    result = reader.reconcile(text, "zh", "2023-10-13")
    assert result.people == () and result.unresolved == ()


def test_japanese_katakana_names_between_country_and_office(reader) -> None:
    text = "ロシアのプーチン大統領とカザフスタンのトカエフ大統領がサミットに出席した。"
    assert found(reader, text, "ja") == {"QP": ["プーチン"], "QT": ["トカエフ"]}


def test_segmenter_spans() -> None:
    names = CjkNames(["谢尔达尔·别尔德穆哈梅多夫"], ["总统", "土库曼斯坦"], translit="谢尔达别德穆哈梅多夫")
    text = "土库曼斯坦总统别尔德穆哈梅多夫表示"
    assert [text[a:b] for a, b in names.spans(text, "zh")] == ["别尔德穆哈梅多夫"]
    ja = "パキスタンのイムラン・カーン首相が出席した。"
    assert [ja[a:b] for a, b in names.spans(ja, "ja")] == ["イムラン・カーン"]


@pytest.mark.parametrize(("chinese", "meant"), [
    # Xinhua's renderings: 希 is "hi" and 休 "hu" (x for a foreign h), 思 and 斯 a final
    # English th, which Chinese (like Japanese and Korean) says as s.
    ("爱德华·希思", "Edward Heath"),
    ("帕特里夏·休伊特", "Patricia Hewitt"),
])
def test_chinese_h_and_final_th_of_english_names(members_of_parliament, chinese: str, meant: str) -> None:
    first = members_of_parliament.match(make_query(chinese, "zh")).candidates[0].candidate
    assert first.name == meant
    assert first.confidence >= 0.9


def test_the_family_name_he_is_no_honorific() -> None:
    # "He" was read as "His Excellency" and dropped: "He Lifeng" became "Lifeng", and the
    # Chinese 何立峰 ("he lifeng") then matched a Li Feng better than him.
    persons = [PersonRecord("QH", "He Lifeng", "CN"), PersonRecord("QA", "Li Feng", "CN")]
    index = build_name_index(persons, [AliasRecord(p.id, p.name, "en") for p in persons])
    for query in ("He Lifeng", "何立峰"):
        assert match(index, Query(query, "zh")).candidates[0].person_id == "QH"


@pytest.mark.parametrize(("kanji", "meant"), [
    # Read only in pinyin, 岸田 ("antian") was Antonio Tajani's and 安倍 ("anbei") nobody's.
    ("岸田", "Fumio Kishida"), ("安倍", "Shinzo Abe"), ("高市", "Sanae Takaichi"), ("上川", "Yoko Kamikawa"),
])
def test_a_japanese_family_name_in_kanji_is_read_as_japanese_reads_it(engine, kanji: str, meant: str) -> None:
    # A family name alone is read like several names in the gazetteer's other scripts, so
    # its confidence falls as the gazetteer grows (上川 0.71 with 869 persons, 0.48 with
    # 1,005): the bearer must come first, and well ahead of the next.
    first, runner_up = (c.candidate for c in engine.match(make_query(kanji, "ja")).candidates[:2])
    assert first.name == meant and first.confidence >= 1.5 * runner_up.confidence


def test_kanji_in_a_chinese_text_are_read_in_pinyin_alone() -> None:
    assert romanize(clean("岸田"), "zh") == ("antian", "an tian")
    assert "kishida" in romanize(clean("岸田"), "ja")


def test_a_japanese_official_named_by_family_name_and_office(engine) -> None:
    # Japanese writes the office after the family name; the family name is the first
    # characters of the full name (岸田文雄), no other characters that read alike.
    result = engine.reconcile_document("岸田首相は上川外相とともに会議に出席した。", "ja", "2024-03-01")
    assert [p.name for p in result.people] == ["Fumio Kishida", "Yoko Kamikawa"]


def test_a_lone_word_is_a_chinese_name_s_family_name_not_its_last_syllable() -> None:
    # A made-up minister 林美贤 (Lin Meixian): his name read "lin mei xian" ends in "sian",
    # as the city Xi'an reads in Russian and Kazakh; a lone word names a person by the family
    # name, which Chinese writes first.
    from rollcall.resolvers.articles.name_words import sounds_like_surname

    lin = [PersonRecord("QLIN", "Lin Meixian", "CN")]
    aliases = [AliasRecord("QLIN", "Lin Meixian", "en"), AliasRecord("QLIN", "林美贤", "zh")]
    vocab = Vocabulary(roles=(), places=(), cues=(), posts=(
        PostInfo("cn-fm", "Minister of Foreign Affairs", "foreign_minister", "CN", "",
                 (("QLIN", "2013-03-14", "", False),)),))
    reader = DocumentReconciler(build_name_index(lin, aliases), vocab)
    for text, lang in (("Делегаты прибыли в Сиань.", "ru"), ("Сиань қаласында кездесу өтті.", "kk")):
        assert reader.reconcile(text, lang, "2023-05-18").people == ()
    assert not sounds_like_surname("Сиань", "ru", "林美贤", "zh")
    assert sounds_like_surname("Lin", "en", "林美贤", "zh")


def test_a_three_character_chinese_name_is_read_as_family_name_and_given_name() -> None:
    # Pinyin writes a Chinese name's family name apart and its given name's two syllables as
    # one word ("Li Keqiang"), and so do other romanisations ("Lim Kimhong", Hokkien). Read
    # only as one word ("lindzhinhong") or syllable by syllable ("lin dzhin hong"), this
    # made-up minister came first at 0.02.
    persons = [PersonRecord("QL", "Lim Kimhong", "KH"), PersonRecord("QB", "Arne Bernsen", "DE"),
               PersonRecord("QG", "Kim Lindholm", "FI")]
    index = build_name_index(persons, [AliasRecord(p.id, p.name, "en") for p in persons])
    assert "lin dzhinhong" in romanize(clean("林金洪"), "zh")
    first = match(index, Query("林金洪", "zh")).candidates[0]
    assert first.person_id == "QL" and first.confidence >= 0.7


@pytest.mark.parametrize(("chinese", "cut"), [
    # Foreign names written by their sounds: Draghi, Lamola, Volodin. Cut after the first
    # character, "de lagi" was the Indonesian word "lagi" (again), "la mola" the Pashto
    # "له ملا" (from the mullah), "wo lodzhin" the Vietnamese "Võ Văn", each as a person.
    ("德拉吉", "de lagi"), ("拉莫拉", "la mola"), ("沃洛金", "wo luodzhin"),
])
def test_a_foreign_name_of_three_characters_is_not_cut_after_its_first(chinese: str, cut: str) -> None:
    readings = romanize(clean(chinese), "zh")
    assert cut.replace(" ", "") in readings and cut not in readings
