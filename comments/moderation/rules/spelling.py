"""``spelling`` (imla kuralları): letter floods (``çooook``), punctuation floods (``!!!!``) and
chat-speak (``slm``, ``mrb``, ``u``, ``plz``). Review only: a comment is not rejected for style."""

import re

from ..context import Context
from ..findings import REVIEW, SPELLING, Finding
from ..messages import message
from ..text import inside

LIMIT = 10  # findings of one kind in one comment: enough to show, bounded for huge texts
_LETTER_FLOOD = re.compile(r"([^\W\d_])\1{2,}")
_PUNCTUATION_FLOOD = re.compile(r"!{3,}|\?{3,}|[!?]{4,}|\.{4,}|([,;:*#=_~+-])\1{3,}")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


def check(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    text = ctx.text
    skip = sorted(ctx.urls + [(t.start, t.end) for t in ctx.tokens if t.is_mention or t.is_hashtag])

    tr, en = message(SPELLING, "letter_flood")
    for match in _LETTER_FLOOD.finditer(text):
        if len(findings) >= LIMIT:
            break
        start, end = match.span()
        if inside(skip, start):
            continue
        word_start = start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word_end = end
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        if _ROMAN.match(text[word_start:word_end]):
            continue
        findings.append(Finding(SPELLING, REVIEW, word_start, word_end, tr, en))

    tr, en = message(SPELLING, "punctuation_flood")
    count = 0
    for match in _PUNCTUATION_FLOOD.finditer(text):
        if count >= LIMIT:
            break
        if not inside(ctx.urls, match.start()):
            findings.append(Finding(SPELLING, REVIEW, match.start(), match.end(), tr, en))
            count += 1

    tr, en = message(SPELLING, "chat_speak")
    count = 0
    chatspeak = ctx.lexicon.chatspeak
    for token in ctx.tokens:
        if count >= LIMIT:
            break
        if token.is_mention or token.is_hashtag:
            continue
        if ctx.lookup(chatspeak, token, allow=False) is not None:
            findings.append(Finding(SPELLING, REVIEW, token.start, token.end, tr, en))
            count += 1
    return findings
