from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import i18n as i18n_views
from django.views.generic import (
    ArchiveIndexView,
    DayArchiveView,
    DetailView,
    ListView,
    MonthArchiveView,
    RedirectView,
    TemplateView,
    YearArchiveView,
)

from . import page_cache, search, structured_data
from .alternates import alternates
from .counters import ReadVisit
from .models import Article, Author, Section, Tag

PAGE_SIZE = 20


class PublishedArticleMixin:
    """Readers see published stories only; everything else is a 404."""

    def get_queryset(self):
        return Article.objects.published().for_listing()


class CachedPageMixin:
    """Serve the page from the page cache when it is current (see ``page_cache``)."""

    def get(self, request, *args, **kwargs):
        key = page_cache.page_key(request)
        html, versions = page_cache.lookup(key)
        if html is None:
            response = super().get(request, *args, **kwargs)
            if key is None or response.status_code != 200 or not hasattr(response, "render"):
                return response
            response.context_data.update(page_cache.holes())
            html = response.render().content.decode()
            page_cache.store(key, versions, html)
        return HttpResponse(page_cache.fill(html, request))


class HomeView(CachedPageMixin, TemplateView):
    template_name = "articles/home.html"
    latest_count = 13

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(Article.objects.published().for_listing()[: self.latest_count])
        context["lead"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        context["most_read"] = Article.objects.published().most_read()
        context["alternates"] = alternates(self.request, lambda: reverse("articles:home"))
        return context


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    preview = False

    def get_queryset(self):
        return Article.objects.published().for_page()

    def get(self, request, *args, **kwargs):
        if self.preview:
            self.object = self.get_object()
            return self.render_to_response(self.get_context_data(object=self.object))
        # One light query says whether the story is public, its reads and what its cached
        # page depends on; the full story is loaded only when the page must be rendered.
        story = get_object_or_404(Article.objects.published().page_facts(), slug=kwargs["slug"])
        visit = ReadVisit(request, story.pk)
        visit.count(story)
        key = page_cache.page_key(request)
        html, versions = page_cache.lookup(key, story.page_version)
        if html is None:
            self.object = self.get_object()
            self.object.read_count = story.read_count
            context = self.get_context_data(object=self.object)
            if key is None:
                response = self.render_to_response(context)
                visit.remember(response)
                return response
            context.update(page_cache.holes())
            html = self.render_to_response(context).render().content.decode()
            page_cache.store(key, versions, html)
        response = HttpResponse(page_cache.fill(html, request, article=story))
        visit.remember(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        crumbs = [
            (_("Home"), reverse("articles:home")),
            (article.section.name, article.section.get_absolute_url()),
            (article.headline, article.get_canonical_url()),
        ]
        context.update(
            previous_story=article.previous_story(),
            next_story=article.next_story(),
            related_stories=article.related_stories(),
            preview=self.preview,
            canonical_url=self.request.build_absolute_uri(article.get_canonical_url()),
            alternates=alternates(self.request, article.get_absolute_url),
            share_image=structured_data.share_image(article, self.request),
            json_ld=[
                structured_data.news_article(article, self.request),
                structured_data.breadcrumb_list(crumbs, self.request),
            ],
        )
        return context


@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Editors see any story, whatever its status; previews are never counted."""

    preview = True

    def get_queryset(self):
        return Article.objects.for_page()

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


class StoryListMixin(CachedPageMixin, PublishedArticleMixin):
    """A paginated list page: a title, breadcrumbs (shown and as JSON-LD), a canonical URL."""

    template_name = "articles/article_list.html"
    paginate_by = PAGE_SIZE
    kind = ""

    def get_title(self):
        raise NotImplementedError

    def get_description(self):
        return ""

    def get_breadcrumbs(self):
        """The trail after the home page: ``[(name, path), ...]``, this page last."""
        return [(self.get_title(), self.request.path)]

    def get_canonical_path(self):
        """This page's path in the active language (the alternates call it in each)."""
        match = self.request.resolver_match
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        crumbs = [(_("Home"), reverse("articles:home")), *self.get_breadcrumbs()]
        page = context.get("page_obj")
        page_suffix = f"?page={page.number}" if page is not None and page.number > 1 else ""
        canonical = self.get_canonical_path() + page_suffix
        other_parameters = self.request.GET.copy()
        other_parameters.pop("page", None)
        context.update(
            page_query=other_parameters.urlencode() + "&" if other_parameters else "",
            title=self.get_title(),
            kind=self.kind,
            description=self.get_description(),
            breadcrumbs=crumbs,
            canonical_url=self.request.build_absolute_uri(canonical),
            alternates=alternates(self.request, lambda: self.get_canonical_path() + page_suffix),
            json_ld=[structured_data.breadcrumb_list(crumbs, self.request)],
        )
        return context


class ArticleListView(StoryListMixin, ListView):
    """Published stories filed under one object (section, tag, author)."""

    model_class = None
    filter_field = None

    def get_subject(self):
        return get_object_or_404(self.model_class, slug=self.kwargs["slug"])

    def get_queryset(self):
        self.subject = self.get_subject()
        return super().get_queryset().filter(**{self.filter_field: self.subject})

    def get_title(self):
        return str(self.subject)

    def get_canonical_path(self):
        return self.subject.get_absolute_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.subject
        return context


class SectionMoved(Exception):
    """The section lives at another address in this language (an old or other slug)."""


class SectionView(ArticleListView):
    """A section at its slug in the interface's language; its other slugs (the other
    language's, or an old one from before the sections were merged) redirect for good."""

    model_class = Section
    filter_field = "section"
    kind = _("Section")

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except SectionMoved as moved:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(str(moved) + (f"?{query}" if query else ""))

    def get_subject(self):
        sections = list(Section.objects.with_slug(self.kwargs["slug"]))
        if not sections:
            raise Http404
        here = [section for section in sections if section.slug == self.kwargs["slug"]]
        if here:
            return here[0]
        raise SectionMoved(sections[0].get_absolute_url())

    def get_description(self):
        return self.subject.description


class TagView(ArticleListView):
    model_class = Tag
    filter_field = "tags"
    kind = _("Tag")


class AuthorView(ArticleListView):
    model_class = Author
    filter_field = "authors"
    kind = _("Author")

    def get_description(self):
        return self.subject.bio


class LanguageView(StoryListMixin, ListView):
    """Published stories written in one language, whatever the interface language."""

    kind = _("Language")

    def get_queryset(self):
        self.language = self.kwargs["language"]
        if self.language not in Article.Language.values:
            raise Http404
        return super().get_queryset().filter(language=self.language)

    def get_title(self):
        return _("Stories in %(language)s") % {"language": Article.Language(self.language).label}


class ArchiveMixin(StoryListMixin):
    """The date archive: generic date views over published stories, paginated."""

    template_name = "articles/archive.html"
    date_field = "published_at"
    allow_future = False
    month_format = "%m"
    make_object_list = True
    kind = _("Archive")

    def get_queryset(self):
        # Plain: the date list and the previous/next date links need no bylines.
        return Article.objects.published()

    def get_breadcrumbs(self):
        crumbs = [(_("Archive"), reverse("articles:archive"))]
        day = getattr(self, "archive_day", None)
        if day is None:
            return crumbs
        crumbs.append((str(day.year), reverse("articles:archive_year", args=[day.year])))
        if self.archive_level in ("month", "day"):
            crumbs.append(
                (
                    formats.date_format(day, "YEAR_MONTH_FORMAT"),
                    reverse("articles:archive_month", args=[day.year, day.month]),
                )
            )
        if self.archive_level == "day":
            crumbs.append((formats.date_format(day, "DATE_FORMAT"), self.request.path))
        return crumbs

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive_level=self.archive_level, **kwargs)

    def get_dated_items(self):
        date_list, object_list, extra = super().get_dated_items()
        self.archive_day = extra.get("day") or extra.get("month") or extra.get("year")
        return date_list, object_list.for_listing(), extra


class ArchiveIndex(ArchiveMixin, ArchiveIndexView):
    allow_empty = True
    archive_level = "index"

    def get_title(self):
        return _("Archive")


class ArchiveYear(ArchiveMixin, YearArchiveView):
    archive_level = "year"

    def get_title(self):
        return str(self.archive_day.year)


class ArchiveMonth(ArchiveMixin, MonthArchiveView):
    archive_level = "month"

    def get_title(self):
        return formats.date_format(self.archive_day, "YEAR_MONTH_FORMAT")


class ArchiveDay(ArchiveMixin, DayArchiveView):
    archive_level = "day"

    def get_title(self):
        return formats.date_format(self.archive_day, "DATE_FORMAT")


class SearchView(StoryListMixin, ListView):
    """Ranked search over headlines, spots and bodies (see ``articles.search``)."""

    template_name = "articles/search.html"

    def get_queryset(self):
        self.query = search.clean_query(self.request.GET.get("q", ""))
        if not self.query:
            return Article.objects.none()
        return search.search(self.query)

    def get_title(self):
        return _("Search")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        search.add_snippets(context["object_list"], self.query)
        context["query"] = self.query
        return context


def set_language(request):
    """Django's ``set_language``, with ``next`` resolved in the language of its own prefix.

    Django resolves ``next`` in the request's language, and /i18n/ is unprefixed (so
    Turkish): an English address (/en/...) would not resolve there and switching from
    English back to Turkish would stay on the English page.
    """
    next_url = request.POST.get("next", request.GET.get("next", ""))
    next_language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(next_language or settings.LANGUAGE_CODE):
        return i18n_views.set_language(request)


def preview_prefixes():
    """Where editors' previews live, in every interface language (/preview/, /en/preview/)."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.append(reverse("articles:preview", args=[1]).removesuffix("1/"))
    return prefixes


class RobotsTxtView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        build = self.request.build_absolute_uri
        context.update(
            admin_path="/" + settings.ADMIN_URL,
            preview_paths=preview_prefixes(),
            sitemaps=[build(reverse("sitemap")), build(reverse("news_sitemap"))],
        )
        return context


class FaviconView(RedirectView):
    """/favicon.ico, where browsers and feed readers look without being told."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.ico")
