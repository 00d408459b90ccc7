"""The engine's answer: a :class:`Verdict` made of :class:`Finding` objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

REJECT = "reject"
REVIEW = "review"
PASS = "pass"

#: Rule codes are stable: the database, the admin filters and the templates store them.
PROFANITY = "profanity"
INSULT = "insult"
HURTFUL = "hurtful"
BELIEF_ATTACK = "belief_attack"
SPELLING = "spelling"
NO_TURKISH_CHARS = "no_turkish_chars"
ALL_CAPS = "all_caps"
LINKS = "links"
SUSPECT = "suspect"
#: Not a rule of the notice: the learned model finds the comment likely offensive. Sends it to
#: review, never rejects; editors see the score, commenters are never told.
LIKELY_OFFENSIVE = "likely_offensive"

RULE_CODES = (
    PROFANITY,
    INSULT,
    HURTFUL,
    BELIEF_ATTACK,
    SPELLING,
    NO_TURKISH_CHARS,
    ALL_CAPS,
    LINKS,
    SUSPECT,
)
#: Every code a finding may carry: the rules, and the learned signal.
CODES = (*RULE_CODES, LIKELY_OFFENSIVE)
#: The rules that together make up "offensive" in the labelled data.
OFFENCE_RULES = frozenset({PROFANITY, INSULT, HURTFUL, BELIEF_ATTACK})
#: What counts as flagging a comment as offensive: an offence rule or the learned signal.
OFFENCE_SIGNALS = OFFENCE_RULES | {LIKELY_OFFENSIVE}


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule, with the evidence span ``[start, end)`` in the original text."""

    rule: str
    severity: str  # REJECT or REVIEW
    start: int
    end: int
    message_tr: str
    message_en: str
    #: For ``no_turkish_chars``: the whole text with Turkish letters restored.
    suggestion: str | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        if data["suggestion"] is None:
            del data["suggestion"]
        return data


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision for one text: ``reject``, ``review`` or ``pass``.

    ``score``: the learned model's calibrated probability (0 to 1) that the text is offensive,
    or ``None`` when the engine runs without the model.
    """

    decision: str
    lang: str  # "tr", "en" or "other"
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    score: float | None = None

    @property
    def rules(self) -> frozenset[str]:
        return frozenset(f.rule for f in self.findings)

    @property
    def suggestion(self) -> str | None:
        """The text with Turkish letters restored, when ``no_turkish_chars`` fired."""
        for finding in self.findings:
            if finding.suggestion is not None:
                return finding.suggestion
        return None

    def to_dict(self) -> dict:
        """The JSON the ``moderate`` command writes: decision, language, score and findings."""
        return {
            "decision": self.decision,
            "lang": self.lang,
            "score": None if self.score is None else round(self.score, 4),
            "findings": [f.to_dict() for f in self.findings],
        }


def decide(findings) -> str:
    """The strictest severity among the findings, or ``pass``."""
    decision = PASS
    for finding in findings:
        if finding.severity == REJECT:
            return REJECT
        decision = REVIEW
    return decision
