"""The moderation queue: held comments first, the rules that fired, bulk decisions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .decisions import announce, decide
from .highlight import highlight
from .models import Ban, Comment, Commenter, DomainRule, Term
from .rule_names import FIELD_NAMES, SEVERITY_NAMES, finding_message, rule_name


class ReasonActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=300,
        help_text=_("Recorded with approve, reject and ban actions."),
    )


class RuleFilter(admin.SimpleListFilter):
    title = _("rule")
    parameter_name = "rule"

    def lookups(self, request, model_admin):
        from .intake import BANNED, CLOSED, DUPLICATE, HONEYPOT, RATE_LIMIT
        from .moderation import RULE_CODES

        codes = list(RULE_CODES) + [HONEYPOT, RATE_LIMIT, BANNED, DUPLICATE, CLOSED]
        return [(code, rule_name(code)) for code in codes]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.with_rule(self.value())
        return queryset


def moderate_selected(modeladmin, request, queryset, status):
    updated = decide(queryset, status, request.user, request.POST.get("reason", ""))
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d comment marked “%(status)s”.",
            "%(count)d comments marked “%(status)s”.",
            updated,
        )
        % {"count": updated, "status": Comment.Status(status).label},
        messages.SUCCESS,
    )


@admin.action(description=_("Approve selected comments"), permissions=["change"])
def approve(modeladmin, request, queryset):
    moderate_selected(modeladmin, request, queryset, Comment.Status.APPROVED)


@admin.action(description=_("Reject selected comments"), permissions=["change"])
def reject(modeladmin, request, queryset):
    moderate_selected(modeladmin, request, queryset, Comment.Status.REJECTED)


def ban_senders(modeladmin, request, queryset, kind, field):
    reason = request.POST.get("reason", "")[:300]
    values = {value for value in queryset.values_list(field, flat=True) if value}
    created = 0
    for value in values:
        _ban, is_new = Ban.objects.get_or_create(
            kind=kind,
            value=value.lower(),
            defaults={"reason": reason, "created_by": request.user},
        )
        created += is_new
    modeladmin.message_user(
        request,
        ngettext("%(count)d new ban.", "%(count)d new bans.", created) % {"count": created},
        messages.SUCCESS,
    )


@admin.action(
    description=_("Ban the e-mail addresses of selected comments"), permissions=["change"]
)
def ban_emails(modeladmin, request, queryset):
    ban_senders(modeladmin, request, queryset, Ban.Kind.EMAIL, "email")


@admin.action(description=_("Ban the IP addresses of selected comments"), permissions=["change"])
def ban_ips(modeladmin, request, queryset):
    ban_senders(modeladmin, request, queryset, Ban.Kind.IP, "ip_address")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt",
        "status",
        "rules_fired",
        "score",
        "story",
        "name",
        "email",
        "ip_address",
        "created_at",
        "moderated_by",
    ]
    list_filter = ["status", RuleFilter, "decision", "language", "created_at"]
    list_select_related = ["article", "moderated_by"]
    search_fields = ["body", "name", "email", "ip_address", "article__headline"]
    date_hierarchy = "created_at"
    actions = [approve, reject, ban_emails, ban_ips]
    action_form = ReasonActionForm
    list_per_page = 50

    class Media:
        css = {"all": ["comments/admin.css"]}

    fields = [
        "article",
        "status",
        "moderation_reason",
        "highlighted_body",
        "findings_table",
        "decision",
        "language",
        "name",
        "email",
        "ip_address",
        "user_agent",
        "created_at",
        "moderated_by",
        "moderated_at",
        "other_comments",
    ]
    # Moderators decide (status, reason); what the commenter sent stays as it was.
    readonly_fields = [f for f in fields if f not in ("status", "moderation_reason")]

    def get_ordering(self, request):
        return Comment.QUEUE_ORDER

    def has_add_permission(self, request):
        return False  # comments come from readers only

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data or "moderation_reason" in form.changed_data:
            obj.moderated_by = request.user
            obj.moderated_at = timezone.now()
        # Saved: its story is announced after commit (``signals.comment_saved``).
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        announce([obj.article_id])  # after commit: its story's page no longer shows it
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        announce(queryset.values_list("article_id", flat=True))
        super().delete_queryset(request, queryset)

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        spans = [(f["start"], f["end"]) for f in comment.findings if f.get("field") == "body"]
        text = comment.body if len(comment.body) <= 300 else comment.body[:300] + "…"
        return highlight(text, spans)

    @admin.display(description=_("rules"), ordering="rules")
    def rules_fired(self, comment):
        return ", ".join(str(rule_name(code)) for code in comment.rule_codes) or "—"

    @admin.display(description=_("story"), ordering="article__published_at")
    def story(self, comment):
        return format_html(
            '<a href="{}">{}</a>', comment.article.get_absolute_url(), comment.article.headline[:60]
        )

    @admin.display(description=_("comment with evidence highlighted"))
    def highlighted_body(self, comment):
        spans = [(f["start"], f["end"]) for f in comment.findings if f.get("field") == "body"]
        return format_html(
            '<div class="readonly comment-body-highlighted">{}</div>',
            highlight(comment.body, spans),
        )

    @admin.display(description=_("rules that fired"))
    def findings_table(self, comment):
        if not comment.findings:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><strong>{}</strong> ({}, {}): “{}” — {}</li>",
                (
                    (
                        rule_name(f["rule"]),
                        SEVERITY_NAMES.get(f["severity"], f["severity"]),
                        FIELD_NAMES.get(f.get("field"), f.get("field", "")),
                        f.get("evidence", ""),
                        finding_message(f),
                    )
                    for f in comment.findings
                ),
            ),
        )

    @admin.display(description=_("the commenter's other comments"))
    def other_comments(self, comment):
        sender = Q(email=comment.email)
        if comment.ip_address:
            sender |= Q(ip_address=comment.ip_address)
        others = Comment.objects.filter(sender).exclude(pk=comment.pk).order_by("-created_at")[:20]
        if not others:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}): {}</li>',
                (
                    (
                        reverse("admin:comments_comment_change", args=[other.pk]),
                        # In the site's time zone, like every other time in the admin.
                        date_format(localtime(other.created_at), "SHORT_DATETIME_FORMAT"),
                        other.get_status_display(),
                        other.body[:100],
                    )
                    for other in others
                ),
            ),
        )


class CreatedByAdmin(admin.ModelAdmin):
    """An admin for rules that record who made them (``created_by``, ``created_at``)."""

    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Ban)
class BanAdmin(CreatedByAdmin):
    list_display = ["value", "kind", "reason", "created_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value", "reason"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["term", "kind", "note", "created_at"]
    list_filter = ["kind"]
    search_fields = ["term", "note"]


@admin.register(Commenter)
class CommenterAdmin(admin.ModelAdmin):
    """Commenters by e-mail address; moderators usually set the standing from the desk."""

    list_display = ["email", "name", "standing", "standing_set_by", "standing_set_at", "created_at"]
    list_filter = ["standing"]
    search_fields = ["email", "name"]
    list_select_related = ["standing_set_by"]
    readonly_fields = ["standing_set_by", "standing_set_at", "confirmed_at", "created_at"]

    def save_model(self, request, obj, form, change):
        if "standing" in form.changed_data:
            obj.standing_set_by = request.user
            obj.standing_set_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(DomainRule)
class DomainRuleAdmin(CreatedByAdmin):
    list_display = ["domain", "action", "note", "created_by", "created_at"]
    list_filter = ["action"]
    search_fields = ["domain", "note"]
