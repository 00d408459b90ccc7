"""Commenters: the sign-in link, trust, standing, domain rules, reports and the outbox."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.template import engines
from django.test import Client as client_class
from django.test import override_settings
from django.utils import timezone, translation

from articles import page_cache
from comments import identity, outbox
from comments.decisions import decide
from comments.models import Comment, Commenter, DomainRule, OutboxMail, Report
from comments.reports import report_comment

from .conftest import latest_comment

CLEAN_TR = "Bütçe görüşmelerinin uzlaşma içinde geçmesini umuyorum, emeği geçenlere teşekkürler."
LINK = re.compile(r"https?://\S+/commenter/sign-in/\S+/")


@pytest.fixture
def moderator(db):
    return User.objects.create_user("mod", "mod@example.com", "pw", is_staff=True)


def sign_in_link(message):
    return LINK.search(message.body).group(0)


def approved_comment(story, email, body="Eski bir yorum, onaylanmış.", **fields):
    return Comment.objects.create(
        article=story,
        name="Ayşe",
        email=email,
        body=body,
        status=Comment.Status.APPROVED,
        commenter=identity.commenter_for(email),
        **fields,
    )


def sign_in(client, email):
    """Sign ``client`` in the way the e-mail link does (GET, then the confirm POST)."""
    commenter = identity.commenter_for(email)
    path = "/commenter/sign-in/" + identity.make_token(commenter) + "/"
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    return Commenter.objects.get(pk=commenter.pk)


# The sign-in link


def test_first_comment_sends_a_link_that_signs_in_once(
    client, story, post_comment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(story, CLEAN_TR)
    assert latest_comment().commenter.email == "ayse@example.com"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ayse@example.com"]
    path = sign_in_link(mail.outbox[0]).split("testserver", 1)[1]

    page = client.get(path)  # a mail scanner: nothing happens
    assert page.status_code == 200 and b"sign-in-form" in page.content
    assert "commenter" not in client.cookies
    assert Commenter.objects.get().confirmed_at is None

    assert client.post(path).status_code == 302
    assert client.cookies["commenter"].value
    assert Commenter.objects.get().confirmed_at is not None
    with override_settings(PAGE_CACHE_SECONDS=0):  # the page cache bypass is articles/'
        html = client.get(story.get_absolute_url()).content.decode()
    assert 'value="ayse@example.com"' in html and "id_notify" in html

    assert client.post(path).status_code == 400  # used once
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(story, CLEAN_TR + " İkinci kez.")
    assert len(mail.outbox) == 1  # only after the first comment


def test_a_rejected_first_comment_brings_no_link_and_the_next_one_does(
    story, post_comment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(story, "BU YORUM TAMAMEN BÜYÜK HARFLERLE YAZILDI VE BAĞIRIYOR")
    assert latest_comment().status == Comment.Status.REJECTED and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(story, CLEAN_TR)
    assert len(mail.outbox) == 1


def test_an_expired_or_forged_link_is_refused(client, story):
    commenter = identity.commenter_for("ayse@example.com")
    path = "/commenter/sign-in/" + identity.make_token(commenter) + "/"
    with override_settings(SIGN_IN_LINK_MAX_AGE=-1):
        assert client.post(path).status_code == 400
    assert client.get(path[:-3] + "xx/").status_code == 400
    assert client.get("/commenter/sign-in/not-a-token/").status_code == 400
    assert Commenter.objects.get().confirmed_at is None


def test_my_comments_and_sign_out(client, story):
    approved_comment(story, "ayse@example.com", body="Görünen yorumum burada.")
    assert client.get("/commenter/comments/").status_code == 403
    sign_in(client, "ayse@example.com")
    html = client.get("/commenter/comments/").content.decode()
    assert "Görünen yorumum burada." in html
    client.post("/commenter/sign-out/")
    assert client.get("/commenter/comments/").status_code == 403


def test_signed_in_page_is_filled_in_but_never_shared(client, story, rf):
    sign_in(client, "ayse@example.com")
    client.get("/commenter/comments/")  # shows the "signed in" message
    assert "ayse@example.com" in client.get(story.get_absolute_url()).content.decode()
    other = client_class()
    assert "ayse@example.com" not in other.get(story.get_absolute_url()).content.decode()

    # The safety net: a page rendered for the shared cache (with its holes) never holds them.
    request = rf.get(story.get_absolute_url())
    request.COOKIES["commenter"] = client.cookies["commenter"].value
    section = engines["jinja2"].from_string("{{ comment_section(article) }}")
    context = {"request": request, "article": story, "csrf_token": "t"}
    assert "ayse@example.com" in section.render(context)
    assert "ayse@example.com" not in section.render({**context, "csrf_token": page_cache.CSRF_HOLE})


def test_a_forged_cookie_signs_nobody_in(client, story):
    identity.commenter_for("ayse@example.com")
    client.cookies["commenter"] = "1"
    assert client.get("/commenter/comments/").status_code == 403


# Trust


@pytest.mark.parametrize("approved, trusted", [(2, False), (3, True)])
def test_trust_after_approved_comments_by_the_confirmed_address(
    client, story, post_comment, approved, trusted
):
    for n in range(approved):
        approved_comment(story, "ayse@example.com", body=f"Onaylı yorum {n}.")
    sign_in(client, "ayse@example.com")
    post_comment(story, CLEAN_TR)
    expected = Comment.Status.APPROVED if trusted else Comment.Status.HELD
    assert latest_comment().status == expected


def test_the_same_address_typed_in_another_browser_is_held(client, story, post_comment):
    for n in range(3):
        approved_comment(story, "ayse@example.com", body=f"Onaylı yorum {n}.")
    identity.sign_in(identity.commenter_for("ayse@example.com"))  # signed in elsewhere
    post_comment(story, CLEAN_TR)
    assert latest_comment().status == Comment.Status.HELD


def test_a_rejection_by_a_moderator_in_30_days_takes_trust_away(
    client, story, post_comment, moderator
):
    for n in range(3):
        approved_comment(story, "ayse@example.com", body=f"Onaylı yorum {n}.")
    rejected = approved_comment(story, "ayse@example.com", body="Reddedilen.")
    decide(Comment.objects.filter(pk=rejected.pk), Comment.Status.REJECTED, moderator)
    commenter = sign_in(client, "ayse@example.com")
    assert not identity.is_trusted(commenter)
    Comment.objects.filter(pk=rejected.pk).update(moderated_at=timezone.now() - timedelta(days=31))
    assert identity.is_trusted(commenter)


def test_a_trusted_commenter_is_still_refused_by_the_rules(client, story, post_comment):
    for n in range(3):
        approved_comment(story, "ayse@example.com", body=f"Onaylı yorum {n}.")
    sign_in(client, "ayse@example.com")
    post_comment(story, "BU YORUM TAMAMEN BÜYÜK HARFLERLE YAZILDI VE BAĞIRIYOR")
    assert latest_comment().status != Comment.Status.APPROVED


@pytest.mark.parametrize(
    "standing, status, http",
    [
        (Commenter.Standing.TRUSTED, Comment.Status.APPROVED, 302),
        (Commenter.Standing.HELD, Comment.Status.HELD, 302),
        (Commenter.Standing.BANNED, Comment.Status.REJECTED, 403),
    ],
)
def test_standing_set_by_a_moderator(client, story, post_comment, standing, status, http):
    commenter = sign_in(client, "ayse@example.com")
    if standing == Commenter.Standing.HELD:
        for n in range(3):
            approved_comment(story, "ayse@example.com", body=f"Onaylı yorum {n}.")
    Commenter.objects.filter(pk=commenter.pk).update(standing=standing)
    assert post_comment(story, CLEAN_TR).status_code == http
    assert latest_comment().status == status


@pytest.mark.parametrize(
    "action, status, http",
    [(DomainRule.Action.HOLD, Comment.Status.HELD, 302), (DomainRule.Action.BAN, "rejected", 403)],
)
@override_settings(COMMENTS_POST_MODERATION=True)
def test_domain_rules(client, story, post_comment, action, status, http):
    DomainRule.objects.create(domain="@Spam.Example", action=action)
    assert post_comment(story, CLEAN_TR, email="Someone@spam.example").status_code == http
    assert latest_comment().status == status
    post_comment(story, CLEAN_TR + " Başka bir adresten.", email="someone@other.example")
    assert latest_comment().status == Comment.Status.APPROVED


@pytest.mark.parametrize(
    "rules, address, action",
    [
        ({"spam.example": "ban"}, "a@spam.example", "ban"),
        ({"spam.example": "ban"}, "a@mail.SPAM.example", "ban"),
        ({"spam.example": "ban"}, "a@notspam.example", None),
        ({"spam.example": "ban"}, "a@spam.example.org", None),
        ({"spam.example": "ban", "ok.spam.example": "hold"}, "a@x.ok.spam.example", "hold"),
        ({"bücher.example": "hold"}, "a@xn--bcher-kva.example", "hold"),
        ({"xn--bcher-kva.example": "hold"}, "a@Bücher.example", "hold"),
        ({"example": "ban"}, "a@example", None),  # a rule is never on a bare top-level name
        ({"spam.example": "ban"}, "not an address", None),
    ],
)
def test_a_domain_rule_covers_subdomains_and_international_names(db, rules, address, action):
    for domain, rule_action in rules.items():
        DomainRule.objects.create(domain=domain, action=rule_action)
    assert identity.domain_action(address) == action


# Readers' reports


def test_three_readers_hide_a_comment_until_a_moderator_settles_it(story, moderator):
    comment = approved_comment(story, "ayse@example.com")
    assert not report_comment(comment, "reader:a")
    assert not report_comment(comment, "reader:b")
    assert report_comment(comment, "reader:c")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HELD

    decide(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED, moderator)
    comment.refresh_from_db()
    assert comment.reports_settled_at is not None
    assert not report_comment(comment, "reader:d")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.reports.count() == 4


def test_report_view_one_per_reader_prg_and_bad_input(client, story):
    comment = approved_comment(story, "ayse@example.com")
    url = f"/comments/{comment.pk}/report/"
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0].endswith("#comments")
    assert "reader" in client.cookies
    client.post(url)  # the same reader again: recorded once
    assert Report.objects.count() == 1
    assert client.post(url, {"reason": "x" * 301}).status_code == 400
    assert client.post("/comments/999999/report/").status_code == 404
    assert client.get(url).status_code == 405
    held = Comment.objects.create(article=story, name="A", email="a@example.com", body="Bekleyen.")
    assert client.post(f"/comments/{held.pk}/report/").status_code == 404


@override_settings(COMMENT_RATE_LIMIT=2)
def test_reports_are_rate_limited(client, story):
    comments = [approved_comment(story, f"r{n}@example.com") for n in range(3)]
    codes = [client.post(f"/comments/{c.pk}/report/").status_code for c in comments]
    assert codes == [302, 302, 429]


# Telling the commenter, and the outbox


def test_commenter_who_asked_is_told_the_decision_with_the_reason(
    client, story, post_comment, moderator, django_capture_on_commit_callbacks
):
    sign_in(client, "ayse@example.com")
    post_comment(story, CLEAN_TR, notify="on")
    comment = latest_comment()
    assert comment.notify and comment.status == Comment.Status.HELD
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(Comment.objects.filter(pk=comment.pk), "rejected", moderator, "Konu dışı.")
    assert len(mail.outbox) == 1
    assert "Konu dışı." in mail.outbox[0].body


@pytest.mark.parametrize(
    "language, subject, line",
    [
        ("tr", "Yorumunuz onaylandı", "yazdığınız yorum onaylandı"),
        ("en", "Your comment was approved", "was approved"),
    ],
)
def test_the_decision_is_told_in_the_storys_language_whatever_the_moderators(
    make_article, moderator, language, subject, line, django_capture_on_commit_callbacks
):
    story = make_article(language=language)
    comment = Comment.objects.create(
        article=story, name="A", email="ayse@example.com", body="Güzel haber.", notify=True
    )
    other = "en" if language == "tr" else "tr"
    with translation.override(other), django_capture_on_commit_callbacks(execute=True):
        decide(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED, moderator)
    assert mail.outbox[0].subject == subject
    assert line in mail.outbox[0].body and story.get_absolute_url() in mail.outbox[0].body


def test_a_bulk_decisions_mails_wait_for_the_cron_job(
    story, moderator, django_capture_on_commit_callbacks
):
    commenter = identity.commenter_for("ayse@example.com")
    for n in range(identity.NOTIFY_AT_ONCE + 1):
        Comment.objects.create(
            article=story, name="A", email=commenter.email, body=f"Yorum {n}.", notify=True
        )
    with django_capture_on_commit_callbacks(execute=True):
        decide(Comment.objects.held(), Comment.Status.APPROVED, moderator)
    assert not mail.outbox and OutboxMail.objects.filter(sent_at=None).count() == 21
    call_command("send_outbox")
    assert len(mail.outbox) == 21


def test_notify_is_ignored_for_a_browser_not_signed_in(client, story, post_comment):
    post_comment(story, CLEAN_TR, notify="on")
    assert not latest_comment().notify


@override_settings(EMAIL_BACKEND="comments.tests.test_identity.FailingBackend")
def test_mail_failure_keeps_the_comment_and_is_retried(
    client, story, post_comment, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(story, CLEAN_TR)
    assert response.status_code == 302
    assert latest_comment().status == Comment.Status.HELD
    queued = OutboxMail.objects.get()
    assert queued.sent_at is None and queued.attempts == 1 and "down" in queued.last_error
    assert "sending mail" in caplog.text

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        call_command("send_outbox")
    queued.refresh_from_db()
    assert queued.sent_at is not None and len(mail.outbox) == 1
    assert outbox.send_pending() == (0, 0)


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
