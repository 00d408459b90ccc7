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
from django.utils.html import escape

from comments.models import Comment
from comments.moderation import OFFENCE_RULES, Engine
from comments.moderation.deasciify import restore
from comments.moderation.findings import (
    ALL_CAPS,
    LIKELY_OFFENSIVE,
    NO_TURKISH_CHARS,
    REJECT,
    SPELLING,
)
from comments.moderation.messages import message
from comments.moderation.text import tokenize, url_spans
from comments.tests.conftest import latest_comment

PROBES_FILE = Path(__file__).with_name("moderation_probes.txt")
# Turkish letters and circumflexes folded as people type without them.
_FOLD = str.maketrans("çÇğĞıİöÖşŞüÜâÂîÎûÛ", "cCgGiIoOsSuUaAiIuU")
_PLAIN_VOWELS = str.maketrans("âÂîÎûÛ", "aAiIuU")
RULES_ONLY = Engine(use_model=False)
CHAT_SPEAK = message(SPELLING, "chat_speak")[1]
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
        # Spelling: colloquial chat-speak (napıyosun) is a true reason, a misspelling is not.
        if any(f.rule == SPELLING and f.message_en != CHAT_SPEAK for f in verdict.findings):
            wrong |= {SPELLING}
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


# --- Through the real comment form: a sample of the probes, posted as a browser posts them.
HTTP_SAMPLE = [
    *[(s, t) for s, t in CASES if s.startswith("clean")][::25],
    *[(s, t) for s, t in CASES if s.startswith("reject")][::8],
]


@pytest.mark.parametrize("kind, text", HTTP_SAMPLE)
def test_probe_through_the_comment_form(story, post_comment, kind, text):
    # ("kind": the probe's section; "section" is the fixture of the site's sections.)
    response = post_comment(story, text)
    comment = latest_comment()
    assert comment.body == text
    if kind.startswith("clean"):
        assert response.status_code == 302
        assert comment.status != Comment.Status.REJECTED
        assert not set(comment.rule_codes) & (OFFENCE_RULES | {NO_TURKISH_CHARS})
        return
    # Refused: the commenter sees the rule and keeps the text in the form.
    assert response.status_code == 200
    html = response.content.decode()
    accepted = kind.split(" ", 1)[1].split("|")
    assert any(f'data-rule="{rule}"' in html for rule in accepted)
    assert 'data-rule="likely_offensive"' not in html
    textarea = html.split('name="body"', 1)[1].split("</textarea>", 1)[0]
    assert escape(text) in textarea
    assert comment.status == Comment.Status.REJECTED


@pytest.mark.parametrize("text", PROBES["clean tr"][3::40])
def test_ascii_copy_through_the_comment_form_offers_the_original(story, post_comment, text):
    copy = ascii_copy(text)
    html = post_comment(story, copy).content.decode()
    if 'class="suggested-text">' in html:
        offered = html.split('class="suggested-text">', 1)[1].split("</blockquote>", 1)[0]
        assert offered == escape(text.translate(_PLAIN_VOWELS))
    assert latest_comment().body == copy
