"""The engine: runs the rules over a text and turns their findings into a verdict."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from .context import Context
from .findings import Finding, Verdict, decide
from .language import detect_language
from .lexicon import Lexicon, Terms, default_lexicon
from .model import Model, default_model
from .rules import DEFAULT_RULES, learned

Rule = Callable[[Context], list[Finding]]


class Engine:
    """Moderates texts with one lexicon and one set of rules.

    ``lexicon`` defaults to the shipped word lists; ``rules`` to every rule of the notice;
    ``use_model`` adds the learned signal (review only) when its weights file is shipped, or
    ``model`` gives one. An engine holds no per-text state, so one instance can serve every
    request and thread.
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

    def moderate(self, text: str, extra: Terms | None = None, lang: str | None = None) -> Verdict:
        """The verdict for ``text``.

        ``extra`` adds editors' banned, suspect and allowed terms for this call; ``lang``
        (``tr``, ``en``, ``other``) skips language detection when the caller knows it.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        lexicon = _extended(self.lexicon, extra) if extra else self.lexicon
        lang = lang or detect_language(text)
        context = Context.build(text, lang, lexicon, self.model)
        findings: list[Finding] = []
        for rule in self.rules:
            findings.extend(rule(context))
        if self.model is not None:
            findings.extend(learned.check(context, findings))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return Verdict(decision=decide(findings), lang=lang, findings=tuple(findings))


@lru_cache(maxsize=32)
def _extended(lexicon: Lexicon, terms: Terms) -> Lexicon:
    return lexicon.extended(terms)


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    return Engine()


def moderate(text: str, extra: Terms | None = None, lang: str | None = None) -> Verdict:
    """Moderate ``text`` with the default engine (see :meth:`Engine.moderate`)."""
    return default_engine().moderate(text, extra=extra, lang=lang)
