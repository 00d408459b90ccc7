"""A small learned signal for offensive comments: hashed word features, a linear model.

Rules see words; this sees the rest of what annotators called offensive (hostile phrasing,
insinuations without a listed word). It may only send a comment to review, never reject it: it
adds a ``hurtful`` finding with severity ``review`` on the word that weighs most.

Features are the comment's words after the engine's normalisation (lower-cased, Turkish letters
folded, leetspeak undone), their first 4 and 6 letters (Turkish stems carry suffixes), and word
pairs, hashed with CRC-32 into ``2**18`` buckets. The weights live in ``model/weights.npz``,
trained by ``scripts/train_moderation_model.py`` on the labelled sets in ``shared/moderation``
with every fifth comment (by :func:`is_holdout`) kept out for measuring. Without the file the
engine simply runs without it.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from operator import attrgetter, itemgetter
from pathlib import Path

from .text import Token, fold, forms, tokenize

BUCKETS = 2**18
MODEL_FILE = Path(__file__).with_name("model") / "weights.npz"
_TEXT = attrgetter("text")
_WORD = itemgetter(0)


def is_holdout(row_id: str) -> bool:
    """Rows kept out of training (one in five, stable), for honest measurement."""
    return zlib.crc32(str(row_id).encode()) % 5 == 0


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[int, ...]:
    names = ["w:" + word]
    if len(word) > 4:
        names.append("p4:" + word[:4])
    if len(word) > 6:
        names.append("p6:" + word[:6])
    return tuple(zlib.crc32(n.encode()) % BUCKETS for n in names)


def word_of(token: Token) -> str:
    return "@user" if token.is_mention else fold(token.squeezed)


@lru_cache(maxsize=65536)
def _raw_features(raw: str) -> tuple[str, tuple[int, ...]]:
    """``(word, its buckets)`` for a token's text (a token's forms are functions of its text)."""
    _, _, squeezed, is_mention, _ = forms(raw)
    word = "@user" if is_mention else fold(squeezed)
    return word, _word_features(word)


@lru_cache(maxsize=65536)
def _pair_bucket(previous: str, word: str) -> int:
    return zlib.crc32(f"b:{previous} {word}".encode()) % BUCKETS


def token_features(tokens: list[Token]) -> list[tuple[int, ...]]:
    """Feature buckets per token (a token's pair feature joins it to the word before)."""
    out = []
    previous = "<s>"
    for token in tokens:
        word, buckets = _raw_features(token.text)
        out.append(buckets + (_pair_bucket(previous, word),))
        previous = word
    return out


def features(text: str) -> list[int]:
    """Sorted distinct feature buckets of a text (what the trainer sees)."""
    return sorted({f for group in token_features(tokenize(text)) for f in group})


@dataclass(frozen=True)
class Model:
    weights: object  # numpy float32 array of BUCKETS weights
    bias: float
    threshold: float  # probability from which a comment goes to review

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Model:
        import numpy as np

        with np.load(path) as data:
            return cls(
                weights=data["weights"].astype("float32").tolist(),
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
            )

    def score(self, tokens: list[Token]) -> tuple[float, int | None]:
        """Probability that the text is offensive, and the index of the token weighing most."""
        return self.score_texts(list(map(_TEXT, tokens)))

    def score_texts(self, texts: list[str]) -> tuple[float, int | None]:
        """:meth:`score` from the tokens' ``text`` alone (a token's forms follow from it)."""
        weights = self.weights
        seen: set[int] = set()
        seen_words: set[str] = set()  # all buckets of these words are in ``seen``
        total = self.bias
        best, best_index = 0.0, None
        # token_features, with the per-word parts looked up in C (map over cached functions);
        # the sums run in the same order, so the same floats come out.
        features = list(map(_raw_features, texts))
        words = list(map(_WORD, features))
        pairs = map(_pair_bucket, ["<s>", *words], words)
        for index, (word, buckets), pair in zip(count(), features, pairs):
            contribution = 0.0
            if word not in seen_words:
                seen_words.add(word)
                for bucket in buckets:
                    if bucket not in seen:
                        seen.add(bucket)
                        contribution += weights[bucket]
            if pair not in seen:
                seen.add(pair)
                contribution += weights[pair]
            total += contribution
            if contribution > best:
                best, best_index = contribution, index
        return 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0))), best_index


@lru_cache(maxsize=1)
def default_model() -> Model | None:
    """The shipped model, or ``None`` when its file is absent."""
    return Model.load() if MODEL_FILE.exists() else None
