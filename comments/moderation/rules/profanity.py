"""``profanity`` (küfür): swear words and their inflected forms, Turkish and English.

Entries marked ``soft`` (English swearing used as an intensifier: "so fucking ready") are
rejected only when aimed at the reader ("you piece of shit", "fuck you"), reviewed otherwise;
"your" before them is not aim ("your fucking follow", "calls you out on your shit"), nor is a
"you" further back when a determiner names a thing ("mind you, that shit was awful").
Letters written apart on purpose (``s.i.k``) are always rejected. A word that is swearing only
in some readings (``; review``: ``sik``) does not count in Turkish typed without Turkish letters
when the restorer reads it as another word there (``sik sik`` is ``sık sık``, ``cok sik`` is
``çok şık``).
"""

from ..context import Context, Hit
from ..findings import PROFANITY, REJECT, REVIEW, Finding
from ..language import TR
from ..messages import message
from ..text import has_turkish_letters, make_token


def check(ctx: Context) -> list[Finding]:
    tr, en = message(PROFANITY)
    findings = []
    for hit in ctx.profanity:
        entry = hit.entry
        if entry.severity == REVIEW and _read_as_another_word(ctx, hit):
            continue
        if ctx.words[hit.first].joined:
            severity = REJECT
        elif entry.soft:
            aimed = not _names_a_thing(ctx, hit) and (
                ctx.second_person(hit, before_only=True, possessive=False) or ctx.called(hit)
            )
            severity = REJECT if aimed else REVIEW
        else:
            severity = entry.severity or REJECT
        findings.append(Finding(PROFANITY, severity, hit.start, hit.end, tr, en))
    return findings


def _read_as_another_word(ctx: Context, hit: Hit) -> bool:
    """Is the one-word hit, in Turkish typed without Turkish letters, restored as a word that
    is no swearing (``sik`` → ``sık``)?"""
    if hit.first != hit.last or ctx.lang != TR or has_turkish_letters(ctx.text):
        return False
    token = ctx.words[hit.first]
    if token.joined:
        return False
    _, changes = ctx.restoration
    restored = next((c.restored for c in changes if c.start == token.start), None)
    if restored is None:
        return False
    return ctx.lookup(ctx.lexicon.profanity, make_token(token.start, restored)) is None


_DETERMINERS = frozenset({"that", "this", "the", "such", "dat"})


def _names_a_thing(ctx: Context, hit: Hit) -> bool:
    """Does a determiner stand right before the hit ("that shit", "this fucking game")?"""
    return hit.first > 0 and ctx.words[hit.first - 1].fold in _DETERMINERS
