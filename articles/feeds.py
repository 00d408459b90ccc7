"""RSS 2.0 and Atom feeds of the latest published stories: all, and per section.

Built on django.contrib.syndication. Items link to each story's canonical address
(under its own language) and carry the byline, the section and tags as categories,
and the publish and update times. Only ``Article.objects.published()`` ever appears.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Article, Section

FEED_SIZE = 30


class LatestStoriesFeed(Feed):
    feed_type = Rss201rev2Feed
    description = _("The latest news")

    def title(self):
        return settings.SITE_NAME

    def link(self):
        return reverse("articles:home")

    def feed_url(self):
        return reverse("feed_rss")

    def items(self):
        return Article.objects.published().for_page()[:FEED_SIZE]

    def item_title(self, article):
        return article.headline

    def item_description(self, article):
        # RSS descriptions and Atom summaries are HTML to feed readers; the spot is text.
        return escape(article.spot)

    def item_link(self, article):
        return article.get_canonical_url()

    def item_guid(self, article):
        return f"article-{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_modified

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.byline_authors) or None

    def item_categories(self, article):
        # The section named in the story's own language, like its link.
        with translation.override(article.language):
            section = article.section.name
        return [section, *(tag.name for tag in article.tags.all())]


class LatestStoriesAtomFeed(LatestStoriesFeed):
    feed_type = Atom1Feed
    subtitle = LatestStoriesFeed.description

    def feed_url(self):
        return reverse("feed_atom")


class SectionFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        section = Section.objects.with_slug(slug).first()
        if section is None:
            raise Http404
        return section

    def title(self, section):
        return f"{section.name} – {settings.SITE_NAME}"

    def link(self, section):
        return section.get_absolute_url()

    def description(self, section):
        return section.description or _("The latest news in %(section)s") % {
            "section": section.name
        }

    def feed_url(self, section):
        return reverse("section_feed_rss", kwargs={"slug": section.slug})

    def items(self, section):
        return Article.objects.published().filter(section=section).for_page()[:FEED_SIZE]


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed

    def subtitle(self, section):
        return self.description(section)

    def feed_url(self, section):
        return reverse("section_feed_atom", kwargs={"slug": section.slug})


class LanguageFeed(LatestStoriesFeed):
    """The latest stories written in one language, titled in that language."""

    def get_object(self, request, language):
        if language not in Article.Language.values:
            raise Http404
        return language

    def title(self, language):
        with translation.override(language):
            return f"{settings.SITE_NAME} – {stories_in(language)}"

    def description(self, language):
        with translation.override(language):
            return stories_in(language)

    def link(self, language):
        with translation.override(language):
            return reverse("articles:language", args=[language])

    def feed_url(self, language):
        return reverse("language_feed_rss", args=[language])

    def items(self, language):
        return Article.objects.published().filter(language=language).for_page()[:FEED_SIZE]


class LanguageAtomFeed(LanguageFeed):
    feed_type = Atom1Feed

    def subtitle(self, language):
        return self.description(language)

    def feed_url(self, language):
        return reverse("language_feed_atom", args=[language])


def stories_in(language):
    return str(_("Stories in %(language)s") % {"language": Article.Language(language).label})
