"""``spelling`` (imla kuralları): letter floods (``çooook``), punctuation floods (``!!!!``),
chat-speak (``slm``, ``mrb``, ``u``, ``plz``) and a high share of words the dictionary does not
know (English: pyspellchecker's list; Turkish: the hunspell-tr table, where a word typed without
its Turkish letters counts as known). Review only: a comment is not rejected for style."""

import re

from ..context import Context
from ..dictionary import spelling_check
from ..findings import REVIEW, SPELLING, Finding
from ..messages import message
from ..text import inside

MIN_WORDS = 5  # lower-case words needed before judging the share of unknown ones
UNKNOWN_SHARE = 0.25
MIN_UNKNOWN = 3
LIMIT = 10  # findings of one kind in one comment: enough to show, bounded for huge texts
# A letter three times or more. (Written as "any character repeated, ending on a letter": the
# same matches as ``([^\W\d_])\1{2,}``, but the letter class is tested once per run, not per
# character, which makes it several times faster on long comments.)
_LETTER_FLOOD = re.compile(r"(.)\1\1+(?<=[^\W\d_])")
# (The look-ahead lets the engine skip the positions where no alternative can start.)
_PUNCTUATION_FLOOD = re.compile(
    r"(?=[!?.,;:*#=_~+-])(?:!{3,}|\?{3,}|[!?]{4,}|\.{4,}|([,;:*#=_~+-])\1{3,})"
)
_ROMAN = re.compile(r"^[IVXLCDM]+$")


def check(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    text = ctx.text

    tr, en = message(SPELLING, "letter_flood")
    skip = None
    for match in _LETTER_FLOOD.finditer(text):
        if len(findings) >= LIMIT:
            break
        start, end = match.span()
        if skip is None:
            skip = _skipped_spans(ctx)
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
    table = ctx.entries(ctx.lexicon.chatspeak, ctx.distinct_tokens, allow=False)
    chat = table.positive.intersection(ctx.distinct_tokens)
    if chat:
        for token in [t for t in ctx.tokens if t.text in chat]:
            if count >= LIMIT:
                break
            if token.is_mention or token.is_hashtag:
                continue
            findings.append(Finding(SPELLING, REVIEW, token.start, token.end, tr, en))
            count += 1
    findings.extend(misspelled(ctx))
    return findings


def _skipped_spans(ctx: Context) -> list[tuple[int, int]]:
    """URLs, mentions and hashtags, sorted: no letter floods there."""
    if "@" not in ctx.text and "#" not in ctx.text:  # no mention, no hashtag
        return ctx.urls
    tagged = [(t.start, t.end) for t in ctx.tokens if t.is_mention or t.is_hashtag]
    return sorted(ctx.urls + tagged)


def misspelled(ctx: Context) -> list[Finding]:
    """One finding over the unknown words when they are a high share of the comment's words."""
    spelled_right = spelling_check(ctx.lang)
    if spelled_right is None:
        return []
    text = ctx.text
    # Lower-case words of letters alone (so no mention either); the test runs once per
    # distinct word, the positional ones (hashtag, contraction) only when the text has # or '.
    plain = {w for w in ctx.distinct_tokens if len(w) >= 2 and w.isalpha() and w.islower()}
    unknown_words = {w for w in plain if not spelled_right(w)}
    texts = ctx.token_texts
    if "#" in text or "'" in text or "’" in text:
        # Hashtags and pieces of contractions do not count: that takes the tokens' places.
        kept = [
            i
            for i, t in enumerate(ctx.tokens)
            if t.text in plain and not (t.is_hashtag or _contraction(text, t))
        ]
    else:
        kept = [i for i, w in enumerate(texts) if w in plain]
    if len(kept) < MIN_WORDS:
        return []
    unknown = [i for i in kept if texts[i] in unknown_words]
    if len(unknown) < MIN_UNKNOWN or len(unknown) < UNKNOWN_SHARE * len(kept):
        return []
    tr, en = message(SPELLING, "misspelled")
    first, last = ctx.tokens[unknown[0]], ctx.tokens[unknown[-1]]
    return [Finding(SPELLING, REVIEW, first.start, last.end, tr, en)]


def _contraction(text: str, t) -> bool:
    """Is the token a piece of a contraction (didn't, I'll)?"""
    return t.end < len(text) and text[t.end] in "'’" or t.start and text[t.start - 1] in "'’"
