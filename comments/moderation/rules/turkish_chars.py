"""``no_turkish_chars`` (Türkçe karakter kullanılmayan): a Turkish comment typed in plain ASCII
whose words need ç ğ ı ö ş ü. English comments are never hit, nor Turkish ones whose words are
Turkish as typed (``harika``, ``olur``), nor any comment that uses Turkish letters at all.

Which words lack letters, and how they are restored, is decided on a dictionary (see
:mod:`~comments.moderation.deasciify`). Two words the engine is sure of reject the comment; one
sends it to review; words it is not sure of (names, rare forms) never count. The finding
carries the text with the letters restored, for the form to offer.
"""

from ..context import Context
from ..findings import NO_TURKISH_CHARS, REJECT, REVIEW, Finding
from ..language import TR
from ..messages import message
from ..text import has_turkish_letters

REJECT_AT = 2  # sure words


def check(ctx: Context) -> list[Finding]:
    if ctx.lang != TR or has_turkish_letters(ctx.text):
        return []
    restored, changes = ctx.restoration
    sure = [c for c in changes if c.sure]
    if not sure:
        return []
    severity = REJECT if len(sure) >= REJECT_AT else REVIEW
    tr, en = message(NO_TURKISH_CHARS)
    start, end = sure[0].start, sure[-1].end
    return [Finding(NO_TURKISH_CHARS, severity, start, end, tr, en, suggestion=restored)]
