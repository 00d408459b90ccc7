"""Times as readers see them: in the site's time zone, written as the ``date`` filter
writes the language's ``DATETIME_FORMAT``, and for ``<time datetime>`` as ``iso_time``.

A story page shows a time for every comment and related story. Django's ``date`` filter
parses its format on every call, and each call looks up the time zone and translates the
month's name again: about 40 µs a time. A ``LocalTimes`` serves one page: the time zone is
looked up once (each time is still converted on its own, so every one gets the offset in
force at that moment, across daylight saving changes), the format is parsed once per
format string and process, and what depends on the day alone (the month's and weekday's
names) is worked out once per day shown::

    times = LocalTimes()
    times.shown(comment.created_at), times.iso(comment.created_at)

The template filters ``local_time`` and ``iso_time`` (``newsportal/jinja2.py``) write the
same, a time at a time.
"""

import re

from django.utils import dateformat, formats, timezone

# The ``date`` filter's format characters (not preceded by a backslash).
FORMAT_CHARACTERS = re.compile(r"(?<!\\)([aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ])")
# Those whose value depends on the day alone (``DateFormat``'s methods of the date).
DAY_CHARACTERS = frozenset("bdDEFjlLmMnNoStwWyYz")

_parsed = {}  # format string -> its pieces: text, then a format character, in turn


def parsed(format_string):
    """The format split into text (even pieces, backslash escapes removed) and format
    characters (odd pieces), as ``DateFormat.format`` reads it; parsed once per process."""
    pieces = _parsed.get(format_string)
    if pieces is None:
        pieces = FORMAT_CHARACTERS.split(format_string)
        pieces = [p if i % 2 else re.sub(r"\\(.)", r"\1", p) for i, p in enumerate(pieces)]
        _parsed[format_string] = pieces
    return pieces


def iso_time(value, zone=None):
    """For ``<time datetime>``: whole seconds (HTML allows at most three digits of a
    second's fraction) with the offset, in ``zone`` (by default the current time zone)."""
    return timezone.localtime(value, zone).isoformat(timespec="seconds")


class LocalTimes:
    """One page's times, in the active language and time zone."""

    def __init__(self, format_name="DATETIME_FORMAT"):
        self.zone = timezone.get_current_timezone()
        self.pieces = parsed(str(formats.get_format(format_name)))
        self.by_day = {}  # (day, format character) -> its text

    def iso(self, value):
        return iso_time(value, self.zone)

    def shown(self, value):
        """The time as the ``date`` filter writes it in the language's format."""
        local = timezone.localtime(value, self.zone)
        written = dateformat.DateFormat(local)
        day = local.date()
        text = []
        for i, piece in enumerate(self.pieces):
            if not i % 2:
                text.append(piece)
            elif piece in DAY_CHARACTERS:
                key = (day, piece)
                part = self.by_day.get(key)
                if part is None:
                    part = self.by_day[key] = str(getattr(written, piece)())
                text.append(part)
            else:
                text.append(str(getattr(written, piece)()))
        return "".join(text)
