"""Words an article writes beside a known name that make it someone else's, or no name:
a given name none of the person's names has, a role they never held, and phrases of the
language that only read like a name. Made-up persons."""

from rollcall.resolvers import AliasRecord, PersonRecord, build_name_index
from rollcall.resolvers.articles import DocumentReconciler, PostInfo, Vocabulary

PERSONS = [
    PersonRecord("QKOV", "Mary Kovacs", "AU"),
    PersonRecord("QMAY", "Theresa May", "GB"),
    PersonRecord("QDUB", "Pierre Dubois", "BE"),
    PersonRecord("QAKR", "Zaina Akri", "LB"),
    PersonRecord("QLUO", "Lương Văn An", "VN"),
]
ALIASES = [AliasRecord(p.id, p.name, "en") for p in PERSONS] + [
    AliasRecord("QKOV", "Kovacs", "en"), AliasRecord("QMAY", "May", "en"),
    # The Arabic spelling of a made-up name, which Pashto words read like.
    AliasRecord("QAKR", "زينة عكر", "ar"),
]
VOCAB = Vocabulary(
    roles=(("Foreign Minister", "foreign_minister"), ("Prime Minister", "head_of_government"),
           ("roi", "head_of_state")),
    places=(("Australian", "country:AU"), ("British", "country:GB"), ("Belgique", "country:BE"),
            ("Việt Nam", "country:VN")),
    cues=(("met", "attending"), ("ګډون ونه کړ", "not_attending")),
    posts=(
        PostInfo("au-fm", "Minister for Foreign Affairs of Australia", "foreign_minister", "AU", "",
                 (("QKOV", "2022-05-23", "", False),)),
        PostInfo("gb-pm", "Prime Minister of the United Kingdom", "head_of_government", "GB", "",
                 (("QMAY", "2016-07-13", "2019-07-24", False),)),
        PostInfo("be-hos", "King of the Belgians", "head_of_state", "BE", "", (("QDUB", "2013-07-21", "", False),)),
        PostInfo("vn-hos", "President of Vietnam", "head_of_state", "VN", "", (("QLUO", "2024-10-21", "", False),)),
        PostInfo("lb-fm", "Minister of Foreign Affairs of Lebanon", "foreign_minister", "LB", "",
                 (("QAKR", "2021-05-19", "", False),)),
    ),
)


def _people(text: str, lang: str, date: str) -> set[str]:
    reader = DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)
    return {p.id for p in reader.reconcile(text, lang, date).people}


def test_a_given_name_none_of_theirs_begins_someone_else_s_name() -> None:
    # "Kovacs" alone is hers; "Stefan Kovacs", whom the gazetteer lacks, is not.
    assert _people("Stefan Kovacs met the delegations in Canberra.", "en", "2024-05-21") == set()
    # Her own given name, or a form of it, or her surname alone, is hers.
    for text in ("Mary Kovacs met the delegations.", "Maria Kovacs met the delegations.",
                 "The delegations met Kovacs in Canberra."):
        assert _people(text, "en", "2024-05-21") == {"QKOV"}, text


def test_a_common_word_beside_a_role_is_only_its_holder() -> None:
    # "May" is among the commonest English words: beside "Prime Minister" it is Theresa May,
    # who held that office; beside "Foreign Minister", an office she never held, it is not,
    # though she held another office that day.
    assert _people("The British Prime Minister May met the delegations.", "en", "2018-05-21") == {"QMAY"}
    assert _people("The British Foreign Minister May met the delegations.", "en", "2018-05-21") == set()


def test_a_word_with_accents_a_role_lacks_is_no_role() -> None:
    # Vietnamese "rời" (leaves) folds to French "roi" (king): "the delegation of Vietnam left
    # Hanoi" names no king of Vietnam (it named its president). The French word itself
    # still names the holder.
    assert _people("Đoàn đại biểu cấp cao Việt Nam rời Thủ đô Hà Nội.", "vi", "2025-03-09") == set()
    assert _people("Le roi de Belgique a reçu les ministres.", "fr", "2024-05-21") == {"QDUB"}


def test_the_words_of_a_cue_phrase_are_no_name() -> None:
    # Pashto "ګډون ونه کړ" ("did not take part"): "ونه کړ" reads like زينة عكر, and nothing
    # else tells it from a name (no word list, no capitals).
    assert _people("وزیر په غونډه کې ګډون ونه کړ.", "ps", "2024-05-21") == set()


# A made-up Chinese prime minister, and the name of a country the gazetteer does not cover.
LEE = [PersonRecord("QLEE", "Lee Han", "CN")]
LEE_VOCAB = Vocabulary(
    roles=(("Perdana Menteri", "head_of_government"), ("President", "head_of_state")),
    places=(("Tiongkok", "country:CN"),), cues=(),
    posts=(PostInfo("cn-hog", "Premier of China", "head_of_government", "CN", "", (("QLEE", "2023-03-11", "", False),)),),
    uncovered_places=(("Singapura", "country:SG"), ("Chad", "country:TD")),
)


def _read(text: str, lang: str):
    reader = DocumentReconciler(build_name_index(LEE, [AliasRecord("QLEE", "Lee Han", "en")]), LEE_VOCAB)
    return reader.reconcile(text, lang, "2023-09-05")


def test_after_the_office_of_a_country_the_gazetteer_lacks_a_name_is_of_someone_it_lacks() -> None:
    # Read without the country, "Lee Han Loong" was cut to his "Lee Han" and taken for him.
    assert _read("Perdana Menteri Singapura Lee Han Loong tiba di Jakarta.", "id").people == ()
    # After his own country's office, it is he.
    assert [p.id for p in _read("Perdana Menteri Tiongkok Lee Han tiba di Jakarta.", "id").people] == ["QLEE"]


def test_the_name_of_a_country_the_gazetteer_lacks_counts_only_beside_a_role() -> None:
    # "Chad" alone may be a given name, here of a made-up American official written with
    # his surname misspelt; beside a role it is the country.
    reader = DocumentReconciler(build_name_index([PersonRecord("QMOR", "Chad Morton", "US")],
                                                 [AliasRecord("QMOR", "Chad Morton", "en")]), LEE_VOCAB)
    assert [p.id for p in reader.reconcile("Chad Mortan arrived in Jakarta.", "en", "2023-09-05").people] == ["QMOR"]
    assert _read("The President of Chad Lee Han arrived.", "en").people == ()



def test_a_surname_after_the_full_name_is_no_surer_than_the_full_name() -> None:
    # Two made-up namesakes whose names read alike: the full name is either's at one chance
    # in two, and a word of it later in the text is no surer. ("Hassan" after "Hassan Sheikh
    # Mohamud", whom the curated gazetteer then lacked and read as Hasan Mahmud at 0.55,
    # had been taken for Hasan Mahmud at 0.9.)
    persons = [PersonRecord("QHM", "Hasan Mahmud", "BD"), PersonRecord("QHMP", "Hassan Mahmood", "PK")]
    reader = DocumentReconciler(build_name_index(persons, [AliasRecord(p.id, p.name, "en") for p in persons]),
                                Vocabulary(roles=(), places=(), cues=(), posts=()))
    full = reader.reconcile("Hasan Mahmoud arrived in Arusha.", "en", "2024-11-29").people
    for later in ("Hasan", "Mahmoud"):
        both = reader.reconcile(f"Hasan Mahmoud arrived in Arusha. {later} met the press.", "en", "2024-11-29").people
        assert full and [p.id for p in full] == [p.id for p in both]
        assert [m.text for m in both[0].mentions] == ["Hasan Mahmoud", later]
        assert both[0].confidence == full[0].confidence < 0.9


def test_two_capitalised_words_no_name_has_are_the_rest_of_a_name(engine) -> None:
    # South Sudan's vice president, whom the curated gazetteer lacks: cut to "Hussein
    # Abdelbagi", his name was Hossein Amir-Abdollahian's at 0.57.
    text = "Vice President Hussein Abdelbagi Akol Agany of South Sudan arrived in Addis Ababa."
    result = engine.reconcile_document(text, "en", "2023-02-18")
    assert result.people == ()
    assert [u.text for u in result.unresolved] == ["Hussein Abdelbagi Akol Agany"]
