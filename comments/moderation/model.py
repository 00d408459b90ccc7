"""The learned signal: a calibrated probability that a comment is offensive.

Rules see listed words; this sees the rest of what annotators called offensive (hostile
phrasing, insinuations, misspelled swearing). It is not a rule of the notice: the engine adds
its own finding, ``likely_offensive``, with severity ``review`` when the probability reaches
the threshold for the comment's language, and every verdict carries the probability
(``Verdict.score``) for the editors' queue. It never rejects.

Features, per distinct word of the comment (after the engine's normalisation: lower-cased, Turkish
letters folded, floods squeezed, leetspeak undone; mentions are ``@user``): the word, its character
2- to 5-grams with the word's edges marked (``<sal``, ``aksın>``), which catch suffixed and
misspelled forms, its first 4, 5 and 6 letters (the stem of a suffixed word), and its root by
Zemberek-NLP's morphological analyser (``l:salak`` for ``salaklığını``; see :mod:`.lemmas`), except
for a name of a people or faith (``Suriyeliler``, ``Müslümanlar``: one word, :data:`GROUP`, that
weighs nothing alone; the model weighs what is said of a people, not which people is named) and a
word of the allow-list (``sikke``, ``boks``, ``şık``: read whole and as written, so its pieces do
not weigh like the swear word inside it); per distinct pair of neighbouring words, the pair. Each
is hashed with CRC-32 into ``BUCKETS`` weights. The sum over a comment is scaled by
``1/sqrt(words)`` so long comments are not offensive by length alone. The comment's shape adds a
few features of fixed weight ``SHAPE_WEIGHT`` (:func:`shape_features`): the symbols and emoji it
holds (``🤬``, ``🖕``), runs of ``!`` and ``?``, and how many words, mentions and words in capitals
it has.
A logistic model reads the sum, and Platt scaling (``scale``, ``shift``, fitted on rows the model
did not learn from) makes it a probability that matches the observed share. (Training weighs each
feature by how much more often it occurs in offensive rows; the shipped weights already include
that factor.)

A word's weight is the sum of its features' weights: computed once per distinct word and
cached, so a comment costs one look-up per word. The weights live in ``model/weights.npz``,
written by ``scripts/train_moderation_model.py`` from the labelled sets in
``shared/moderation``, every fifth comment (by :func:`is_holdout`) kept out for measuring.
Without the file the engine runs without the signal.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lemmas import default_lemmas
from .lexicon import default_lexicon
from .text import fold, forms

BUCKETS = 2**19
NGRAMS = (2, 3, 4, 5)
PREFIXES = (4, 5, 6)
MODEL_FILE = Path(__file__).with_name("model") / "weights.npz"
#: What each feature of the comment's shape (symbols, length, mentions) adds before weighting.
SHAPE_WEIGHT = 0.3
#: Runs of characters that are not letters, digits, spaces or ordinary punctuation: emoji and
#: symbols (``!``, ``?`` among them).
_SYMBOLS_RE = re.compile(r"[^\w\s@#.,'’\"]+")
_EMPHASIS_RE = re.compile(r"[!?]{2,}")
#: The word every name of a people or faith is read as (see :func:`names_a_group`).
GROUP = "<group>"
#: A word is shown as evidence when it adds at least this much to the score (log-odds).
EVIDENCE_WEIGHT = 1.0


def is_holdout(row_id: str) -> bool:
    """Rows kept out of training (one in five, stable), for honest measurement."""
    return zlib.crc32(str(row_id).encode()) % 5 == 0


@lru_cache(maxsize=65536)
def word_of(raw: str) -> str:
    """The form of a token's text the model reads: folded, except a word of the allow-list,
    read as written (``şık`` is not ``sik``)."""
    _, _, squeezed, is_mention, _ = forms(raw)
    if is_mention:
        return "@user"
    if allowed(squeezed):
        return squeezed
    return GROUP if names_a_group(squeezed) else fold(squeezed)


def allowed(word: str) -> bool:
    """Is the word on the allow-list (``lexicons/allowed.txt``): innocent, though it contains
    a bad stem (``sikke``, ``boks``, ``götürdü``, ``şık``)?"""
    return default_lexicon().allowed.match_word(word, fold(word)) is not None


def names_a_group(word: str) -> bool:
    """Does the word name a people or a faith, its followers or its holy things (``Suriyeliler``,
    ``Müslümanlar``, ``Kuran``; ``lexicons/groups.txt`` and ``belief.txt``)? The model reads all
    of them as one word, :data:`GROUP`, which weighs nothing alone: a comment is not offensive
    for naming a people, only for what it says of it."""
    lexicon = default_lexicon()
    folded = fold(word)
    return (
        lexicon.groups.match_word(word, folded) is not None
        or lexicon.belief.match_word(word, folded) is not None
    )


def _bucket(name: str) -> int:
    return zlib.crc32(name.encode()) % BUCKETS


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[int, ...]:
    """Buckets of one word: the word, its character n-grams (with repeats), prefixes and root
    (:mod:`.lemmas`). A word of the allow-list is read whole: its pieces would weigh like the
    swear word inside."""
    if word == GROUP:
        return ()
    names = ["w:" + word]
    if allowed(word):
        return (_bucket(names[0]),)
    marked = f"<{word}>"
    for n in NGRAMS:
        names += [marked[i : i + n] for i in range(len(marked) - n + 1)]
    names += [f"p{n}:{word[:n]}" for n in PREFIXES if len(word) > n]
    lemmas = default_lemmas()
    root = lemmas.root(word) if lemmas is not None else None
    if root is not None:
        names.append("l:" + root)
    return tuple(map(_bucket, names))


def pair_feature(previous: str, word: str) -> int:
    return _bucket(f"b:{previous} {word}")


def text_features(texts: list[str]) -> tuple[list[str], list[int], list[int]]:
    """``(distinct words, their word buckets, distinct pair buckets)`` of a comment's tokens."""
    words = list(map(word_of, texts))
    distinct = list(dict.fromkeys(words))
    buckets = [b for word in distinct for b in word_features(word)]
    pairs = list(dict.fromkeys(map(pair_feature, ["<s>", *words], words)))
    return distinct, buckets, pairs


def shape_features(text: str, texts: list[str]) -> list[int]:
    """Buckets of the comment's shape: each distinct symbol or emoji, each run of ``!``/``?``
    (its first three signs), and its number of words (by fives), mentions and words in
    capitals (both up to three)."""
    runs = _SYMBOLS_RE.findall(text)
    names = {"c:" + symbol for symbol in "".join(runs)}
    names.update("run:" + m[:3] for run in runs for m in _EMPHASIS_RE.findall(run))
    if "@" in text:
        mentions = sum(t.startswith("@") for t in texts)
        capitals = sum(t.isupper() and not t.startswith("@") for t in texts)
    else:
        mentions, capitals = 0, sum(map(str.isupper, texts))
    names.add(f"len:{min(len(texts) // 5, 8)}")
    names.add(f"men:{min(mentions, 3)}")
    names.add(f"up:{min(capitals, 3)}")
    return sorted(map(_bucket, names))


def scale_of(distinct_words: int) -> float:
    return 1.0 / math.sqrt(max(distinct_words, 1))


@dataclass(frozen=True)
class Model:
    weights: object  # sequence of BUCKETS floats
    bias: float
    thresholds: dict[str, float]  # review threshold per language ("tr", "en", "other")
    scale: float = 1.0  # Platt scaling of the log-odds
    shift: float = 0.0
    _word_weights: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Model:
        import numpy as np

        with np.load(path) as data:
            return cls(
                weights=data["weights"].astype("float32").tolist(),
                bias=float(data["bias"]),
                thresholds=dict(
                    zip(data["languages"].tolist(), data["thresholds"].tolist(), strict=True)
                ),
                scale=float(data["scale"]),
                shift=float(data["shift"]),
            )

    def threshold(self, lang: str) -> float:
        return self.thresholds.get(lang, self.thresholds.get("other", 1.0))

    def word_weight(self, word: str) -> float:
        weight = self._word_weights.get(word)
        if weight is None:
            weights = self.weights
            weight = sum(weights[b] for b in word_features(word))
            if len(self._word_weights) >= 65536:
                self._word_weights.clear()
            self._word_weights[word] = weight
        return weight

    def score(self, text: str, texts: list[str]) -> tuple[float, int | None]:
        """The probability that the comment ``text``, whose token texts are ``texts``, is
        offensive, and the index of the token that weighs most when it weighs enough to show
        (else ``None``)."""
        weights = self.weights
        shape = SHAPE_WEIGHT * sum(weights[b] for b in shape_features(text, texts))
        if not texts:
            return self.probability(shape), None
        words = list(map(word_of, texts))
        distinct = dict.fromkeys(words)
        word_weights = [self.word_weight(w) for w in distinct]
        pairs = set(map(pair_feature, ["<s>", *words], words))
        total = sum(word_weights) + sum(weights[p] for p in pairs)
        scale = scale_of(len(distinct))
        heaviest = max(range(len(word_weights)), key=word_weights.__getitem__)
        index = None
        if word_weights[heaviest] * scale >= EVIDENCE_WEIGHT:
            index = words.index(list(distinct)[heaviest])
        return self.probability(total * scale + shape), index

    def probability(self, weighted_sum: float) -> float:
        logit = self.scale * (self.bias + weighted_sum) + self.shift
        return 1.0 / (1.0 + math.exp(-max(min(logit, 30.0), -30.0)))


@lru_cache(maxsize=1)
def default_model() -> Model | None:
    """The shipped model, or ``None`` when its file is absent."""
    return Model.load() if MODEL_FILE.exists() else None
