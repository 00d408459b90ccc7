"""``profanity`` (küfür): swear words and their inflected forms, Turkish and English."""

from ..context import Context
from ..findings import PROFANITY, REJECT, Finding
from ..messages import message


def check(ctx: Context) -> list[Finding]:
    tr, en = message(PROFANITY)
    findings = []
    for hit in ctx.profanity:
        # Letters written apart on purpose (s.i.k) are no accident: always reject.
        joined = ctx.words[hit.first].joined
        severity = REJECT if joined else hit.entry.severity or REJECT
        findings.append(Finding(PROFANITY, severity, hit.start, hit.end, tr, en))
    return findings
