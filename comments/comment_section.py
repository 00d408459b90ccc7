import html
import re
from types import SimpleNamespace

from crispy_forms.utils import render_crispy_form
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from jinja2 import pass_context

from articles import fragments, local_times
from articles.page_cache import CSRF_HOLE
from newsportal.prepared_reads import PreparedRead

from . import list_cache
from .forms import CommentForm
from .highlight import highlight
from .identity import signed_in_commenter
from .intake import Reason, comments_are_open
from .models import Comment
from .rule_names import finding_message

# The approved comments under a story (oldest first), as a prepared read: its SQL is
# compiled once per process and database (``newsportal/prepared_reads.py``).
APPROVED_UNDER = PreparedRead(
    lambda article_id: (
        Comment.objects.approved()
        .filter(article_id=article_id)
        .only("id", "name", "body", "created_at", "article_id")
    ),
    article_id=int,
)


@pass_context
def comment_section(context, article):
    """``{{ comment_section(article) }}``: the approved comments (oldest first) and the form,
    under a story (``comments/section.html``).

    After a refused submission the view puts the bound form and the outcome in
    the context; they are shown with the reasons and the commenter's text.
    """
    comment_count, comments_html = approved_comments(article.pk, context.get("csrf_token"))
    outcome = context.get("comment_outcome")
    request = context.get("request")
    commenter = signed_in_commenter(request) if request is not None else None
    if str(context.get("csrf_token")) == CSRF_HOLE:
        # Rendered for the shared page cache (a hole for the CSRF token): never with a
        # commenter's name and e-mail. The cache is bypassed for signed-in commenters
        # (COMMENTER_COOKIE_NAME); this is the safety net should it not be.
        commenter = None
    rejection = None
    if outcome is not None and outcome.reason == Reason.RULES:
        rejection = rejection_details(outcome)
    form = context.get("comment_form")
    if form is None and commenter is not None:  # filled in: rendered for this commenter
        form = CommentForm(article=article, commenter=commenter)
    values = {
        "article": article,
        "comment_count": comment_count,
        "comments_html": comments_html,
        "comments_open": comments_are_open(article),
        "form": form,
        "form_html": (
            blank_form(article, context.get("csrf_token"))
            if form is None
            else render_crispy_form(form, context={"csrf_token": context.get("csrf_token")})
        ),
        "rejection": rejection,
        "request": request,
        "commenter": commenter,
        "csrf_input": context.get("csrf_input"),
    }
    html = context.environment.get_template("comments/section.html").render(values)
    return mark_safe(html)  # noqa: S308 (a template's output)


# One approved comment, as the comment section's loop used to render it in the template.
# Built in Python: a hundred comments cost about 1 ms instead of 9 (a report form each).
COMMENT_HTML = """
    <article class="comment" id="comment-{pk}">
      <p class="mb-1"><strong>{name}</strong> · <time class="small text-body-secondary" \
datetime="{time_iso}">{time_shown}</time></p>
      <div class="comment-body">{body}</div>
      <form class="comment-report" method="post" action="{report_url}">
        {csrf_input}
        <button type="submit" class="btn btn-link btn-sm p-0 text-body-secondary">{report}</button>
      </form>
    </article>
  """
PK_MARK = 987654321


def approved_comments(article_id, csrf_token):
    """``(count, html)`` of the story's approved comments (oldest first), each with its
    report form: kept in the shared cache while no comment under the story is decided
    (``list_cache``), with a mark for this page's CSRF token, filled in here."""
    token = str(csrf_token or "NOTPROVIDED")
    if token in ("NOTPROVIDED", CSRF_HOLE):
        # No token to fill in: written for this page alone; or for the page cache, which
        # keeps the whole page (with the list) under a version every decision renews.
        comments = APPROVED_UNDER(article_id=article_id)
        return len(comments), comment_list(comments, csrf_token)
    template, shared = shared_template()

    def render():
        comments = APPROVED_UNDER(article_id=article_id)
        return len(comments), tuple(write_comments(comments, template).split(CSRF_HOLE))

    # Kept split at the page cache's CSRF hole (it holds a "<", which no escaped name or
    # comment can): joined with the token, not searched for on each page.
    count, parts = list_cache.approved_list(article_id, shared, render)
    return count, mark_safe(conditional_escape(token).join(parts))  # noqa: S308 (escaped HTML)


def shared_template():
    """``comment_template(CSRF_HOLE)`` for this language, address prefix and time zone,
    made once per process (``fragments.made_once``), and what a kept list's HTML depends on
    besides its comments (that template, the zone and the time format: ``list_cache`` keys
    the list by it)."""
    zone = timezone.get_current_timezone()

    def make():
        template = comment_template(CSRF_HOLE)
        return template, "\0".join((template, str(zone), *local_times.current().pieces))

    key = ("comment template", translation.get_language(), get_script_prefix(), zone)
    return fragments.made_once(key, make)


def comment_list(comments, csrf_token):
    """The comments' HTML, each with its report form.

    What is the same for every comment (the report form's address, token and label) is
    escaped and written into the HTML once per page; each comment's own values are escaped
    as they go in. With ``format_html`` per comment and Django's ``localtime`` and ``date``
    per time, a comment added 55 µs to a story page; now about 6 µs, besides its row's read
    (``bench/story_cpu.sh``: Django's ``escape`` and ``linebreaks`` check every argument for
    a lazy string, a time was converted twice and formatted with a new ``DateFormat``).
    """
    if not comments:
        return ""
    return write_comments(comments, comment_template(csrf_token))


def comment_template(csrf_token):
    """One comment's HTML for this page, with what every comment shares written in: a
    ``str.format`` template of the comment's own values."""
    token = str(csrf_token or "NOTPROVIDED")
    csrf_input = (
        ""  # what {% csrf_token %} writes without a token
        if token == "NOTPROVIDED"
        else '<input type="hidden" name="csrfmiddlewaretoken" value="'
        + conditional_escape(token)  # the page cache's hole is written as it is
        + '">'
    )
    report_url = escape(reverse("comments:report", args=[PK_MARK]))
    return COMMENT_HTML.format(
        pk="{pk}",
        name="{name}",
        time_iso="{time_iso}",
        time_shown="{time_shown}",
        body="{body}",
        report_url=literal(report_url).replace(str(PK_MARK), "{pk}"),
        csrf_input=literal(csrf_input),
        report=literal(escape(gettext("Report"))),
    )


def write_comments(comments, template):
    """The comments written with ``comment_template``'s template, their values escaped."""
    page_html = template.format
    iso_and_shown = local_times.current().iso_and_shown
    escaped_times = {}  # a time as shown -> escaped (a page's comments share days, minutes)
    written = []
    for comment in comments:
        time_iso, time_shown = iso_and_shown(comment.created_at)
        escaped_time = escaped_times.get(time_shown)
        if escaped_time is None:
            escaped_time = escaped_times[time_shown] = html.escape(time_shown)
        written.append(
            page_html(
                pk=int(comment.pk),
                name=html.escape(comment.name),
                time_iso=time_iso,
                time_shown=escaped_time,
                body=body_html(comment.body),
            )
        )
    return mark_safe("".join(written))  # noqa: S308 (every value escaped)


PARAGRAPH_BREAK = re.compile("\n{2,}")


def body_html(text):
    """A comment's text as ``linebreaks(text, autoescape=True)`` writes it: escaped, its
    paragraphs in ``<p>``, its lines broken by ``<br>``. (Django's ``linebreaks``, and the
    ``normalize_newlines`` and ``escape`` it calls, each check their arguments for a lazy
    string first: a third of a comment's cost.)"""
    if "\r" in text:  # as normalize_newlines: \r\n and \r are line breaks
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n\n".join(
        [
            "<p>" + html.escape(part).replace("\n", "<br>") + "</p>"
            for part in PARAGRAPH_BREAK.split(text)
        ]
    )


def literal(text):
    """Text put in a ``str.format`` template as it is (its braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


FORM_SLUG = "np-form-slug-3b9a"


def blank_form(article, csrf_token):
    """The empty comment form as HTML, rendered by crispy once per language and process
    (``articles.fragments``) and then given the story's address and this page's CSRF token
    (crispy's layout costs about a third of rendering a story page; the empty form is the
    same for every story)."""
    html = fragments.render_once(
        ("comment form", translation.get_language()),
        lambda: render_crispy_form(
            CommentForm(article=SimpleNamespace(slug=FORM_SLUG)),
            context={"csrf_token": fragments.CSRF_MARK},
        ),
    )
    return fragments.fill(
        html, {FORM_SLUG: article.slug, fragments.CSRF_MARK: str(csrf_token or "")}
    )


def rejection_details(outcome):
    """What the commenter is shown: each broken rule in their language, and where."""
    reasons, seen = [], set()
    for finding in outcome.findings:
        message = finding_message(finding)
        if (finding["rule"], message) not in seen:
            seen.add((finding["rule"], message))
            reasons.append(
                {
                    "rule": finding["rule"],
                    "message": message,
                    "evidence": finding["evidence"],
                    "field": finding["field"],
                }
            )
    spans = [(f["start"], f["end"]) for f in outcome.findings if f["field"] == "body"]
    suggestion = next((f["suggestion"] for f in outcome.findings if f.get("suggestion")), None)
    return {
        "reasons": reasons,
        "highlighted": highlight(outcome.comment.body, spans),
        "suggestion": suggestion,
    }
