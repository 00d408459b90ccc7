"""Moderators' decisions: the one place where a person changes comments' status.

Use it from the desk, the admin and any bulk action, so every decision records who
decided, when and why, and the stories concerned are announced once the decision
is committed (``signals.comments_decided``)::

    decide(Comment.objects.filter(pk__in=ids), Comment.Status.APPROVED, request.user)
"""

from django.db import transaction
from django.db.models import Case, Exists, F, OuterRef, Value, When
from django.utils import timezone

from .identity import notify_decided
from .models import Comment, Report
from .signals import comments_decided


def decide(comments, status, moderator, reason=""):
    """Give ``comments`` (a queryset) ``status`` in one UPDATE; returns how many changed."""
    status = Comment.Status(status)
    # The stories before the update: the queryset may filter on the status it changes.
    article_ids = set(comments.order_by().values_list("article_id", flat=True).distinct())
    # Commenters who asked to be told about their held comments (outbox: never blocking).
    notify_ids = list(
        comments.filter(status=Comment.Status.HELD, notify=True)
        .exclude(status=status)
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    settled = {}
    if status == Comment.Status.APPROVED:
        # Approving a reported comment settles it: later reports no longer hide it.
        settled["reports_settled_at"] = Case(
            When(Exists(Report.objects.filter(comment=OuterRef("pk"))), then=Value(now)),
            default=F("reports_settled_at"),
        )
    updated = comments.update(
        status=status,
        moderated_by=moderator,
        moderated_at=now,
        moderation_reason=reason[:300],
        **settled,
    )
    announce(article_ids)
    if notify_ids:
        notify_decided(notify_ids)
    return updated


def announce(article_ids):
    """Tell the site, after commit, that these stories' comments were decided."""
    article_ids = set(article_ids)
    if article_ids:
        transaction.on_commit(
            lambda: comments_decided.send(sender=Comment, article_ids=article_ids)
        )
