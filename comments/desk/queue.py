"""What the desk shows: held comments, filtered, riskiest first, a page at a time.

The order is ``Comment.DESK_ORDER`` (review findings first, then the model's score
from high to low, then the oldest), read from the partial index ``comment_desk_queue``.
Pages follow a keyset: the next page starts after the last comment shown
(``?after=<id>``), so page 400 costs what page 1 costs; there is no OFFSET.
"""

from django import forms
from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ..highlight import highlight
from ..identity import rejected_by_a_moderator_lately, trust_earned
from ..models import Comment, Commenter, Report
from ..rule_names import RULE_NAMES, rule_name

PAGE_SIZE = 25
ANY = ("", _("any"))


def rule_choices():
    return [("", _("any rule"))] + [(code, rule_name(code)) for code in RULE_NAMES]


def language_choices():
    return [ANY] + [(code, _(name)) for code, name in settings.LANGUAGES]


def standing_choices():
    return [ANY] + list(Commenter.Standing.choices)


class DeskFilter(forms.Form):
    """The desk's filters; the same ones select what "approve / reject all N shown" acts on."""

    rule = forms.ChoiceField(label=_("Rule"), choices=rule_choices, required=False)
    story = forms.IntegerField(label=_("Story"), min_value=1, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=language_choices, required=False)
    standing = forms.ChoiceField(
        label=_("Commenter's standing"), choices=standing_choices, required=False
    )
    reported = forms.BooleanField(label=_("Reported by readers"), required=False)

    def held(self):
        """The held comments these (valid) filters select, in no particular order."""
        data = self.cleaned_data
        comments = Comment.objects.held()
        if data["rule"]:
            comments = comments.with_rule(data["rule"])
        if data["story"]:
            comments = comments.filter(article_id=data["story"])
        if data["language"]:
            comments = comments.filter(language=data["language"])
        if data["standing"] == Commenter.Standing.EARNING:
            # A comment not (yet) linked to a commenter is a commenter earning trust.
            comments = comments.filter(
                Q(commenter__isnull=True) | Q(commenter__standing=Commenter.Standing.EARNING)
            )
        elif data["standing"]:
            comments = comments.filter(commenter__standing=data["standing"])
        if data["reported"]:
            comments = comments.filter(Exists(Report.objects.filter(comment=OuterRef("pk"))))
        return comments

    def query_string(self):
        """The filters as a query string, to carry through a decision and a confirmation."""
        return urlencode(sorted((k, v) for k, v in self.cleaned_data.items() if v))


def page(comments, after=None, size=PAGE_SIZE):
    """One page of ``comments`` in the desk's order, starting after the comment ``after``.

    Returns ``(cards, next_after)``: the comments with what a card needs, and the id
    to continue from (None on the last page). The keyset compares the row
    ``(desk_rank, created_at, id)`` with the last one shown, in one query that reads
    the index from there on.
    """
    if after is not None:
        # Django's tuple lookups (those of composite primary keys): a row comparison on
        # PostgreSQL, which reads the index from that row on; spelt out on SQLite.
        last_shown = Comment.objects.filter(pk=after).order_by()
        keyset = [Subquery(last_shown.values(column)) for column in Comment.DESK_ORDER]
        comments = comments.filter(TupleGreaterThan(Tuple(*Comment.DESK_ORDER), keyset))
    rows = list(
        comments.desk_order()
        .select_related("article", "commenter")
        .prefetch_related(
            Prefetch("reports", queryset=Report.objects.only("comment_id", "reason", "created_at"))
        )[: size + 1]
    )
    next_after = rows[size - 1].pk if len(rows) > size else None
    cards = rows[:size]
    records = commenter_records({c.commenter_id for c in cards if c.commenter_id})
    for card in cards:
        card.record = records.get(card.commenter_id)
        card.trusted_by_record = earns_trust_by_record(card.commenter, card.record)
        card.highlighted = highlight(
            card.body, [(f["start"], f["end"]) for f in card.findings if f.get("field") == "body"]
        )
        card.rule_names = [rule_name(code) for code in card.rule_codes]
        card.domain = card.email.rpartition("@")[2].lower()
    return cards, next_after


def earns_trust_by_record(commenter, record):
    """A commenter of standing "earning" whose record has earned trust: their comments
    are published at once, which the card says instead of "earns trust"."""
    return (
        commenter is not None
        and commenter.standing == Commenter.Standing.EARNING
        and commenter.confirmed_at is not None
        and record is not None
        and trust_earned(record["approved"], record["recently_rejected"])
    )


def commenter_records(commenter_ids):
    """Each commenter's approved, rejected and reported comments, and the rejections
    that hold back trust, in one query."""
    if not commenter_ids:
        return {}
    records = (
        Comment.objects.filter(commenter_id__in=commenter_ids)
        .order_by()
        .values("commenter_id")
        .annotate(
            approved=Count("id", filter=Q(status=Comment.Status.APPROVED), distinct=True),
            rejected=Count("id", filter=Q(status=Comment.Status.REJECTED), distinct=True),
            reported=Count("id", filter=Q(reports__isnull=False), distinct=True),
            recently_rejected=Count("id", filter=rejected_by_a_moderator_lately(), distinct=True),
        )
    )
    return {record.pop("commenter_id"): record for record in records}
