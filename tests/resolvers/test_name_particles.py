"""The particles inside a name ("von der", "van", "bin"), which texts in any cased script
write in lower case, between capitalised words of one name. A made-up person."""

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
