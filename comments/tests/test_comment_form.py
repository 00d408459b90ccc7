"""Commenters through real HTTP requests: held, rejected with reasons, refused politely."""

import pytest
from django.test import override_settings

from comments.decisions import decide
from comments.models import Ban, Comment, Term

from .conftest import latest_comment

CLEAN_TR = "Bütçe görüşmelerinin uzlaşma içinde geçmesini umuyorum, emeği geçenlere teşekkürler."


def test_clean_comment_is_held_and_appears_after_approval(
    client, story, post_comment, django_capture_on_commit_callbacks
):
    response = post_comment(story, CLEAN_TR, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"{story.get_absolute_url()}#comments")
    html = response.content.decode()
    assert "awaiting approval" in html or "onay" in html
    comment = latest_comment()
    assert comment.status == Comment.Status.HELD
    assert comment.decision == "pass"
    assert comment.ip_address == "203.0.113.7"
    assert "Firefox" in comment.user_agent
    assert CLEAN_TR not in client.get(story.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        decide(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED, None)
    html = client.get(story.get_absolute_url()).content.decode()
    assert CLEAN_TR in html
    assert "ayse@example.com" not in html  # the e-mail is never shown


@override_settings(COMMENTS_POST_MODERATION=True)
def test_post_moderation_publishes_a_clean_comment_at_once(client, story, post_comment):
    post_comment(story, CLEAN_TR)
    assert latest_comment().status == Comment.Status.APPROVED
    assert CLEAN_TR in client.get(story.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "body, rule",
    [
        ("BU HABER ÇOK YANLIŞ, HEMEN DÜZELTİLMELİ BENCE HERKES BUNU BİLMELİ", "all_caps"),
        ("Bu haberi yazan tam bir şerefsiz, siktir git", "profanity"),
        ("Bu haber cok guzel olmus, emegi gecenlere tesekkur ederim", "no_turkish_chars"),
    ],
)
def test_broken_rule_is_named_and_the_text_kept(client, story, post_comment, body, rule):
    response = post_comment(story, body, language="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="comment-rejection"' in html
    assert f'data-rule="{rule}"' in html
    assert '<mark class="evidence">' in html
    textarea = html.split('name="body"', 1)[1].split("</textarea>", 1)[0]
    assert body.split(",")[0] in textarea.replace("&#x27;", "'")
    comment = latest_comment()
    assert comment.status == Comment.Status.REJECTED
    assert rule in comment.rule_codes
    assert comment.body == body


def test_ascii_turkish_gets_a_corrected_text_to_send_in_one_click(client, story, post_comment):
    html = post_comment(story, "Bu haber cok guzel olmus, emegi gecenlere tesekkur ederim").content
    html = html.decode()
    assert 'name="use_suggestion"' in html
    assert "çok güzel" in html
    suggestion = html.split('class="suggested-text">', 1)[1].split("</blockquote>", 1)[0]
    response = post_comment(story, suggestion.replace("<br>", "\n"), use_suggestion="1")
    assert response.status_code == 302
    assert latest_comment().status == Comment.Status.HELD


def test_rejection_is_explained_in_turkish_by_default(client, story, post_comment):
    html = post_comment(story, "BU HABER ÇOK YANLIŞ, HEMEN DÜZELTİLMELİ BENCE HERKES").content
    assert "Yorumunuz yayımlanmadı" in html.decode()


def test_honeypot_is_stored_as_rejected_and_the_bot_is_not_told(story, post_comment):
    response = post_comment(story, CLEAN_TR, website="http://spam.example")
    assert response.status_code == 302
    comment = latest_comment()
    assert comment.status == Comment.Status.REJECTED
    assert comment.rule_codes == ["honeypot"]


@override_settings(COMMENT_RATE_LIMIT=3)
def test_rate_limit_answers_429_and_keeps_the_submission(story, post_comment):
    statuses = [post_comment(story, f"{CLEAN_TR} {n}").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    limited = Comment.objects.filter(rules="rate_limit")
    assert limited.count() == 2
    response = post_comment(story, "Bir deneme daha yapıyorum şimdi")
    html = response.content.decode()
    assert response.status_code == 429
    assert "Bir deneme daha yapıyorum şimdi" in html  # the text stays in the form


def test_banned_email_and_ip_are_refused_politely(story, post_comment):
    Ban.objects.create(kind=Ban.Kind.EMAIL, value="Troll@Example.com")
    response = post_comment(story, CLEAN_TR, email="troll@example.com")
    assert response.status_code == 403
    assert latest_comment().rule_codes == ["banned"]
    Ban.objects.create(kind=Ban.Kind.IP, value="203.0.113.7")
    assert post_comment(story, CLEAN_TR, email="someone@example.com").status_code == 403


def test_duplicate_of_own_comment_is_refused(story, post_comment):
    assert post_comment(story, CLEAN_TR).status_code == 302
    response = post_comment(story, CLEAN_TR)
    assert response.status_code == 200
    assert latest_comment().rule_codes == ["duplicate"]
    assert Comment.objects.filter(status=Comment.Status.HELD).count() == 1


def test_closed_story_refuses_comments(client, make_article, post_comment):
    closed = make_article(comments_enabled=False)
    assert 'id="comment-form"' not in client.get(closed.get_absolute_url()).content.decode()
    assert post_comment(closed, CLEAN_TR).status_code == 403
    assert latest_comment().rule_codes == ["closed"]


@override_settings(COMMENTS_CLOSE_AFTER_DAYS=3)
def test_comments_close_after_the_configured_days(make_article, post_comment):
    from datetime import timedelta

    from django.utils import timezone

    old = make_article(published_at=timezone.now() - timedelta(days=4))
    assert post_comment(old, CLEAN_TR).status_code == 403


def test_banned_term_added_by_an_editor_applies_at_once(story, post_comment):
    assert post_comment(story, "Bu karar tam bir zırvalık örneği olmuş bence").status_code == 302
    Term.objects.create(kind=Term.Kind.BANNED, term="zırva*")
    response = post_comment(story, "Bu karar tam bir zırvalık örneği olmuş bence, gerçekten")
    assert response.status_code == 200
    assert "profanity" in latest_comment().rule_codes


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "email": "", "body": ""},
        {"name": "Ali", "email": "not-an-email", "body": "Güzel bir haber olmuş."},
        {"name": "Ali", "email": "ali@example.com", "body": "x" * 2001},
        {"name": "Ali", "email": "ali@example.com", "body": "null\x00byte"},
        {"name": "A" * 500, "email": "ali@example.com", "body": "Güzel bir haber olmuş."},
    ],
)
def test_invalid_input_is_a_form_error_not_a_500(client, story, data):
    response = client.post(f"/news/{story.slug}/comment/", data)
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    assert not Comment.objects.exists()


def test_html_in_a_comment_is_escaped(client, story, post_comment):
    body = "<script>alert('x')</script> güzel bir haber <b>bence</b> çok önemli"
    post_comment(story, body)
    Comment.objects.update(status=Comment.Status.APPROVED)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_comment_on_an_unpublished_story_is_404(client, make_article, post_comment):
    from articles.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    assert post_comment(draft, CLEAN_TR).status_code == 404


def test_get_on_the_comment_url_is_not_allowed(client, story):
    assert client.get(f"/news/{story.slug}/comment/").status_code == 405


def test_form_needs_csrf(story):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        f"/news/{story.slug}/comment/", {"name": "A", "email": "a@b.co", "body": CLEAN_TR}
    )
    assert response.status_code == 403
