"""The queue's figures at the top of the desk, each a cheap indexed aggregate.

Held now and the oldest waiting come from the held comments' partial index; decided
today, the median time to a decision and the decisions per moderator from the
decisions of the last seven days (the ``comment_decided_time`` index), so none of them
grows with the site's history.
"""

from datetime import timedelta

from django.db import connections
from django.db.models import Aggregate, Count, DurationField, F, Min, Q
from django.utils import timezone

from ..models import Comment

WINDOW = timedelta(days=7)


class Median(Aggregate):
    """PostgreSQL's median (``percentile_cont``) of an expression."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def queue_figures():
    """Held now and the oldest waiting comment's arrival."""
    return Comment.objects.held().aggregate(held=Count("id"), oldest=Min("created_at"))


def decision_figures(now=None):
    """Decisions today (the site's day) and in the last seven days, their median time
    from arrival to decision, and each moderator's decisions today and in the window."""
    now = now or timezone.now()
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    recent = Comment.objects.filter(moderated_at__gte=now - WINDOW)
    wait = F("moderated_at") - F("created_at")
    on_postgres = connections[recent.db].vendor == "postgresql"
    totals = recent.aggregate(
        today=Count("id", filter=Q(moderated_at__gte=today)),
        window=Count("id"),
        **({"median": Median(wait)} if on_postgres else {}),
    )
    if not on_postgres:
        totals["median"] = middle_value(recent.annotate(wait=wait), "wait", totals["window"])
    # For the template's timesince: the median as a stretch of time ending now.
    totals["now"] = now
    totals["median_from"] = now - totals["median"] if totals["median"] is not None else None
    totals["moderators"] = list(
        recent.order_by()
        .values("moderated_by__username")
        .annotate(today=Count("id", filter=Q(moderated_at__gte=today)), window=Count("id"))
        .order_by("-window", "moderated_by__username")
    )
    return totals


def middle_value(queryset, field, count):
    """The median of ``field`` over ``count`` rows, where no median aggregate exists:
    the middle one or two rows in order, read straight from the sorted result."""
    if not count:
        return None
    middle = list(
        queryset.order_by(field).values_list(field, flat=True)[(count - 1) // 2 : count // 2 + 1]
    )
    return sum(middle, timedelta()) / len(middle)
