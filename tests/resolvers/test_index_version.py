"""A stored index is read only by code with the same INDEX_VERSION: any change to the
readings must bump it, or servers would score new queries against old readings."""

import hashlib
import json

from rollcall.resolvers import readings_codec
from rollcall.resolvers.forms import alias_language, name_forms
from rollcall.resolvers.index import weigh_readings
from rollcall.resolvers.normalize import clean
from tests.conftest import SHARED

# The digest of the readings of every dev name, per INDEX_VERSION. When a change makes the
# test fail, the readings changed: bump readings_codec.INDEX_VERSION and add its digest
# here. An old version's digest never changes.
DIGESTS = {
    "1": "734c5f51a286c822e07137cd61c3ac2510c67f64fe34c0369e462c7ce17231a1",
    "2": "c35fb7e71f36fe6faa3849d4b5ce88cb44ee5c0585c73fe30cecf73e69fe8439",  # Thai, Malayalam rules
    "3": "227c5d627b20c81a314086a6a03f0dbd40d74135e929f3576a42f7b237f8cc93",  # Chinese renderings of given names
    "4": "890feff1534715fda65fd628ee920519bcc5fba45ae17971290f363079a5548d",  # English ch, chr, chl; German chr, chl; BGN's middle dot before a vowel
    "5": "cf737fe4452339b65a49ca533730770da8c2898b627999f656555088b9c9a7ee",  # the Turkic schwa ə read as a in every form
    "6": "826b19a385729a87b579e3543169dcf8ce291d69ea1ef01664f7ca2b8c12a220",  # Katakana small vowels (ヴィ vi, ウォ wo)
    "7": "9c79f5afcc965f94a6b455ed7d80f4f9f0e0cb9df6bcf9645f068dd90f6ae0e0",  # Arabic script's word-final و after a consonant read u
    "8": "9c79f5afcc965f94a6b455ed7d80f4f9f0e0cb9df6bcf9645f068dd90f6ae0e0",  # Ethiopic rules (the dev set has no Ethiopic name)
    "9": "e58f8f981d4620c8bc01267c44deeca4a2ef5fd28b136bdd05db1ba32f5ac386",  # Myanmar and Tibetan rules
    "10": "f821ed4bb6b0b1987d4517ebb6a2c452d843cac7b972a477de761e41baf1ca00",  # Katakana: a final su read as th too
    "11": "ca1a8f438662c58af37b0cc91ae6ee30331099df9431df16ccc8066d23d1643a",  # Thai: a third reading with the silenced letters
    "12": "2fc614c73d57873bc50d51d47275697ed4e3582c732731b0f607d13e52ede81a",  # Arabic script: the Turkish -oğlu joined and read oglu
    "13": "680a6cc5ec3fa55232deae7145a476064b640c316008a7467ef52b2b34362422",  # Arabic reading: و and ی between consonants read u and i
    "14": "1ed885f4b4020f35f46450166a86e0814628f243d9d4b1d969b16d36051e6843",  # Hebrew: a word-initial alef read a
    "15": "b426c91a6d514a0425878195b9140305ca3991d7bc94fc53e4d204a5a35cd183",  # Armenian: ո after a letter is o (BGN read it vo after an aspirate's apostrophe)
    "16": "a1fec703eef4c8eef9d7002a791159a6cf0c651275875b5263e814b19dfa2a33",  # German: a reading of final -ig as -ich
    "17": "6b904d659b5da2474e41b2c393266f454fb83727486779dfc94350f6fffe7e97",  # English: a reading of vowels as said (magic e, final oe, ew)
    "18": "9ae93b886047427124d6645daf53c392cf0dff5e3501f454898ceb1798097998",  # "he" no honorific; Chinese x read h; English final th said s
    "19": "4d0a34f7f5984a44d5be3404ac59b7557b05d83f92a76e9aafa2e3e13f6be5ca",  # Hebrew two-letter words keep alef; Burmese one-word names cut in two; Arabic basha a particle
    "20": "4d0a34f7f5984a44d5be3404ac59b7557b05d83f92a76e9aafa2e3e13f6be5ca",  # the honorific sheikh a particle; Thai ำ, รร, a closing ญ (the dev set has none)
    "21": "4d0a34f7f5984a44d5be3404ac59b7557b05d83f92a76e9aafa2e3e13f6be5ca",  # Japanese kanji read in Japanese too (the dev set has none)
    "22": "af3014bcd1e42b0450906fbbb64a4f4e4a14cd6b39926fba7332f0b20b36ebf2",  # Serbian and Macedonian Cyrillic: BGN's Latin also read as said (j y, dž dzh)
    "23": "85ee540d3afb54043b01a561c0feea13c96aab786b3ea23bf8ae873a09e9cdf0",  # Chinese renderings of foreign names: 什 shi, 勒 le, 查 cha, 盖 gai, 柏 bo
    "24": "85ee540d3afb54043b01a561c0feea13c96aab786b3ea23bf8ae873a09e9cdf0",  # English: the h of a final -ham after a consonant said silent (Burnham)
    "25": "47599335c7e34c61aea49e5598a83584584e90d645af62c61f38a43e5caeb7f9",  # a reading's first word that spells a title is kept (عمر "mr", Omar)
    "26": "987a5236e77f4af5efa799cdd31bfaa29ee290f846add12894ed136ba226f114",  # Urdu: ھ after a consonant joined to it (سنگھ "sngh", not "sng h")
    "27": "3903670d5f69ed4aa613b6e28df126c51a1768f747463b3422c9cf0d3ddd8506",  # BGN's middle dot no longer splits a word in two ("yavlyayetsya", "shdh")
    "28": "3903670d5f69ed4aa613b6e28df126c51a1768f747463b3422c9cf0d3ddd8506",  # English gh at a word's start read g (Ghani; no dev query has one)
    "29": "0a494b5eaf4f0895e58ee7410c341f3c14fa1b5ef64aabbbd0763308b12be6b6",  # Burmese: ရ said y, a closing မ said n, ရွှ sh, a final ယ် -el
    "30": "e8cf0f0407fadd1d80eec731c12f6a1c72d68ca244a9030fc02b4b7c06e7c27a",  # Kurdish, Uyghur, Kazakh in Arabic script read by their own vowel letters; Persian C-یو-C "io"; an initial ayn before a consonant "a"; Egyptian, Moroccan, Levantine Arabic read as Arabic; peerage titles in seven more languages
    "31": "20a54096f15962dee42d446ea5eef2b64b1f33b9a04a6adb28c91c2e918b65a4",  # given names: Heiner, Konrad/Kurt, Dietrich/Dieter, Theodore/Fyodor, Bernard, Sebastian, Emmanuel, Sergei, Vladimir, Dmitry, Olaf, Gustav, Jacqueline
    "32": "59ad31abb33bf6180cc7fcfec7843f99f29fc286a6d1f8133905fefd0b56fc93",  # Sinhala read by rules of our own (ICU has no transform for it; unidecode read "eddvrdd")
    "33": "6cab7879b8d2eb6a8e2683562f2aa7810ef75a0293cae70e645c1c4a4038bb27",  # senior, junior, Sr., Jr. are particles
    "34": "04caf8cc8cfae98fda9749cda0ea0f67a86aefec700b9a6e331c3b7da2928d64",  # given names: Christian; Petra, Paula, Martina, Alexandra, Daniela, Friederike, Michaela, Stephanie, Antonia apart from their male forms
    "35": "9f843a6b4273833eb180f47f13ed3a58ed3525b81875227c32afb4f163cd8427",  # Bengali, Gurmukhi, Gujarati: the inherent vowel dropped as in Hindi; Bengali ং read ng
    "36": "9f843a6b4273833eb180f47f13ed3a58ed3525b81875227c32afb4f163cd8427",  # the Afghan titles Mullah and Mawlawi are honorifics (the dev set has none)
    "37": "ac500af1244d75c9d4b9a27d675ab1f3a03b30ef9667eae0bf6badfc43374ba0",  # a three-character Chinese name also read as family name and given name ("li kechiang")
    "38": "8a36aba2565666e5fc73f58c69dc21ae2c3da7db14cc5babd5fa793fa177133a",  # a Turkish name (-oğlu) in Arabic letters also read as Ottoman (و v); a three-character Chinese name cut only after a common family name; Russian and Persian renderings of English given names; Russian ёр read ur in foreign names
    "39": "810fc9206f13538c197f0035d14218924049bcd72ed1a2444a4cae230d0c991c",  # Hangul also read as said: a word's first ㄱ ㄷ ㅂ ㅈ k, t, p, ch
    "40": "5e3ca6c6f582787d033571f015b8f8b6261bb7f71a87429c1406234feb150896",  # Chinese renderings of foreign names: a word's last 斯 德 特 克 ... also read as its consonant alone
    "41": "5e3ca6c6f582787d033571f015b8f8b6261bb7f71a87429c1406234feb150896",  # the bullet and dot operators, the Latin middle dot part a name's words as the middle dot does (no dev query has one)
    "42": "5e3ca6c6f582787d033571f015b8f8b6261bb7f71a87429c1406234feb150896",  # a one-word Tibetan name also read cut in two at each syllable (the dev set has none)
}


def readings_digest() -> str:
    digest = hashlib.sha256()
    with (SHARED / "eval" / "names-dev.jsonl").open(encoding="utf-8") as lines:
        for q in map(json.loads, lines):
            cleaned = clean(q["query"])
            # Read as a query and as an alias of a person of the query's country.
            for lang in (q.get("lang"), alias_language(q.get("lang") or "", q.get("country") or "", cleaned)):
                forms = name_forms(cleaned, lang)
                weighed = weigh_readings(forms, lambda keys: {k: 1 + len(k) % 5 for k in keys}, 5000)
                digest.update(readings_codec.encode(weighed).encode())
                digest.update(b"\n")
    return digest.hexdigest()


def test_the_readings_are_those_of_the_index_version() -> None:
    got = readings_digest()
    assert DIGESTS.get(readings_codec.INDEX_VERSION) == got, (
        f"the readings of the dev names changed (digest {got}): bump readings_codec.INDEX_VERSION "
        "and add the new digest to DIGESTS")
