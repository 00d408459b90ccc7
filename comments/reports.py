"""Readers' reports: enough of them from different readers send a comment back to the desk.

After ``COMMENTS_REPORTS_TO_HIDE`` reports the comment is held again (it leaves the
story page, whose cached copy is renewed) and waits on the desk with its reports. A
moderator who approves it again settles it (``Comment.reports_settled_at``, set by
``decisions.decide``): later reports are recorded, shown on the desk, and hide nothing.
"""

from django.conf import settings

from .decisions import announce
from .models import Comment, Report


def report_comment(comment, reporter, reason="", ip=None):
    """Record one reader's report (IntegrityError if this reader already reported it);
    returns True when the comment was hidden by it."""
    Report.objects.create(comment=comment, reporter=reporter, reason=reason[:300], ip_address=ip)
    if comment.reports_settled_at is not None:
        return False
    if comment.reports.count() < settings.COMMENTS_REPORTS_TO_HIDE:
        return False
    hidden = Comment.objects.filter(
        pk=comment.pk, status=Comment.Status.APPROVED, reports_settled_at=None
    ).update(status=Comment.Status.HELD)
    if hidden:
        announce([comment.article_id])
    return bool(hidden)
