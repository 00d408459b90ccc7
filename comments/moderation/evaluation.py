"""Reading comments as JSON lines, moderating them, and measuring the rules on labelled data.

The ``moderate`` management command is a thin wrapper around :func:`moderate_lines` and
:func:`evaluate`; tests call them directly.

Labels: ``clean`` is negative for every rule; ``offensive`` is positive for the offence group
(a hit when any of ``profanity``, ``insult``, ``hurtful`` or ``belief_attack`` fires, with either
severity, or the learned signal ``likely_offensive``); a rule code (``no_turkish_chars``) is
positive for that rule; any other label (``has_turkish_chars``) is negative for every rule.

Restoration: when the lines hold pairs (a row ``X`` and its ASCII copy ``X-ascii``, as in
``turkish-chars-pairs.jsonl``), :func:`restoration` measures the Turkish letters restored in each
copy against its original, whole comments and words (all pairs, with or without ``holdout``:
the restorer is built without them), and states the ceiling: the originals a restorer could
match at all (no word, nor part of a hashtag, typed without its letters) and, of those, the ones
whose words with letters are all in the table.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .deasciify import copy_case, inside_sentence, restore
from .dictionary import turkish_words
from .engine import Engine, default_engine
from .findings import CODES, OFFENCE_SIGNALS, REJECT, Verdict
from .language import preload
from .model import is_holdout
from .text import TURKISH_LETTERS, fold, tokenize, turkish_lower, url_spans

_WORD_RE = re.compile(r"\w+")
ASCII_COPY = "-ascii"

OFFENSIVE = "offensive"
#: Where the report shows the precision/recall curve of the model score.
CURVE_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.7, 0.9)
CLEAN = "clean"


@dataclass
class BadLine:
    number: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.number}: {self.reason}"


def read_lines(lines: Iterable[str]) -> Iterator[tuple[int, dict | BadLine]]:
    """``(line number, object)`` for each non-blank line, or a :class:`BadLine` saying why not."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as error:
            yield number, BadLine(number, f"invalid JSON ({error})")
            continue
        if not isinstance(obj, dict):
            yield number, BadLine(number, "not a JSON object")
        elif "text" not in obj:
            yield number, BadLine(number, 'missing "text"')
        elif not isinstance(obj["text"], str):
            yield number, BadLine(number, f'"text" is {type(obj["text"]).__name__}, not a string')
        else:
            yield number, obj


def annotate(obj: dict, verdict: Verdict) -> dict:
    """The object with ``decision``, ``lang`` and ``findings`` added."""
    return {**obj, **verdict.to_dict()}


@dataclass
class RuleScore:
    positives: int = 0  # rows whose label says the rule should fire
    fired: int = 0
    true_positives: int = 0
    fired_reject: int = 0
    true_positives_reject: int = 0

    @staticmethod
    def _ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    @property
    def precision(self) -> float | None:
        return self._ratio(self.true_positives, self.fired)

    @property
    def recall(self) -> float | None:
        return self._ratio(self.true_positives, self.positives)

    @property
    def reject_precision(self) -> float | None:
        return self._ratio(self.true_positives_reject, self.fired_reject)

    @property
    def reject_recall(self) -> float | None:
        return self._ratio(self.true_positives_reject, self.positives)


@dataclass
class Restoration:
    """How the restored ASCII copies compare with their originals."""

    comments: int = 0
    exact: int = 0
    #: Originals whose every word has all its Turkish letters (see :func:`typed_without_letters`).
    consistent: int = 0
    consistent_exact: int = 0
    words: int = 0
    right_words: int = 0
    #: Capitalised words inside a sentence (names, as the restorer reads them), and how many
    #: of them the restorer changed where the original has them as typed (and rightly so:
    #: no dictionary form has more of their letters).
    names: int = 0
    names_changed: int = 0
    #: The ceiling: originals whose words have all their letters, the parts of hashtags and of
    #: words joined with capitals or digits included (``#AliKocBaskan`` lacks two)...
    complete: int = 0
    complete_exact: int = 0
    #: ... and of those, the ones whose every word with Turkish letters is a form of the table
    #: (no ``tivikır``, ``höyt``: only a guess could restore those exactly).
    in_table: int = 0
    in_table_exact: int = 0
    #: Originals with words typed without their letters, and those words.
    inconsistent_words: list[str] = field(default_factory=list)
    #: (as typed, as restored, as the original has it) of every word restored wrong.
    wrong_words: list[tuple[str, str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        def share(a: int, b: int) -> str:
            return f"{a}/{b} = {a / b:.1%}" if b else "-"

        return [
            f"restoration: exact {share(self.exact, self.comments)} comments; on the "
            f"{self.consistent} whose original has all its Turkish letters "
            f"{share(self.consistent_exact, self.consistent)}; words "
            f"{share(self.right_words, self.words)}; names changed {self.names_changed} of "
            f"{self.names}",
            f"  {self.comments - self.consistent} originals have words typed without their "
            f"letters ({len(self.inconsistent_words)} words)",
            f"  ceiling: {self.complete} originals have all their letters, parts of hashtags "
            f"included (restored exactly {share(self.complete_exact, self.complete)}); "
            f"{self.in_table} of them have no word with letters the table does not know "
            f"({share(self.in_table_exact, self.in_table)})",
        ]

    def wrong_lines(self) -> list[str]:
        """The words restored wrong, most frequent first: ``typed -> restored (original) ×n``,
        marked ``[typed so]`` when the original itself lacks letters there."""
        out = []
        for (typed, got, want), n in Counter(self.wrong_words).most_common():
            mark = " [typed so]" if typed_without_letters(want) else ""
            out.append(f"  {typed} -> {got} (original {want}) x{n}{mark}")
        return out


def typed_without_letters(word: str) -> bool:
    """Is the word (as an original has it) a dictionary form short of some of its Turkish
    letters (``icin``, ``ICIN`` for ``için``; ``Üzüntusunde``), and no dictionary form as it
    stands?"""
    words = turkish_words()
    if words is None or not word.isalpha():
        return False
    lacking = False
    for form in words.forms(fold(turkish_lower(word))):
        cased = copy_case(word, form.word)
        if cased == word:
            return False
        lacking = lacking or all(
            typed == meant or (typed.isascii() and fold(turkish_lower(meant)) == typed.lower())
            for typed, meant in zip(word, cased, strict=True)
        )
    return lacking


#: The parts of a hashtag or of words joined with capitals or digits (AliKoc, Ispor10).
_PARTS_RE = re.compile(r"[A-ZÇĞİÖŞÜ]+(?![a-zçğıöşü])|[A-ZÇĞİÖŞÜ]?[a-zçğıöşü]+")
_JOINED_RE = re.compile(r"[a-zçğıöşü][A-ZÇĞİÖŞÜ]|\d")


def word_parts(word: str) -> list[str]:
    """The word, or its parts when it joins words with capitals or digits (``AliKocBaskan``:
    ``Ali``, ``Koc``, ``Baskan``)."""
    return _PARTS_RE.findall(word) if _JOINED_RE.search(word) else [word]


def unknown_with_letters(word: str) -> bool:
    """Is the word (as an original has it) written with Turkish letters and no form of the
    table (``tivikır``, ``Reyisçimiymiş``)?"""
    words = turkish_words()
    return (
        words is not None
        and word.isalpha()
        and not TURKISH_LETTERS.isdisjoint(word)
        and not words.known(turkish_lower(word))
    )


def restoration(pairs: Iterable[tuple[str, str]]) -> Restoration:
    """Each ASCII copy restored (with no story names) and compared with its original."""
    score = Restoration()
    for copy, original in pairs:
        tokens = tokenize(copy, url_spans(copy))
        restored, _ = restore(copy, tokens)
        score.comments += 1
        score.exact += restored == original
        typed = [w for w in _WORD_RE.findall(original) if typed_without_letters(w)]
        score.inconsistent_words += typed
        if not typed:
            score.consistent += 1
            score.consistent_exact += restored == original
        parts = [p for w in _WORD_RE.findall(original) for p in word_parts(w)]
        if not any(map(typed_without_letters, parts)):
            score.complete += 1
            score.complete_exact += restored == original
            if not any(map(unknown_with_letters, parts)):
                score.in_table += 1
                score.in_table_exact += restored == original
        got, want = _WORD_RE.findall(restored), _WORD_RE.findall(original)
        score.words += len(want)
        if len(got) == len(want):
            score.right_words += sum(g == w for g, w in zip(got, want, strict=True))
            score.wrong_words += [
                (typed, g, w)
                for typed, g, w in zip(_WORD_RE.findall(copy), got, want, strict=True)
                if g != w
            ]
        for index, token in enumerate(tokens):
            if index and token.text[:1].isupper() and inside_sentence(copy, index, token):
                at = slice(token.start, token.end)
                if len(restored) == len(copy) == len(original):
                    score.names += 1
                    score.names_changed += restored[at] != copy[at] == original[
                        at
                    ] and not typed_without_letters(original[at])
    return score


@dataclass
class Report:
    rows: int = 0
    bad_lines: int = 0
    seconds: float = 0.0
    labels: Counter = field(default_factory=Counter)
    decisions: Counter = field(default_factory=Counter)
    scores: dict[str, RuleScore] = field(default_factory=dict)
    #: (model score, is offensive) of rows labelled offensive or clean, when the model ran.
    model_scores: list[tuple[float, bool]] = field(default_factory=list)
    restoration: Restoration | None = None

    @property
    def roc_auc(self) -> float | None:
        """The chance that the model scores an offensive row above a clean one (ties count
        half), or ``None`` without both kinds of rows."""
        ranked = sorted(self.model_scores)
        positives = sum(label for _, label in ranked)
        negatives = len(ranked) - positives
        if not positives or not negatives:
            return None
        rank_sum, i = 0.0, 0
        while i < len(ranked):
            j = i
            while j < len(ranked) and ranked[j][0] == ranked[i][0]:
                j += 1
            average_rank = (i + j + 1) / 2  # ranks i+1..j
            rank_sum += average_rank * sum(label for _, label in ranked[i:j])
            i = j
        return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)

    def curve(
        self, thresholds: Iterable[float] = CURVE_THRESHOLDS
    ) -> list[tuple[float, float, float, float]]:
        """``(threshold, precision, recall, share of clean rows)`` of the model score alone,
        counting a row as flagged when its score reaches the threshold."""
        positives = sum(label for _, label in self.model_scores)
        negatives = len(self.model_scores) - positives
        points = []
        for threshold in thresholds:
            flagged = [label for score, label in self.model_scores if score >= threshold]
            hits = sum(flagged)
            points.append(
                (
                    threshold,
                    hits / len(flagged) if flagged else 0.0,
                    hits / positives if positives else 0.0,
                    (len(flagged) - hits) / negatives if negatives else 0.0,
                )
            )
        return points

    @property
    def per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def score(self, name: str) -> RuleScore:
        return self.scores.setdefault(name, RuleScore())

    def add(self, label: str, verdict: Verdict) -> None:
        self.rows += 1
        self.labels[label] += 1
        if verdict.score is not None and label in (OFFENSIVE, CLEAN):
            self.model_scores.append((verdict.score, label == OFFENSIVE))
        self.decisions[verdict.decision] += 1
        fired: dict[str, bool] = {}  # rule -> fired with reject
        for f in verdict.findings:
            fired[f.rule] = fired.get(f.rule, False) or f.severity == REJECT
        offence = {r: rej for r, rej in fired.items() if r in OFFENCE_SIGNALS}
        if offence:
            fired[OFFENSIVE] = any(offence.values())
        for rule in (*CODES, OFFENSIVE):
            positive = label == rule or (label == OFFENSIVE and rule in OFFENCE_SIGNALS)
            score = self.score(rule)
            score.positives += positive
            if rule in fired:
                score.fired += 1
                score.true_positives += positive
                if fired[rule]:
                    score.fired_reject += 1
                    score.true_positives_reject += positive

    def lines(self) -> list[str]:
        def pct(value: float | None) -> str:
            return "   -  " if value is None else f"{value:6.3f}"

        out = [
            f"rows {self.rows}  bad lines {self.bad_lines}  labels {dict(self.labels)}",
            f"decisions {dict(self.decisions)}",
            f"{'rule':<17}{'cases':>7}{'fired':>7}{'prec':>8}{'recall':>8}"
            f"{'reject':>8}{'prec':>8}{'recall':>8}",
        ]
        for rule in (OFFENSIVE, *CODES):
            s = self.scores.get(rule)
            if s is None or (not s.fired and not s.positives):
                continue
            out.append(
                f"{rule:<17}{s.positives:>7}{s.fired:>7}{pct(s.precision):>8}{pct(s.recall):>8}"
                f"{s.fired_reject:>8}{pct(s.reject_precision):>8}{pct(s.reject_recall):>8}"
            )
        out.append(
            "offensive = any of profanity/insult/hurtful/belief_attack/likely_offensive; a "
            "per-rule row counts 'offensive' labels as its positives"
        )
        if self.roc_auc is not None:
            out.append(f"model score ROC AUC {self.roc_auc:.3f} (offensive vs clean rows)")
            for threshold, precision, recall, clean in self.curve():
                out.append(
                    f"  score >= {threshold:.2f}: precision {precision:.3f}, recall {recall:.3f}, "
                    f"clean rows {clean:.3f}"
                )
        if self.restoration is not None:
            out += self.restoration.lines()
        out.append(f"throughput {self.per_second:,.0f} comments/second ({self.seconds:.2f} s)")
        return out


def moderate_lines(lines: Iterable[str], engine: Engine | None = None) -> Iterator[dict | BadLine]:
    """Each input line moderated: the annotated object, or a :class:`BadLine`."""
    engine = engine or default_engine()
    for _number, obj in read_lines(lines):
        if isinstance(obj, BadLine):
            yield obj
        else:
            yield annotate(obj, engine.moderate(obj["text"]))


def evaluate(
    lines: Iterable[str],
    engine: Engine | None = None,
    errors: list[BadLine] | None = None,
    holdout: bool = False,
) -> Report:
    """Precision and recall of every rule on labelled lines (each with ``text`` and ``label``).

    ``holdout`` keeps only the rows the learned model was not trained on (by their ``id``).
    """
    engine = engine or default_engine()
    report = Report()
    parsed = []
    texts = {}  # id -> text of every row, for the restoration pairs
    for _number, obj in read_lines(lines):
        if isinstance(obj, BadLine):
            report.bad_lines += 1
            if errors is not None:
                errors.append(obj)
            continue
        texts[str(obj.get("id", ""))] = obj["text"]
        if holdout and not is_holdout(str(obj.get("id", ""))):
            continue
        parsed.append(obj)
    # Load the word lists, the language model and the dictionaries before the clock starts.
    engine.moderate("Bu haberi okudum, teşekkürler.")
    engine.moderate("I read this story, thank you.")
    preload()
    started = time.perf_counter()
    verdicts = [engine.moderate(obj["text"]) for obj in parsed]
    report.seconds = time.perf_counter() - started
    for obj, verdict in zip(parsed, verdicts, strict=True):
        report.add(str(obj.get("label", "")), verdict)
    pairs = [
        (text, texts[row_id.removesuffix(ASCII_COPY)])
        for row_id, text in texts.items()
        if row_id.endswith(ASCII_COPY) and row_id.removesuffix(ASCII_COPY) in texts
    ]
    if pairs:
        report.restoration = restoration(pairs)
    return report
