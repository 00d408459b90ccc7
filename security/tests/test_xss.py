"""Classic XSS payloads (xss_payloads.txt) come back inert: on story pages, in the
comment form, the search page, the moderators' admin and the feeds."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from comments.models import Comment

from .conftest import XSS_PAYLOADS, browser_post
from .html_checks import assert_inert

ADMIN_TAGS = {"svg", "details"}  # the admin's own icons and filter panels


@pytest.fixture
def hostile_comments(story):
    """One approved comment per payload, as name and body, with the evidence spans the
    moderators' queue highlights (so the payload is split around <mark>)."""
    comments = []
    for payload in XSS_PAYLOADS:
        middle = len(payload) // 2
        comments.append(
            Comment.objects.create(
                article=story,
                name=payload[:80],
                email="x@example.com",
                body=f"Önce {payload} sonra",
                status=Comment.Status.APPROVED,
                findings=[
                    {
                        "rule": "profanity",
                        "severity": "reject",
                        "start": 5,
                        "end": 5 + middle,
                        "field": "body",
                        "evidence": payload,
                        "message_en": payload,
                    }
                ],
                rules="profanity",
                user_agent=payload,
            )
        )
    return comments


def test_payloads_in_comments_are_inert_on_the_story_page(client, story, hostile_comments):
    for path in (story.get_absolute_url(), "/en" + story.get_absolute_url()):
        html = client.get(path).content.decode()
        assert html.count('class="comment"') >= len(XSS_PAYLOADS) or "comment-" in html
        assert_inert(html, *XSS_PAYLOADS)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_sent_through_the_comment_form_come_back_inert(client, story, payload, settings):
    settings.COMMENT_RATE_LIMIT = 10_000
    response = browser_post(
        client,
        f"/en/news/{story.slug}/comment/",
        {"name": payload[:80], "email": "x@example.com", "body": f"{payload} {payload}"},
    )
    assert response.status_code in (200, 302)
    assert_inert(response.content.decode(), payload)
    assert Comment.objects.filter(body=f"{payload} {payload}".strip()).exists()


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_in_search_are_inert(client, story, payload):
    response = client.get("/search/", {"q": payload})
    assert response.status_code == 200
    assert_inert(response.content.decode(), payload)


def test_payloads_are_inert_in_the_moderation_admin(client, moderator, hostile_comments):
    client.force_login(moderator)
    changelist = client.get(reverse("admin:comments_comment_changelist"))
    assert changelist.status_code == 200
    assert_inert(changelist.content.decode(), *XSS_PAYLOADS, allowed_tags=ADMIN_TAGS)
    search = client.get(reverse("admin:comments_comment_changelist"), {"q": XSS_PAYLOADS[0]})
    assert_inert(search.content.decode(), XSS_PAYLOADS[0], allowed_tags=ADMIN_TAGS)
    for comment in hostile_comments:
        page = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
        assert page.status_code == 200
        assert_inert(page.content.decode(), *XSS_PAYLOADS, allowed_tags=ADMIN_TAGS)


@pytest.fixture
def hostile_stories(make_article):
    """Editors are trusted, but a pasted headline must not become markup either."""
    return [
        make_article(
            headline=f"Haber {n}: {payload}"[:300],
            spot=payload,
            body=f"{payload}\n\n{payload}",
            source=payload[:200],
            image_caption=payload[:300],
            authors=[f"Yazar {n} {payload}"[:150]],
        )
        for n, payload in enumerate(XSS_PAYLOADS)
    ]


def test_payloads_in_stories_are_inert_on_reader_pages(client, hostile_stories):
    paths = ["/", "/en/", hostile_stories[0].section.get_absolute_url(), "/search/?q=Haber"]
    paths += [story.get_absolute_url() for story in hostile_stories]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.content.decode(), *XSS_PAYLOADS)


@pytest.mark.parametrize("path", ["/feeds/rss/", "/feeds/atom/"])
def test_payloads_in_feeds_are_escaped_text(client, hostile_stories, path):
    """Feed readers render an RSS description or Atom summary as HTML: the spot goes in
    escaped, so after XML parsing the HTML still shows it as text."""
    root = ET.fromstring(client.get(path).content)
    atom = "{http://www.w3.org/2005/Atom}"
    descriptions = [e.text or "" for e in root.iter("description")] + [
        e.text or "" for e in root.iter(f"{atom}summary")
    ]
    assert len(descriptions) >= len(XSS_PAYLOADS)
    for html in descriptions:
        assert "<" not in html and ">" not in html, html
