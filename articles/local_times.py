"""Times as readers see them: in the site's time zone, written as the ``date`` filter
writes the language's ``DATETIME_FORMAT``, and for ``<time datetime>`` as ``iso_time``.

A story page shows a time for every comment and related story. Django's ``date`` filter
parses its format on every call, and each call looks up the time zone and translates the
month's name again: about 40 µs a time. A ``LocalTimes`` serves one page: the time zone is
looked up once (each time is still converted on its own, so every one gets the offset in
force at that moment, across daylight saving changes), the format is parsed once per
format string and process, what depends on the day alone (the month's and weekday's
names) is worked out once per day shown, what depends on the hour and minute alone once
per minute shown, and a format of only such characters (the languages' own) writes each
minute once per page::

    times = LocalTimes()
    times.shown(comment.created_at), times.iso(comment.created_at)
    time_iso, time_shown = times.iso_and_shown(comment.created_at)  # converted once

The template filters ``local_time`` and ``iso_time`` (``newsportal/jinja2.py``) write the
same, a time at a time, with the ``LocalTimes`` this process keeps for the active language
and time zone (:func:`current`): what a day's or a minute's text is does not change, and
making a new one for each time cost 30 µs (a story page shows five to ten).
"""

import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import dateformat, formats, timezone, translation

# The ``date`` filter's format characters (not preceded by a backslash).
FORMAT_CHARACTERS = re.compile(r"(?<!\\)([aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ])")
# Those whose value depends on the day alone (``DateFormat``'s methods of the date), and
# those that depend on the hour and minute alone (``TimeFormat``'s: not the seconds, nor
# the offset, which differ between two times an hour apart at the same minute).
DAY_CHARACTERS = frozenset("bdDEFjlLmMnNoStwWyYz")
CLOCK_CHARACTERS = frozenset("aAfgGhHiP")
DAY_AND_CLOCK = DAY_CHARACTERS | CLOCK_CHARACTERS

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


# The texts a ``LocalTimes`` keeps: a few pages' worth of days and minutes; then it
# starts again (a page of a thousand comments over a year writes at most 2,000).
KEPT_TEXTS = 10_000


class LocalTimes:
    """Times in the active language and time zone (when made): a page's, or this
    process's for that language and zone (:func:`current`)."""

    def __init__(self, format_name="DATETIME_FORMAT"):
        self.zone = timezone.get_current_timezone()
        self.pieces = parsed(str(formats.get_format(format_name)))
        self.known = {}  # (day, or hour and minute, format character) -> its text
        # Whether the format's text depends only on the day, hour and minute (the
        # languages' DATETIME_FORMATs do): then each such time is written once per page.
        self.by_minute = {} if set(self.pieces[1::2]) <= DAY_AND_CLOCK else None

    def iso(self, value):
        return iso_time(value, self.zone)

    def shown(self, value):
        """The time as the ``date`` filter writes it in the language's format."""
        return self.written(timezone.localtime(value, self.zone))

    def iso_and_shown(self, value):
        """``(iso(value), shown(value))``, the time converted to the time zone once."""
        local = timezone.localtime(value, self.zone)
        return local.isoformat(timespec="seconds"), self.written(local)

    def written(self, local):
        if self.by_minute is None:
            return self.formatted(local)
        key = (local.date(), local.hour, local.minute)
        text = self.by_minute.get(key)
        if text is None:
            if len(self.by_minute) >= KEPT_TEXTS:
                self.by_minute.clear()
            text = self.by_minute[key] = self.formatted(local)
        return text

    def formatted(self, local):
        """A local time in the format: what depends on its day, or on its hour and minute
        alone, is taken from the times written before on this page (a page of comments
        mostly shares days); ``DateFormat`` is made only for the rest."""
        formatter = None
        day = local.date()
        text = []
        for i, piece in enumerate(self.pieces):
            if not i % 2:
                text.append(piece)
                continue
            if piece in DAY_CHARACTERS:
                key = (day, piece)
            elif piece in CLOCK_CHARACTERS:
                key = (local.hour, local.minute, piece)
            else:
                key = None
            part = self.known.get(key)
            if part is None:
                formatter = formatter or dateformat.DateFormat(local)
                part = str(getattr(formatter, piece)())
                if key is not None:
                    if len(self.known) >= KEPT_TEXTS:
                        self.known.clear()
                    self.known[key] = part
            text.append(part)
        return "".join(text)


_current = {}  # (language, time zone) -> its LocalTimes


def current():
    """The ``LocalTimes`` of the active language and time zone, kept by this process (a
    few: one per interface language and time zone in use)."""
    key = (translation.get_language(), timezone.get_current_timezone())
    times = _current.get(key)
    if times is None:
        if len(_current) >= 20:
            _current.clear()
        times = _current[key] = LocalTimes()
    return times


@receiver(setting_changed)
def forget_times(**kwargs):
    """Formats and zones follow settings (tests change them)."""
    _current.clear()
