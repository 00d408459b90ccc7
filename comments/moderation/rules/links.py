"""``links``: too many links, the mark of spam. One link is fine; two go to review; three or
more are rejected."""

from ..context import Context
from ..findings import LINKS, REJECT, REVIEW, Finding
from ..messages import message

REVIEW_AT = 2
REJECT_AT = 3


def check(ctx: Context) -> list[Finding]:
    count = len(ctx.urls)
    if count < REVIEW_AT:
        return []
    severity = REJECT if count >= REJECT_AT else REVIEW
    tr, en = message(LINKS)
    return [Finding(LINKS, severity, ctx.urls[0][0], ctx.urls[-1][1], tr, en)]
