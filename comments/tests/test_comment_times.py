"""Times are written as Django's ``date`` filter would write them, in both languages and
across daylight saving changes (``articles.local_times``)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from articles.local_times import LocalTimes
from newsportal.jinja2 import iso_time, local_time

WHENS = [
    datetime(2026, 1, 5, 7, 3, 9, 123456, tzinfo=UTC),
    datetime(2026, 11, 28, 21, 59, tzinfo=UTC),
    datetime(2026, 12, 31, 21, 0, tzinfo=UTC),  # the new year in Istanbul
]


def expected(when):
    local = timezone.localtime(when)
    return date_filter(local, "DATETIME_FORMAT"), local.replace(microsecond=0).isoformat()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_times_match_the_date_filter(language):
    with translation.override(language):
        times = LocalTimes()
        for when in WHENS:
            shown, iso = expected(when)
            assert times.shown(when) == shown == local_time(when)
            assert times.iso(when) == iso == iso_time(when)


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York"])
def test_one_page_of_times_across_daylight_saving_changes(language, zone):
    """One ``LocalTimes`` for a page of comments spread over both changes of the year and
    the hours around them: each time in the offset in force at its moment."""
    start = datetime(2026, 3, 7, tzinfo=UTC)
    whens = [start + timedelta(minutes=37 * n) for n in range(600)]  # to 2026-03-22
    whens += [datetime(2026, 10, 24, tzinfo=UTC) + timedelta(minutes=29 * n) for n in range(800)]
    with timezone.override(zone), translation.override(language):
        times = LocalTimes()
        offsets = set()
        for when in whens:
            shown, iso = expected(when)
            assert (times.shown(when), times.iso(when)) == (shown, iso), when
            offsets.add(iso[-6:])
    assert len(offsets) == 2  # both sides of the changes were written


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError):
        LocalTimes().shown(datetime(2026, 1, 5, 7, 3))  # noqa: DTZ001


@pytest.mark.parametrize("language", ["tr", "en"])
def test_times_in_one_minute_keep_their_seconds_and_offsets(language):
    """What depends on more than the day, hour and minute (seconds, the offset) is written
    for each time, in a format with such characters as in one without."""
    base = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)
    whens = [base + timedelta(seconds=s) for s in (0, 1, 59)]
    # 02:30 in Berlin twice, an hour apart: the clocks went back at 03:00 (CEST to CET).
    whens += [datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)]
    with timezone.override("Europe/Berlin"), translation.override(language):
        for format_string in ("DATETIME_FORMAT", "j F Y H:i:s O", "P T e", "N j, Y, P"):
            times = LocalTimes(format_string)
            for when in whens * 2:
                local = timezone.localtime(when)
                assert times.shown(when) == date_filter(local, format_string), (format_string, when)


def test_the_filters_follow_the_active_language_and_time_zone():
    """The filters share this process's ``LocalTimes`` per language and time zone."""
    when = datetime(2026, 7, 1, 21, 30, tzinfo=UTC)
    for zone in ("Europe/Istanbul", "America/New_York", "Europe/Istanbul"):
        for language in ("tr", "en", "tr"):
            with timezone.override(zone), translation.override(language):
                shown, iso = expected(when)
                assert (local_time(when), iso_time(when)) == (shown, iso)
