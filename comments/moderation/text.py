"""Turkish-aware normalisation and tokenisation with spans into the original text.

Every token keeps ``start``/``end`` offsets into the text the caller passed, so findings can point
at the evidence even though matching runs on a normalised form:

* ``norm``: lower-cased the Turkish way (``İ``→``i``; ``I``→``i`` too, because people who type
  without Turkish letters write ``I`` for both), leetspeak undone (4→a 3→e 1→i !→i 0→o @→a $→s),
  accents other than the Turkish letters stripped (``â``→``a``), Turkish letters kept.
* ``fold``: ``norm`` with the Turkish letters folded to ASCII (ç→c ğ→g ı→i ö→o ş→s ü→u).
* ``squeezed``: ``norm`` with floods (three or more of a letter) collapsed to one letter
  (``siiiik``→``sik``); doubled letters stay, or ``book`` would read ``bok`` and ``sikke`` ``sike``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

TURKISH_LETTERS = frozenset("çğıöşüÇĞİÖŞÜ")
_FOLD = str.maketrans("çğıöşü", "cgiosu")
_LOWER = str.maketrans({"I": "i", "İ": "i"})
_LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "@": "a", "$": "s"})
_KEEP_MARKS = frozenset("çğıöşü")
# Characters that show nothing: dropped from a word's forms (si\u200bktir reads siktir).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# Cyrillic and Greek letters that look like Latin ones, read as those inside a word that also
# has Latin letters (a word of one script alone is that language's own).
_LATIN_LOOKALIKES = {
    **dict(zip("аеорсухіјѕкмтвнԁ", "aeopcyxijskmtbhd", strict=True)),  # Cyrillic
    **dict(zip("οαιρτυεν", "oaiptuev", strict=True)),  # Greek
}
_LATIN_OF = str.maketrans(_LATIN_LOOKALIKES)
_LOOKALIKES = frozenset(_LATIN_LOOKALIKES)
_LATIN_RE = re.compile("[a-z]")

# A word: letters, digits, combining marks, and the characters used to mask or "leet" a word.
# A leading @ makes a mention; $, @ and * inside a word are leet or masks (f*ck, $hit, s1k), and
# so is a ! between a small letter and at most three letters before it (b!tch, s!kt!r; not the
# missing space of "degildir!baraji"). Invisible characters inside a word (zero-width space,
# soft hyphen) belong to it: they are dropped from its forms, never split it.
# (Possessive runs: a word ends where the characters end, so there is nothing to backtrack into.)
WORD_RE = re.compile(
    r"[@$]?(?:[^\W_]|[\u0300-\u036f])"
    r"(?:[^\W_]++|[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff@$*]++"
    r"|!(?<![^\W_]{4}!)(?=[a-zçğıöşü]))*+"
)
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|\b[a-z0-9][a-z0-9-]*\.(?:com|net|org|info|biz|ru|xyz|tk|"
    r"top|io|co|me|ly|gl|tr|de|uk)(?:/[^\s<>\"']*)?(?![\w.])",
    re.IGNORECASE,
)
# What every URL_RE match contains; most comments have none, and this is much cheaper to rule out.
_URL_HINT = re.compile(
    r"://|www\.|\.(?:com|net|org|info|biz|ru|xyz|tk|top|io|co|me|ly|gl|tr|de|uk)", re.IGNORECASE
)
# Letters written apart to dodge a filter: s.i.k, s i k, o-ç, s/i/k (three letters, or two with
# dots).
# (The look-behind shared by both alternatives is tested once per position.)
SPLIT_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:[^\W\d_][.\-_*/]){1,}[^\W\d_]|(?:[^\W\d_] ){2,}[^\W\d_])(?![^\W\d_])"
)
# Where a SPLIT_RE match can start: a separator after a letter that has no letter before it,
# followed by a letter. (It starts with a class, so the engine skips ahead to the separators.)
_SPLIT_HINT = re.compile(r"[.\-_*/ ](?<![^\W\d_]{2}.)(?<=[^\W\d_].)(?=[^\W\d_])")
_SQUEEZE_RE = re.compile(r"(.)\1{2,}")
# A letter masked with a dot inside a small word (s.keyim, or.spu, a.ına): one to three
# letters, a dot, two or more small letters, with no space ("S.Kaya" is an initial and a name,
# "geldi.sonra" a missing space: its masked form matches no word of the lists).
_DOT_MASK_RE = re.compile(r"([^\W\d_]{1,3})\.([a-zçğıöşü]{2,})(?![^\W_]|\.[^\W\d_])")
_DOT_HINT = re.compile(r"\.(?=[a-zçğıöşü]{2})")  # (a letter before it is checked after)


@lru_cache(maxsize=65536)
def normalise_word(word: str) -> str:
    """The ``norm`` form of one word (see the module docstring)."""
    word = word.translate(_LOWER).lower()
    if not word.isascii():
        word = word.translate(_INVISIBLE)
        if _LATIN_RE.search(word) and not _LOOKALIKES.isdisjoint(word):
            word = word.translate(_LATIN_OF)  # Latin and Cyrillic mixed: оrospu, fuсk
    if any(ch.isalpha() for ch in word) and not word.isalpha():
        word = word.translate(_LEET)
    if word.isascii():
        return word
    # Strip accents except the Turkish letters: decompose, drop marks, recompose.
    out = []
    for ch in word:
        if ch in _KEEP_MARKS or ch.isascii():
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        kept = "".join(c for c in base if not unicodedata.combining(c))
        recomposed = unicodedata.normalize("NFC", base)
        out.append(recomposed if recomposed in _KEEP_MARKS else kept)
    word = "".join(out)
    if any(unicodedata.combining(c) for c in word):
        word = unicodedata.normalize("NFC", word)
        word = "".join(c for c in word if not unicodedata.combining(c))
    return word


def fold(word: str) -> str:
    """Turkish letters to ASCII: ``çğıöşü`` → ``cgiosu`` (after lower-casing)."""
    return word.translate(_FOLD)


def squeeze(word: str) -> str:
    """Collapse every run of three or more of a character to one: ``siiik`` → ``sik``."""
    return _SQUEEZE_RE.sub(r"\1", word)


def turkish_lower(text: str) -> str:
    """Lower-case with Turkish rules (``I``→``ı``, ``İ``→``i``)."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def has_turkish_letters(text: str) -> bool:
    return not TURKISH_LETTERS.isdisjoint(text)


def capitalised(word: str) -> bool:
    """Written with a capital first letter and small letters after (``Dick``, not ``DICK``)."""
    return word[:1].isupper() and not word.isupper()


class Token(NamedTuple):
    """One word of a text."""

    start: int
    end: int
    text: str
    norm: str
    fold: str
    squeezed: str  # norm with repeated letters collapsed
    is_mention: bool = False
    is_hashtag: bool = False
    joined: bool = False  # made by rejoining split letters (s.i.k)
    masked: bool = False  # contains * used as a wildcard (f*ck)


@lru_cache(maxsize=65536)
def forms(raw: str) -> tuple[str, str, str, bool, bool]:
    """``(norm, fold, squeezed, is_mention, masked)`` of a raw word: what its token holds."""
    is_mention = raw.startswith("@") and len(raw) > 1 and not raw[1:].isdigit()
    norm = normalise_word(raw[1:] if is_mention else raw)
    return norm, norm.translate(_FOLD), squeeze(norm), is_mention, "*" in norm


def make_token(
    start: int, raw: str, *, end: int | None = None, hashtag: bool = False, joined: bool = False
) -> Token:
    """The token of the raw word ``raw`` found at ``start`` (``end``: where its span ends)."""
    norm, folded, squeezed, is_mention, masked = forms(raw)
    end = start + len(raw) if end is None else end
    return Token(start, end, raw, norm, folded, squeezed, is_mention, hashtag, joined, masked)


def url_spans(text: str) -> list[tuple[int, int]]:
    if _URL_HINT.search(text) is None:
        return []
    return [m.span() for m in URL_RE.finditer(text)]


def inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Is ``position`` inside one of ``spans`` (sorted, not overlapping)?"""
    i = bisect_right(spans, (position, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def tokenize(text: str, skip: list[tuple[int, int]] | None = None) -> list[Token]:
    """Words of ``text`` (outside the ``skip`` spans, e.g. URLs) as :class:`Token` objects."""
    # The hot loop of the engine (a 2,000-character comment has ~300 words): the words come
    # from findall, and each one starts at the first place it occurs after the previous word
    # (WORD_RE would have matched an earlier occurrence).
    tokens: list[Token] = []
    position = 0
    for raw in WORD_RE.findall(text):
        start = text.find(raw, position)
        position = start + len(raw)
        if skip and inside(skip, start):
            continue
        # A trailing run of * is punctuation, not a mask ("great***").
        raw = raw.rstrip("*")
        if raw:
            hashtag = start > 0 and text[start - 1] == "#"
            tokens.append(make_token(start, raw, hashtag=hashtag))
    return tokens


def split_letter_tokens(text: str) -> list[Token]:
    """Words whose letters were written apart (``s.i.k``, ``s i k``), rejoined, and words with
    a letter masked by a dot (``s.keyim`` as ``s*keyim``)."""
    tokens = []
    # SPLIT_RE tried only where a match can start (see _SPLIT_HINT), left to right and past
    # the previous match: the same matches as finditer, without trying every position.
    position = 0
    for hint in _SPLIT_HINT.finditer(text):
        first = hint.start() - 1
        if first < position:
            continue
        match = SPLIT_RE.match(text, first)
        if match is None:
            continue
        letters = "".join(ch for ch in match.group() if ch.isalpha())
        start, end = match.span()
        position = end
        while end > start and not text[end - 1].isalpha():
            end -= 1
        tokens.append(make_token(start, letters, end=end, joined=True))
    for hint in _DOT_HINT.finditer(text):
        first = hint.start()
        if first == 0 or not text[first - 1].isalpha():
            continue
        while first > 0 and hint.start() - first < 4 and text[first - 1].isalpha():
            first -= 1
        if first > 0 and (text[first - 1].isalnum() or text[first - 1] in "._"):
            continue  # a longer word, or a part of s.i.k (above) or of a name (a.b.c)
        match = _DOT_MASK_RE.match(text, first)
        if match is not None and match.end(1) == hint.start():
            masked = f"{match.group(1)}*{match.group(2)}"
            tokens.append(make_token(first, masked, end=match.end(), joined=True))
    if len(tokens) > 1:
        tokens.sort(key=lambda token: token.start)
    return tokens
