"""schema.org JSON-LD, OpenGraph and Twitter tags on story pages; breadcrumbs on lists."""

import json
import re
from datetime import datetime

import pytest
from django.template import engines
from django.utils import timezone, translation

from articles import structured_data

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(html):
    return [json.loads(block) for block in LD_JSON.findall(html)]


def of_type(html, kind):
    return next(data for data in json_ld(html) if data["@type"] == kind)


@pytest.fixture
def story(make_article, photo):
    article = make_article(
        headline="US blasts offensive on Aleppo",
        spot="Bombardment 'a tragedy', Pentagon says",
        authors=["Kasim Ileri", "Esra Kaymak Avci"],
        language="en",
        image=photo("aleppo.jpg"),
        image_caption="Aleppo",
    )
    article.tags.create(name="Syria", slug="syria")
    return article


def test_story_page_has_a_complete_news_article(client, story):
    html = client.get(f"/en/news/{story.slug}/").content.decode()
    data = of_type(html, "NewsArticle")
    canonical = f"http://testserver/en/news/{story.slug}/"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == story.headline
    assert data["description"] == story.spot
    assert datetime.fromisoformat(data["datePublished"]) == story.published_at
    assert datetime.fromisoformat(data["dateModified"]) >= story.published_at
    assert [author["name"] for author in data["author"]] == ["Kasim Ileri", "Esra Kaymak Avci"]
    assert all(author["@type"] == "Person" for author in data["author"])
    assert data["publisher"]["name"] == "newsportal"
    assert data["image"] == [f"http://testserver/media/renditions/{story.image.name}.1280w.jpeg"]
    assert data["publisher"]["logo"]["url"] == "http://testserver/static/img/icon-512.png"
    assert data["articleSection"] == "World"
    assert data["inLanguage"] == "en"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical}
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_the_publisher_is_the_site_at_the_readers_address_in_their_language(rf, settings):
    """Kept per site address and language (it is worked out once, not for every page)."""
    settings.ALLOWED_HOSTS = ["testserver", "news.example"]
    turkish = structured_data.publisher(rf.get("/"))
    assert turkish["url"] == "http://testserver/"
    assert turkish["logo"]["url"] == "http://testserver/static/img/icon-512.png"
    assert structured_data.publisher(rf.get("/")) == turkish
    elsewhere = structured_data.publisher(rf.get("/", secure=True, HTTP_HOST="news.example"))
    assert elsewhere["url"] == "https://news.example/"
    assert elsewhere["logo"]["url"] == "https://news.example/static/img/icon-512.png"
    with translation.override("en"):
        assert structured_data.publisher(rf.get("/"))["url"] == "http://testserver/en/"
    settings.SITE_NAME = "Another name"  # a setting pages are rendered with
    assert structured_data.publisher(rf.get("/"))["name"] == "Another name"


def test_canonical_is_the_story_language_address_from_either_interface(client, story):
    html = client.get(f"/news/{story.slug}/").content.decode()  # Turkish interface
    assert f'<link rel="canonical" href="http://testserver/en/news/{story.slug}/">' in html


def test_story_page_has_opengraph_and_twitter_tags(client, story):
    html = client.get(f"/en/news/{story.slug}/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{story.headline}">' in html
    assert '<meta property="og:description" content="Bombardment &#x27;a tragedy&#x27;' in html
    assert f'<meta property="og:url" content="http://testserver/en/news/{story.slug}/">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    image = f"http://testserver/media/renditions/{story.image.name}.1280w.jpeg"
    assert f'<meta property="og:image" content="{image}">' in html
    assert f'<meta name="twitter:image" content="{image}">' in html
    assert '<meta property="og:image:width" content="1280">' in html
    assert '<meta property="og:image:height" content="720">' in html
    assert '<meta property="article:tag" content="Syria">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_a_headline_cannot_break_out_of_the_script_element(client, make_article):
    evil = "Breaking </script><script>alert(1)</script> & <!-- news"
    story = make_article(headline=evil)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert of_type(html, "NewsArticle")["headline"] == evil


def test_safe_dump_escapes_html_significant_characters():
    dumped = structured_data.dumps({"headline": "</script> & <b> \u2028"})
    assert "<" not in dumped and ">" not in dumped and "&" not in dumped
    assert json.loads(dumped)["headline"] == "</script> & <b> \u2028"
    rendered = (
        engines["jinja2"].from_string("{{ data|json_ld }}").render({"data": {"a": "</script>"}})
    )
    assert rendered == '<script type="application/ld+json">{"a": "\\u003C/script\\u003E"}</script>'


def test_story_page_has_breadcrumbs_home_section_story(client, story):
    html = client.get(f"/en/news/{story.slug}/").content.decode()
    items = of_type(html, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in items] == ["Home", "World", story.headline]
    assert [item["position"] for item in items] == [1, 2, 3]


@pytest.mark.parametrize(
    "url, names",
    [
        ("/en/section/world/", ["Home", "World"]),
        ("/en/tag/syria/", ["Home", "Syria"]),
        ("/en/author/kasim-ileri/", ["Home", "Kasim Ileri"]),
        ("/en/language/en/", ["Home", "Stories in English"]),
        ("/en/archive/", ["Home", "Archive"]),
        ("/en/search/?q=aleppo", ["Home", "Search"]),
    ],
)
def test_list_pages_have_breadcrumb_lists(client, story, url, names):
    html = client.get(url).content.decode()
    items = of_type(html, "BreadcrumbList")["itemListElement"]
    assert [item["name"] for item in items] == names
    assert items[0]["item"] == "http://testserver/en/"
    assert 'aria-label="Breadcrumb"' in html


def test_day_archive_breadcrumbs_walk_down_the_dates(client, story):
    local = timezone.localtime(story.published_at)
    url = f"/en/archive/{local:%Y}/{local:%m}/{local:%d}/"
    html = client.get(url).content.decode()
    items = of_type(html, "BreadcrumbList")["itemListElement"]
    assert [item["item"] for item in items] == [
        "http://testserver/en/",
        "http://testserver/en/archive/",
        f"http://testserver/en/archive/{local:%Y}/",
        f"http://testserver/en/archive/{local:%Y}/{local:%m}/",
        f"http://testserver{url}",
    ]
