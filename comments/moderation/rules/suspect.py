"""``suspect``: terms editors added to the suspect list; the comment goes to review."""

from ..context import Context
from ..findings import REVIEW, SUSPECT, Finding
from ..messages import message


def check(ctx: Context) -> list[Finding]:
    if not ctx.lexicon.suspect:
        return []
    tr, en = message(SUSPECT)
    return [
        Finding(SUSPECT, REVIEW, hit.start, hit.end, tr, en)
        for hit in ctx.hits(ctx.lexicon.suspect)
    ]
