"""Spelling dictionaries: which words of a language are known.

English: the word list shipped inside ``pyspellchecker`` (MIT, data in the wheel, read offline
once, about 0.1 s).

Turkish: ``data/turkish_words.npz``, every form of Debian's ``hunspell-tr`` dictionary (MPL-2.0,
Harun Reşit Zafer) and the informal forms that recur in Turkish tweets, built by
``scripts/build_turkish_words.py``. It is keyed by the form folded to ASCII, so one look-up
answers both questions the engine asks of a word: is it Turkish as typed, and which forms with
Turkish letters could have been meant (``dogru`` → ``doğru``; ``olur`` → ``olur`` or ``ölür``).
Each form comes with how often the tweets use it, to choose between such forms, and with
what Zemberek-NLP's language model (Apache-2.0, Ahmet Afşin Akın) says of it and of the words
around it (``su`` after ``bol``, ``şu`` before ``an``); names and words with Turkish letters
from Zemberek's lexicon and lists extend the table, flagged as guesses.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .text import fold

TABLE_FILE = Path(__file__).with_name("data") / "turkish_words.npz"
#: ASCII letter -> its Turkish counterpart (ı is i without its dot).
TURKISH_OF = {"c": "ç", "g": "ğ", "i": "ı", "o": "ö", "s": "ş", "u": "ü"}
_SPECIAL = frozenset("çğıöşü")
#: Letters to the left and right of a letter that decide it, from the smallest context to the
#: largest (each holds the one before): see :meth:`TurkishWords.by_letters`.
LETTER_WINDOWS = ((0, 0), (1, 0), (1, 1), (2, 1), (2, 2), (3, 2), (3, 3), (4, 3), (4, 4), (5, 4))
_PAD = 5
#: Bits of a form's flags: only written capitalised (a name); added from Zemberek's lists,
#: so a restoration to it is a guess, never "sure".
PROPER, UNSURE = 1, 2
#: Steps per log10 unit of the stored language-model figures (see ``build_turkish_words``).
UNIGRAM_STEPS, CONTEXT_STEPS = 20, 10
_UNKNOWN_UNIGRAM = 255


def letter_contexts(folded: str, k: int) -> list[str]:
    """Letter ``k`` of the folded word in each of ``LETTER_WINDOWS``, with ``^`` and ``$`` for
    the word's edges (``kitap``, 1 → ``i0``, ``ki1``, ``kit2``...)."""
    padded = "^" * _PAD + folded + "$" * _PAD
    at = k + _PAD
    return [
        f"{padded[at - left : at + right + 1]}{level}"
        for level, (left, right) in enumerate(LETTER_WINDOWS)
    ]


def letter_mask(word: str) -> int:
    """Bit k set when letter k of the (lower-case) word is one of ç ğ ı ö ş ü."""
    mask = 0
    for k, ch in enumerate(word):
        if ch in _SPECIAL:
            mask |= 1 << k
    return mask


def apply_mask(folded: str, mask: int) -> str:
    """The folded word with the letters of ``mask`` turned Turkish (``dogru``, 4 → ``doğru``)."""
    if not mask:
        return folded
    return "".join(TURKISH_OF.get(ch, ch) if mask >> k & 1 else ch for k, ch in enumerate(folded))


class Form(NamedTuple):
    word: str  # lower case, Turkish letters
    count: int  # uses in the tweets the table was built from
    proper: bool  # only written capitalised (a name)
    unsure: bool = False  # known from Zemberek's lists only: restoring to it is a guess
    unigram: float | None = None  # log10 probability in Zemberek's language model


class TurkishWords:
    """The Turkish word table: forms by their ASCII folding."""

    def __init__(self, path: Path = TABLE_FILE):
        import numpy as np

        with np.load(path) as data:
            # Keys are stored as steps from one to the next, which compress well.
            self._keys = np.cumsum(data["key_steps"], dtype=np.uint64).astype(np.uint32)
            # (A key of the array's own type: a Python int would convert the whole array.)
            self._key_type = np.uint32
            self._masks = data["mask_planes"].T.copy().view("<u4").ravel()
            self._counts = data["counts"]
            pairs = data["pairs"].tobytes().decode().split("\n")
            self._pairs = dict(zip(pairs, data["pair_counts"].tolist(), strict=True))
            self._flags = data["flags"]
            self._unigram = data["unigram"]
            self._context_keys = np.cumsum(data["context_key_steps"], dtype=np.uint64).astype(
                np.uint32
            )
            self._context_deltas = data["context_deltas"]
            self._letter_keys = np.cumsum(data["letter_key_steps"], dtype=np.uint64).astype(
                np.uint32
            )
            self._letter_labels = np.unpackbits(data["letter_key_labels"])
        self.forms = lru_cache(maxsize=65536)(self._forms)

    def __len__(self) -> int:
        return len(self._keys)

    def _forms(self, folded: str) -> tuple[Form, ...]:
        """The forms whose ASCII folding is ``folded`` (lower case), most used first."""
        if len(folded) > 32:
            return ()
        key = zlib.crc32(folded.encode())
        keys = self._keys
        i = int(keys.searchsorted(self._key_type(key)))
        found = []
        while i < len(keys) and keys[i] == key:
            mask = int(self._masks[i])
            # A key may be shared by another word (a hash): its mask must fit this one.
            if mask < 1 << len(folded) and all(
                folded[k] in TURKISH_OF for k in range(len(folded)) if mask >> k & 1
            ):
                flags, unigram = int(self._flags[i]), int(self._unigram[i])
                found.append(
                    Form(
                        apply_mask(folded, mask),
                        int(self._counts[i]),
                        bool(flags & PROPER),
                        bool(flags & UNSURE),
                        None if unigram == _UNKNOWN_UNIGRAM else -unigram / UNIGRAM_STEPS,
                    )
                )
            i += 1
        return tuple(found)

    def by_letters(self, folded: str) -> str:
        """The folded word (lower case) with the letters ``c g i o s u`` turned Turkish where
        the letters around each call for it, judged on the largest context the table knows
        (``birakiyosunuz`` → ``bırakıyosunuz``): for words the table does not hold."""
        out = []
        keys, labels = self._letter_keys, self._letter_labels
        for k, ch in enumerate(folded):
            if ch in TURKISH_OF:
                for context in reversed(letter_contexts(folded, k)):
                    key = self._key_type(zlib.crc32(context.encode()))
                    i = int(keys.searchsorted(key))
                    if i < len(keys) and keys[i] == key:
                        if labels[i]:
                            ch = TURKISH_OF[ch]
                        break
            out.append(ch)
        return "".join(out)

    def context(self, before: str, form: str, after: str) -> float:
        """How much more likely (log10) Zemberek's language model finds ``form`` after the
        folded word ``before`` and before ``after`` than without them (0: no telling)."""
        return self._context(f"<{before} {form}") + self._context(f"{form} {after}>")

    def tweet_context(self, before: str, form: str, after: str) -> int:
        """How often ``form`` follows the folded word ``before`` or precedes ``after`` in the
        tweets the table was built from."""
        pairs = self._pairs
        return pairs.get(f"<{before} {form}", 0) + pairs.get(f"{form} {after}>", 0)

    def _context(self, pair: str) -> float:
        keys = self._context_keys
        key = self._key_type(zlib.crc32(pair.encode()))
        i = int(keys.searchsorted(key))
        if i < len(keys) and keys[i] == key:
            return int(self._context_deltas[i]) / CONTEXT_STEPS
        return 0.0

    def known(self, word: str) -> bool:
        """Is the lower-case word (as typed, Turkish letters or not) a form of the table?"""
        return any(form.word == word for form in self.forms(fold(word)))

    def spelled_right(self, word: str) -> bool:
        """Is the lower-case word a Turkish word, or one typed without its letters (those are
        the ``no_turkish_chars`` rule's business, not a misspelling)?"""
        if word.isascii():
            return bool(self.forms(word))
        return self.known(word)


@lru_cache(maxsize=1)
def turkish_words() -> TurkishWords | None:
    """The shipped Turkish table, or ``None`` when its file is absent."""
    return TurkishWords() if TABLE_FILE.exists() else None


def spelling_check(lang: str) -> Callable[[str], bool] | None:
    """A test of whether a lower-case word of ``lang`` is spelled right, or ``None`` when
    there is no dictionary for the language."""
    if lang == "tr":
        words = turkish_words()
        return None if words is None else words.spelled_right
    if lang == "en":
        words = english_words()
        return None if words is None else words.__contains__
    return None


@lru_cache(maxsize=1)
def english_words() -> frozenset[str] | None:
    """The English words (lower case) of ``pyspellchecker``, or ``None`` without it."""
    try:
        from importlib.resources import files

        path = files("spellchecker") / "resources" / "en.json.gz"
        with gzip.open(str(path), "rt", encoding="utf-8") as handle:
            return frozenset(json.load(handle))
    except (ImportError, OSError, ValueError):
        return None
