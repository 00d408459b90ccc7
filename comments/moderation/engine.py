"""The engine: runs the rules over a text and turns their findings into a verdict."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from .context import Context, story_names
from .findings import LIKELY_OFFENSIVE, OFFENCE_RULES, REVIEW, Finding, Verdict, decide
from .language import detect_language
from .lexicon import Lexicon, Terms, default_lexicon
from .messages import message
from .model import Model, default_model
from .rules import DEFAULT_RULES

Rule = Callable[[Context], list[Finding]]


class Engine:
    """Moderates texts with one lexicon and one set of rules.

    ``lexicon`` defaults to the shipped word lists; ``rules`` to every rule of the notice;
    ``use_model`` adds the learned signal when its weights file is shipped, or ``model`` gives
    one: the verdict's ``score``, and a ``likely_offensive`` finding (review) when the score
    reaches the model's threshold for the language and no offence rule fired. An engine holds
    no per-text state, so one instance can serve every request and thread.
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        rules: Sequence[Rule] = DEFAULT_RULES,
        *,
        use_model: bool = True,
        model: Model | None = None,
    ):
        self.lexicon = lexicon or default_lexicon()
        self.rules = tuple(rules)
        self.model = model or (default_model() if use_model else None)

    def moderate(
        self,
        text: str,
        extra: Terms | None = None,
        lang: str | None = None,
        story: str = "",
    ) -> Verdict:
        """The verdict for ``text``.

        ``extra`` adds editors' banned, suspect and allowed terms for this call; ``lang``
        (``tr``, ``en``, ``other``) skips language detection when the caller knows it;
        ``story``: the text of the story the comment is about, whose names the Turkish-letters
        rule writes as the story does and never counts as missing letters.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        lexicon = _extended(self.lexicon, extra) if extra else self.lexicon
        lang = lang or detect_language(text)
        context = Context.build(text, lang, lexicon, story_names(story))
        findings: list[Finding] = []
        for rule in self.rules:
            findings.extend(rule(context))
        score = None
        if self.model is not None:
            score, finding = self._signal(context)
            # An offence rule already names what is wrong: the score alone is enough then.
            if finding is not None and not any(f.rule in OFFENCE_RULES for f in findings):
                findings.append(finding)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return Verdict(decide(findings), lang, tuple(findings), score)

    def _signal(self, context: Context) -> tuple[float, Finding | None]:
        """The model's probability, and a ``likely_offensive`` finding when it is high enough.

        The finding's span is the word that weighs most in the score, when one weighs enough
        to show; otherwise it is empty.
        """
        probability, index = self.model.score(context.text, context.token_texts)
        if probability < self.model.threshold(context.lang):
            return probability, None
        start = end = 0
        if index is not None:
            token = context.tokens[index]
            start, end = token.start, token.end
        tr, en = message(LIKELY_OFFENSIVE)
        tr, en = tr.format(score=probability), en.format(score=probability)
        return probability, Finding(LIKELY_OFFENSIVE, REVIEW, start, end, tr, en)


@lru_cache(maxsize=32)
def _extended(lexicon: Lexicon, terms: Terms) -> Lexicon:
    return lexicon.extended(terms)


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    return Engine()


def moderate(
    text: str, extra: Terms | None = None, lang: str | None = None, story: str = ""
) -> Verdict:
    """Moderate ``text`` with the default engine (see :meth:`Engine.moderate`)."""
    return default_engine().moderate(text, extra=extra, lang=lang, story=story)
