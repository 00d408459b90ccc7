"""``no_turkish_chars`` (Türkçe karakter kullanılmayan): a Turkish comment typed in plain ASCII
whose words need ç ğ ı ö ş ü. English comments are never hit, nor Turkish ones whose words need
no special letters, nor any comment that uses Turkish letters at all. The finding carries the
text with the letters restored, for the form to offer."""

from ..context import Context
from ..deasciify import restore_word
from ..findings import NO_TURKISH_CHARS, REJECT, Finding
from ..language import TR
from ..messages import message
from ..text import has_turkish_letters


def restore(text: str, tokens) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with Turkish letters restored in its words, and the spans of the changed words."""
    parts = []
    changed = []
    position = 0
    for token in tokens:
        if token.is_mention or token.is_hashtag:
            continue
        restored = restore_word(token.text)
        if restored is None or restored == token.text:
            continue
        parts.append(text[position : token.start])
        parts.append(restored)
        position = token.end
        changed.append((token.start, token.end))
    parts.append(text[position:])
    return "".join(parts), changed


def check(ctx: Context) -> list[Finding]:
    if ctx.lang != TR or has_turkish_letters(ctx.text):
        return []
    restored, changed = restore(ctx.text, ctx.tokens)
    if not changed:
        return []
    tr, en = message(NO_TURKISH_CHARS)
    start, end = changed[0][0], changed[-1][1]
    return [Finding(NO_TURKISH_CHARS, REJECT, start, end, tr, en, suggestion=restored)]
