"""The public pages' Jinja2 environment (``newsportal/jinja2.py``): escaping as Django's
templates did, messages, and the view's context over the context processors."""

import pytest
from django.template import engines
from django.template.defaultfilters import linebreaksbr
from django.test import RequestFactory
from django.utils import translation
from django.utils.safestring import mark_safe
from markupsafe import Markup

from articles.page_cache import CSRF_HOLE

HOSTILE = "<script>alert('x')</script> \"Q\" & é"
ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;Q&quot; &amp; é"


def render(source, context=None, request=None):
    return engines["jinja2"].from_string(source).render(context or {}, request)


def test_every_value_is_escaped_as_django_escapes_it():
    assert render("{{ value }}", {"value": HOSTILE}) == ESCAPED
    assert render("<a title='{{ value }}'>", {"value": HOSTILE}) == f"<a title='{ESCAPED}'>"
    assert render("{{ value|upper }}", {"value": "<b>"}) == "&lt;B&gt;"


def test_values_are_escaped_once_and_safe_ones_written_as_they_are():
    """Values go through ``finalize`` alone (it escapes); safe strings, ``Markup``, objects
    with ``__html__`` (a form's field), macros' output and ``{% set %}`` blocks are not
    escaped again."""

    class Field:
        def __html__(self):
            return '<input name="x">'

    source = (
        "{% macro bold(text) %}<b>{{ text }}</b>{% endmacro %}"
        "{% set block %}<i>{{ value }}</i>{% endset %}"
        "{{ safe }}|{{ markup }}|{{ field }}|{{ bold(value) }}|{{ block }}|{{ number }}|"
        "{{ none }}|{{ missing }}"
    )
    context = {
        "value": HOSTILE,
        "safe": mark_safe("<br>"),
        "markup": Markup("<hr>"),
        "field": Field(),
        "number": 1.5,
        "none": None,
    }
    assert render(source, context) == (
        f'<br>|<hr>|<input name="x">|<b>{ESCAPED}</b>|<i>{ESCAPED}</i>|1.5|None|'
    )
    code = engines["jinja2"].env.compile("{{ value }}", raw=True)
    assert "environment.finalize(" in code and "escape(" not in code


def test_messages_keep_their_html_and_escape_their_values():
    with translation.override("tr"):
        assert render('{{ _("Skip to content") }}') == "İçeriğe geç"
        signed_in = render(
            '{{ _("Sign in on this browser as <strong>%(email)s</strong>? Your name and e-mail '
            'will be filled in and you can see your comments.")|format(email=value) }}',
            {"value": HOSTILE},
        )
    assert signed_in.startswith(f"Bu tarayıcıda <strong>{ESCAPED}</strong> olarak")


def test_plurals_follow_the_number_and_escape_their_values():
    with translation.override("en"):
        assert render("{{ plurals.comments(1) }}") == "1 comment"
        assert render("{{ plurals.comments(2) }}") == "2 comments"
        found = render("{{ plurals.stories_found(1234, value) }}", {"value": HOSTILE})
    assert found == f"1,234 stories found for “{ESCAPED}”."


def test_the_views_context_wins_over_the_context_processors_and_the_requests_token(db):
    """As with Django's templates: the page cache renders with a hole for the CSRF token."""
    request = RequestFactory().get("/")
    source = "{{ site_name }} {{ csrf_token }} {{ csrf_input }}"
    page = render(source, {"site_name": "Mine", "csrf_token": CSRF_HOLE}, request)
    hidden = f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_HOLE}">'
    assert page == f"Mine {CSRF_HOLE} {hidden}"
    site_name, token, hidden = render(source, request=request).split(" ", 2)
    assert site_name == "newsportal" and len(token) == 64 and token != CSRF_HOLE
    assert hidden == f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'


def test_without_a_token_no_hidden_field():
    assert render("[{{ csrf_input }}]", {"csrf_token": "NOTPROVIDED"}) == "[]"
    assert render("[{{ csrf_input }}]") == "[]"


@pytest.mark.parametrize(
    "text",
    [
        "one line",
        "two\nlines",
        "windows\r\nand\rold mac\n\nends\n",
        "<b>'quoted' & \"double\"</b>\r\n",
        mark_safe("<em>safe</em>\nas it is"),
        Markup("<em>jinja2's markup</em>\n"),  # not Django's safe text: escaped, as Django does
        42,
    ],
)
def test_linebreaksbr_writes_what_djangos_filter_writes(text):
    template = engines["jinja2"].from_string("{{ text|linebreaksbr }}")
    assert template.render({"text": text}) == linebreaksbr(text, autoescape=True)
