"""The strict Content-Security-Policy in a real Chromium: nothing on reader pages or in
the admin is blocked (Chromium logs every violation on the console), and the
JSON-LD blocks are still in the page for crawlers (data blocks are not scripts)."""

import json

import pytest
from django.contrib.auth.models import User

from comments.models import Comment
from comments.tests.test_browser import browser, page_for  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    return violations


def test_reader_pages_and_admin_run_under_the_csp(live_server, page_for, make_article):  # noqa: F811
    story = make_article(headline="Parliament opens the budget debate", language="en")
    comment = Comment.objects.create(
        article=story,
        name="Okur",
        email="okur@example.com",
        body="Bu yazar aptal biri",
        findings=[{"rule": "insult", "severity": "review", "start": 9, "end": 14, "field": "body"}],
        rules="insult",
    )
    User.objects.create_superuser("boss", "boss@example.com", "s3cret-pass!")

    reader = page_for("en")
    violations = watch(reader)
    response = reader.goto(live_server.url + "/en" + story.get_absolute_url())
    assert "script-src 'self'" in response.headers["content-security-policy"]
    blocks = reader.locator('script[type="application/ld+json"]')
    assert blocks.count() >= 1
    data = json.loads(blocks.first.text_content())
    assert data["@type"] == "NewsArticle"
    for path in ["/en/", "/en/search/?q=budget", "/en/archive/", "/en/no-such-page/"]:
        reader.goto(live_server.url + path)

    admin = page_for("en")
    violations += watch(admin)
    admin.goto(live_server.url + "/admin/")
    admin.fill("#id_username", "boss")
    admin.fill("#id_password", "s3cret-pass!")
    admin.click("input[type=submit]")
    admin.locator("#content-main").wait_for()
    for path in [
        "/admin/comments/comment/",
        f"/admin/comments/comment/{comment.pk}/change/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{story.pk}/change/",
        f"/preview/{story.pk}/",
    ]:
        admin.goto(live_server.url + path)
        admin.wait_for_load_state("networkidle")
    # The highlighted comment keeps its layout from the admin stylesheet, not a style=.
    admin.goto(live_server.url + f"/admin/comments/comment/{comment.pk}/change/")
    white_space = admin.locator(".comment-body-highlighted").evaluate(
        "element => getComputedStyle(element).whiteSpace"
    )
    assert white_space == "pre-wrap"
    assert violations == []
