"""``hurtful`` (rencide edici cümleler veya imalar): demeaning phrasing; always review."""

from ..context import Context
from ..findings import HURTFUL, REVIEW, Finding
from ..messages import message


def check(ctx: Context) -> list[Finding]:
    tr, en = message(HURTFUL)
    return [
        Finding(HURTFUL, REVIEW, hit.start, hit.end, tr, en)
        for hit in ctx.hits(ctx.lexicon.hurtful)
    ]
