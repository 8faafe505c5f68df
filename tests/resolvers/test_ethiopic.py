"""Ethiopic script (Amharic, Tigrinya), read by a rule set of our own over ICU's
Ethiopic-Latin: a syllable of the sixth order is a consonant with ə or with no vowel, and
foreign names write their consonant clusters with it. ICU's "ǝ" split a name into pieces
("ዶናልድ" came out "donal d"). The names are written as Amharic writes them; the first three are
from an Amharic news page (am.al-ain.com, on Vladimir Putin), the others were made for these
tests by Amharic spelling; none is from the evaluation data."""

from __future__ import annotations

import pytest

from rollcall.resolvers.normalize import clean
from rollcall.resolvers.translit import romanize
from rollcall.service.engine import Engine, make_query


@pytest.mark.parametrize(("amharic", "clusters", "with_i"), [
    ("ቭላድሚር ፑቲን", "vladmir putin", "viladimir putin"),
    ("ጆሴፍ ስታሊን", "josef stalin", "josef sitalin"),  # ጆ is j (ICU's ǧ)
    ("ቦሪስ የልትሲን", "boris yaltsin", "boris yalitisin"),
    ("ዶናልድ ትራምፕ", "donald tramp", "donalid tiramip"),  # a word's last ə is never i
    ("ግርማ ወልደ ጊዮርጊስ", "grma walda giyorgis", "girima walida giyorigis"),  # an Ethiopian name: Girma
    ("ሻምበል ቻርለስ", "shambal charlas", "shamibal charilas"),  # ሸ sh, ቸ ch
])
def test_the_sixth_order_is_a_consonant_and_ethiopian_i(amharic: str, clusters: str, with_i: str) -> None:
    assert romanize(clean(amharic), "am") == (clusters, with_i)


@pytest.mark.parametrize(("query", "meant"), [
    # ICU's reading ranked Doğan Baran, Anne Campbell and Graeme Morrice first for these three.
    ("ጎርደን ብራውን", "Gordon Brown"),
    ("አንጌላ ሜርክል", "Angela Merkel"),
    ("ጀረሚ ኮርቢን", "Jeremy Corbyn"),
    ("ሄልሙት ኮል", "Helmut Kohl"),
    ("ቶኒ ብሌር", "Tony Blair"),
])
def test_the_person_is_found_from_the_amharic_spelling(members_of_parliament: Engine, query: str,
                                                        meant: str) -> None:
    first = members_of_parliament.match(make_query(query, "am")).candidates[0].candidate
    assert first.name == meant
    assert first.confidence >= 0.8
