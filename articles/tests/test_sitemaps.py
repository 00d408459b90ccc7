"""sitemap.xml (an index), its parts, the Google News sitemap and robots.txt."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
HIDDEN = [
    (Article.Status.DRAFT, timedelta(hours=-1)),
    (Article.Status.WITHDRAWN, timedelta(hours=-1)),
    (Article.Status.SCHEDULED, timedelta(hours=3)),
]


@pytest.fixture
def stories(make_article):
    now = timezone.now()
    fresh_tr = make_article(headline="Savaşın gölgesinde", published_at=now - timedelta(hours=3))
    fresh_en = make_article(
        headline="Talks </resume> & go on", language="en", published_at=now - timedelta(hours=1)
    )
    old = make_article(headline="Old story", published_at=now - timedelta(days=5))
    hidden = [
        make_article(headline=f"Hidden {status}", status=status, published_at=now + offset)
        for status, offset in HIDDEN
    ]
    return {"fresh_tr": fresh_tr, "fresh_en": fresh_en, "old": old, "hidden": hidden}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def test_sitemap_index_lists_every_part(client, stories):
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    parts = {loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)}
    assert parts == {
        f"http://testserver/sitemap-{name}.xml" for name in ["pages", "sections", "stories", "news"]
    }


def test_story_sitemap_has_published_stories_at_canonical_urls(client, stories):
    urls = locations(xml(client, "/sitemap-stories.xml"))
    assert urls == [
        f"http://testserver/en/news/{stories['fresh_en'].slug}/",
        f"http://testserver/news/{stories['fresh_tr'].slug}/",
        f"http://testserver/news/{stories['old'].slug}/",
    ]
    for hidden in stories["hidden"]:
        assert not any(hidden.slug in url for url in urls)


def test_section_sitemap_has_both_languages_with_alternates(client, stories, section):
    root = xml(client, "/sitemap-sections.xml")
    assert locations(root) == [
        "http://testserver/section/dunya/",
        "http://testserver/en/section/world/",
    ]
    hreflangs = {link.get("hreflang") for link in root.findall(".//xhtml:link", NS)}
    assert hreflangs == {"tr", "en", "x-default"}


def test_news_sitemap_has_the_last_two_days_with_news_elements(client, stories):
    root = xml(client, "/sitemap-news.xml")
    urls = root.findall("sm:url", NS)
    assert [url.find("sm:loc", NS).text for url in urls] == [
        f"http://testserver/en/news/{stories['fresh_en'].slug}/",
        f"http://testserver/news/{stories['fresh_tr'].slug}/",
    ]
    news = urls[0].find("news:news", NS)
    assert news.find("news:publication/news:name", NS).text == "newsportal"
    assert news.find("news:publication/news:language", NS).text == "en"
    assert news.find("news:title", NS).text == "Talks </resume> & go on"
    published = news.find("news:publication_date", NS).text
    assert timezone.datetime.fromisoformat(published) == stories["fresh_en"].published_at
    second = urls[1].find("news:news", NS)
    assert second.find("news:publication/news:language", NS).text == "tr"


def test_robots_txt_points_at_the_sitemaps_and_hides_admin_and_previews(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines and "Disallow: /en/preview/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
