"""The approved comments' HTML (``comment_section.comment_list``): each value escaped once, in
its place, as ``format_html`` would write it; braces and marks in what readers typed are
text, not placeholders."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from comments.comment_section import COMMENT_HTML, body_html, comment_list

NAMES_AND_BODIES = [
    ("Ayşe", "Güzel haber.\n\nİkinci paragraf,\nikinci satır."),
    ('<b>"Mehmet"</b> & {pk}', "<script>alert(1)</script> {name} {{body}} }{"),
    ("{report}", "987654321 {csrf_input}"),
]


def reference_html(comment, token):
    """What one comment's HTML is, written value by value with ``format_html``."""
    local = timezone.localtime(comment.created_at)
    return format_html(
        COMMENT_HTML,
        pk=comment.pk,
        name=comment.name,
        time_iso=local.replace(microsecond=0).isoformat(),
        time_shown=date_filter(local, "DATETIME_FORMAT"),
        body=mark_safe(linebreaks(comment.body, autoescape=True)),  # noqa: S308
        report_url=reverse("comments:report", args=[comment.pk]),
        csrf_input=format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token
        ),
        report=translation.gettext("Report"),
    )


@pytest.mark.parametrize("language", ["tr", "en"])
def test_comment_list_writes_each_value_escaped_in_its_place(language):
    comments = [
        SimpleNamespace(
            pk=10 + n, name=name, body=body, created_at=datetime(2026, 3, n + 1, 9, tzinfo=UTC)
        )
        for n, (name, body) in enumerate(NAMES_AND_BODIES)
    ]
    with translation.override(language):
        html = comment_list(comments, "tok<en>")
        assert html == "".join(reference_html(comment, "tok<en>") for comment in comments)
    assert "<script>" not in html and "{name} {{body}} }{" in html
    assert 'value="tok&lt;en&gt;"' in html


def test_comment_list_without_a_token_or_comments():
    comment = SimpleNamespace(pk=3, name="A", body="B", created_at=timezone.now())
    assert "csrfmiddlewaretoken" not in comment_list([comment], None)
    assert comment_list([], "token") == ""


line_breaks_and_markup = st.lists(
    st.sampled_from(["\n", "\r", "\r\n", "\n\n", " ", "a", "ş", "<p>", "&amp;", '"', "'", "{pk}"]),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), line_breaks_and_markup))
def test_a_comment_body_is_written_as_django_linebreaks_writes_it(body):
    assert body_html(body) == linebreaks(body, autoescape=True)
