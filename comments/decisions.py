"""Moderators' decisions: the one place where a person changes comments' status.

Use it from the desk, the admin and any bulk action, so every decision records who
decided, when and why, and the stories concerned are announced once the decision
is committed (``signals.comments_decided``)::

    decide(Comment.objects.filter(pk__in=ids), Comment.Status.APPROVED, request.user)
"""

from django.db import transaction
from django.utils import timezone

from .models import Comment
from .signals import comments_decided


def decide(comments, status, moderator, reason=""):
    """Give ``comments`` (a queryset) ``status`` in one UPDATE; returns how many changed."""
    status = Comment.Status(status)
    # The stories before the update: the queryset may filter on the status it changes.
    article_ids = set(comments.order_by().values_list("article_id", flat=True).distinct())
    updated = comments.update(
        status=status,
        moderated_by=moderator,
        moderated_at=timezone.now(),
        moderation_reason=reason[:300],
    )
    announce(article_ids)
    return updated


def announce(article_ids):
    """Tell the site, after commit, that these stories' comments were decided."""
    article_ids = set(article_ids)
    if article_ids:
        transaction.on_commit(
            lambda: comments_decided.send(sender=Comment, article_ids=article_ids)
        )
