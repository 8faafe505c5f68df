"""Urdu names typed without the space after a letter that does not join the next
(resolvers/unspaced.py): the gap shows anyway, so writers leave the space out. The glued
names are written for these tests from the curated gazetteer's Pakistani officials, and the
names of nobody from common Urdu given names and family names."""

from __future__ import annotations

import itertools

import pytest

from rollcall.resolvers.normalize import clean
from rollcall.resolvers.unspaced import cut_where_a_space_is_left_out, is_cut_in_two
from rollcall.service.engine import Engine, make_query


def test_a_glued_urdu_name_is_also_read_cut_after_each_non_joining_letter() -> None:
    # ا, ز and ر do not join the next letter; ش, ہ, ب and ی do. Each side keeps two letters.
    assert cut_where_a_space_is_left_out(clean("شہبازشریف"), "ur") == ("شهبا زشریف", "شهباز شریف", "شهبازشر یف")
    assert "مارشا سنگه" in cut_where_a_space_is_left_out(clean("مارشاسنگھ"), "ur")


@pytest.mark.parametrize(("name", "lang"), [
    ("شہبازشریف", "fa"),  # Persian writes the space (or a zero-width non-joiner)
    ("شہبازشریف", None),
    ("شہباز شریف", "ur"),  # already two words
    ("حسین", "ur"),  # no non-joining letter inside
])
def test_other_languages_and_spaced_names_are_not_cut(name: str, lang: str | None) -> None:
    assert cut_where_a_space_is_left_out(clean(name), lang) == ()
    assert not is_cut_in_two(clean(name), lang)


@pytest.mark.parametrize(("glued", "meant"), [
    ("شہبازشریف", "Shehbaz Sharif"),
    ("نوازشریف", "Nawaz Sharif"),
    ("سرتاجعزیز", "Sartaj Aziz"),
])
def test_a_glued_name_finds_its_person(engine: Engine, glued: str, meant: str) -> None:
    assert engine.match(make_query(glued, "ur")).candidates[0].candidate.name == meant


def test_glued_names_of_nobody_are_not_accepted(engine: Engine) -> None:
    # Where to cut is a guess: such a word is still one word to the confidence model.
    given = "احمد ارشد اسد جاوید حامد خالد راشد ساجد نوید وحید اختر انور اکبر نذیر پرویز".split()
    family = "قریشی صدیقی چوہدری ملک گیلانی ہاشمی عباسی نقوی بخاری مرزا".split()
    accepted = [g + f for g, f in itertools.product(given, family)
                if engine.match(make_query(g + f, "ur")).result.match]
    assert accepted == []
