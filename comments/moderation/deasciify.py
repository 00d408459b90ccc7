"""Turkish letters for text typed in plain ASCII (``cok guzel`` → ``çok güzel``).

Two signals, both offline and fast:

* a hand-written list of common words that need ç ğ ı ö ş ü (``lexicons/turkish_words.txt``),
  matched as stems so suffixed forms count (``guzeldi`` → ``güzeldi``);
* vowel harmony: in native Turkish a suffix after a syllable with ``a`` takes ``ı``, so an ASCII
  word ending ``...a<consonants>i<consonants>`` (``yapti``, ``kalkistim``, ``adamin``) needs an
  ``ı``; loanwords that break the rule are listed as exceptions;
* ``I`` starting a capitalised word (``Istanbul``, ``Izmir``) stands for ``İ``.

No PyPI package offers a licence-compatible pattern deasciifier that installs offline here
(``turkish-deasciifier`` is not on the index; ``nlptoolkit-deasciifier`` pulls in a morphological
analyser and an n-gram model), so this is a deliberately small restorer: good enough to detect the
need and to offer a corrected text that the commenter checks before sending it again.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Matcher, read_list, read_words

_VOWELS = "aeıioöuü"
# ASCII: a syllable with "a", then consonants, then a final syllable with "i".
_HARMONY = re.compile(r"a([^aeiou]{1,3})i([^aeiou]{0,3})$")
_CAPITAL_I = re.compile(r"I[a-zçğıöşü]")
_NOT_DOTTED_I = frozenset(
    "irak isparta irmak islak ilik igdir ihlamur isik isin isit itir ilgaz".split()
)


@lru_cache(maxsize=1)
def _words() -> Matcher:
    return Matcher(read_list("turkish_words"))


@lru_cache(maxsize=1)
def _harmony_exceptions() -> frozenset[str]:
    return read_words("harmony_exceptions")


@lru_cache(maxsize=65536)
def restore_word(word: str) -> str | None:
    """The word with Turkish letters restored, or ``None`` when it needs none that we know.

    ``word`` is an ASCII word as typed (any case).
    """
    if not word.isascii() or not word.isalpha() or len(word) < 2:
        return None
    lower = word.replace("I", "i").lower()
    entry = _words().match_word(lower, lower)
    if entry is not None:
        stem = entry.words[0].stem
        restored = stem + lower[len(stem) :]
        if _HARMONY.search(restored[len(stem) - 1 :]) is not None:
            restored = _harmonise(restored, len(stem))
        return _copy_case(word, restored)
    if (
        len(lower) >= 4
        and lower not in _harmony_exceptions()
        and _HARMONY.search(lower) is not None
        and _root_not_excepted(lower)
    ):
        return _copy_case(word, _harmonise(lower, 0))
    if _CAPITAL_I.match(word) and lower not in _NOT_DOTTED_I and word[1:].islower():
        return "İ" + word[1:]
    return None


def _root_not_excepted(lower: str) -> bool:
    exceptions = _harmony_exceptions()
    return not any(lower.startswith(root) for root in exceptions if len(root) >= 4)


def _harmonise(lower: str, start: int) -> str:
    """Turn the ``i`` of suffixes after an ``a`` syllable into ``ı``, from ``start`` on."""
    out = list(lower)
    last_back = False
    for i, ch in enumerate(out):
        if ch in _VOWELS:
            if ch == "i" and last_back and i >= start:
                out[i] = "ı"
                ch = "ı"
            last_back = ch in "aı"
    return "".join(out)


def _copy_case(original: str, restored: str) -> str:
    if original.isupper() and len(original) > 1:
        return restored.replace("i", "İ").upper()
    if original[:1].isupper():
        first = restored[0]
        return ("İ" if first == "i" and original[0] == "I" else first.upper()) + restored[1:]
    return restored
