from django import template

from ..forms import CommentForm
from ..highlight import highlight
from ..identity import signed_in_commenter
from ..intake import Reason, comments_are_open
from ..models import Comment
from ..rule_names import finding_message

register = template.Library()


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, article):
    """The approved comments (oldest first) and the form, under a story.

    After a refused submission the view puts the bound form and the outcome in
    the context; they are shown with the reasons and the commenter's text.
    """
    comments = list(
        Comment.objects.approved()
        .filter(article=article)
        .only("id", "name", "body", "created_at", "article_id")
    )
    outcome = context.get("comment_outcome")
    request = context.get("request")
    commenter = signed_in_commenter(request) if request is not None else None
    if context.get("reads_hole"):
        # Rendered for the shared page cache (articles/page_cache.py holes()): never with
        # a commenter's name and e-mail. The cache is bypassed for signed-in commenters
        # (COMMENTER_COOKIE_NAME); this is the safety net should it not be.
        commenter = None
    rejection = None
    if outcome is not None and outcome.reason == Reason.RULES:
        rejection = rejection_details(outcome)
    return {
        "article": article,
        "comments": comments,
        "comments_open": comments_are_open(article),
        "form": context.get("comment_form") or CommentForm(article=article, commenter=commenter),
        "rejection": rejection,
        "request": request,
        "commenter": commenter,
    }


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
