"""Turkish (the default, unprefixed) and English (/en/) interfaces, and a complete catalogue."""

import re
from datetime import datetime
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import engines
from django.utils import timezone
from django.utils.translation.template import templatize
from jinja2.ext import extract_from_ast

from articles.models import Article

TR_CATALOGUE = settings.BASE_DIR / "locale" / "tr" / "LC_MESSAGES" / "django.po"
JINJA2_TEMPLATES = settings.BASE_DIR / "jinja2"


@pytest.fixture
def story(make_article):
    article = make_article(
        headline="Kar yağışı başladı",
        authors=["Ayse Yilmaz"],
        published_at=timezone.make_aware(datetime(2026, 11, 25, 14, 30)),
        read_count=1_234_566,
    )
    article.tags.create(name="Hava", slug="hava")
    return article


def reader_pages(story, lang="tr"):
    day = timezone.localtime(story.published_at)
    return [
        "/",
        f"/news/{story.slug}/",
        "/section/dunya/" if lang == "tr" else "/section/world/",
        "/tag/hava/",
        "/author/ayse-yilmaz/",
        "/language/tr/",
        "/archive/",
        f"/archive/{day:%Y}/",
        f"/archive/{day:%Y}/{day:%m}/",
        f"/archive/{day:%Y}/{day:%m}/{day:%d}/",
        "/search/",
        "/search/?q=kar",
    ]


@pytest.mark.parametrize(
    "prefix, lang, home, footer",
    [
        ("", "tr", "Ana sayfa", "Arşiv"),
        ("/en", "en", "Home", "Archive"),
    ],
)
def test_every_reader_page_renders_in_both_languages(client, story, prefix, lang, home, footer):
    for url in reader_pages(story, lang):
        response = client.get(prefix + url, HTTP_USER_AGENT="Mozilla/5.0")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html, url
        assert f">{home}</a>" in html and f">{footer}</a>" in html, url


def test_turkish_is_the_default_whatever_the_cookie_says(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="tr">' in client.get("/").content.decode()
    assert client.get("/tr/").status_code == 404  # Turkish has no prefix


def test_dates_and_numbers_follow_the_language(client, story):
    turkish = client.get(f"/news/{story.slug}/", HTTP_USER_AGENT="Mozilla/5.0")
    english = client.get(f"/en/news/{story.slug}/", HTTP_USER_AGENT="Mozilla/5.0")
    turkish, english = turkish.content.decode(), english.content.decode()
    assert "25 Kasım 2026 14:30" in turkish
    assert "Nov. 25, 2026, 2:30 p.m." in english
    assert "Bu haber toplam 1.234.567 kez okundu" in turkish
    # The same visitor: the English page is not a second read.
    assert "This news has been read 1,234,567 times in total" in english


def test_the_language_switch_moves_to_the_same_page_in_the_other_language(client, story):
    path = f"/news/{story.slug}/"
    response = client.post("/i18n/setlang/", {"language": "en", "next": path})
    assert response.status_code == 302
    assert response["Location"] == "/en" + path
    response = client.post("/i18n/setlang/", {"language": "tr", "next": "/en" + path})
    assert response["Location"] == path


def test_language_switch_form_is_on_every_page(client, story):
    html = client.get("/en/archive/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert 'name="next" type="hidden" value="/en/archive/"' in html


@pytest.mark.parametrize(
    "url",
    ["/en/feeds/rss/", "/en/sitemap.xml", "/en/robots.txt", "/en/admin/", "/en/i18n/setlang/"],
)
def test_machine_addresses_live_outside_the_language_prefix(client, db, url):
    assert client.get(url).status_code == 404


def test_english_and_turkish_stories_keep_their_interface_links(client, make_article):
    story = make_article(headline="English story", language="en")
    html = client.get("/en/").content.decode()
    assert f'href="/en/news/{story.slug}/"' in html
    html = client.get("/").content.decode()
    assert f'href="/news/{story.slug}/"' in html


def test_no_string_is_left_untranslated_or_guessed_in_turkish():
    """Readers', commenters' and editors' strings alike: a fuzzy entry (``makemessages``'
    guess from a similar message) is not used at all, so the English would show."""
    catalogue = polib.pofile(str(TR_CATALOGUE))
    missing = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and (
            "fuzzy" in entry.flags
            or not (entry.msgstr or all(entry.msgstr_plural.values()) and entry.msgstr_plural)
        )
    ]
    assert missing == []


def test_every_template_string_is_found_by_makemessages_and_in_the_turkish_catalogue():
    """Every ``_()`` of the Jinja2 templates, as Jinja2 reads it, is a literal that Django's
    ``makemessages`` extracts (``templatize``) and has its Turkish: catches a message with a
    value inside ``_()`` (never extracted) and one added without its translation."""
    catalogue = {
        entry.msgid: entry for entry in polib.pofile(str(TR_CATALOGUE)) if not entry.obsolete
    }
    environment = engines["jinja2"].env
    extracted = re.compile(r"""\b_\((["'])(.*?)\1\)""")
    used, found_by_makemessages = set(), set()
    for template in Path(JINJA2_TEMPLATES).rglob("*.html"):
        source = template.read_text(encoding="utf-8")
        for _line, _function, message in extract_from_ast(environment.parse(source), ("_",)):
            assert isinstance(message, str), f"{template}: _() of a value, not a literal"
            used.add(message)
        found_by_makemessages |= {m[1] for m in extracted.findall(templatize(source))}
    assert len(used) > 100, "the templates' messages were not found"
    assert used == found_by_makemessages
    missing = sorted(text for text in used if not getattr(catalogue.get(text), "msgstr", ""))
    assert missing == []


def test_every_story_language_has_a_label_in_both_interfaces():
    from django.utils import translation

    for code in ("tr", "en"):
        with translation.override(code):
            labels = [str(Article.Language(value).label) for value in Article.Language.values]
        assert all(labels)
    with translation.override("tr"):
        assert str(Article.Language.ENGLISH.label) == "İngilizce"
