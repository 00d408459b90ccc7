"""Moderation throughput: comments per second on one core, 300 and 2,000 characters, tr and en.

Run from the repository root: ``python bench/moderation.py``. The texts are generated from fixed
word lists with a seeded random generator, so every run moderates the same comments. Each
comment is distinct (so per-word caches help only as they would on real traffic) and mixes
clean words with a few that fire rules.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from comments.moderation import default_engine  # noqa: E402

WORDS = {
    "tr": (
        "bu haber çok güzel olmuş emeğinize sağlık ama bence eksik yanları var hükümet "
        "açıklama yaptı ekonomi büyüme enflasyon İstanbul Ankara belediye başkanı seçim "
        "vatandaş öğrenci üniversite sınav sonuç maç takım gol hakem teknik direktör "
        "yorum okuyucu gazete muhabir fotoğraf deprem yardım kampanya ABD NATO TBMM "
        "cok guzel yapmislar tesekkurler salak aptal amk siktir çooook!!!! slm mrb"
    ).split(),
    "en": (
        "this news is very good thanks for the report but I think some parts are missing "
        "the government made a statement economy growth inflation London Washington mayor "
        "election citizen student university exam result match team goal referee coach "
        "comment reader newspaper reporter photo earthquake aid campaign USA NATO UN "
        "idiot stupid shit fuck sooooo!!!! lol u r ppl"
    ).split(),
}


def make_comments(lang: str, length: int, count: int, seed: int = 42) -> list[str]:
    rng = random.Random(f"{seed}-{lang}-{length}")
    words = WORDS[lang]
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
    engine = default_engine()
    started = time.perf_counter()
    for text in comments:
        engine.moderate(text, lang=lang)
    return len(comments) / (time.perf_counter() - started)


def main() -> None:
    engine = default_engine()
    engine.moderate("warm up: load the word lists and the language model")
    print(f"{'language':<9}{'chars':>6}{'comments':>10}{'detected lang/s':>17}{'given lang/s':>14}")
    for lang in ("tr", "en"):
        for length, count in ((300, 3000), (2000, 600)):
            comments = make_comments(lang, length, count)
            detected = measure(comments, None)
            given = measure(make_comments(lang, length, count, seed=7), lang)
            print(f"{lang:<9}{length:>6}{count:>10}{detected:>17,.0f}{given:>14,.0f}")


if __name__ == "__main__":
    main()
