"""``profanity`` (küfür): swear words and their inflected forms, Turkish and English.

Entries marked ``soft`` (English swearing used as an intensifier: "so fucking ready") are
rejected only when aimed at the reader ("you piece of shit", "fuck you"), reviewed otherwise;
"your" before them is not aim ("your fucking follow", "calls you out on your shit").
Letters written apart on purpose (``s.i.k``) are always rejected.
"""

from ..context import Context
from ..findings import PROFANITY, REJECT, REVIEW, Finding
from ..messages import message


def check(ctx: Context) -> list[Finding]:
    tr, en = message(PROFANITY)
    findings = []
    for hit in ctx.profanity:
        entry = hit.entry
        if ctx.words[hit.first].joined:
            severity = REJECT
        elif entry.soft:
            severity = (
                REJECT if ctx.second_person(hit, before_only=True, possessive=False) else REVIEW
            )
        else:
            severity = entry.severity or REJECT
        findings.append(Finding(PROFANITY, severity, hit.start, hit.end, tr, en))
    return findings
