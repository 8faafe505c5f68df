"""Whether a name the matcher resolved in an article is a person of the text and not an
ordinary word that spells like one: the last check reconcile makes of every name it finds,
with what the gazetteer knows of the person (their names as written, their offices)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..index import NameIndex
from ..normalize import normalize
from ..script import detect_script
from ..wordlike import commonness, is_word_of_names, tells_names_from_words
from .cjk import is_cjk
from .mentions import HAN_COUNTRIES
from .name_words import SURE_LETTERS, letters_read
from .offices import Offices
from .types import Descriptor, DocumentConfig

__all__ = ["Evidence", "all_cjk"]


class Evidence:
    """`words_of(name, lang)`: the words of a name as the reader takes them apart (Thai,
    written without spaces, into its words)."""

    def __init__(self, index: NameIndex, offices: Offices, config: DocumentConfig,
                 words_of: Callable[[str, str | None], list[str]]):
        self.index = index
        self.config = config
        self._offices = offices
        self._words_of = words_of
        self._exact_names = frozenset(normalize(r.name) for r in index.data.records())

    def names_of(self, person_id: str) -> Iterator[str]:
        """The person's names (their aliases as the gazetteer writes them)."""
        return (self.index.data.record_of(alias_id).name for alias_id in self.index.aliases_of(person_id))

    def all_common(self, words: Iterable[str], lang: str | None) -> bool:
        """Whether every word is a common word of the language, as written: such a run is an
        ordinary phrase or the name of a body ("Devlet Başkanları", "Совета Республики"),
        not a person's name."""
        return all(commonness(w, lang) >= self.config.common_name_word for w in words)

    def enough(self, name: str, lang: str | None, date: str | None, d: Descriptor | None,
               single: bool, person_id: str, conf: float) -> bool:
        """Whether `name`, resolved to the person at `conf`, names them. A role phrase or a
        country beside it (`d`) is evidence (_beside_role). Without one, a lone word ("May",
        "Dar") is a person only when that person held an office on the date and the word is
        not among the most common of the language; a run of common words ("Devlet
        Başkanları") only when it is written exactly as an alias or ends in their word."""
        if all_cjk(name) and not self._is_written(name):
            known = self.index.person(person_id)
            country = known.country if known else ""
            if country and country in HAN_COUNTRIES and not self._begins_a_name_of(person_id, name):
                # Chinese, Japanese and Korean names have fixed characters: other characters
                # that read alike ("刘洁妍", an editor in a byline) are another person. The
                # family name alone is the same characters, first (岸田首相, 岸田文雄).
                return False
            if d is None:
                # A word the segmenter took for a name, written as no alias: its reading
                # alone must match well (place names read like surnames).
                return conf >= self.config.unwritten_cjk_confidence
        # As written (normalize() folds letters a word list tells apart: Urdu ے into ی), and
        # as the reader takes the name apart: Thai writes its words without spaces.
        words = self._words_of(name, lang)
        if d is not None:
            return self._beside_role(name, words, lang, date, d, single, person_id, conf)
        if single:
            if not tells_names_from_words(words[0], lang) and letters_read(words[0], lang) < SURE_LETTERS:
                # Neither a word list nor a capital letter can tell this short word from the
                # language's own (Pashto شي, "becomes", is Xi's Arabic surname); a long one
                # is rarely both (لاوروف, Lavrov).
                return False
            held = date is not None and self._offices.holds_office(person_id, date)
            return held and commonness(words[0], lang) < self.config.common_word
        return not self.all_common(words, lang) or self._is_written(name) or self._ends_in_their_name(words, person_id)

    def _beside_role(self, name: str, words: list[str], lang: str | None, date: str | None, d: Descriptor,
                     single: bool, person_id: str, conf: float) -> bool:
        """A surname beside a role phrase or a country is of someone the descriptor may
        describe ("Дар баробари раисҷумҳури Тоҷикистон", Tajik "alongside the president of
        Tajikistan", is not Ishaq Dar). Name words are evidence enough; common words ("Hà
        Nội" before "Chủ tịch nước", the president), or words nothing tells from them
        (Pashto "دا رنګه", "this way"), only for the holder of the office in the country
        named, for a sure match (common_words_confidence) with someone of that country (and,
        where no word list tells the words, whom the role may describe: "ტიგრან ავეტისიანი",
        a deputy prime minister, is not Tigran Sargsyan, in no office then), or when
        written as their name."""
        if single:
            if d.roles and date and commonness(words[0], lang) >= self.config.common_word:
                # One of the commonest words of the language names someone only beside the
                # very role they held ("Phó Thủ tướng Chính phủ", deputy prime minister of
                # the government, is not Prime Minister Phạm Minh Chính).
                return self.of_its_country(d, person_id) and self._offices.held_role(person_id, d, date)
            return self._may_be_described(d, person_id, date)
        tells = tells_names_from_words(name, lang)
        if tells and not self.all_common(words, lang):
            return True
        return (person_id in self._offices.holders(d, date) or self._is_written(name)
                or (conf >= self.config.common_words_confidence and (
                    self.of_its_country(d, person_id) if tells else self._may_be_described(d, person_id, date)))
                or (tells and self._ends_in_their_name(words, person_id)))

    def _may_be_described(self, d: Descriptor, person_id: str, date: str | None) -> bool:
        """Whether the person is of a country the descriptor names, if it names any, and,
        if it names a role, held that role or another office on the date: the words and the
        gazetteer's role types differ (Iran's president heads its government)."""
        return self.of_its_country(d, person_id) and (
            not (d.roles and date) or self._offices.held_role(person_id, d, date)
            or self._offices.holds_office(person_id, date))

    def of_its_country(self, d: Descriptor, person_id: str) -> bool:
        """Whether the person is of a country the descriptor names, if it names any."""
        known = self.index.person(person_id)
        return not (d.countries and known and known.country) or known.country in d.countries

    def _ends_in_their_name(self, words: list[str], person_id: str) -> bool:
        """Common words that end in the person's own family name, written as one of their
        names writes it, are that name however common the news makes both words
        (Ukrainian "Володимир Путін": Путін is Russian Путин letter for letter); "Devlet
        Başkanları" ends in no word of Devlet Bahçeli's."""
        return is_word_of_names(words[-1], detect_script(words[-1]), self.names_of(person_id))

    def _is_written(self, name: str) -> bool:
        return normalize(name) in self._exact_names

    def _begins_a_name_of(self, person_id: str, name: str) -> bool:
        """Whether one of the person's names begins with `name`, as written."""
        written = normalize(name)
        return any(normalize(n).startswith(written) for n in self.names_of(person_id))


def all_cjk(name: str) -> bool:
    """Whether every letter of a name is a Chinese character or Kana."""
    return all(is_cjk(c) for c in name if c.isalpha())
