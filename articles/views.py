import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.utils.safestring import SafeString
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

from newsportal import csrf_tokens

from . import counters, page_cache, read_buffer, renewal, search, structured_data
from .alternates import alternates
from .counters import ReadVisit
from .models import PUBLIC_STATUSES, Article, Author, Section, Tag

logger = logging.getLogger(__name__)
PAGE_SIZE = 20


class PublishedArticleMixin:
    """Readers see published stories only; everything else is a 404."""

    def get_queryset(self):
        return Article.objects.published().for_listing()


class CachedPageMixin:
    """Serve the page from the page cache while it is current (see ``page_cache``).

    Views say what the page depends on and what differs per request through hooks:
    ``get_cache_topics()``, ``get_cache_facts_name()`` and ``use_cache_facts()`` (a page
    with facts of its own, such as a story), ``get_round_trip_commands()`` (Redis commands
    for the same round trip, as ``(client, [command, ...])``), ``get_hole_context()`` and
    ``get_hole_fillers()`` (what the cached page leaves open and how each request fills it).
    """

    cache_topics = ()

    def get_cache_topics(self):
        return [page_cache.SITE, *self.cache_topics]

    def get_cache_facts_name(self):
        return None

    def use_cache_facts(self, found):
        """Check the page's facts (``found.facts``, read again when missing); may raise 404."""

    def get_round_trip_commands(self):
        return None

    def get_hole_context(self):
        return {"csrf_token": page_cache.CSRF_HOLE}

    def get_hole_fillers(self):
        return {page_cache.CSRF_HOLE: lambda: csrf_tokens.get_token(self.request)}

    def get_page_meta(self, context):
        """Facts about the rendered page to keep with it (see ``ConditionalPageMixin``)."""
        return {}

    def get(self, request, *args, **kwargs):
        self.cache_found = None
        key = page_cache.page_key(request)
        if key is None:
            return super().get(request, *args, **kwargs)
        self.cache_found = found = page_cache.lookup(
            key,
            self.get_cache_topics(),
            self.get_cache_facts_name(),
            self.get_round_trip_commands(),
        )
        self.use_cache_facts(found)
        fillers = self.get_hole_fillers()
        if found.parts is None:
            request.page_cache_site_version = found.versions.get(page_cache.SITE)
            response = super().get(request, *args, **kwargs)
            if response.status_code != 200 or not hasattr(response, "render"):
                return response
            response.context_data.update(self.get_hole_context())
            html = response.render().content.decode()
            found.parts = page_cache.split(html, fillers)
            found.meta = self.get_page_meta(response.context_data)
            page_cache.store(found, found.parts, **found.meta)
        return HttpResponse(page_cache.fill(found.parts, fillers))


class ConditionalPageMixin(CachedPageMixin):
    """A list page with validators: a weak ETag (the versions it was rendered under) and
    Last-Modified (its newest story), so browsers and edge caches revalidate with a 304."""

    def get_page_meta(self, context):
        stories = [*context.get("object_list", ()), *context.get("latest", ())]
        if context.get("lead"):
            stories.append(context["lead"])
        times = [story.last_modified.timestamp() for story in stories]
        return {"last_modified": int(max(times)) if times else None}

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        found = self.cache_found
        if found is None or found.parts is None or response.status_code != 200:
            return response
        response.headers["ETag"] = found.etag
        last_modified = found.meta.get("last_modified")
        if last_modified:
            response.headers["Last-Modified"] = http_date(last_modified)
        # Each reader's copy holds their own CSRF token: kept by the browser, revalidated.
        patch_cache_control(response, private=True, no_cache=True)
        return get_conditional_response(
            request, etag=found.etag, last_modified=last_modified, response=response
        )


class ReadCountingMixin:
    """Count the reader's read of the story (``counters``) and show the total.

    On a page from the cache the read is counted in the cache's round trip, with the
    story's id as this process last saw it at this address; the facts that come back
    confirm it (or the read is taken back and counted for the right story, or not at
    all when the story is not public). The total shown comes from the same round trip
    (``read_buffer.SHOWN``). Without Redis, reads are counted in the database.
    """

    def get_round_trip_commands(self):
        self.visit = None
        story_id = known_story_ids.get(self.kwargs["slug"])
        if story_id is None or not read_buffer.enabled():
            return super().get_round_trip_commands()
        self.visit = visit = ReadVisit(self.request, story_id)
        # None: the page cache's own connection, which the lookup has at hand anyway.
        client = None if read_buffer.shares_page_cache() else read_buffer.client()
        if visit.should_count():
            return (client, read_buffer.read_commands(story_id))
        return (client, [read_buffer.shown_command(story_id)])

    def get_facts_commands(self, facts):
        """With facts read from the database (the long tail), the read (or the total shown,
        started again from the row's count) goes in the round trip that keeps them, when
        the reads' Redis is the page cache's and the story is public now: one round trip
        fewer. Their replies come back as ``self.facts_replies``."""
        self.facts_visit = None
        story_id, visible_from = facts["id"], facts["visible_from"]
        if (
            visible_from is None
            or visible_from > timezone.now()
            or not read_buffer.enabled()
            or not read_buffer.shares_page_cache()
        ):
            return ()
        shown = read_buffer.set_shown_command(story_id, self.stored_reads)
        if self.speculated is not None:  # the read went in the page's round trip
            return [shown] if self.speculated.article_id == story_id else ()
        self.facts_visit = ReadVisit(self.request, story_id)
        if self.facts_visit.should_count():
            return [shown, *read_buffer.read_commands(story_id)]
        return [shown]

    def use_cache_facts(self, found):
        speculated = self.speculated = self.visit if found.extra else None
        self.facts_visit = None
        try:
            super().use_cache_facts(found)
        except Http404:
            if speculated and speculated.should_count():
                take_back_read(speculated.article_id)
            counted_with_facts = self.facts_visit and self.facts_replies is not None
            if counted_with_facts and self.facts_visit.should_count():
                # Another request's facts, kept first, say the story is not public.
                take_back_read(self.facts_visit.article_id)
            raise
        story_id = found.facts["id"]
        known_story_ids.remember(self.kwargs["slug"], story_id)
        if speculated and speculated.article_id != story_id:
            if speculated.should_count():
                take_back_read(speculated.article_id)
            speculated = None
        stored = getattr(self, "stored_reads", None)
        if speculated:
            self.visit = speculated
            if speculated.should_count():
                _buffered, self.reads_shown, flush_due = read_buffer.queued_read(found.extra)
                speculated.counted = True
                speculated.recent[story_id] = speculated.now
                if flush_due:
                    counters.flush_buffered_reads()
            else:
                self.reads_shown = int(found.extra[0] or 0)
            if self.facts_replies is not None:  # the total shown, set with the facts
                self.reads_shown = int(self.facts_replies[0])
            elif stored is not None:  # the facts were read again: so is the total shown
                self.reads_shown = counters.set_shown(story_id, stored, self.reads_shown)
            return
        visit = self.facts_visit
        if visit is not None and self.facts_replies is not None:  # sent with the facts
            self.visit = visit
            if visit.should_count():
                _buffered, self.reads_shown, flush_due = read_buffer.queued_read(
                    self.facts_replies[1:]
                )
                visit.counted = True
                visit.recent[story_id] = visit.now
                if flush_due:
                    counters.flush_buffered_reads()
            else:
                self.reads_shown = int(self.facts_replies[0])
            return
        self.visit = ReadVisit(self.request, story_id)
        self.reads_shown = counters.count_and_total(self.visit, stored)

    def get_object(self, queryset=None):
        story = super().get_object(queryset)
        if self.cache_found is None:  # rendered for this request alone: counted here
            self.visit = ReadVisit(self.request, story.pk)
            self.visit.count(story)
        return story

    def get_hole_context(self):
        return {**super().get_hole_context(), "reads_hole": READS_HOLE}

    def get_hole_fillers(self):
        return {
            **super().get_hole_fillers(),
            READS_HOLE: lambda: counters.total_line(self.reads_shown),
        }

    def get(self, request, *args, **kwargs):
        self.visit = None
        response = super().get(request, *args, **kwargs)
        if self.visit is not None and response.status_code == 200:
            self.visit.remember(response)
        return response


def take_back_read(article_id):
    try:
        read_buffer.unqueue_read(article_id)
    except Exception:
        logger.warning("read buffer unavailable; a read was counted twice", exc_info=True)


# Story ids by address, as this process last saw them (a few MB at most).
known_story_ids = page_cache.Remembered(limit=200_000)
READS_HOLE = SafeString("<np-reads-hole-8d1e4a>")  # with a "<", as page_cache.CSRF_HOLE


class HomeView(ConditionalPageMixin, TemplateView):
    template_name = "articles/home.html"
    latest_count = 13
    cache_topics = (page_cache.LATEST,)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = list(Article.objects.published().for_listing()[: self.latest_count])
        context["lead"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        context["most_read"] = Article.objects.published().most_read()
        context["alternates"] = alternates(self.request, lambda: reverse("articles:home"))
        return context


class StoryContextMixin:
    """What the story page shows besides the story: neighbours, related stories, the
    canonical address and the JSON-LD. Shared by the reader's page, the editors' preview
    and the comment form's answer."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        crumbs = [
            (_("Home"), reverse("articles:home")),
            (article.section.name, article.section.get_absolute_url()),
            (article.headline, article.get_canonical_url()),
        ]
        previous_story, next_story = article.neighbours()
        context.update(
            previous_story=previous_story,
            next_story=next_story,
            related_stories=article.related_stories(),
            canonical_url=self.request.build_absolute_uri(article.get_canonical_url()),
            alternates=alternates(self.request, article.get_absolute_url),
            share_image=structured_data.share_image(article, self.request),
            json_ld=[
                structured_data.news_article(article, self.request),
                structured_data.breadcrumb_list(crumbs, self.request),
            ],
        )
        return context


class StoryFactsMixin(CachedPageMixin):
    """A story page's facts in the page cache: its id, from when it is public, its version."""

    def get_cache_facts_name(self):
        return renewal.story_facts_name(self.kwargs["slug"])

    def use_cache_facts(self, found):
        """Whether the story is public and its page's version, from the cache; read from the
        database when the cache has none (after a change, or PAGE_CACHE_SECONDS).

        Without facts the page cannot be current either (its versions include the facts'),
        so the story is read whole for the page and the facts are taken from it: one query
        for both, rather than a row for the facts and the story again for the page (the
        long tail: old stories and crawlers miss the cache).
        """
        self.stored_reads = None
        self.story_with_facts = None
        self.facts_replies = None
        facts = found.facts
        if not isinstance(facts, dict):
            story = Article.objects.story_at_address(self.kwargs["slug"])
            facts = {"version": page_cache.new_version(), "id": None, "visible_from": None}
            if story is not None:
                facts["id"] = story.pk
                if story.status in PUBLIC_STATUSES:
                    facts["visible_from"] = story.published_at
                    self.story_with_facts = story
                self.stored_reads = story.read_count
            self.facts_replies = page_cache.set_facts(found, facts, self.get_facts_commands(facts))
            facts = found.facts  # another request's, when it kept them first
        if facts["visible_from"] is None or facts["visible_from"] > timezone.now():
            raise Http404

    def get_facts_commands(self, facts):
        """Redis commands to send in the round trip that keeps facts read from the database
        (``page_cache.set_facts``); their replies are ``self.facts_replies`` (None if not
        sent)."""
        return ()

    def get_object(self, queryset=None):
        """The story read with its facts (public now: the facts said so), else read now."""
        if getattr(self, "story_with_facts", None) is not None:
            return self.story_with_facts
        story = Article.objects.story_at_address(self.kwargs["slug"])
        if story is None or not story.is_published():
            raise Http404
        return story


def story_or_404(queryset, **lookup):
    story = queryset.story_for_page(**lookup)
    if story is None:
        raise Http404
    return story


class ArticleDetailView(ReadCountingMixin, StoryFactsMixin, StoryContextMixin, DetailView):
    """A story for readers: from the page cache with no SQL query while it is current."""


@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(StoryContextMixin, DetailView):
    """Editors see any story, whatever its status; previews are never cached nor counted."""

    extra_context = {"preview": True}

    def get_object(self, queryset=None):
        return story_or_404(Article.objects.all(), pk=self.kwargs["pk"])


class StoryListMixin(ConditionalPageMixin, PublishedArticleMixin):
    """A paginated list page: a title, breadcrumbs (shown and as JSON-LD), a canonical URL."""

    template_name = "articles/article_list.html"
    paginate_by = PAGE_SIZE
    kind = ""
    cache_topics = (page_cache.LATEST,)

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
    topic_kind = None

    def get_cache_topics(self):
        """This section's, tag's or author's stories (named by the address's slug)."""
        return [page_cache.SITE, page_cache.topic(self.topic_kind, self.kwargs["slug"])]

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
    topic_kind = "section"
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
    topic_kind = "tag"
    kind = _("Tag")


class AuthorView(ArticleListView):
    model_class = Author
    filter_field = "authors"
    topic_kind = "author"
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
