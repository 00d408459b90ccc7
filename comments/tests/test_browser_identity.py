"""Commenters and readers in a real headless Chromium: the e-mail link (read from Django's
file backend), trust, and three readers' reports hiding a comment."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from comments import identity
from comments.models import Comment

from .test_browser import browser, page_for  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLEAN_EN = "This budget is a disappointment and everyone should know about it."
LINK = re.compile(r"https?://\S+/commenter/sign-in/\S+/")


@pytest.fixture
def mail_dir(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    return tmp_path


def links_in(mail_dir):
    return [
        m.group(0) for f in sorted(Path(mail_dir).iterdir()) for m in LINK.finditer(f.read_text())
    ]


def post(page, url, name, email, body):
    page.goto(url)
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.fill("#id_body", body)
    page.click("#comment-form [type=submit]")
    page.locator(".messages").wait_for()


def test_sign_in_by_the_e_mail_link(live_server, page_for, make_article, mail_dir):  # noqa: F811
    story = make_article(headline="Parliament opens the budget debate", language="en")
    url = live_server.url + "/en" + story.get_absolute_url()
    reader = page_for("en")
    post(reader, url, "Deniz", "Deniz@Example.com", CLEAN_EN)
    [link] = links_in(mail_dir)

    reader.goto(link)  # what a mail scanner does: nobody is signed in
    reader.locator("#sign-in-form").wait_for()
    assert not [c for c in reader.context.cookies() if c["name"] == "commenter"]
    reader.click("#sign-in-form [type=submit]")
    reader.locator("#my-comments").wait_for()
    assert "deniz@example.com" in reader.locator("main").inner_text()
    assert [
        r.get_attribute("data-status") for r in reader.locator("#my-comments tbody tr").all()
    ] == ["held"]
    assert [c for c in reader.context.cookies() if c["name"] == "commenter"]

    other = page_for("en")  # the same link, used again
    other.goto(link)
    other.locator("#sign-in-refused").wait_for()

    reader.click("#sign-out")
    reader.goto(live_server.url + "/en/commenter/comments/")
    assert reader.locator("#my-comments").count() == 0


def test_an_expired_link_is_refused(live_server, page_for, make_article, settings):  # noqa: F811
    commenter = identity.commenter_for("deniz@example.com")
    link = live_server.url + "/en/commenter/sign-in/" + identity.make_token(commenter) + "/"
    settings.SIGN_IN_LINK_MAX_AGE = 0
    reader = page_for("en")
    reader.goto(link)
    reader.locator("#sign-in-refused").wait_for()


def test_trusted_commenter_published_at_once_but_not_from_another_browser(
    live_server,
    page_for,  # noqa: F811
    make_article,
    mail_dir,
):
    story = make_article(headline="Parliament opens the budget debate", language="en")
    url = live_server.url + "/en" + story.get_absolute_url()
    reader = page_for("en")
    post(reader, url, "Deniz", "deniz@example.com", CLEAN_EN)
    [link] = links_in(mail_dir)
    reader.goto(link)
    reader.click("#sign-in-form [type=submit]")
    reader.locator("#my-comments").wait_for()
    # Two more approved by moderators, plus the one that brought the link: three.
    commenter = identity.commenter_for("deniz@example.com")
    for n in range(2):
        Comment.objects.create(
            article=story,
            name="Deniz",
            email=commenter.email,
            commenter=commenter,
            body=f"An earlier approved comment number {n}.",
            created_at=timezone.now() - timedelta(days=2),
        )
    Comment.objects.filter(email=commenter.email).update(status=Comment.Status.APPROVED)

    post(
        reader,
        url,
        "Deniz",
        "deniz@example.com",
        "The committee should publish every figure it uses.",
    )
    assert "published" in reader.locator(".messages").inner_text()
    assert Comment.objects.order_by("-id").first().status == Comment.Status.APPROVED

    stranger = page_for("en")
    post(
        stranger,
        url,
        "Deniz",
        "deniz@example.com",
        "Another browser types the same name and address.",
    )
    assert "awaiting approval" in stranger.locator(".messages").inner_text()
    assert Comment.objects.order_by("-id").first().status == Comment.Status.HELD


def test_three_readers_report_a_comment_off_the_page(live_server, page_for, make_article):  # noqa: F811
    story = make_article(headline="Parliament opens the budget debate", language="en")
    comment = Comment.objects.create(
        article=story,
        name="Deniz",
        email="deniz@example.com",
        body="A published comment that readers dislike.",
        status=Comment.Status.APPROVED,
    )
    url = live_server.url + "/en" + story.get_absolute_url()
    for n in range(3):
        reader = page_for("en")
        reader.goto(url)
        assert "readers dislike" in reader.locator(f"#comment-{comment.pk}").inner_text()
        reader.click(f"#comment-{comment.pk} .comment-report [type=submit]")
        reader.locator(".messages").wait_for()
        if n < 2:  # the same reader twice is one report
            reader.goto(url)
            reader.click(f"#comment-{comment.pk} .comment-report [type=submit]")
            assert "already reported" in reader.locator(".messages").inner_text()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD and comment.reports.count() == 3
    page = page_for("en")
    page.goto(url)
    assert page.locator(f"#comment-{comment.pk}").count() == 0
