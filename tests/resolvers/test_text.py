"""Tokens and sentences of running text in scripts with their own full stops."""

from rollcall.resolvers.text import sentence_spans, tokenize


def _sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text)]


def test_devanagari_danda_ends_a_sentence_and_no_word() -> None:
    text = "मोदी ने बैठक में भाग लिया। जयशंकर भी आए॥"
    assert [t.text for t in tokenize(text)][-5:] == ["भाग", "लिया", "जयशंकर", "भी", "आए"]
    assert _sentences(text) == ["मोदी ने बैठक में भाग लिया।", "जयशंकर भी आए॥"]


def test_urdu_and_armenian_full_stops_end_sentences() -> None:
    assert _sentences("شہباز شریف پہنچے۔ اجلاس شروع ہوا۔") == ["شہباز شریف پہنچے۔", "اجلاس شروع ہوا۔"]
    assert _sentences("Փաշինյանը մասնակցեց։ Հանդիպումն ավարտվեց։") == ["Փաշինյանը մասնակցեց։", "Հանդիպումն ավարտվեց։"]


def test_persian_zero_width_non_joiner_stays_inside_a_word() -> None:
    assert [t.text for t in tokenize("وزیر امور خارجه\u200cی ایران")] == ["وزیر", "امور", "خارجه\u200cی", "ایران"]
