"""Sitemaps (django.contrib.sitemaps): the home page and sections in both interface
languages, every published story at its canonical address, and a Google News sitemap
of the stories of the last two days. Only ``Article.objects.published()`` appears.

``/sitemap.xml`` is an index of the sitemaps below (``SITEMAPS``), so that a site with
more than 50,000 stories still fits the protocol's limits (each part is paginated).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from .models import Article, Section

NEWS_WINDOW = timedelta(days=2)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 stories per news sitemap


class HomeSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)


class SectionSitemap(Sitemap):
    changefreq = "hourly"
    priority = 0.8
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Section.objects.all()


class StorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "language", "updated_at", "published_at")
            .order_by("-published_at", "-id")
        )

    def location(self, article):
        return article.get_canonical_url()

    def lastmod(self, article):
        return article.last_modified


class NewsSitemap(StorySitemap):
    """Stories of the last two days, with ``news:news`` elements (templates/sitemaps/news.xml)."""

    limit = NEWS_LIMIT
    publication_name = settings.SITE_NAME

    def items(self):
        recent = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(published_at__gte=recent)
            .only("slug", "language", "headline", "updated_at", "published_at")
            .order_by("-published_at", "-id")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["publication_name"] = self.publication_name
        return urls


SITEMAPS = {
    "pages": HomeSitemap,
    "sections": SectionSitemap,
    "stories": StorySitemap,
}
NEWS_SITEMAPS = {"news": NewsSitemap}
