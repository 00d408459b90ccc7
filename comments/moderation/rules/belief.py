"""``belief_attack`` (inançlara saldırı): a religion, belief, holy figure or book near insulting
or demeaning words, or a faith's followers cursed ("Yahudilerin Allah belasını versin"). Rejected
when the word beside it is a swear word, an insult or a curse, reviewed when it is only
demeaning ("yobaz", "cult")."""

from bisect import bisect_left, bisect_right

from ..context import Context
from ..findings import BELIEF_ATTACK, REJECT, REVIEW, Finding
from ..messages import message

WINDOW = 5
MAX_PHRASE = 8  # words in the longest phrase of a list
# Endings of a word for the followers of a faith: Turkish plural and its cases, English plural.
_FOLLOWERS = tuple("ler lar lerin larin leri lari lere lara lerini larini s".split())


def check(ctx: Context) -> list[Finding]:
    beliefs = ctx.hits(ctx.lexicon.belief)
    if not beliefs:
        return []
    partners = [
        (hit, REVIEW if hit.entry.soft or hit.entry.severity == REVIEW else REJECT)
        for hit in ctx.profanity
    ]
    partners += [
        (hit, REVIEW if hit.entry.severity == REVIEW or hit.entry.aimed_only else REJECT)
        for hit in ctx.insults
    ]
    partners += [(hit, REVIEW) for hit in ctx.hits(ctx.lexicon.demeaning)]
    partners += [(hit, REJECT) for hit in ctx.group_slurs]  # "Yahudi dölü"
    curses = ctx.hits(ctx.lexicon.curses)
    findings = []
    tr, en = message(BELIEF_ATTACK)
    for belief in beliefs:
        # A curse rejects when the belief word names followers ("Yahudilerin", "Muslims"),
        # not a place or a thing ("kilisede"): only then is the curse on people of a faith.
        followers = ctx.words[belief.last].fold.endswith(_FOLLOWERS)
        curse_severity = REJECT if followers else REVIEW
        candidates = sorted(
            partners + [(hit, curse_severity) for hit in curses], key=lambda pair: pair[0].first
        )
        firsts = [hit.first for hit, _ in candidates]
        best = None
        low = bisect_left(firsts, belief.first - WINDOW - MAX_PHRASE)
        high = bisect_right(firsts, belief.last + WINDOW)
        for partner, severity in candidates[low:high]:
            if partner.first <= belief.last + WINDOW and belief.first <= partner.last + WINDOW:
                if best is None or (severity == REJECT and best[1] == REVIEW):
                    best = (partner, severity)
        if best is not None:
            partner, severity = best
            start, end = min(belief.start, partner.start), max(belief.end, partner.end)
            findings.append(Finding(BELIEF_ATTACK, severity, start, end, tr, en))
    return findings
