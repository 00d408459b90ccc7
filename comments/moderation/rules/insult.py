"""``insult`` (hakaret): insulting words; rejected when aimed at the reader, reviewed otherwise.

Aimed means a second-person word near it ("sen", "you"), a second-person ending on the word
itself ("salaksın") or a question to the reader ("aptal mısın"). A @mention near an insult is
not enough to reject (tweets and replies start with mentions of third parties), it marks the
finding as aimed for the editors. Words that are insults only when aimed ("hayvan", "pig") need
a second-person word right beside them or the ending, or "you are" before them with only an
article and bad words between ("you are a worthless pig"; not "Are you a pig farmer?").

A people named with a slur noun after it ("Ermeni dölü", "Kürt köpeği"), or named in the
plural right beside a curse or a death wish ("Kürtler ölsün", "Kahrolsun Ermeniler"), is an
insult aimed at them and rejected (see ``Context.group_slurs``).
"""

from ..context import Context
from ..findings import INSULT, REJECT, REVIEW, Finding
from ..language import EN
from ..messages import message


def check(ctx: Context) -> list[Finding]:
    findings = []
    for hit in ctx.insults:
        entry = hit.entry
        if entry.aimed_only:
            aimed = ctx.second_person(hit, window=1) or ctx.called(hit)
            if not aimed:
                continue
        else:
            aimed = ctx.second_person(hit) or ctx.called(hit)
        severity = REJECT if aimed and entry.severity != REVIEW else REVIEW
        tr, en = message(INSULT, "aimed" if aimed or ctx.mentioned(hit) else None)
        findings.append(Finding(INSULT, severity, hit.start, hit.end, tr, en))
    tr, en = message(INSULT, "aimed")
    for hit in ctx.group_slurs:
        # A slur on a people is an insult aimed at them; on a faith's followers it is an
        # attack on a belief (rules/belief.py).
        if ctx.lookup(ctx.lexicon.belief, ctx.words[hit.first], allow=False) is None:
            findings.append(Finding(INSULT, REJECT, hit.start, hit.end, tr, en))
    findings += [Finding(INSULT, REJECT, start, end, tr, en) for start, end in _cursed_peoples(ctx)]
    return findings


# Words that may stand between a people and the curse on them ("Ermenilerin Allah belasını
# versin", "Araplar hepsi gebersin").
_BETWEEN_PEOPLE_AND_CURSE = frozenset("allah hepsi hepsini tum butun de da".split())


def _cursed_peoples(ctx: Context) -> list[tuple[int, int]]:
    """Spans where a people, named in the plural, is cursed or wished dead right beside the
    curse ("Kürtler ölsün", "Kahrolsun Ermeniler"); a faith's followers are the belief rule's
    ("Yahudiler ölsün"), one person or a state a hurtful curse ("kahrolsun israil")."""
    if ctx.lang == EN:
        return []  # Turkish curses
    words, text = ctx.words, ctx.text
    curses = ctx.hits(ctx.lexicon.curses) if ctx.peoples else []
    found = []
    for group in ctx.peoples:
        for curse in curses:
            first, last = sorted((group, curse), key=lambda hit: hit.first)
            between = range(first.last + 1, last.first)
            if len(between) <= 1 and all(
                words[i].fold in _BETWEEN_PEOPLE_AND_CURSE for i in between
            ):
                if not any(ch in ".!?;\n" for ch in text[first.end : last.start]):
                    found.append((first.start, last.end))
                    break
    return found
