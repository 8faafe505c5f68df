"""What the confidence model reads of a candidate (params.ConfidenceModel.features): how far
a match within one script rests on sound, and a second set of weights for a query of one
word, which a name written as one word (as Burmese and Tibetan write names) does not take;
and the accept thresholds of single tokens (fitted on family names alone and ordinary
words), of names in Latin letters and of names in other scripts. The words and names are
made for these tests or are officials of the gazetteers."""

from __future__ import annotations

import pytest

from rollcall.resolvers.matcher import query_traits
from rollcall.resolvers.params import ACCEPT_GROUPS, CONFIDENCE_FEATURES, AliasSetting, ConfidenceModel, load_params
from rollcall.resolvers.score import PairFeatures
from rollcall.resolvers.types import Query
from rollcall.resolvers.wordlike import ORDINARY_WORD_COMMONNESS, is_word_of_names, word_commonness
from rollcall.service.engine import Engine, make_query


def _features(pair: PairFeatures, scripts: tuple[str, str] = ("Latin", "Latin"), one_word: bool = False) -> dict:
    setting = AliasSetting(*scripts)
    return dict(zip(CONFIDENCE_FEATURES, ConfidenceModel.features(20.0, 15.0, one_word, False, pair, setting)))


SOUND_ONLY = PairFeatures(spelling=0.8, sound=1.0, alias_coverage=0.9, whole=0.6, whole_sound=0.9, weakest=0.9,
                          in_order=1.0, rarity=0.7)
EXACT = PairFeatures(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.7)


def test_sound_over_spelling_counts_within_one_script_only() -> None:
    assert _features(SOUND_ONLY)["same_script_sound_over_spelling"] == pytest.approx(0.2)
    assert _features(SOUND_ONLY, ("Cyrillic", "Latin"))["same_script_sound_over_spelling"] == 0.0
    for scripts in (("Latin", "Latin"), ("Han", "Han"), ("Cyrillic", "Latin")):
        assert _features(EXACT, scripts)["same_script_sound_over_spelling"] == 0.0


def test_a_query_of_one_word_has_weights_of_its_own() -> None:
    surname = PairFeatures(1.0, 1.0, 0.5, 0.5, 0.5, 1.0, 1.0, 0.8)  # "Lavrov" against "Sergey Lavrov"
    several = _features(surname)
    one = _features(surname, one_word=True)
    assert several["single_token"] == 0.0 and all(v == 0.0 for k, v in several.items() if k.startswith("one_word_"))
    assert one["single_token"] == 1.0
    assert all(one[f"one_word_{k}"] == v for k, v in one.items() if f"one_word_{k}" in one)


def test_one_word_that_reads_as_a_whole_longer_name_is_a_full_name() -> None:
    glued = PairFeatures(0.85, 1.0, 0.56, 1.0, 1.0, 0.85, 1.0, 0.7)  # "ဘာရက်အိုဘားမား", Barack Obama
    assert _features(glued, ("Myanmar", "Latin"), one_word=True) == _features(glued, ("Myanmar", "Latin"))


@pytest.mark.parametrize(("query", "lang", "meant"), [
    ("Лавров", "ru", "Sergey Lavrov"),
    ("Мирзиёев", "ru", "Shavkat Mirziyoyev"),
    ("Lukaschenko", "de", "Alexander Lukashenko"),
    # Common in the word lists, as the news names them: a word of the person's own names is
    # not read as an ordinary word.
    ("Merkel", "de", "Angela Merkel"), ("Macron", "fr", "Emmanuel Macron"), ("Erdoğan", "tr", "Recep Tayyip Erdoğan"),
    ("Путін", "uk", "Vladimir Putin"),  # no alias, but the letters of the Russian one (Путин)
])
def test_the_surname_alone_of_the_only_official_bearing_it_is_sure(engine: Engine, query: str, lang: str,
                                                                    meant: str) -> None:
    answer = engine.match(make_query(query, lang))
    first = answer.candidates[0].candidate
    assert first.name == meant and first.confidence >= 0.9


@pytest.mark.parametrize(("word", "script", "names", "is_theirs"), [
    ("Путін", "Cyrillic", ["Владимир Путин"], True),  # Ukrainian и is і: the same letters
    ("Erdoğan", "Latin", ["Recep Tayyip Erdogan"], True),  # an accent aside
    ("Ανδρέας", "Greek", ["Ανδρεας Παππάς"], True),
    # Made-up names. Vietnamese đ and Polish ł are letters of their own, not d and l with
    # a mark: "đồng" (money, copper) is no Dong, "łan" (a field) is no Lan.
    ("đồng", "Latin", ["Dong Minh Chau"], False),
    ("łan", "Latin", ["Lan Wiśniewska"], False),
    # Arabic سالم (Salim, "safe") and سلم ("peace", "ladder") differ by the alif that
    # unidecode drops; Danish "børn" ("children") is no Борн, across scripts.
    ("سالم", "Arabic", ["سلم حداد"], False),
    ("børn", "Latin", ["Элизабет Борн"], False),
])
def test_a_word_is_of_a_persons_names_only_letter_for_letter(word: str, script: str, names: list[str],
                                                              is_theirs: bool) -> None:
    assert is_word_of_names(word, script, names) is is_theirs


def test_a_common_word_spelled_like_a_name_but_for_a_letter_is_not_that_name(engine: Engine) -> None:
    # Vietnamese "đồng" (Zipf 6.2) came back as Dong Jun at 0.63 while đ counted as d.
    first = engine.match(make_query("đồng", "vi")).candidates[0].candidate
    assert first.name == "Dong Jun" and first.confidence < 0.1


@pytest.mark.parametrize("surname", ["Brown", "Smith", "Yılmaz"])
def test_the_surname_alone_of_many_members_is_not_sure(members_of_parliament: Engine, surname: str) -> None:
    answer = members_of_parliament.match(make_query(surname))
    assert not answer.result.match
    assert answer.candidates[0].candidate.confidence < 0.5


def test_single_tokens_latin_names_and_other_names_have_thresholds_of_their_own() -> None:
    model = load_params().confidence
    assert ConfidenceModel.group("Cyrillic", True) == ConfidenceModel.group("Latin", True) == "one_word"
    assert ConfidenceModel.group("Latin", False) == "latin" and ConfidenceModel.group("Han", False) == "other"
    assert [model.threshold(g) for g in ACCEPT_GROUPS] == list(model.accept_at)
    assert all(0.5 < t < 1.0 for t in model.accept_at)
    assert ConfidenceModel.single_token(True, SOUND_ONLY) and not ConfidenceModel.single_token(False, SOUND_ONLY)


def test_a_latin_name_that_only_sounds_like_a_member_is_not_accepted(members_of_parliament: Engine) -> None:
    # Made for this test: nobody of that name sits in the EveryPolitician gazetteer, whose
    # Fabian Hamilton it sounds like once l and r are one class of sound.
    answer = members_of_parliament.match(make_query("Fabian Martin", "en"))
    assert answer.candidates[0].candidate.name == "Fabian Hamilton" and not answer.result.match


@pytest.mark.parametrize(("word", "lang"), [
    ("สมาชิก", "th"),  # "member"
    ("တရုတ်", "my"),  # "China"
    ("विदेश", "hi"),  # "abroad"
])
def test_an_ordinary_word_alone_is_nobody_accepted(engine: Engine, word: str, lang: str) -> None:
    assert not engine.match(make_query(word, lang)).result.match


@pytest.mark.parametrize(("word", "lang"), [
    ("máš", "cs"), ("þótt", "is"),  # accents that clean() drops
    ("شيئا", "ar"), ("مدينة", "ar"),  # letters that clean() unifies with Persian ones
])
def test_a_query_is_looked_up_as_written(word: str, lang: str) -> None:
    # Looked up once cleaned ("maš", "شییا"), each was no word at all.
    assert query_traits(Query(word, lang)).commonness > 2.0


def test_how_common_a_query_is_as_a_word_is_read_of_one_word_in_a_known_language() -> None:
    assert word_commonness("maintenant", "fr") > 2.0  # about once in ten thousand French words
    assert word_commonness("Maintenant", "fr") == word_commonness("maintenant", "fr")
    assert word_commonness("Gwynoro", "cy") == word_commonness("Gwynoro", "en") == 0.0  # rare, or a language wordfreq lacks
    assert word_commonness("maintenant", None) == 0.0
    assert word_commonness("Jean Maintenant", "fr") == 0.0  # a full name is not a word
    setting = AliasSetting("Latin", "Latin", query_commonness=2.5)
    assert _features(EXACT)["query_commonness"] == 0.0
    assert dict(zip(CONFIDENCE_FEATURES, ConfidenceModel.features(20.0, 15.0, False, False, EXACT, setting)))[
        "query_commonness"] == 2.5


@pytest.mark.parametrize(("word", "lang", "sounds_like"), [
    # Common words of their languages (wordfreq) that sound like an official's name; each
    # came back at 0.9 or more (the first three accepted) before the model read how common
    # the query is as a word.
    ("land", "de", "François Hollande"),
    ("deren", "de", "Naruhito"),
    ("kvinde", "da", "Ram Nath Kovind"),
    ("told", "en", "Justin Trudeau"),
    ("thank", "en", "Htin Kyaw"),
    ("sistema", "ca", "Keir Starmer"),
    ("право", "bg", "Prabowo Subianto"),
])
def test_a_common_word_is_nobody_at_high_confidence(engine: Engine, word: str, lang: str, sounds_like: str) -> None:
    answer = engine.match(make_query(word, lang))
    assert answer.candidates[0].candidate.name == sounds_like  # the match is there ...
    assert not answer.result.match and answer.candidates[0].candidate.confidence < 0.5  # ... and not trusted


def test_an_ordinary_word_is_at_most_one_chance_in_ten_whatever_its_features(engine: Engine) -> None:
    model = load_params().confidence
    sure = ConfidenceModel.features(30.0, None, True, False, EXACT, AliasSetting("Latin", "Latin"))
    commonness = {CONFIDENCE_FEATURES.index("query_commonness"), CONFIDENCE_FEATURES.index("one_word_query_commonness")}

    def with_commonness(value: float) -> tuple[float, ...]:
        return tuple(value if i in commonness else f for i, f in enumerate(sure))

    assert model.of_features(with_commonness(ORDINARY_WORD_COMMONNESS), 1.0) <= 0.1
    assert model.of_features(with_commonness(ORDINARY_WORD_COMMONNESS - 0.1), 1.0) > 0.1
    # German "drei" ("three", Zipf 5.7) reads like Draghi, whom English says "drai".
    first = engine.match(make_query("drei", "de")).candidates[0].candidate
    assert first.name == "Mario Draghi" and first.confidence <= 0.1


@pytest.mark.parametrize(("word", "lang", "sounds_like"), [
    ("协议", "zh", "Xi Jinping"),  # "agreement", Zipf 5.1: read "shie yi" as a Chinese name, Xi's Turkish "Şi"
    ("人士", "zh", "Matteo Renzi"),  # "person", 5.2: "renshi"
    ("答え", "ja", "Ishaq Dar"),  # "answer", 5.0
])
def test_a_chinese_or_japanese_word_of_zipf_5_is_an_ordinary_word(engine: Engine, word: str, lang: str,
                                                                   sounds_like: str) -> None:
    # wordfreq counts these languages in whole segments: such words were accepted (0.92-0.99).
    first = engine.match(make_query(word, lang)).candidates[0].candidate
    assert first.name == sounds_like and first.confidence <= 0.1


def test_the_names_the_chinese_news_reports_most_stay_sure(engine: Engine) -> None:
    for name, meant in (("普京", "Vladimir Putin"), ("习近平", "Xi Jinping"), ("拜登", "Joe Biden")):
        first = engine.match(make_query(name, "zh")).candidates[0].candidate
        assert first.name == meant and first.confidence >= 0.9
