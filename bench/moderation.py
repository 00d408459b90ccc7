"""Moderation throughput: comments per second on one core, 300 and 2,000 characters, tr and en.

Run from the repository root: ``python bench/moderation.py``. The texts are generated from fixed
word lists with a seeded random generator, so every run moderates the same comments. Each
comment is distinct (so per-word caches help only as they would on real traffic) and mixes
clean words with a few that fire rules. The generated comments reuse a small vocabulary, so the
per-word caches are warm; the last lines moderate real tweets from ``shared/moderation`` (when
it is beside the checkout), whose words are mostly new to the caches: the cold-cache figure.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from comments.moderation import default_engine  # noqa: E402
from comments.moderation.language import preload  # noqa: E402

CLEAN = {
    "tr": (
        "bu haber çok güzel olmuş emeğinize sağlık ama bence eksik yanları var hükümet "
        "açıklama yaptı ekonomi büyüme enflasyon İstanbul Ankara belediye başkanı seçim "
        "vatandaş öğrenci üniversite sınav sonuç maç takım gol hakem teknik direktör "
        "yorum okuyucu gazete muhabir fotoğraf deprem yardım kampanya ABD NATO TBMM"
    ).split(),
    "en": (
        "this news is very good thanks for the report but I think some parts are missing "
        "the government made a statement economy growth inflation London Washington mayor "
        "election citizen student university exam result match team goal referee coach "
        "comment reader newspaper reporter photo earthquake aid campaign USA NATO UN"
    ).split(),
}
FLAGGED = {
    "tr": "cok guzel yapmislar tesekkurler salak aptal amk siktir çooook!!!! slm mrb".split(),
    "en": "idiot stupid shit fuck sooooo!!!! lol u r ppl".split(),
}


def make_comments(
    lang: str, length: int, count: int, seed: int = 42, mixed: bool = True
) -> list[str]:
    """Comments of ``length`` characters; ``mixed`` ones also draw words that fire rules."""
    rng = random.Random(f"{seed}-{lang}-{length}-{mixed}")
    words = CLEAN[lang] + (FLAGGED[lang] if mixed else [])
    comments = []
    for _ in range(count):
        parts: list[str] = []
        size = 0
        while size < length:
            word = rng.choice(words)
            if rng.random() < 0.1:
                word += rng.choice(".,?!")
            parts.append(word)
            size += len(word) + 1
        comments.append(" ".join(parts)[:length])
    return comments


def measure(comments: list[str], lang: str | None) -> float:
    """Comments per second of this process's CPU time (steady when other processes compete)."""
    engine = default_engine()
    started = time.process_time()
    for text in comments:
        engine.moderate(text, lang=lang)
    return len(comments) / (time.process_time() - started)


DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "moderation"
REAL = {"tr": "offenseval-tr.jsonl", "en": "olid-en.jsonl"}


def real_comments(lang: str, count: int = 3000) -> list[str]:
    """The first ``count`` labelled tweets of a language, or none without the data."""
    path = DATA / REAL[lang]
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for _, line in zip(range(count), handle, strict=False)]


def main() -> None:
    engine = default_engine()
    engine.moderate("warm up: load the word lists and the language model")
    preload()  # the language model (short texts often settle the language without it)
    print("comments per CPU second, one core (language detected / given by the caller)")
    print(f"{'lang':<6}{'chars':>6}{'words':>7}{'comments':>10}{'detected':>10}{'given':>8}")
    for lang in ("tr", "en"):
        for length, count in ((300, 3000), (2000, 600)):
            for mixed in (False, True):
                comments = make_comments(lang, length, count, mixed=mixed)
                detected = measure(comments, None)
                again = make_comments(lang, length, count, seed=7, mixed=mixed)
                given = measure(again, lang)
                kind = "mixed" if mixed else "clean"
                print(f"{lang:<6}{length:>6}{kind:>7}{count:>10}{detected:>10,.0f}{given:>8,.0f}")
    print("real tweets, cold caches (a fresh process per language would be colder still)")
    for lang in ("tr", "en"):
        comments = real_comments(lang)
        if not comments:
            print(f"{lang:<6} no data at {DATA}")
            continue
        chars = sum(map(len, comments)) // len(comments)
        detected = measure(comments, None)
        print(f"{lang:<6}{chars:>6}{'tweets':>7}{len(comments):>10}{detected:>10,.0f}")


if __name__ == "__main__":
    main()
