"""Link previews and alternates: share images, hreflang, feeds per language, icons."""

import json

import feedparser
from django.contrib.staticfiles import finders

from articles.tests.reader import read_page


def test_a_story_without_a_photo_shares_the_sites_image(client, make_article):
    story = make_article(headline="Fotoğrafsız haber")
    html = read_page(client, story.get_absolute_url())
    image = "http://testserver/static/img/share.png"
    assert f'<meta property="og:image" content="{image}">' in html
    assert f'<meta name="twitter:image" content="{image}">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert finders.find("img/share.png")


def test_a_story_names_its_twin_in_the_other_interface(client, make_article):
    story = make_article(language="en")
    for url in [f"/news/{story.slug}/", f"/en/news/{story.slug}/"]:
        html = read_page(client, url)
        assert f'hreflang="tr" href="http://testserver/news/{story.slug}/"' in html
        assert f'hreflang="en" href="http://testserver/en/news/{story.slug}/"' in html
        assert f'hreflang="x-default" href="http://testserver/news/{story.slug}/"' in html


def test_lists_name_their_twins_with_the_page_number(client, make_article):
    for n in range(22):
        make_article(headline=f"Haber {n}")
    html = read_page(client, "/en/archive/?page=2")
    assert 'hreflang="tr" href="http://testserver/archive/?page=2"' in html
    assert 'hreflang="en" href="http://testserver/en/archive/?page=2"' in html
    home = read_page(client, "/")
    assert 'hreflang="en" href="http://testserver/en/"' in home


def test_feeds_per_language_hold_only_that_language(client, make_article):
    make_article(headline="Türkçe haber")
    make_article(headline="English story", language="en")
    turkish = feedparser.parse(client.get("/feeds/tr/rss/").content)
    english = feedparser.parse(client.get("/feeds/en/atom/").content)
    assert [e.title for e in turkish.entries] == ["Türkçe haber"]
    assert [e.title for e in english.entries] == ["English story"]
    assert turkish.feed.title == "newsportal – Türkçe haberler"
    assert english.feed.title == "newsportal – Stories in English"
    assert client.get("/feeds/xx/rss/").status_code == 404
    assert 'href="/feeds/en/rss/"' in read_page(client, "/")


def test_icons_and_the_web_app_manifest(client, db):
    html = read_page(client, "/")
    assert '<link rel="icon" href="/static/img/favicon.ico" sizes="48x48">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/static/site.webmanifest">' in html
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 301 and favicon["Location"] == "/static/img/favicon.ico"
    manifest = json.loads(open(finders.find("site.webmanifest"), encoding="utf-8").read())
    for icon in manifest["icons"]:
        assert finders.find(icon["src"]), icon
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}


def test_the_publisher_has_a_logo(client, make_article):
    story = make_article()
    html = read_page(client, story.get_absolute_url())
    assert (
        '"logo": {"@type": "ImageObject", "url": "http://testserver/static/img/icon-512.png"'
        in html
    )
