"""Moderators in the admin: the queue, bulk decisions, bans, and what they may not touch."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from comments.models import Ban, Comment


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("mod", "mod@example.com", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ed", "ed@example.com", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def make_comment(story, body="Güzel bir haber.", status=Comment.Status.HELD, **fields):
    return Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body=body, status=status, **fields
    )


def test_queue_lists_held_comments_first_with_rules_and_evidence(client, moderator, story):
    make_comment(story, "Eski onaylı yorum", status=Comment.Status.APPROVED)
    make_comment(
        story,
        "Bu yazar aptal biri",
        findings=[{"rule": "insult", "severity": "review", "start": 9, "end": 14, "field": "body"}],
        rules="insult",
    )
    client.force_login(moderator)
    response = client.get(reverse("admin:comments_comment_changelist"))
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert rows[0].status == Comment.Status.HELD
    html = response.content.decode()
    assert '<mark class="evidence">aptal</mark>' in html
    filtered = client.get(reverse("admin:comments_comment_changelist") + "?rule=insult")
    assert list(filtered.context["cl"].result_list) == [rows[0]]


def test_comment_page_names_each_finding_in_turkish(client, moderator, story):
    comment = make_comment(
        story,
        "Bu yazar aptal biri",
        findings=[{"rule": "insult", "severity": "review", "start": 9, "end": 14, "field": "body"}],
        rules="insult",
    )
    client.force_login(moderator)
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    html = client.get(url).content.decode()
    assert "<strong>Hakaret</strong> (incelemeye gönderir, yorum)" in html


def test_moderator_approves_in_bulk_with_a_reason(client, moderator, story):
    first, second = make_comment(story, "Birinci yorum"), make_comment(story, "İkinci yorum")
    client.force_login(moderator)
    response = client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [first.pk, second.pk], "reason": "temiz"},
        follow=True,
    )
    assert response.status_code == 200
    for comment in (first, second):
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED
        assert comment.moderated_by == moderator
        assert comment.moderated_at is not None
        assert comment.moderation_reason == "temiz"
    assert "Birinci yorum" in client.get(story.get_absolute_url()).content.decode()


def test_moderator_bans_the_sender_from_the_queue(client, moderator, story):
    comment = make_comment(story, ip_address="198.51.100.4")
    client.force_login(moderator)
    for action in ("ban_emails", "ban_ips"):
        client.post(
            reverse("admin:comments_comment_changelist"),
            {"action": action, "_selected_action": [comment.pk], "reason": "troll"},
        )
    assert set(Ban.objects.values_list("kind", "value")) == {
        ("email", "okur@example.com"),
        ("ip", "198.51.100.4"),
    }


def test_comment_page_shows_the_commenters_other_comments(client, moderator, story):
    comment = make_comment(story, "Bu yorum incelensin")
    make_comment(story, "Aynı kişinin önceki yorumu")
    client.force_login(moderator)
    html = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content
    assert "Aynı kişinin önceki yorumu" in html.decode()


def test_moderator_cannot_edit_stories(client, moderator, story):
    client.force_login(moderator)
    assert client.get(reverse("admin:articles_article_change", args=[story.pk])).status_code == 403
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
    response = client.post(
        reverse("admin:articles_article_change", args=[story.pk]), {"headline": "Hacked"}
    )
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.headline != "Hacked"


def test_editor_edits_stories_and_sees_comment_counts(client, editor, story):
    make_comment(story)
    make_comment(story, status=Comment.Status.APPROVED)
    make_comment(story, status=Comment.Status.REJECTED)
    make_comment(story, status=Comment.Status.REJECTED)
    client.force_login(editor)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    assert ">1 / 1 / 2</a>" in response.content.decode()
    assert client.get(reverse("admin:articles_article_change", args=[story.pk])).status_code == 200
    assert client.get(reverse("admin:comments_comment_changelist")).status_code == 200


def test_nobody_adds_comments_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:comments_comment_add")).status_code == 403


def test_each_posted_comment_stores_the_model_score(story, post_comment):
    post_comment(story, "Çok güzel bir haber olmuş, emeğinize sağlık.")
    clean = Comment.objects.order_by("-id").first()
    post_comment(story, "Ulan bunlar ne biçim adam, hepsi de aynı")
    hostile = Comment.objects.order_by("-id").first()
    assert 0.0 <= clean.score < hostile.score <= 1.0
    # The learned signal holds the comment for an editor under its own code, not a rule.
    assert hostile.status == Comment.Status.HELD
    assert "likely_offensive" in hostile.rule_codes
    assert "hurtful" not in hostile.rule_codes
