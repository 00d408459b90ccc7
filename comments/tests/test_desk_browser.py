"""The moderation desk in a real headless Chromium: a moderator signs in through the
admin's login page, decides with the keyboard without a page reload, decides with
plain forms when JavaScript is off, and approves everything a filter shows after the
confirmation. Nothing on the desk breaks the strict CSP."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from comments.models import Comment
from comments.staff_groups import make_groups
from comments.tests.test_browser import browser  # noqa: F401 (fixture)
from security.tests.test_csp_browser import watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "s3cret-pass!"


@pytest.fixture
def moderator(db):
    make_groups(Group, Permission)  # a transactional test starts from empty tables
    user = User.objects.create_user("moderator", "m@example.com", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def sign_in(browser, live_server, moderator):  # noqa: F811
    contexts = []

    def open_desk(path="/en/moderation/", javascript=True):
        context = browser.new_context(
            locale="en",
            java_script_enabled=javascript,
            extra_http_headers={"Accept-Language": "en"},
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.violations = watch(page)
        page.goto(live_server.url + path)  # the desk sends a stranger to the admin login
        page.fill("#id_username", "moderator")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"**{path}")
        return page

    yield open_desk
    for context in contexts:
        context.close()


def held_comments(story, count, **fields):
    return [
        Comment.objects.create(
            article=story,
            name=f"Okur {n}",
            email=f"okur{n}@example.com",
            body=f"Yorum numarası {n}, gayet kibar.",
            **fields,
        )
        for n in range(count)
    ]


def test_keyboard_moves_approves_and_rejects_without_a_reload(sign_in, make_article, moderator):
    story = make_article(headline="Parliament opens the budget debate", language="en")
    first, second, third = held_comments(story, 3)
    page = sign_in()
    assert page.locator(".desk-keys").is_visible()
    page.evaluate("window.deskMarker = 'same page'")
    assert page.locator(".desk-card-current").get_attribute("data-comment") == str(first.pk)

    page.keyboard.press("a")
    page.locator(f"#comment-{first.pk}[data-decided=approved]").wait_for()
    assert page.locator(".desk-card-current").get_attribute("data-comment") == str(second.pk)
    page.keyboard.press("j")
    assert page.locator(".desk-card-current").get_attribute("data-comment") == str(third.pk)
    page.keyboard.press("k")
    page.fill(f"#reason-{second.pk}", "off topic")
    page.locator(f"#comment-{second.pk}").focus()
    page.keyboard.press("r")
    page.locator(f"#comment-{second.pk}[data-decided=rejected]").wait_for()
    assert page.locator("#held-count").inner_text() == "1"
    assert page.locator("#decided-today").inner_text() == "2"
    assert page.evaluate("window.deskMarker") == "same page"  # no reload

    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert (first.status, first.moderated_by) == (Comment.Status.APPROVED, moderator)
    assert (second.status, second.moderation_reason) == (Comment.Status.REJECTED, "off topic")
    assert third.status == Comment.Status.HELD
    # A click on a button takes the same way, without a reload either.
    page.click(f"#comment-{third.pk} button[data-key=a]")
    page.locator(f"#comment-{third.pk}[data-decided=approved]").wait_for()
    assert page.evaluate("window.deskMarker") == "same page"
    assert page.violations == []


def test_without_javascript_the_forms_decide_and_come_back(sign_in, make_article):
    story = make_article(headline="Parliament opens the budget debate", language="en")
    keep, drop = held_comments(story, 2, rules="spelling", decision="review")
    page = sign_in("/en/moderation/?rule=spelling", javascript=False)
    page.click(f"#comment-{keep.pk} button[data-key=a]")
    page.wait_for_url("**/en/moderation/?rule=spelling")
    assert "Approved the comment by Okur 0." in page.locator(".messages").inner_text()
    page.fill(f"#reason-{drop.pk}", "shouting")
    page.click(f"#comment-{drop.pk} button[data-key=r]")
    page.wait_for_url("**/en/moderation/?rule=spelling")
    assert "Rejected the comment by Okur 1." in page.locator(".messages").inner_text()
    assert page.locator(".desk-card").count() == 0
    keep.refresh_from_db()
    drop.refresh_from_db()
    assert keep.status == Comment.Status.APPROVED
    assert (drop.status, drop.moderation_reason) == (Comment.Status.REJECTED, "shouting")


def test_approve_all_shown_after_a_confirmation_that_states_the_count(sign_in, make_article):
    story = make_article(headline="Parliament opens the budget debate", language="en")
    other = make_article(headline="Another story", language="en")
    shown = held_comments(story, 4)
    elsewhere = held_comments(other, 2)
    page = sign_in()
    page.select_option("#id_language", "")
    page.fill("#id_story", str(story.pk))
    page.click(".desk-filter button[type=submit]")
    page.wait_for_url(f"**/en/moderation/?*story={story.pk}*")
    assert page.locator(".desk-card").count() == 4
    page.click("#approve-all")
    assert page.locator("#bulk-question").inner_text() == (
        "Approve 4 held comments? They are published at once."
    )
    page.fill("#bulk-reason", "backlog")
    page.click("#bulk-confirm")
    page.wait_for_url(f"**/en/moderation/?story={story.pk}")
    assert "Approved 4 comments." in page.locator(".messages").inner_text()
    assert all(
        c.status == Comment.Status.APPROVED and c.moderation_reason == "backlog"
        for c in Comment.objects.filter(pk__in=[c.pk for c in shown])
    )
    assert all(
        c.status == Comment.Status.HELD
        for c in Comment.objects.filter(pk__in=[c.pk for c in elsewhere])
    )
    assert page.violations == []
