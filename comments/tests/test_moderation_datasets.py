"""Regression guard on the labelled comments in ``shared/moderation`` beside the checkout.

The data is not in the repository (see shared/moderation/README.md); without it these tests skip.
"""

import json
from pathlib import Path

import pytest

from comments.moderation import OFFENCE_RULES, REJECT, moderate

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "moderation"
# Measured figures minus a margin: a regression below them fails CI.
REJECT_PRECISION = {"offenseval-tr.jsonl": 0.94, "olid-en.jsonl": 0.85}
OFFENCE_RECALL = {"offenseval-tr.jsonl": 0.35, "olid-en.jsonl": 0.40}


def rows(name):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"labelled data not found at {path.resolve()} (shared/moderation)")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.parametrize("name", sorted(REJECT_PRECISION))
def test_offence_rejections_are_precise_and_recall_holds(name):
    rejected = rejected_offensive = flagged_offensive = offensive = 0
    for row in rows(name):
        verdict = moderate(row["text"])
        hits = [f for f in verdict.findings if f.rule in OFFENCE_RULES]
        is_offensive = row["label"] == "offensive"
        offensive += is_offensive
        flagged_offensive += is_offensive and bool(hits)
        if any(f.severity == REJECT for f in hits):
            rejected += 1
            rejected_offensive += is_offensive
    assert rejected_offensive / rejected >= REJECT_PRECISION[name]
    assert flagged_offensive / offensive >= OFFENCE_RECALL[name]


def test_no_turkish_chars_never_fires_on_originals_and_finds_ascii_copies():
    found = copies = 0
    for row in rows("turkish-chars-pairs.jsonl"):
        rules = moderate(row["text"]).rules
        if row["label"] == "has_turkish_chars":
            assert "no_turkish_chars" not in rules, row["text"]
        else:
            copies += 1
            found += "no_turkish_chars" in rules
    # 979 of 1,000: the copies missed have no word the engine is sure of (names, capitals,
    # words as typed). One (34077) was found only by reading "İmamoğlu 'nu" as the word "nü".
    assert found / copies >= 0.975
