"""Show where a rule fired: the text, escaped, with the evidence spans in <mark>."""

from django.utils.html import escape
from django.utils.safestring import mark_safe


def highlight(text, spans):
    """``text`` as safe HTML with each ``(start, end)`` span wrapped in <mark>.

    Overlapping spans are merged; spans outside the text are clipped.
    """
    merged = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, position = [], 0
    for start, end in merged:
        pieces.append(escape(text[position:start]))
        pieces.append(f'<mark class="evidence">{escape(text[start:end])}</mark>')
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
