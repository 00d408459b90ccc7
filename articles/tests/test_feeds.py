"""RSS and Atom feeds carry published stories with authors, categories and times."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article, Section


@pytest.fixture
def stories(make_article, section):
    story = make_article(
        headline="Aleppo offensive", authors=["Kasim Ileri", "Esra Kaymak Avci"], language="en"
    )
    story.tags.create(name="Syria", slug="syria")
    sports = Section.objects.create(
        name_tr="Spor", name_en="Sports", slug_tr="spor", slug_en="sports"
    )
    make_article(headline="Derbi sonucu", section=sports)
    make_article(headline="Secret draft", status=Article.Status.DRAFT)
    make_article(headline="Withdrawn story", status=Article.Status.WITHDRAWN)
    make_article(
        headline="Future story",
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=2),
    )
    return story


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("url, version", [("/feeds/rss/", "rss20"), ("/feeds/atom/", "atom10")])
def test_feed_lists_published_stories_only(client, stories, url, version):
    feed = parse(client, url)
    assert feed.version == version
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Derbi sonucu", "Aleppo offensive"]


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_feed_items_carry_link_authors_categories_and_times(client, stories, url):
    entry = next(e for e in parse(client, url).entries if e.title == "Aleppo offensive")
    # An English story links to its canonical, English address.
    assert entry.link == f"http://testserver/en/news/{stories.slug}/"
    assert entry.author == "Kasim Ileri, Esra Kaymak Avci"
    assert {tag.term for tag in entry.tags} == {"World", "Syria"}
    assert entry.summary == stories.spot
    published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
    assert abs(published - stories.published_at) < timedelta(seconds=1)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_feed_holds_only_that_section(client, stories, kind):
    feed = parse(client, f"/feeds/section/spor/{kind}/")
    assert [entry.title for entry in feed.entries] == ["Derbi sonucu"]
    assert "Spor" in feed.feed.title


def test_unknown_section_feed_is_404(client, db):
    assert client.get("/feeds/section/nowhere/rss/").status_code == 404


def test_pages_announce_the_feeds(client, stories):
    html = client.get("/section/spor/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/feeds/section/spor/rss/"' in html
    assert 'type="application/atom+xml" title="newsportal – Atom" href="/feeds/atom/"' in html
