"""How running text writes a name in cased scripts: the particles inside it ("von der",
"van", "bin") in lower case between its capitalised words, a lower-case part after a
hyphen, and in Polish its case endings. Made-up persons, and Xi Jinping's Czech name on the
curated gazetteer."""

import pytest

from rollcall.resolvers import AliasRecord, PersonRecord, build_name_index
from rollcall.resolvers.articles import DocumentReconciler, PostInfo, Vocabulary
from rollcall.resolvers.articles.name_words import is_particle

PERSONS = [PersonRecord("QHAGEN", "Greta von der Hagen", "DE")]
ALIASES = [AliasRecord("QHAGEN", "Greta von der Hagen", "de")]
VOCAB = Vocabulary(roles=(), places=(), cues=(), posts=(
    PostInfo("eu-chair", "Chair of the Commission", "official", "", "eu", (("QHAGEN", "2019-12-01", "", False),)),
))


@pytest.fixture(scope="module")
def reader() -> DocumentReconciler:
    return DocumentReconciler(build_name_index(PERSONS, ALIASES), VOCAB)


@pytest.mark.parametrize("text, lang, mention", [
    # Read in Latin letters, Greek φον ντερ and Russian фон дер are "von der": the name does
    # not end before them, to be found again in two halves that each fall short.
    ("Η Γκρέτα φον ντερ Χάγκεν συμμετείχε στη σύνοδο.", "el", "Γκρέτα φον ντερ Χάγκεν"),
    ("Грета фон дер Хаген приняла участие во встрече.", "ru", "Грета фон дер Хаген"),
])
def test_a_name_goes_on_over_its_particles(reader: DocumentReconciler, text: str, lang: str, mention: str) -> None:
    people = reader.reconcile(text, lang, "2024-05-21").people
    assert [(p.id, [m.text for m in p.mentions]) for p in people] == [("QHAGEN", [mention])]


def test_particles_as_written_or_as_read() -> None:
    assert is_particle("von", "de") and is_particle("фон", "ru") and is_particle("ντερ", "el")
    assert not is_particle("mit", "de") and not is_particle("встрече", "ru")


def test_a_polish_text_declines_a_foreign_name() -> None:
    # Polish (and Czech, Slovak, ...) decline foreign names in Latin letters: genitive -a,
    # instrumental -em. A made-up German chancellor.
    persons = [PersonRecord("QWENDT", "Gert Wendt", "DE")]
    vocab = Vocabulary(roles=(), places=(), cues=(), posts=(
        PostInfo("de-hog", "Chancellor of Germany", "head_of_government", "DE", "", (("QWENDT", "2021-12-08", "", False),)),
    ))
    reader = DocumentReconciler(build_name_index(persons, [AliasRecord("QWENDT", "Gert Wendt", "de")]), vocab)
    for text, mention in (("Rozmowy kanclerza Gerta Wendta dotyczyły Ukrainy.", "Gerta Wendta"),
                          ("Premier spotkał się z Gertem Wendtem w Berlinie.", "Gertem Wendtem")):
        people = reader.reconcile(text, "pl", "2024-03-15").people
        assert [(p.id, [m.text for m in p.mentions]) for p in people] == [("QWENDT", [mention])]



def test_a_lower_case_part_after_a_hyphen_belongs_to_the_word(engine) -> None:
    # Czech writes a Chinese given name in two parts, the second in lower case ("Si
    # Ťin-pching", Xi Jinping): the name does not end at the hyphen, where "Si Ťin" alone is
    # too little of it to be anyone (curated gazetteer).
    text = "Jednání se zúčastnil i čínský prezident Si Ťin-pching."
    people = engine.documents.reconcile(text, "cs", "2024-07-04").people
    assert [(p.id, [m.text for m in p.mentions]) for p in people] == [("Q15031", ["Si Ťin-pching"])]
