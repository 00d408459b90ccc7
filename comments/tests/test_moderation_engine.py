"""The public interface: verdicts, languages, editors' terms, and the command's building blocks."""

import io
import json

from django.core.management import call_command

from comments.moderation import Engine, Terms, Verdict, default_lexicon, moderate
from comments.moderation.evaluation import BadLine, evaluate, moderate_lines


def test_clean_comment_passes_with_no_findings():
    verdict = moderate("Çok güzel bir haber olmuş, emeğinize sağlık.")
    assert verdict == Verdict(decision="pass", lang="tr", findings=(), score=verdict.score)
    assert 0.0 <= verdict.score < 0.5


def test_language_is_detected():
    assert moderate("Bu haberi okuyunca çok üzüldüm.").lang == "tr"
    assert moderate("This is a very sad story, thank you for writing it.").lang == "en"
    assert moderate("Это очень хорошая новость").lang == "other"
    assert moderate("").lang == "other"


def test_decision_is_the_strictest_finding():
    assert moderate("salak karar").decision == "review"
    assert moderate("sen salaksın").decision == "reject"


def test_findings_carry_explanations_in_both_languages():
    (finding,) = moderate("siktir").findings
    assert finding.message_tr and finding.message_en
    assert finding.to_dict()["rule"] == "profanity"


def test_editors_banned_terms_reject():
    terms = Terms(banned=frozenset({"kumarhane*"}))
    verdict = moderate("En iyi kumarhaneler burada", extra=terms)
    assert verdict.decision == "reject"
    assert [f.rule for f in verdict.findings] == ["profanity"]
    assert moderate("En iyi kumarhaneler burada").decision == "pass"


def test_editors_suspect_terms_send_to_review():
    terms = Terms(suspect=frozenset({"bahis"}))
    verdict = moderate("bahis sitesi önerisi", extra=terms)
    assert verdict.decision == "review"
    assert verdict.rules == {"suspect"}


def test_editors_allowed_terms_win_over_a_bad_stem():
    terms = Terms(allowed=frozenset({"siktirik"}))  # an invented place name
    assert "profanity" not in moderate("Siktirik köyüne gittik", extra=terms).rules
    assert moderate("Siktirik köyüne gittik").decision == "reject"


def test_an_engine_can_keep_an_extended_lexicon():
    engine = Engine(default_lexicon().extended(Terms(banned=frozenset({"spam"}))))
    assert engine.moderate("spam spam").decision == "reject"


def test_caller_may_give_the_language():
    assert moderate("cok guzel", lang="en").findings == ()


def test_moderate_lines_annotates_objects_and_reports_bad_lines():
    lines = ['{"text": "sen salaksın", "id": 7}', "not json", '{"id": 1}', '{"text": 5}']
    results = list(moderate_lines(lines))
    assert results[0]["id"] == 7 and results[0]["decision"] == "reject"
    assert results[0]["findings"][0]["rule"] == "insult"
    assert [r.number for r in results[1:]] == [2, 3, 4]
    assert all(isinstance(r, BadLine) for r in results[1:])


def test_evaluate_counts_precision_and_recall_per_rule():
    lines = [
        json.dumps({"text": "siktir git", "label": "offensive"}),
        json.dumps({"text": "güzel bir gün", "label": "clean"}),
        json.dumps({"text": "çok güzel", "label": "has_turkish_chars"}),
        json.dumps({"text": "cok guzel", "label": "no_turkish_chars"}),
        "{broken",
    ]
    report = evaluate(lines)
    assert report.rows == 4 and report.bad_lines == 1
    offensive = report.scores["offensive"]
    assert (offensive.positives, offensive.true_positives, offensive.fired) == (1, 1, 1)
    assert report.scores["no_turkish_chars"].precision == 1.0
    assert report.scores["no_turkish_chars"].recall == 1.0
    assert any("throughput" in line for line in report.lines())


def test_command_writes_json_lines_and_errors_with_line_numbers(monkeypatch):
    stdin = io.StringIO('{"text": "amk"}\n[1, 2]\n')
    monkeypatch.setattr("sys.stdin", stdin)
    out, err = io.StringIO(), io.StringIO()
    call_command("moderate", stdout=out, stderr=err)
    (line,) = out.getvalue().splitlines()
    assert json.loads(line)["decision"] == "reject"
    assert "line 2" in err.getvalue()


def test_command_evaluate_prints_the_table(monkeypatch):
    stdin = io.StringIO(json.dumps({"text": "amk", "label": "offensive"}) + "\n")
    monkeypatch.setattr("sys.stdin", stdin)
    out = io.StringIO()
    call_command("moderate", "--evaluate", stdout=out)
    assert "offensive" in out.getvalue() and "comments/second" in out.getvalue()


def test_command_evaluate_lists_the_words_restored_wrong(monkeypatch):
    rows = [
        {"id": "7", "text": "Bu icin iyi", "label": "has_turkish_chars"},
        {"id": "7-ascii", "text": "Bu icin iyi", "label": "no_turkish_chars"},
    ]
    stdin = io.StringIO("".join(json.dumps(row) + "\n" for row in rows))
    monkeypatch.setattr("sys.stdin", stdin)
    out = io.StringIO()
    call_command("moderate", "--evaluate", "--wrong-words", stdout=out)
    assert "  icin -> için (original icin) x1 [typed so]" in out.getvalue().splitlines()


def test_package_has_no_django_imports():
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "moderation"
    for path in package.rglob("*.py"):
        assert "django" not in path.read_text(encoding="utf-8"), path


def test_terms_accept_lists_from_the_database():
    terms = Terms(banned=["kumar*"], suspect={"bahis"}, allowed=("sikke",))
    assert terms.banned == frozenset({"kumar*"})
    assert moderate("kumarhane", extra=terms).decision == "reject"


def test_evaluation_prints_the_roc_auc_of_the_model_score():
    from comments.moderation.evaluation import Report
    from comments.moderation.findings import Verdict

    report = Report()
    for score, label in [(0.9, "offensive"), (0.4, "clean"), (0.4, "offensive"), (0.1, "clean")]:
        report.add(label, Verdict("pass", "tr", (), score))
    # Pairs (offensive, clean): 0.9>0.4, 0.9>0.1, 0.4=0.4 (half), 0.4>0.1 -> 3.5 of 4.
    assert report.roc_auc == 0.875
    assert "ROC AUC 0.875" in "\n".join(report.lines())
    assert Report().roc_auc is None
    # At 0.4: three rows flagged, two offensive; every offensive row, one clean of two.
    assert report.curve([0.4, 0.95]) == [(0.4, 2 / 3, 1.0, 0.5), (0.95, 0.0, 0.0, 0.0)]
    assert "score >= 0.90: precision 1.000, recall 0.500, clean rows 0.000" in report.lines()[-2]
