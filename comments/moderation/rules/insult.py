"""``insult`` (hakaret): insulting words; rejected when aimed at a person, reviewed otherwise.

Aimed means a second-person word near it ("sen", "you"), a second-person ending on the word
itself ("salaksın") or a question to the reader ("aptal mısın"), or a @mention near it. Words
that are insults only when aimed ("hayvan", "pig") need a second-person sign, not a mention.
"""

from ..context import Context, Hit
from ..findings import INSULT, REJECT, REVIEW, Finding
from ..messages import message
from ..text import fold

WINDOW = 3
_SECOND_PERSON_ENDINGS = ("sin", "sun", "siniz", "sunuz", "sinız", "sınız")
_QUESTIONS = frozenset({"misin", "musun", "misiniz", "musunuz"})


def second_person(ctx: Context, hit: Hit) -> bool:
    words = ctx.words
    near = range(max(0, hit.first - WINDOW), min(len(words), hit.last + WINDOW + 1))
    if any(i in ctx.addressee_positions for i in near):
        return True
    token = words[hit.last]
    stem_len = len(hit.entry.words[-1].stem)
    rest = token.fold[stem_len:]
    if rest and fold(rest).endswith(_SECOND_PERSON_ENDINGS):
        return True
    return hit.last + 1 < len(words) and words[hit.last + 1].fold in _QUESTIONS


def mentioned(ctx: Context, hit: Hit) -> bool:
    return any(hit.first - WINDOW <= p <= hit.last + WINDOW + 1 for p in ctx.mention_positions)


def check(ctx: Context) -> list[Finding]:
    findings = []
    for hit in ctx.insults:
        entry = hit.entry
        strong = second_person(ctx, hit)
        aimed = strong or (not entry.aimed_only and mentioned(ctx, hit))
        if entry.aimed_only and not strong:
            continue
        severity = REJECT if aimed and entry.severity != REVIEW else REVIEW
        tr, en = message(INSULT, "aimed" if aimed else None)
        findings.append(Finding(INSULT, severity, hit.start, hit.end, tr, en))
    return findings
