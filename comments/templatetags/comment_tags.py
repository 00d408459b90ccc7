from django import template
from django.utils.translation import get_language

from ..forms import CommentForm
from ..highlight import highlight
from ..intake import comments_are_open
from ..models import Comment

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
    rejection = None
    if outcome is not None and outcome.reason == "rules":
        rejection = rejection_details(outcome, get_language())
    return {
        "article": article,
        "comments": comments,
        "comments_open": comments_are_open(article),
        "form": context.get("comment_form") or CommentForm(article=article),
        "rejection": rejection,
        "request": context.get("request"),
    }


def rejection_details(outcome, language):
    """What the commenter is shown: each broken rule in their language, and where."""
    field_text = {"body": outcome.comment.body, "name": outcome.comment.name}
    message_key = "message_tr" if (language or "tr").startswith("tr") else "message_en"
    reasons, seen = [], set()
    for finding in outcome.findings:
        key = (finding["rule"], finding[message_key])
        if key not in seen:
            seen.add(key)
            reasons.append(
                {
                    "rule": finding["rule"],
                    "message": finding[message_key],
                    "evidence": finding["evidence"],
                    "field": finding["field"],
                }
            )
    spans = [(f["start"], f["end"]) for f in outcome.findings if f["field"] == "body"]
    suggestion = next((f["suggestion"] for f in outcome.findings if f.get("suggestion")), None)
    return {
        "reasons": reasons,
        "highlighted": highlight(field_text["body"], spans),
        "suggestion": suggestion,
    }
