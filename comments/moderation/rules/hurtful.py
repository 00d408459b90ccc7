"""``hurtful`` (rencide edici cümleler veya imalar): demeaning phrasing; always review.

Entries marked ``aimed`` (a curse such as ``kahrolsun``) count only when said of people: a
second-person word beside them, or a word for people right before or after (a plural,
``kahrolsun Ermeniler``; a name, ``Kahrolsun Ahmet``; a people, ``Kürtler``), not of a thing
(``kahrolsun terör``, ``kahrolsun savaş``). Death wishes aimed at people ("I hope your whole
family dies", "umarım ailen ölür") are found by :mod:`..wishes`.
"""

from ..context import PLURALS, Context, Hit
from ..deasciify import inside_sentence
from ..findings import HURTFUL, REVIEW, Finding
from ..messages import message
from ..wishes import death_wishes


def check(ctx: Context) -> list[Finding]:
    tr, en = message(HURTFUL)
    findings = [
        Finding(HURTFUL, REVIEW, hit.start, hit.end, tr, en)
        for hit in ctx.hurtful
        if not hit.entry.aimed_only or _said_of_people(ctx, hit)
    ]
    words = ctx.words
    for first, last in death_wishes(ctx.text, words):
        start, end = words[first].start, words[last].end
        if not any(f.start < end and start < f.end for f in findings):  # not "hope you die" twice
            findings.append(Finding(HURTFUL, REVIEW, start, end, tr, en))
    return findings


def _said_of_people(ctx: Context, hit: Hit) -> bool:
    """Is the curse beside a second-person word, a plural, a name or a people?"""
    if ctx.second_person(hit, window=1):
        return True
    words = ctx.words
    for index in (hit.first - 1, hit.last + 1):
        if not 0 <= index < len(words):
            continue
        word = words[index]
        if ctx.text[min(word.end, hit.end) : max(word.start, hit.start)].strip():
            continue  # punctuation between: another clause
        capitalised = word.text[:1].isupper() and not word.text.isupper()
        # (a capital at a sentence's start says nothing: "Terör kahrolsun")
        name = capitalised and inside_sentence(ctx.text, index, word)
        plural = word.fold.endswith(PLURALS) and len(word.fold) > 5
        if name or plural or ctx.lookup(ctx.lexicon.groups, word) is not None:
            return True
    return False
