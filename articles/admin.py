from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments.models import Comment

from . import renewal, tagged_stories
from .models import Article, Author, Byline, Section, Tag


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "position"]


def set_status(modeladmin, request, queryset, status, **extra):
    # A bulk update sends no signal: the pages that showed these stories are renewed here.
    before = renewal.snapshot(queryset.values_list("pk", flat=True))
    updated = queryset.update(status=status, **extra)
    tagged_stories.copy_stories(story["id"] for story in before)
    renewal.stories_changed(before, [story["id"] for story in before])
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d story is now “%(status)s”.",
            "%(count)d stories are now “%(status)s”.",
            updated,
        )
        % {"count": updated, "status": Article.Status(status).label},
        messages.SUCCESS,
    )


@admin.action(description=_("Publish now"), permissions=["change"])
def publish_now(modeladmin, request, queryset):
    set_status(modeladmin, request, queryset, Article.Status.PUBLISHED, published_at=timezone.now())


@admin.action(description=_("Withdraw from readers"), permissions=["change"])
def withdraw(modeladmin, request, queryset):
    set_status(modeladmin, request, queryset, Article.Status.WITHDRAWN)


@admin.action(description=_("Return to draft"), permissions=["change"])
def back_to_draft(modeladmin, request, queryset):
    set_status(modeladmin, request, queryset, Article.Status.DRAFT)


def comments_with(status):
    return Count("comments", filter=Q(comments__status=status))


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "headline",
        "status",
        "is_published",
        "published_at",
        "section",
        "language",
        "read_count",
        "comment_counts",
        "preview_link",
    ]
    list_filter = ["status", "section", "language", "published_at", "comments_enabled"]
    list_select_related = ["section"]
    search_fields = ["headline", "spot", "body", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["tags"]
    readonly_fields = ["read_count", "created_at", "updated_at"]
    inlines = [BylineInline]
    actions = [publish_now, withdraw, back_to_draft]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["headline", "slug", "spot", "body", "language"]}),
        (_("Dateline and source"), {"fields": ["dateline_city", "agency", "source"]}),
        (_("Image"), {"fields": ["image", "image_caption", "image_credit"]}),
        (_("Filing"), {"fields": ["section", "tags"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "comments_enabled",
                    "read_count",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                comments_held=comments_with(Comment.Status.HELD),
                comments_approved=comments_with(Comment.Status.APPROVED),
                comments_rejected=comments_with(Comment.Status.REJECTED),
            )
        )

    @admin.display(description=_("comments: held / approved / rejected"))
    def comment_counts(self, article):
        return format_html(
            '<a href="{}?article__id__exact={}">{} / {} / {}</a>',
            reverse("admin:comments_comment_changelist"),
            article.pk,
            article.comments_held,
            article.comments_approved,
            article.comments_rejected,
        )

    @admin.display(description=_("preview"))
    def preview_link(self, article):
        return format_html(
            '<a href="{}">{}</a>', reverse("articles:preview", args=[article.pk]), _("Preview")
        )

    def view_on_site(self, article):
        return reverse("articles:preview", args=[article.pk])


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name_tr", "name_en", "slug_tr", "slug_en", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug_tr": ["name_tr"], "slug_en": ["name_en"]}
    search_fields = ["name_tr", "name_en"]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
