"""Golden: the five seed articles reconcile to the attendee lists of ../shared/eval, scored
by the judges' scorer (F1 and office accuracy ≥ 0.95, nobody only mentioned listed as
attending, nobody the article does not name at confidence ≥ 0.9)."""

from pathlib import Path

from rollcall.service.lab.attendee_eval import evaluate_articles, load_scorer, read_articles, run_article_eval, total

from ..conftest import SHARED


def test_seed_articles_meet_the_targets(engine, shared_data, tmp_path: Path) -> None:
    scorer = load_scorer(SHARED / "eval" / "score_attendees.py")
    articles = read_articles(SHARED / "eval" / "attendees-dev.jsonl", SHARED / "seeds")
    scores = evaluate_articles(engine, articles, scorer.same, tmp_path)
    assert len(scores) == 5
    all_ = total(scores)
    assert all_.f1 >= 0.95
    assert all_.office_right / all_.tp >= 0.95
    assert all_.mentioned_as_attending == 0 and all_.wrong_confident == 0


def test_eval_tables_agree_with_the_official_scorer(engine, shared_data, tmp_path: Path) -> None:
    import io

    out = io.StringIO()
    sets = [("articles", SHARED / "eval" / "articles-dev.jsonl", None)]
    results = run_article_eval(engine, SHARED / "eval" / "score_attendees.py", sets, tmp_path, out)
    assert "the table's totals agree" in out.getvalue()  # run_article_eval raises otherwise
    assert len(results["articles"]) == 25 and len(list((tmp_path / "articles").glob("*.json"))) == 25
    assert "language zh" in out.getvalue()


def test_office_judged_by_the_place_the_annotation_names(engine) -> None:
    from rollcall.service.lab.attendee_eval import _OfficeJudge

    judge = _OfficeJudge(engine)
    moldova = {"post_id": "md-head-of-state", "post": "President of Moldova", "role_type": "head_of_state",
               "country": "MD", "organization": None}
    assert judge.right(moldova, {"role": "President", "country_or_org": "Moldova (EAEU observer state)"})
    assert judge.right(moldova, {"role": "President", "country_or_org": "MD"})
    assert not judge.right(moldova, {"role": "President", "country_or_org": "Belarus"})
    assert not judge.right(moldova, {"role": "Prime Minister", "country_or_org": "Moldova"})
    ots = {"post_id": "ots-secretary-general", "post": "Secretary General of the Organization of Turkic States",
           "role_type": "secretary_general", "country": None, "organization": "ots"}
    assert judge.right(ots, {"role": "Secretary General", "country_or_org": "Turkic Council"})  # its former name
    assert not judge.right(ots, {"role": "Secretary General", "country_or_org": "SCO"})
    assert not judge.right(None, {"role": "Secretary General", "country_or_org": "Turkic Council"})
