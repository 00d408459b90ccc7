"""A reader and a moderator in a real headless Chromium (Debian's /usr/bin/chromium).

The reader's ALL CAPS comment is rejected with the rule named, the reader fixes it
and is told it awaits approval; a moderator approves it in the admin; the reader
then sees it under the story.
"""

import os
import shutil

import pytest
from django.contrib.auth.models import Group, Permission, User

from comments.models import Comment
from comments.staff_groups import make_groups

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop shares the thread

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = f"needs Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page_for(browser):
    contexts = []

    def make(language="en"):
        context = browser.new_context(
            locale=language, extra_http_headers={"Accept-Language": language}
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


def test_reader_fixes_capitals_and_moderator_approves(live_server, page_for, make_article):
    story = make_article(headline="Parliament opens the budget debate", language="en")
    moderator = User.objects.create_user(
        "moderator", "m@example.com", "s3cret-pass!", is_staff=True
    )
    # A transactional test starts from empty tables: make the groups the migration made.
    make_groups(Group, Permission)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    url = live_server.url + "/en" + story.get_absolute_url()

    reader = page_for("en")
    reader.goto(url)
    reader.fill("#id_name", "Deniz")
    reader.fill("#id_email", "deniz@example.com")
    reader.fill("#id_body", "THIS BUDGET IS A DISGRACE AND EVERYONE SHOULD KNOW ABOUT IT")
    reader.click("#comment-form [type=submit]")

    rejection = reader.locator("#comment-rejection")
    rejection.wait_for()
    assert rejection.locator('[data-rule="all_caps"]').count() == 1
    assert "THIS BUDGET IS A DISGRACE" in reader.input_value("#id_body")

    reader.fill("#id_body", "This budget is a disappointment and everyone should know about it.")
    reader.click("#comment-form [type=submit]")
    reader.wait_for_url(f"**/en{story.get_absolute_url()}#comments")
    assert "awaiting approval" in reader.locator(".messages").inner_text()
    assert Comment.objects.get(status=Comment.Status.HELD).name == "Deniz"

    editor = page_for("en")
    editor.goto(live_server.url + "/admin/comments/comment/?status__exact=held")
    editor.fill("#id_username", "moderator")
    editor.fill("#id_password", "s3cret-pass!")
    editor.click("input[type=submit]")
    editor.locator("#result_list").wait_for()
    editor.check("#result_list input[name=_selected_action]")
    editor.select_option("select[name=action]", "approve")
    editor.fill("#changelist-form input[name=reason]", "polite after the fix")
    editor.click("#changelist-form button[name=index]")
    editor.locator(".messagelist .success").wait_for()
    approved = Comment.objects.get(status=Comment.Status.APPROVED)
    assert approved.moderated_by == moderator
    assert (
        Comment.objects.filter(status=Comment.Status.REJECTED, rules__contains="all_caps").count()
        == 1
    )

    reader.goto(url)
    comment = reader.locator(".comment").first
    assert "This budget is a disappointment" in comment.inner_text()
    assert "Deniz" in comment.inner_text()
