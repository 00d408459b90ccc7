"""Build comments/moderation/data/turkish_words.npz: the Turkish word table of the engine.

    python scripts/build_turkish_words.py [--hunspell DIR] [--data ../shared/moderation]

Every word form of Debian's ``hunspell-tr`` dictionary (tr_TR.dic with each suffix of
tr_TR.aff applied; ``apt-get install hunspell-tr``; MPL-2.0, Harun Reşit Zafer), plus the
informal forms that recur in the OffensEval-2020 Turkish tweets (``bişey``, ``düşüyo``), stored
as what the engine needs and no more:

* ``keys``: CRC-32 of the word folded to ASCII (``çğıöşü`` → ``cgiosu``), sorted;
* ``masks``: which letters of the folded word are the Turkish ones (bit k: letter k is
  ç ğ ı ö ş or ü), one row per form, so ``dogru`` has one row and ``olur`` two (olur, ölür);
* ``counts``: how often the form occurs in tweets written with Turkish letters (the rows of
  ``turkish-chars-pairs.jsonl`` are left out: they measure the restorer), plus how often it
  would occur in as many words of general Turkish by ``wordfreq``'s list (Apache-2.0 code,
  CC BY-SA 4.0 data; ``pip install -r requirements-train.txt``): a second, larger sample
  weighted as much as the tweets, so that ``işletmelere`` wins over ``isletmelere`` although
  the tweets never use either;
* ``proper``: the form is only written capitalised in the dictionary (a name: Özdemir);
* ``letter_key_steps``: for a word the table does not hold (``birakiyosunuz``), which of its
  letters ``c g i o s u`` are Turkish, by the letters around each (Deniz Yuret's deasciifier
  idea, learned here from the table's forms weighted by their counts): CRC-32 keys of the
  contexts (see :func:`~comments.moderation.dictionary.letter_contexts`) that call for the
  Turkish letter more surely than the smaller context inside them, and ``letter_key_labels``
  (1: the Turkish letter, 0: the ASCII one) for each;
* ``pairs`` and ``pair_counts``: for words whose ASCII spelling has several forms (``su``/``şu``,
  ``on``/``ön``), how often each form follows a word (``<``: ``icmek su`` is read as "after
  içmek", folded; ``^`` stands for the start of a sentence, where ``Şu`` is far more common)
  or precedes one (``>``), in the same tweets: the context that tells them apart.

Deterministic: same inputs, same file. Only this script reads hunspell-tr and wordfreq; the site
reads the table with numpy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from comments.moderation.deasciify import (  # noqa: E402
    CONTEXT_MARGIN,
    SENTENCE_END,
    SENTENCE_ENDS,
    SENTENCE_START,
)
from comments.moderation.dictionary import (  # noqa: E402
    CONTEXT_STEPS,
    LETTER_WINDOWS,
    PROPER,
    TABLE_FILE,
    UNIGRAM_STEPS,
    UNSURE,
    letter_contexts,
    letter_mask,
)
from comments.moderation.text import TURKISH_LETTERS, fold, turkish_lower  # noqa: E402

WORD_RE = re.compile(r"[^\W\d_]+")
MIN_TWEET_COUNT = 3  # informal forms kept from the tweets: seen at least this often
UNKNOWN = "?"  # a word of the tweets that cannot be read for sure
#: A letter context is kept when seen in at least this many uses...
MIN_CONTEXT_USES = 3
#: ... and one of the two letters makes at least this share of them (else the ASCII one is
#: kept: the restorer leaves a letter alone when unsure).
SURE_SHARE = 0.9
#: Context pairs are kept for this many of the language model's most used words (folded): all
#: of its 300,000 (a rarer neighbour still tells ön sıralardan from on, işe soktuğum from ise),
CONTEXT_NEIGHBOURS = 400000
#: ... each standing for this many of its most used forms (su: şu, su).
NEIGHBOUR_FORMS = 3


def read_affixes(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    rules: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, condition = parts[1:5]
            rules[flag].append(
                ("" if strip == "0" else strip, "" if add == "0" else add.split("/")[0], condition)
            )
    return rules


def dictionary_forms(directory: Path) -> Counter:
    """Each form of the dictionary -> 1 if written in lower case somewhere, else 0 (a name)."""
    rules = read_affixes(directory / "tr_TR.aff")
    forms: dict[str, int] = {}
    with (directory / "tr_TR.dic").open(encoding="utf-8") as handle:
        next(handle)  # the entry count
        for line in handle:
            word, _, flags = line.strip().partition("/")
            if not word:
                continue
            found = [word]
            for flag in flags.split(",") if flags else ():
                for strip, add, condition in rules.get(flag, ()):
                    if condition != "." and not re.search(condition + "$", word):
                        continue
                    if word.endswith(strip):
                        found.append(word[: len(word) - len(strip)] + add)
            for form in found:
                lower = turkish_lower(form)
                if not lower.isalpha() or len(lower) > 32:
                    continue
                written_lower = form[:1].islower()
                forms[lower] = max(forms.get(lower, 0), int(written_lower))
    return forms


def tweets(data: Path) -> list[list[str]]:
    """The lower-case words of the Turkish tweets written with Turkish letters, minus the
    measured ones."""
    measured = set()
    with (data / "turkish-chars-pairs.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            measured.add(json.loads(line)["id"].removesuffix("-ascii"))
    found = []
    with (data / "offenseval-tr.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = row["text"]
            if row["id"] in measured or TURKISH_LETTERS.isdisjoint(text):
                continue
            found.append(sentence_words(text))
    return found


def sentence_words(text: str) -> list[str]:
    """The lower-case words of ``text``, with ``^`` before each sentence's first word (how the
    restorer sees the word before one that starts a sentence)."""
    words = []
    for match in WORD_RE.finditer(text):
        if match.group() == "USER":
            continue
        before = text[: match.start()].rstrip()
        if not before or before[-1] in SENTENCE_ENDS:
            words.append(SENTENCE_START)
        word = match.group()
        # Shouted with an ASCII I (ICIN): I may stand for ı or for İ, so the word is unknown.
        words.append(UNKNOWN if word.isupper() and "I" in word else turkish_lower(word))
    return words


def general_counts(forms, tweet_words: int) -> Counter:
    """Each form's expected uses in ``tweet_words`` words of general Turkish (``wordfreq``'s
    list: web, subtitles, news, Wikipedia and Twitter), at least 1 for a listed form.

    Only forms of the table count: the list also holds words typed without their letters
    (``cok``), which must not compete with the forms they stand for."""
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("tr", "small")
    return Counter(
        {
            form: max(1, round(frequencies[form] * tweet_words))
            for form in forms
            if form in frequencies
        }
    )


def letter_rules(counts: Counter) -> list[tuple[int, int]]:
    """``(key, label)`` of the letter contexts that decide differently from the smaller one
    inside them (see ``letter_key_steps`` above), learned from the forms used in ``counts``."""
    uses: list[dict[str, list[int]]] = [defaultdict(lambda: [0, 0]) for _ in LETTER_WINDOWS]
    for word, count in counts.items():
        if count <= 0 or not word.isalpha():
            continue
        folded = fold(word)
        if len(folded) != len(word):
            continue
        for k, ch in enumerate(folded):
            if ch not in "cgiosu":
                continue
            turkish = int(word[k] != ch)
            for level, context in enumerate(letter_contexts(folded, k)):
                uses[level][context][turkish] += count
    rules: list[tuple[int, int]] = []
    decided: list[dict[str, int]] = []  # per level: the label each context ends up with
    for level, found in enumerate(uses):
        here: dict[str, int] = {}
        for context, (ascii_uses, turkish_uses) in found.items():
            total = ascii_uses + turkish_uses
            label = int(turkish_uses >= SURE_SHARE * total)
            if level == 0:
                inherited = None
            else:
                inherited = decided[level - 1][parent_context(context, level)]
            if level == 0 or (total >= MIN_CONTEXT_USES and label != inherited):
                rules.append((zlib.crc32(context.encode()), label))
                here[context] = label
            else:
                here[context] = inherited
        decided.append(here)
    return sorted(set(rules))


def parent_context(context: str, level: int) -> str:
    """The context of ``LETTER_WINDOWS[level - 1]`` inside ``context`` of ``level``."""
    (left, right), (parent_left, parent_right) = LETTER_WINDOWS[level], LETTER_WINDOWS[level - 1]
    window = context[:-1]
    return window[left - parent_left : len(window) - (right - parent_right)] + str(level - 1)


def context_pairs(texts: list[list[str]], ambiguous: set[str]) -> Counter:
    """``"<before form"`` and ``"form after>"`` counts for the forms of ambiguous spellings
    (``$`` after the last word of a sentence)."""
    pairs: Counter = Counter()
    for words in texts:
        for i, word in enumerate(words):
            if fold(word) not in ambiguous:
                continue
            if i > 0:
                pairs[f"<{fold(words[i - 1])} {word}"] += 1
            after = words[i + 1] if i + 1 < len(words) else SENTENCE_START
            after = SENTENCE_END if after == SENTENCE_START else fold(after)
            pairs[f"{word} {after}>"] += 1
    return pairs


def zemberek_forms(forms: dict[str, int], model) -> dict[str, int]:
    """Forms Zemberek knows and the table does not (see ``scripts/zemberek_lm.py``), with
    their flags: names of the lexicon with Turkish letters (``Türkiye``, ``Katırcıoğlu``), the
    ASCII-spelled ones that share their folding (``Erdogan`` beside ``Erdoğan``: kept only when
    not far rarer), and words with Turkish letters the language model and the ASCII map know
    (``görüyosunuz``) whose folding no form of the table has. All are restored, never "sure"."""
    from zemberek_lm import ascii_map, proper_names

    added: dict[str, int] = {}
    names = {turkish_lower(n) for n in proper_names()}
    names = {n for n in names if n.isalpha() and 2 <= len(n) <= 32}
    for name in sorted(names):
        if name not in forms and not name.isascii():
            added[name] = PROPER | UNSURE
    with_letters = defaultdict(list)  # folded -> forms with Turkish letters
    for word in [*forms, *added]:
        if not word.isascii():
            with_letters[fold(word)].append(word)
    for name in sorted(names):
        if name in forms or not name.isascii() or name not in with_letters:
            continue
        best = max(lm_unigram(model, w) for w in with_letters[name])
        if best < lm_unigram(model, name) + 1:
            added[name] = PROPER | UNSURE  # Washington stays; "erdogan" is far rarer: no name
    taken = {fold(w) for w in forms} | {fold(w) for w in added}
    best: dict[str, tuple[float, str]] = {}
    for word in model.words:
        if word.isascii() or not word.isalpha() or not word.islower() or len(word) > 32:
            continue
        folded = fold(word)
        if folded in taken or not folded.isascii():
            continue
        # The ASCII spelling itself must be far rarer (hoyt, unv are words as typed).
        if lm_unigram(model, folded) > lm_unigram(model, word) - 1:
            continue
        score = lm_unigram(model, word)
        if folded not in best or score > best[folded][0]:
            best[folded] = (score, word)
    for typed, meant in ascii_map().items():
        meant = turkish_lower(meant)
        if typed not in taken and typed not in best and meant.isalpha() and fold(meant) == typed:
            if typed not in model.ids and not meant.isascii():
                best[typed] = (0.0, meant)
    for _, word in best.values():
        added[word] = UNSURE
    return added


def lm_unigram(model, word: str) -> float:
    """log10 of the word's probability in the language model (-99 when it does not know it)."""
    index = model.ids.get(word)
    return -99.0 if index is None else float(model.unigram[index])


def context_deltas(model, forms: list[str], top: int) -> dict[str, float]:
    """For the forms of ASCII spellings with several forms the language model weighs alike
    (``su``/``şu``, ``sakin``/``sakın``): how much more likely (log10) the model finds each
    after a word (``"<bol su"``, the word folded; ``^``: a sentence start) or before one
    (``"şu an>"``; ``$``: a sentence end) than it would without that word, for the ``top``
    most used folded words of the model. A folded word stands for its forms (``su``: şu or
    su, so ``ılık su`` counts): after one of them by their shares of use, before any of them.
    A word's pairs are kept when they change the choice."""
    by_spelling: dict[str, list[int]] = defaultdict(list)
    for form in forms:
        if form in model.ids:
            by_spelling[fold(form)].append(model.ids[form])
    spellings = {}
    for spelling, ids in by_spelling.items():
        ranked = sorted(ids, key=lambda i: -model.unigram[i])
        if len(ranked) > 1 and model.unigram[ranked[1]] >= model.unigram[ranked[0]] - 3:
            spellings[spelling] = ranked[:4]
    neighbours: dict[str, list[int]] = {
        SENTENCE_START: [model.ids["<s>"]],
        SENTENCE_END: [model.ids["</s>"]],
    }
    for index in np.argsort(-model.unigram, kind="stable"):
        word = model.words[index]
        if not (word.isalpha() and word.islower()):
            continue
        found = neighbours.get(fold(word))
        if found is None and len(neighbours) < top:
            neighbours[fold(word)] = [int(index)]
        elif found is not None and len(found) < NEIGHBOUR_FORMS:
            found.append(int(index))
    names = list(neighbours)
    # One column per form of each folded neighbour (most used first), and where one is.
    near = np.zeros((len(names), NEIGHBOUR_FORMS), dtype=np.int64)
    present = np.zeros((len(names), NEIGHBOUR_FORMS), dtype=bool)
    for row, name in enumerate(names):
        ids = neighbours[name]
        near[row, : len(ids)], present[row, : len(ids)] = ids, True
    shares = np.where(present, 10.0 ** model.unigram[near].astype(np.float64), 0.0)
    shares /= shares.sum(axis=1, keepdims=True)
    deltas: dict[str, float] = {}
    for ids in spellings.values():
        ids_array = np.array(ids, dtype=np.int64)
        for side in ("before", "after"):
            delta = _neighbour_deltas(model, near, present, shares, ids_array, side)
            for row in np.nonzero(_moves_choice(model.unigram[ids_array], delta))[0]:
                for column, value in enumerate(delta[row]):
                    if value:
                        form = model.words[ids[column]]
                        key = (
                            f"<{names[row]} {form}" if side == "before" else f"{form} {names[row]}>"
                        )
                        deltas[key] = float(value)
    return deltas


def _neighbour_deltas(model, near, present, shares, ids, side: str) -> np.ndarray:
    """log10 of how much more likely each form (``ids``, one column each) is beside each folded
    neighbour (one row each; its forms in ``near`` where ``present``) than the model expects
    without the pair: after the neighbour, its forms weighed by ``shares``; before it, any of
    its forms. 0 where the model knows no such pair."""
    unigram = model.unigram.astype(np.float64)
    backoff = model.backoff.astype(np.float64)
    rows, columns = near.shape[0], len(ids)
    seen = np.zeros((rows, columns))
    expected = np.zeros((rows, columns))
    known = np.zeros((rows, columns), dtype=bool)
    for k in range(near.shape[1]):
        chosen = np.nonzero(present[:, k])[0]
        words = near[chosen, k]
        first = np.repeat(words, columns) if side == "before" else np.tile(ids, len(words))
        second = np.tile(ids, len(words)) if side == "before" else np.repeat(words, columns)
        found = model.bigram(first, second).reshape(len(words), columns).astype(np.float64)
        if side == "before":  # P(form | word), the word's forms weighed by their use
            weight = shares[chosen, k][:, None]
            without = backoff[words][:, None] + unigram[ids][None, :]
        else:  # P(word | form): any of the word's forms
            weight = 1.0
            without = unigram[words][:, None] + backoff[ids][None, :]
        seen[chosen] += weight * 10.0 ** np.where(np.isnan(found), without, found)
        expected[chosen] += weight * 10.0**without
        known[chosen] |= ~np.isnan(found)
    return np.where(known, np.log10(seen / expected), 0.0)


def _moves_choice(unigram: np.ndarray, delta: np.ndarray) -> np.ndarray:
    """Which rows of context ``delta`` (one row per word, one column per form) change the
    restorer's choice made on ``unigram`` alone: another form wins by ``CONTEXT_MARGIN``, or
    the same one wins by that margin where it did not, or no longer does."""

    def choice(scores: np.ndarray) -> np.ndarray:
        ranked = np.sort(scores, axis=-1)
        clear = ranked[..., -1] - ranked[..., -2] >= CONTEXT_MARGIN
        return np.where(clear, np.argmax(scores, axis=-1), -1)

    return choice(unigram[None, :] + delta) != choice(unigram)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell"))
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "moderation")
    parser.add_argument("--neighbours", type=int, default=CONTEXT_NEIGHBOURS)
    args = parser.parse_args()

    from zemberek_lm import BigramModel

    forms = dictionary_forms(args.hunspell)
    texts = tweets(args.data)
    counts = Counter(w for words in texts for w in words if w not in (SENTENCE_START, UNKNOWN))
    folded_forms = {fold(w) for w in forms}
    for word, count in counts.items():
        if word in forms or count < MIN_TWEET_COUNT or len(word) > 32 or len(word) < 2:
            continue
        # An informal form with Turkish letters (bişey), or an ASCII word no dictionary form
        # folds to (tamamdır typed "tmm" is not one: chat-speak stays unknown).
        if not word.isascii() or fold(word) not in folded_forms:
            forms[word] = 1

    counts += general_counts(forms, sum(counts.values()))
    model = BigramModel()
    flags = {w: 0 if lower else PROPER for w, lower in forms.items()}
    flags.update(zemberek_forms(forms, model))
    deltas = context_deltas(model, list(flags), args.neighbours)
    spellings = Counter(fold(w) for w in forms)
    ambiguous = {spelling for spelling, n in spellings.items() if n > 1}
    pairs = sorted((p, n) for p, n in context_pairs(texts, ambiguous).items() if n >= 2)
    rows = sorted(
        (zlib.crc32(fold(w).encode()), -counts.get(w, 0), letter_mask(w), flag, w)
        for w, flag in flags.items()
    )
    letters = letter_rules(Counter({w: counts[w] + 1 for w in forms}))
    letter_keys = np.array([k for k, _ in letters], dtype=np.uint32)
    keys = np.array([r[0] for r in rows], dtype=np.uint32)
    steps = np.diff(keys, prepend=np.uint32(0))
    if steps.max() >= 2**16:
        raise SystemExit("a step between keys does not fit 16 bits: store them wider")
    masks = np.array([r[2] for r in rows], dtype="<u4")
    unigram = [lm_unigram(model, r[4]) for r in rows]
    context = sorted((zlib.crc32(k.encode()), v) for k, v in deltas.items())
    context_keys = np.array([k for k, _ in context], dtype=np.uint32)
    TABLE_FILE.parent.mkdir(exist_ok=True)
    np.savez_compressed(
        TABLE_FILE,
        # Steps between sorted keys fit 16 bits; the masks' bytes are stored plane by plane
        # (all first bytes, then all second bytes...): both compress far better so.
        key_steps=steps.astype(np.uint16),
        mask_planes=masks.view(np.uint8).reshape(-1, 4).T.copy(),
        counts=np.array([min(-r[1], 65535) for r in rows], dtype=np.uint16),
        flags=np.array([r[3] for r in rows], dtype=np.uint8),
        unigram=np.array([min(255, round(-u * UNIGRAM_STEPS)) for u in unigram], dtype=np.uint8),
        letter_key_steps=np.diff(letter_keys, prepend=np.uint32(0)),
        letter_key_labels=np.packbits(np.array([label for _, label in letters], dtype=np.uint8)),
        pairs=np.frombuffer("\n".join(p for p, _ in pairs).encode(), dtype=np.uint8),
        pair_counts=np.array([min(n, 65535) for _, n in pairs], dtype=np.uint16),
        context_key_steps=np.diff(context_keys, prepend=np.uint32(0)),
        context_deltas=np.array(
            [max(-127, min(127, round(v * CONTEXT_STEPS))) for _, v in context], dtype=np.int8
        ),
    )
    print(
        f"{len(rows):,} forms ({len(flags) - len(forms):,} from Zemberek), "
        f"{len(context):,} pairs from the language model and {len(pairs):,} from the tweets, "
        f"{len(letters):,} letter contexts; "
        f"wrote {TABLE_FILE} ({TABLE_FILE.stat().st_size:,} bytes)"
    )


if __name__ == "__main__":
    main()
