"""Build comments/moderation/model/lemmas.npz: the roots the learned signal reads beside words.

    python scripts/build_lemmas.py [--data ../shared/moderation]

Every word form the model reads in the training rows of offenseval-tr.jsonl and olid-en.jsonl
(the held-out rows, :func:`~comments.moderation.model.is_holdout`, are left out), and the
150,000 most used Turkish words of ``wordfreq``, folded to ASCII as the model reads them, are
analysed by Zemberek-NLP's morphological analyser (``zemberek-python``, pinned in
requirements-train.txt; informal endings such as ``gidiyoz`` allowed, Turkish letters matched
to their ASCII forms). A form's root is the root of its first analysis without informal
endings (else its first analysis). The table keeps the roots of three letters or more, and the
forms whose root is not what :func:`~comments.moderation.lemmas.longest_root` would guess (see
comments/moderation/lemmas.py). About three minutes; deterministic.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from comments.moderation.lemmas import LEMMAS_FILE, MIN_ROOT, longest_root  # noqa: E402
from comments.moderation.model import is_holdout  # noqa: E402
from comments.moderation.text import fold, forms, tokenize, turkish_lower, url_spans  # noqa: E402

FILES = ("offenseval-tr.jsonl", "olid-en.jsonl")
GENERAL_WORDS = 150_000


def folded_forms(data: Path) -> list[str]:
    """The folded words of the training rows, then of wordfreq's Turkish list, without repeats."""
    from wordfreq import top_n_list

    found = {}
    for name in FILES:
        with (data / name).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if is_holdout(row["id"]):
                    continue
                for token in tokenize(row["text"], url_spans(row["text"])):
                    found[fold(forms(token.text)[2])] = None
    for word in top_n_list("tr", GENERAL_WORDS):
        found[fold(turkish_lower(word))] = None
    return [word for word in found if word.isascii() and word.isalpha()]


def analyser():
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    from zemberek import TurkishMorphology
    from zemberek.morphology.lexicon import RootLexicon

    builder = TurkishMorphology.builder(RootLexicon.get_default())
    return builder.use_informal_analysis().ignore_diacritics_in_analysis_().build()


def roots_of(words: list[str]) -> dict[str, str]:
    """Each word the analyser reads -> its root, folded."""
    morphology = analyser()
    found = {}
    for word in words:
        try:
            analyses = morphology.analyze_without_cache(word).analysis_results
        except Exception:  # noqa: BLE001 - the analyser fails on a few odd words; skip them
            continue
        analyses = [a for a in analyses if not a.item.is_unknown()]
        if analyses:
            formal = [a for a in analyses if not a.contains_informal_morpheme()]
            found[word] = fold(turkish_lower((formal or analyses)[0].item.root))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "moderation")
    args = parser.parse_args()
    found = roots_of(folded_forms(args.data))
    roots = frozenset(r for r in found.values() if len(r) >= MIN_ROOT and r.isascii())
    exceptions = {w: r for w, r in found.items() if r != longest_root(w, roots)}
    LEMMAS_FILE.parent.mkdir(exist_ok=True)

    def blob(lines):
        return np.frombuffer("\n".join(lines).encode(), dtype=np.uint8)

    forms_sorted = sorted(exceptions)
    np.savez_compressed(
        LEMMAS_FILE,
        roots=blob(sorted(roots)),
        forms=blob(forms_sorted),
        form_roots=blob(exceptions[w] for w in forms_sorted),
    )
    print(
        f"{len(found):,} forms analysed, {len(roots):,} roots, {len(exceptions):,} exceptions; "
        f"wrote {LEMMAS_FILE} ({LEMMAS_FILE.stat().st_size:,} bytes)"
    )


if __name__ == "__main__":
    main()
