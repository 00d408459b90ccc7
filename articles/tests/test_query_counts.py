"""Pages cost a fixed number of SQL queries, however much content there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Tag


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    return len(captured)


def grow(make_article, stories, authors_each, tags_each):
    start = Tag.objects.count()
    tags = [
        Tag.objects.create(name=f"tag {n}", slug=f"tag-{n}")
        for n in range(start, start + tags_each)
    ]
    made = []
    for _n in range(stories):
        article = make_article(authors=[f"Author {m}" for m in range(authors_each)])
        article.tags.set(tags)
        made.append(article)
    return made


LIST_PAGES = [
    "home",
    "article",
    "section",
    "author",
    "tag",
    "language",
    "archive",
    "archive_year",
    "archive_month",
    "archive_day",
    "search",
    "feed_rss",
    "feed_atom",
    "section_feed",
    "sitemap_stories",
    "sitemap_news",
]


def archive_url(story, parts):
    local = timezone.localtime(story.published_at)
    return "/archive/" + "".join(
        f"{value:02d}/" for value in (local.year, local.month, local.day)[:parts]
    )


@pytest.mark.parametrize("url_of", LIST_PAGES)
def test_page_query_count_does_not_grow_with_content(client, make_article, url_of, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders its page
    small = grow(make_article, stories=3, authors_each=1, tags_each=1)
    urls = {
        "home": lambda stories: "/",
        "article": lambda stories: stories[1].get_absolute_url(),
        "section": lambda stories: stories[1].section.get_absolute_url(),
        "author": lambda stories: stories[1].bylines.first().author.get_absolute_url(),
        "tag": lambda stories: "/tag/tag-0/",
        "language": lambda stories: "/en/language/tr/",
        "archive": lambda stories: "/archive/",
        "archive_year": lambda stories: archive_url(stories[1], 1),
        "archive_month": lambda stories: archive_url(stories[1], 2),
        "archive_day": lambda stories: archive_url(stories[1], 3),
        "search": lambda stories: "/search/?q=story",
        "feed_rss": lambda stories: "/feeds/rss/",
        "feed_atom": lambda stories: "/feeds/atom/",
        "section_feed": lambda stories: f"/feeds/section/{stories[1].section.slug}/rss/",
        "sitemap_stories": lambda stories: "/sitemap-stories.xml",
        "sitemap_news": lambda stories: "/sitemap-news.xml",
    }
    before = count_queries(client, urls[url_of](small))
    large = grow(make_article, stories=40, authors_each=4, tags_each=6)
    after = count_queries(client, urls[url_of](large))
    assert after == before, f"{url_of}: {before} queries with little content, {after} with more"
