"""Who may reach what: anonymous readers, signed-in commenters, Moderators, Editors.

Readers see published stories only (404 for drafts, withdrawn and scheduled ones),
never the admin, the moderation desk nor previews. Moderators: the comment queue and
the desk (change, not add or delete), bans and word lists, commenters' standing and e-mail
domain rules; no stories, no users. Editors: stories and comments, bans and word lists,
commenters and domain rules; no users or groups. Previews are
for staff.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Ban, Comment, Commenter, Term
from comments.staff_groups import GROUPS

ROLES = ["anonymous", "commenter", "moderator", "editor"]


@pytest.fixture
def as_role(client, request):
    def login(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


@pytest.fixture
def comment(story):
    return Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="Güzel haber."
    )


@pytest.fixture
def objects(story, comment, draft):
    ban = Ban.objects.create(kind=Ban.Kind.EMAIL, value="spam@example.com")
    term = Term.objects.create(kind=Term.Kind.SUSPECT, term="deneme")
    commenter = Commenter.objects.create(email="okur@example.com", name="Okur")
    return {
        "story": story,
        "comment": comment,
        "draft": draft,
        "ban": ban,
        "term": term,
        "commenter": commenter,
    }


def admin_url(name, *args):
    return reverse(f"admin:{name}", args=args)


# (url builder, expected status per role: anonymous, commenter, moderator, editor)
# 302: sent to the admin login page; 403: signed in but not allowed.
ADMIN_PAGES = {
    "admin index": (lambda o: admin_url("index"), (302, 302, 200, 200)),
    "comment queue": (lambda o: admin_url("comments_comment_changelist"), (302, 302, 200, 200)),
    "comment form": (
        lambda o: admin_url("comments_comment_change", o["comment"].pk),
        (302, 302, 200, 200),
    ),
    "add a comment": (lambda o: admin_url("comments_comment_add"), (302, 302, 403, 403)),
    "delete a comment": (
        lambda o: admin_url("comments_comment_delete", o["comment"].pk),
        (302, 302, 403, 200),
    ),
    "bans": (lambda o: admin_url("comments_ban_changelist"), (302, 302, 200, 200)),
    "add a ban": (lambda o: admin_url("comments_ban_add"), (302, 302, 200, 200)),
    "delete a ban": (lambda o: admin_url("comments_ban_delete", o["ban"].pk), (302, 302, 200, 200)),
    "word lists": (lambda o: admin_url("comments_term_changelist"), (302, 302, 200, 200)),
    "edit a term": (
        lambda o: admin_url("comments_term_change", o["term"].pk),
        (302, 302, 200, 200),
    ),
    "commenters": (lambda o: admin_url("comments_commenter_changelist"), (302, 302, 200, 200)),
    "a commenter's standing": (
        lambda o: admin_url("comments_commenter_change", o["commenter"].pk),
        (302, 302, 200, 200),
    ),
    "domain rules": (lambda o: admin_url("comments_domainrule_changelist"), (302, 302, 200, 200)),
    "add a domain rule": (lambda o: admin_url("comments_domainrule_add"), (302, 302, 200, 200)),
    "stories": (lambda o: admin_url("articles_article_changelist"), (302, 302, 403, 200)),
    "add a story": (lambda o: admin_url("articles_article_add"), (302, 302, 403, 200)),
    "edit a story": (
        lambda o: admin_url("articles_article_change", o["story"].pk),
        (302, 302, 403, 200),
    ),
    "sections": (lambda o: admin_url("articles_section_changelist"), (302, 302, 403, 200)),
    "authors": (lambda o: admin_url("articles_author_changelist"), (302, 302, 403, 200)),
    "users": (lambda o: admin_url("auth_user_changelist"), (302, 302, 403, 403)),
    "groups": (lambda o: admin_url("auth_group_changelist"), (302, 302, 403, 403)),
    "login attempts (axes)": (
        lambda o: admin_url("axes_accessattempt_changelist"),
        (302, 302, 403, 403),
    ),
    "moderation desk": (lambda o: "/moderation/", (302, 403, 200, 200)),
    "approve all on the desk": (lambda o: "/moderation/all/approve/", (302, 403, 200, 200)),
    "preview of a draft": (
        lambda o: reverse("articles:preview", args=[o["draft"].pk]),
        (302, 302, 200, 200),
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("group", GROUPS)
def test_every_listed_permission_exists_once_migrated(group):
    assert Group.objects.get(name=group).permissions.count() == len(GROUPS[group])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_admin_and_preview_access(as_role, objects, role, page):
    url_for, expected = ADMIN_PAGES[page]
    response = as_role(role).get(url_for(objects))
    assert response.status_code == expected[ROLES.index(role)], (role, page)
    if response.status_code == 302:
        assert response["Location"].startswith(admin_url("login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "status, published_at",
    [
        (Article.Status.DRAFT, None),
        (Article.Status.WITHDRAWN, None),
        (Article.Status.SCHEDULED, timezone.now() + timedelta(days=1)),
        (Article.Status.PUBLISHED, timezone.now() + timedelta(days=1)),
    ],
)
def test_unpublished_stories_are_404_for_everyone_on_reader_pages(
    as_role, make_article, role, status, published_at
):
    hidden = make_article(status=status, published_at=published_at)
    client = as_role(role)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(f"/en/news/{hidden.slug}/").status_code == 404
    link = hidden.get_absolute_url()
    assert link not in client.get("/").content.decode()
    assert hidden.slug not in client.get("/feeds/rss/").content.decode()
    assert link not in client.get(f"/search/?q={hidden.headline}").content.decode()


def test_comment_form_on_an_unpublished_story_is_404(client, draft):
    response = client.post(
        f"/news/{draft.slug}/comment/",
        {"name": "A", "email": "a@example.com", "body": "Güzel bir haber."},
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.parametrize("role, allowed", [("moderator", True), ("editor", True)])
def test_staff_may_approve_and_ban(as_role, objects, role, allowed):
    client = as_role(role)
    comment = objects["comment"]
    response = client.post(
        admin_url("comments_comment_changelist"),
        {"action": "approve", "_selected_action": [comment.pk], "reason": "ok"},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    client.post(
        admin_url("comments_comment_changelist"),
        {"action": "ban_emails", "_selected_action": [comment.pk]},
    )
    assert Ban.objects.filter(value="okur@example.com").exists()


def test_moderators_may_not_delete_comments_in_bulk(as_role, objects):
    client = as_role("moderator")
    comment = objects["comment"]
    client.post(
        admin_url("comments_comment_changelist"),
        {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"},
    )
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_moderators_may_not_publish_stories(as_role, objects):
    client = as_role("moderator")
    draft = objects["draft"]
    response = client.post(
        admin_url("articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_editors_may_publish_stories(as_role, objects):
    client = as_role("editor")
    draft = objects["draft"]
    response = client.post(
        admin_url("articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED


@pytest.mark.parametrize("role", ["anonymous", "commenter"])
def test_readers_cannot_post_to_the_admin(as_role, objects, role):
    client = as_role(role)
    comment = objects["comment"]
    response = client.post(
        admin_url("comments_comment_changelist"),
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD
    client.post(admin_url("comments_term_add"), {"kind": "allowed", "term": "siktir"})
    assert not Term.objects.filter(term="siktir").exists()
