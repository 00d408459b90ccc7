"""Spelling dictionaries: which words of a language are known.

English: the word list shipped inside ``pyspellchecker`` (MIT, data in the wheel, read offline
once, about 0.1 s). Turkish has no offline dictionary on PyPI; Debian's ``hunspell-tr`` needs a
system package and a morphological checker too slow for our target, so Turkish is not checked
for misspelled words (only floods and chat-speak).
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache


@lru_cache(maxsize=4)
def known_words(lang: str) -> frozenset[str] | None:
    """The words of ``lang`` (lower case), or ``None`` when there is no dictionary for it."""
    if lang != "en":
        return None
    try:
        from importlib.resources import files

        path = files("spellchecker") / "resources" / "en.json.gz"
        with gzip.open(str(path), "rt", encoding="utf-8") as handle:
            return frozenset(json.load(handle))
    except (ImportError, OSError, ValueError):
        return None
