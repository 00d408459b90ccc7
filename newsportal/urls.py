"""URLs: reader pages under i18n_patterns (Turkish, the default, unprefixed; English
under /en/); the admin, feeds, sitemaps, robots.txt and the language switch outside
the prefix, one address each."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.static import serve

from articles import feeds
from articles.sitemaps import NEWS_SITEMAPS, SITEMAPS
from articles.validators import latest, section, topics_etag
from articles.views import FaviconView, RobotsTxtView, set_language

# Errors: oversize requests 413; database outages 503, other failures 500 (newsportal/errors.py).
handler400 = "newsportal.errors.bad_request"
handler500 = "newsportal.errors.server_error"

admin.site.site_header = "newsportal"
admin.site.site_title = "newsportal"

# Reader pages first: Django tries the patterns in order, and a story page served from the
# page cache was spending a tenth of its time failing to match the ones above it.
urlpatterns = i18n_patterns(
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("moderation/", include("comments.desk.urls")),
    prefix_default_language=False,
)

urlpatterns += [
    path("i18n/setlang/", set_language, name="set_language"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("robots.txt", RobotsTxtView.as_view(), name="robots_txt"),
    # Feeds and sitemaps answer 304 while nothing they list has changed (validators.py).
    path("feeds/rss/", topics_etag(latest)(feeds.LatestStoriesFeed()), name="feed_rss"),
    path("feeds/atom/", topics_etag(latest)(feeds.LatestStoriesAtomFeed()), name="feed_atom"),
    path(
        "feeds/<slug:language>/rss/",
        topics_etag(latest)(feeds.LanguageFeed()),
        name="language_feed_rss",
    ),
    path(
        "feeds/<slug:language>/atom/",
        topics_etag(latest)(feeds.LanguageAtomFeed()),
        name="language_feed_atom",
    ),
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path(
        "feeds/section/<slug:slug>/rss/",
        topics_etag(section)(feeds.SectionFeed()),
        name="section_feed_rss",
    ),
    path(
        "feeds/section/<slug:slug>/atom/",
        topics_etag(section)(feeds.SectionAtomFeed()),
        name="section_feed_atom",
    ),
    path(
        "sitemap.xml",
        topics_etag(latest)(sitemap_views.index),
        {"sitemaps": SITEMAPS | NEWS_SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        topics_etag(latest)(sitemap_views.sitemap),
        {"sitemaps": NEWS_SITEMAPS, "template_name": "sitemaps/news.xml"},
        name="news_sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        topics_etag(latest)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]


@cache_control(public=True, max_age=365 * 24 * 3600, immutable=True)
def serve_media(request, path):
    """Photos from the file-system storage. A photo's file name never changes its content
    (a new upload gets a new name, and so do its renditions): cached for a year."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")), serve_media)
    )
