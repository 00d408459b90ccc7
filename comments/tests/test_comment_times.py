"""Comment times are written as the ``date`` filter would write them, in both languages."""

from datetime import UTC, datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone, translation

from articles.templatetags.dates import iso_time
from comments.templatetags.comment_tags import add_local_times


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize(
    "when",
    [datetime(2026, 1, 5, 7, 3, 9, 123456, tzinfo=UTC), datetime(2026, 11, 28, 21, 59, tzinfo=UTC)],
)
def test_comment_times_match_the_date_filter(language, when):
    comment = type("Comment", (), {"created_at": when})()
    with translation.override(language):
        add_local_times([comment])
        local = timezone.localtime(when)
        assert comment.time_shown == date_filter(local, "DATETIME_FORMAT")
        assert comment.time_iso == iso_time(when)
