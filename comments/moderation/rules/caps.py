"""``all_caps`` (büyük harflerle yazılmış): a comment written in capitals. Acronyms (ABD, NATO,
TBMM), mentions and hashtags do not count; a long run of capital words inside normal text goes
to review."""

from ..context import Context
from ..findings import ALL_CAPS, REJECT, REVIEW, Finding
from ..messages import message
from ..text import forms

MIN_LETTERS = 8
SHARE = 0.6
RUN = 4  # capital words in a row inside normal text


def check(ctx: Context) -> list[Finding]:
    acronyms = ctx.lexicon.acronyms
    # Most comments have no capital word beyond acronyms: tell from the distinct words.
    if not any(
        w.isupper() and len(w) >= 2 and w.isalpha() and forms(w)[0] not in acronyms
        for w in ctx.distinct_tokens
    ):
        return []
    words = [
        t
        for t in ctx.tokens
        if not (t.is_mention or t.is_hashtag)
        and len(t.text) >= 2
        and t.text.isalpha()
        and t.norm not in acronyms
    ]
    caps = [t for t in words if t.text.isupper()]
    if len(caps) < 2:
        return []
    caps_letters = sum(len(t.text) for t in caps)
    all_letters = sum(len(t.text) for t in words)
    tr, en = message(ALL_CAPS)
    if caps_letters >= MIN_LETTERS and caps_letters >= SHARE * all_letters:
        return [Finding(ALL_CAPS, REJECT, caps[0].start, caps[-1].end, tr, en)]
    # A shouted passage inside normal text.
    run: list = []
    best: list = []
    for token in words:
        if token.text.isupper():
            run.append(token)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    if len(best) >= RUN and sum(len(t.text) for t in best) >= MIN_LETTERS:
        return [Finding(ALL_CAPS, REVIEW, best[0].start, best[-1].end, tr, en)]
    return []
