"""Hand-written probe comments (``moderation_probes.txt``), checked as an outside checker would.

Clean Turkish and English comments are never rejected, never told they lack Turkish letters and
never given an offence rule; the ASCII copy of a clean Turkish comment is restored to exactly the
comment; offensive comments are caught by the right rule; capitals and bad spelling get their own
rule and no other reason.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from comments.moderation import OFFENCE_RULES, Engine
from comments.moderation.deasciify import restore
from comments.moderation.findings import (
    ALL_CAPS,
    LIKELY_OFFENSIVE,
    NO_TURKISH_CHARS,
    REJECT,
    SPELLING,
)
from comments.moderation.text import tokenize, url_spans

PROBES_FILE = Path(__file__).with_name("moderation_probes.txt")
# Turkish letters and circumflexes folded as people type without them.
_FOLD = str.maketrans("çÇğĞıİöÖşŞüÜâÂîÎûÛ", "cCgGiIoOsSuUaAiIuU")
_PLAIN_VOWELS = str.maketrans("âÂîÎûÛ", "aAiIuU")
RULES_ONLY = Engine(use_model=False)
ENGINE = Engine()


def ascii_copy(text: str) -> str:
    return text.translate(_FOLD)


def read_probes(path: Path = PROBES_FILE) -> dict[str, list[str]]:
    """The probe comments by the header of their section (``clean tr``, ``reject profanity``)."""
    sections: dict[str, list[str]] = defaultdict(list)
    section = None
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("== "):
                section = line[3:].strip()
                continue
            if section is None:
                raise ValueError(f"{path}: a comment before the first section: {line!r}")
            sections[section].append(line)
    return dict(sections)


def problems(section: str, text: str, engine: Engine = ENGINE) -> list[str]:
    """What is wrong with the engine's answer for a probe of ``section`` (empty: all right)."""
    verdict = engine.moderate(text)
    rules = verdict.rules
    found = []
    kind, _, wanted = section.partition(" ")
    if kind == "clean":
        if verdict.decision == REJECT:
            found.append(f"rejected: {sorted(rules)}")
        wrong = rules & (OFFENCE_RULES | {NO_TURKISH_CHARS, ALL_CAPS})
        if wrong:
            found.append(f"wrong reasons: {sorted(wrong)}")
        if wanted.startswith("tr"):
            found += _ascii_copy_problems(text, wanted != "tr, unstated", engine)
    elif kind in ("offensive", "reject"):
        accepted = set(wanted.split("|"))
        hits = [f for f in verdict.findings if f.rule in accepted]
        if not hits:
            found.append(f"missed: got {verdict.decision} {sorted(rules)}, wanted {wanted}")
        elif kind == "reject" and not any(f.severity == REJECT for f in hits):
            found.append(f"not rejected: got {verdict.decision} {sorted(rules)}")
        stray = rules - accepted - OFFENCE_RULES - {LIKELY_OFFENSIVE, ALL_CAPS, SPELLING}
        if text.isascii():
            stray -= {NO_TURKISH_CHARS}  # true of Turkish typed without its letters
        if stray:
            found.append(f"wrong reasons: {sorted(stray)}")
    elif kind == "caps":
        if ALL_CAPS not in rules:
            found.append(f"no all_caps: {sorted(rules)}")
        stray = rules - {ALL_CAPS, LIKELY_OFFENSIVE, SPELLING}
        if stray:
            found.append(f"wrong reasons: {sorted(stray)}")
    elif kind == "spelling":
        if SPELLING not in rules:
            found.append(f"no spelling: {sorted(rules)}")
        stray = rules - {SPELLING, LIKELY_OFFENSIVE}
        if stray:
            found.append(f"wrong reasons: {sorted(stray)}")
    else:
        raise ValueError(f"unknown probe section {section!r}")
    return found


def _ascii_copy_problems(text: str, stated: bool, engine: Engine) -> list[str]:
    """The ASCII copy of a clean Turkish comment: never given an offence rule; when ``stated``,
    restored to exactly the comment (without circumflexes), and the form offers that text or
    nothing (a restoration the engine is unsure of is not offered); never "corrected" when the
    comment needs no Turkish letter."""
    copy = ascii_copy(text)
    verdict = engine.moderate(copy)
    found = []
    if verdict.rules & OFFENCE_RULES:
        found.append(f"ascii copy: offence rules {sorted(verdict.rules & OFFENCE_RULES)}")
    want = text.translate(_PLAIN_VOWELS)
    if want == copy:
        if NO_TURKISH_CHARS in verdict.rules:
            found.append(f"ascii copy told it lacks letters: {verdict.suggestion!r}")
    elif stated:
        restored, _ = restore(copy, tokenize(copy, url_spans(copy)))
        if restored != want:
            found.append(f"ascii copy restored as {restored!r}")
        if verdict.suggestion not in (None, want):
            found.append(f"ascii copy offered {verdict.suggestion!r}")
    return found


PROBES = read_probes()
CASES = [(section, text) for section, texts in PROBES.items() for text in texts]


def test_the_probe_sets_are_large_enough():
    clean_tr = len(PROBES["clean tr"]) + len(PROBES["clean tr, unstated"])
    offensive = sum(len(v) for k, v in PROBES.items() if k.startswith(("offensive", "reject")))
    assert clean_tr >= 150
    assert len(PROBES["clean en"]) >= 60
    assert offensive >= 80


@pytest.mark.parametrize("section, text", CASES)
def test_probe(section, text):
    assert problems(section, text) == []


@pytest.mark.parametrize(
    "section, text",
    [(s, t) for s, t in CASES if s.startswith(("clean", "reject"))],
)
def test_probe_without_the_learned_signal(section, text):
    # The rules alone decide rejections and reasons: the same answers without the model.
    assert problems(section, text, RULES_ONLY) == []


def test_the_checks_can_fail():
    # A clean comment refused, a wrong restoration and a missed offence are all reported.
    assert problems("clean tr", "Bu adam tam bir salak, sen de salaksın")
    assert problems("offensive profanity", "Bugün hava çok güzel.")
    assert problems("reject insult", "Bugün hava çok güzel.")
    assert _ascii_copy_problems("Çok güzel bir sıkıntı", True, ENGINE) == []
    assert _ascii_copy_problems("Harika bir sıkıntı oldu", True, ENGINE) == []
    assert problems("clean tr", "Polis inceleme yapti mi, cok merak ettim")
    assert problems("caps", "küçük harflerle yazılmış bir yorum")
