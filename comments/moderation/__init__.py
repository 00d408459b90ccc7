"""Comment moderation for newsportal: the rules of the site's notice, as a plain Python package.

The notice under every story says comments with swearing, insults, hurtful sentences or
insinuations, attacks on beliefs, bad spelling, Turkish typed without Turkish letters, or capital
letters are not approved. This package decides that for one text, without Django, so the comment
form, the admin and the ``moderate`` management command share it.

Using it takes three steps:

1. Moderate a text with the default engine and the shipped word lists::

       from comments.moderation import moderate

       verdict = moderate("Sen ne salaksın ya")
       verdict.decision          # "reject", "review" or "pass"
       verdict.lang              # "tr", "en" or "other"
       for f in verdict.findings:
           f.rule, f.severity, f.start, f.end, f.message_tr, f.message_en

2. Add the terms editors keep in the admin (banned, suspect, allowed), per call::

       from comments.moderation import Terms

       terms = Terms(banned=frozenset({"kötükelime*"}), suspect=frozenset({"kumar"}),
                     allowed=frozenset({"sikke*"}))
       verdict = moderate(text, extra=terms)

   or once, for an engine the app keeps::

       from comments.moderation import Engine, default_lexicon

       engine = Engine(default_lexicon().extended(terms))
       verdict = engine.moderate(text)

3. Show the findings: each has a rule code (``profanity``, ``insult``, ``hurtful``,
   ``belief_attack``, ``spelling``, ``no_turkish_chars``, ``all_caps``, ``links``, ``suspect``),
   a severity (``reject`` or ``review``), the span ``text[start:end]`` of the evidence and a
   short explanation in Turkish and English. For ``no_turkish_chars``, ``verdict.suggestion``
   is the text with the Turkish letters restored, for the form to offer.

4. Store ``verdict.score``: the learned model's calibrated probability (0 to 1) that the text
   is offensive (:mod:`comments.moderation.model`, weights in ``model/weights.npz``), for the
   editors' queue. When it reaches the model's threshold and no offence rule fired, the verdict
   also has a ``likely_offensive`` finding of severity ``review``: not a rule of the notice,
   never shown to commenters, never a rejection. ``Engine(use_model=False)`` runs the rules
   alone (``score`` is then ``None``).

Word lists are data in ``lexicons/*.txt`` (syntax in :mod:`comments.moderation.lexicon`), read
once and cached; the Turkish dictionary is ``data/turkish_words.npz`` (from ``hunspell-tr``, see
:mod:`comments.moderation.dictionary`). ``Verdict.to_dict()`` gives the JSON the ``moderate``
command writes.

Measure on labelled comments with ``python manage.py moderate --evaluate < FILE.jsonl``
(``--holdout`` keeps to the rows the learned signal was not trained on; ``--no-model``).
"""

from .engine import Engine, default_engine, moderate
from .findings import (
    OFFENCE_RULES,
    PASS,
    REJECT,
    REVIEW,
    RULE_CODES,
    Finding,
    Verdict,
)
from .language import detect_language
from .lexicon import Lexicon, Terms, default_lexicon

__all__ = [
    "OFFENCE_RULES",
    "PASS",
    "REJECT",
    "REVIEW",
    "RULE_CODES",
    "Engine",
    "Finding",
    "Lexicon",
    "Terms",
    "Verdict",
    "default_engine",
    "default_lexicon",
    "detect_language",
    "moderate",
]
