"""Golden: the five seed articles reconcile to the attendee lists of ../shared/eval
(the issue's targets: F1 and office accuracy ≥ 0.95, nobody only mentioned listed as
attending)."""


from rollcall.service.attendee_eval import evaluate_attendees

from ..conftest import SHARED


def test_seed_articles_meet_the_targets(engine, shared_data) -> None:
    scores = evaluate_attendees(engine, SHARED / "eval" / "attendees-dev.jsonl", SHARED / "seeds")
    assert len(scores) == 5
    right = sum(s.right for s in scores)
    precision = right / sum(s.found for s in scores)
    recall = right / sum(s.expected for s in scores)
    assert 2 * precision * recall / (precision + recall) >= 0.95
    assert sum(s.office_right for s in scores) / right >= 0.95
    assert [s.wrongly_attending for s in scores] == [()] * 5
