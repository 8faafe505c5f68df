"""Ordinary words measured, not learned from: the words `rollcall eval` asks the matcher
about are not those the fit learns from, and the curated gazetteer's matcher takes few of
them for a person."""

from __future__ import annotations

import re

from rollcall.service.engine import Engine
from rollcall.service.lab.evaluation import ordinary_words_line
from rollcall.service.lab.unlabelled import alias_words, held_out_ordinary_words, ordinary_words


def test_the_measured_words_are_not_the_learned_ones(engine: Engine) -> None:
    names = alias_words(engine.index)
    learned, measured = set(ordinary_words(names)), held_out_ordinary_words(names, 50)
    assert measured and not learned & set(measured)
    assert {lang for _, lang in measured} == {lang for _, lang in learned}
    assert "merkel" in names and not any(word.lower() in names for word, _ in measured)


def test_few_ordinary_words_come_back_as_a_person(engine: Engine) -> None:
    line = ordinary_words_line(engine, per_language=100)
    words, sure, likely, accepted = map(int, re.findall(r"(\d+)(?:,|$)", line))
    assert words >= 40 * 100
    # A confidence is a promise: every one of these words is nobody.
    assert sure <= words * 0.002 and likely <= words * 0.005 and accepted <= words * 0.001
