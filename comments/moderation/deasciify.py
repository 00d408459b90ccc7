"""Turkish letters for text typed in plain ASCII (``cok guzel`` → ``çok güzel``).

Two signals, both offline and fast:

* a hand-written list of common words that need ç ğ ı ö ş ü (``lexicons/turkish_words.txt``),
  matched as stems so suffixed forms count (``guzeldi`` → ``güzeldi``);
* suffix rules: in native Turkish a suffix after a syllable with ``a`` takes ``ı``, so an ASCII
  word like ``yapti``, ``kalkistim``, ``hayvanlarinin`` needs an ``ı`` (loanwords that break the
  rule are listed as exceptions); ``-mış`` (``gelmis``), ``-diği``/``-eceği`` (``oldugu``,
  ``gidecegim``) need ``ş`` and ``ğ``;
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
# ASCII: a syllable with "a", then consonants, then "i", with only back or high vowels after it
# (yapti, kalkistim, hayvanlarinin, yapiyor): the i of a suffix after "a" is "ı".
_HARMONY = re.compile(r"[aı][^aeıioöuü]{1,3}i(?:[^aeıioöuü]*[aıiou])*[^aeıioöuü]*$")
# "-mış" (gelmis, olmustu, yapmisim): the s of that suffix is ş.
_MIS = re.compile(
    r"(?<=[^aeiou]m[iu])s$|(?<=..m[iu])s(?=t[iu][mnkr]?$|[iu][mnz]$|s[iu]n$|l[ae]r$|t[iu]$)"
)
# "-diği", "-eceği" (oldugu, yaptigi, gidecegim): the g between those vowels is ğ.
_SOFT_G = re.compile(r"(?<=[dt][iu])g(?=[aeiu])|(?<=ece|aca)g(?=[iu])")
_CAPITAL_I = re.compile(r"I[a-zçğıöşü]")
_NOT_DOTTED_I = frozenset(
    "irak isparta irmak islak ilik igdir ihlamur isik isin isit itir ilgaz".split()
)


@lru_cache(maxsize=1)
def _words() -> Matcher:
    return Matcher(read_list("turkish_words"))


@lru_cache(maxsize=1)
def _harmony_exceptions() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Whole words; roots (four letters or more) that start a word; pieces (``~abil``) anywhere."""
    entries = read_words("harmony_exceptions")
    words = frozenset(w for w in entries if not w.startswith("~"))
    roots = tuple(sorted(w for w in words if len(w) >= 4))
    pieces = tuple(sorted(w[1:] for w in entries if w.startswith("~")))
    return words, roots, pieces


@lru_cache(maxsize=65536)
def listed_word(word: str) -> bool:
    """Is the lower-case ASCII word a listed Turkish word typed without its letters (``icin``)?"""
    return (
        len(word) > 2
        and word.isascii()
        and word not in _ENGLISH_LOOKALIKES
        and _words().match_word(word, word) is not None
    )


# ASCII forms of listed Turkish words that are also common English words: no evidence of Turkish.
_ENGLISH_LOOKALIKES = frozenset(
    "gun guns gunner gunman gunmen sure surely once ask asked asking asks got gore dun sut cay "
    "cocky yon bag bags dag dog dogs dogma sag saga sec koy kis hiz gorilla".split()
)


@lru_cache(maxsize=65536)
def restore_word(word: str) -> str | None:
    """The word with Turkish letters restored, or ``None`` when it needs none that we know.

    ``word`` is an ASCII word as typed (any case).
    """
    if not word.isascii() or not word.isalpha() or len(word) < 2:
        return None
    lower = word.replace("I", "i").lower()
    restored = lower
    known = 0  # letters at the start that the word list settled
    entry = _words().match_word(lower, lower)
    if entry is not None:
        stem = entry.words[0].stem
        restored = stem + lower[len(stem) :]
        known = len(stem)
    if len(lower) >= 5:
        restored = _MIS.sub("ş", _SOFT_G.sub("ğ", restored))
        if _harmonic_suffix(lower, restored, known):
            restored = _harmonise(restored, max(known - 1, 0))
    if restored != lower:
        return _copy_case(word, restored)
    if _CAPITAL_I.match(word) and lower not in _NOT_DOTTED_I and word[1:].islower():
        return "İ" + word[1:]
    return None


def _harmonic_suffix(lower: str, restored: str, known: int) -> bool:
    """Does the ASCII word break vowel harmony the way ``ı`` typed as ``i`` does?"""
    words, roots, pieces = _harmony_exceptions()
    if any(piece in lower for piece in pieces):
        return False
    if known:
        return _HARMONY.search(restored, max(known - 2, 0)) is not None
    if _HARMONY.search(lower) is None:
        return False
    return lower not in words and not lower.startswith(roots)


def _harmonise(lower: str, start: int) -> str:
    """Turn each ``i`` after an ``a``/``ı`` syllable into ``ı``, from ``start`` on."""
    out = list(lower)
    last_back = False
    for i, ch in enumerate(out):
        if ch in _VOWELS:
            if ch == "i" and last_back and i >= start:
                out[i] = "ı"
                ch = "ı"
            last_back = ch in "aı"
        elif ch == "e" or ch in "öü":
            last_back = False
    return "".join(out)


def _copy_case(original: str, restored: str) -> str:
    if original.isupper() and len(original) > 1:
        return restored.replace("i", "İ").upper()
    if original[:1].isupper():
        first = restored[0]
        return ("İ" if first == "i" and original[0] == "I" else first.upper()) + restored[1:]
    return restored
