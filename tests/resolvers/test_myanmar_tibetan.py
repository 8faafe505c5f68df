"""Myanmar and Tibetan script read by rule sets of our own (resolvers/myanmar.py,
resolvers/tibetan.py). ICU has no Tibetan transform at all (unidecode read "ཨོ་བྷ་མ" as
"aob m"), and its Myanmar-Latin writes ာ as "ar" and း as another "r" ("ဘားရက်" came out
"bharrraat"). The names are as Burmese and Tibetan news pages wrote them, none from the
evaluation data: Narinjara, Thanlwin Times, Eleven Broadcasting and DVB (Burmese); VOA
Tibetan, bod.asia, tibettimes.net, tb.tibet.cn and ti.zangdiyg.com (Tibetan)."""

from __future__ import annotations

import pytest

from rollcall.resolvers.myanmar import read_burmese
from rollcall.resolvers.tibetan import read_tibetan
from rollcall.service.engine import Engine, make_query


@pytest.mark.parametrize(("burmese", "foreign", "said"), [
    ("ဂျိမ်းစ် ကလီဗာလီ", "jims klivali", "jims kalibali"),  # ဂျ j; a lone consonant before another is a cluster
    ("အန်တိုနီယို ဂူတာရက်စ်", "antoniyo gutaras", "antoniyo gutaraks"),  # a closing က is a glottal stop
    ("ဘာရက်အိုဘားမား", "baraobama", "barakobama"),  # း (tone) not read; အ carries a vowel
    ("ဆာဂီ လာ့ဗ်ရော့ဗ်", "sagi lavrov", "sagi labrob"),  # ဗ is the v of foreign names
    ("ဗလာဒီမာ ပူတင်", "vladima putan", "baladima putin"),  # the inherent a before a closing င is said i
    ("ရီရှီဆူနက်", "rishisuna", "rishisunak"),  # ရှ is sh
    ("ဂျိုးဘိုင်ဒင်", "jobaindan", "jobaindin"),  # ို before a closing င is ai
])
def test_burmese_syllables_read_as_the_foreign_name_and_as_said(burmese: str, foreign: str, said: str) -> None:
    assert read_burmese(burmese) == (foreign, said)


@pytest.mark.parametrize(("tibetan", "clusters", "said"), [
    ("ཨན་ཐོ་ཎི་བྷ་ལིན་ཁེན", "antoniblinken", "antonibalinken"),  # བྷ is b; ཎ, the reversed n, is n
    ("ཨོ་བྷ་མ", "obma", "obama"),  # ཨ carries a vowel; a lone letter before another is half a cluster
    ("པའོ་ལི་སི་·ཇོང་སེན", "paolisi jongsen", "paolisi jongsen"),  # a middle dot parts words; འོ adds o
    ("ན་རེནྡྲ་མོ་དཱི", "nrendramodi", "narendramodi"),  # a stack under ན begins a syllable; ཱ not read
    ("བཀྲ་ཤིས", "krshis", "krashis"),  # a prefix (བ before a letter with one subjoined) is silent
    ("སོ་ཧྥི་ཁེམ་ཕ་སི", "sofikempsi", "sofikempasi"),  # ཧྥ is f
])
def test_tibetan_syllables_read_with_their_vowels(tibetan: str, clusters: str, said: str) -> None:
    assert read_tibetan(tibetan) == (clusters, said)


@pytest.mark.parametrize(("query", "lang", "meant"), [
    # ICU's readings gave these 0.395, 0.749 and 0.006, or (Tibetan) found other people.
    ("ဂျိမ်းစ် ကလီဗာလီ", "my", "James Cleverly"),
    ("အန်တိုနီယို ဂူတာရက်စ်", "my", "António Guterres"),
    ("ဘာရက်အိုဘားမား", "my", "Barack Obama"),
    ("ཨན་ཐོ་ཎི་བྷ་ལིན་ཁེན", "bo", "Antony Blinken"),
    ("པའོ་ལི་སི་·ཇོང་སེན", "bo", "Boris Johnson"),
    ("ཕུ་ཊིན", "bo", "Vladimir Putin"),
    ("ལི་ཁེ་ཆང", "bo", "Li Keqiang"),
])
def test_the_person_is_found_from_the_burmese_or_tibetan_spelling(engine: Engine, query: str, lang: str,
                                                                  meant: str) -> None:
    first = engine.match(make_query(query, lang)).candidates[0].candidate
    assert first.name == meant
    assert first.confidence >= 0.8
