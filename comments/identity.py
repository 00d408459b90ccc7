"""Who a commenter is: signed in by an e-mail link, trusted by their record.

Sign-in links are signed and expire (``SIGN_IN_LINK_MAX_AGE``); the signed value
includes the commenter's ``signed_in_at``, which changes at every sign-in, so a link
works once (the pattern of Django's PasswordResetTokenGenerator). Opening a link only
shows a confirm button; the POST signs the browser in with a long-lived signed cookie
(``COMMENTER_COOKIE_NAME``). What a form says never grants anything: only that
cookie says who a commenter is.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, get_random_string, salted_hmac
from django.utils.translation import gettext_lazy as _

from . import outbox
from .models import Comment, Commenter, DomainRule, domain_key, normalise_email

LINK_SALT = "comments.sign-in-link"
COOKIE_SALT = "comments.commenter"
READER_SALT = "comments.reader"
NOTIFY_AT_ONCE = 20  # decisions on more comments than this leave their mails to the cron job


def commenter_for(email, name=""):
    """The commenter of this address, created on first sight."""
    commenter, _created = Commenter.objects.get_or_create(
        email=normalise_email(email), defaults={"name": name[:80]}
    )
    return commenter


def _state(commenter):
    value = f"{commenter.pk}:{commenter.signed_in_at and commenter.signed_in_at.isoformat()}"
    return salted_hmac(LINK_SALT, value).hexdigest()[:20]


def make_token(commenter):
    return signing.dumps({"c": commenter.pk, "s": _state(commenter)}, salt=LINK_SALT)


def check_token(token):
    """The commenter a link signs in, or None (bad, expired or already used)."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=settings.SIGN_IN_LINK_MAX_AGE)
        commenter = Commenter.objects.get(pk=data["c"])
    except (signing.BadSignature, Commenter.DoesNotExist, KeyError, TypeError):
        return None
    if not constant_time_compare(str(data.get("s")), _state(commenter)):
        return None
    return commenter


def sign_in(commenter):
    """Record a sign-in (using up the link); returns the cookie's signed value."""
    now = timezone.now()
    commenter.signed_in_at = now
    commenter.confirmed_at = commenter.confirmed_at or now
    commenter.save(update_fields=["signed_in_at", "confirmed_at"])
    return signing.dumps(commenter.pk, salt=COOKIE_SALT)


def signed_in_commenter(request):
    """The commenter whose signed cookie this request carries, or None."""
    value = request.COOKIES.get(settings.COMMENTER_COOKIE_NAME)
    if not value:
        return None
    try:
        pk = signing.loads(value, salt=COOKIE_SALT, max_age=settings.COMMENTER_COOKIE_MAX_AGE)
    except signing.BadSignature:
        return None
    return Commenter.objects.filter(pk=pk, confirmed_at__isnull=False).first()


def set_cookie(response, name, value):
    """A long-lived signed cookie only the server reads (the commenter's, the reader's)."""
    response.set_cookie(
        name,
        value,
        max_age=settings.COMMENTER_COOKIE_MAX_AGE,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


def reader_key(request):
    """(key, new cookie value or None): a stable anonymous key for this browser."""
    commenter = signed_in_commenter(request)
    if commenter:
        return f"commenter:{commenter.pk}", None
    value = request.COOKIES.get(settings.READER_COOKIE_NAME, "")
    try:
        return "reader:" + signing.loads(value, salt=READER_SALT), None
    except signing.BadSignature:
        key = get_random_string(32)
        return "reader:" + key, signing.dumps(key, salt=READER_SALT)


def send_sign_in_link(commenter, site_url):
    link = site_url.rstrip("/") + reverse(
        "comments:sign-in", kwargs={"token": make_token(commenter)}
    )
    outbox.queue(
        commenter.email,
        _("Sign in to comment"),
        "comments/mail/sign_in.txt",
        {"commenter": commenter, "link": link, "days": settings.SIGN_IN_LINK_MAX_AGE // 86400},
    )


def is_trusted(commenter):
    """Trusted: by a moderator, or by the record :func:`trust_earned` asks for."""
    if commenter is None or commenter.confirmed_at is None:
        return False
    standing = commenter.standing
    if standing == Commenter.Standing.TRUSTED:
        return True
    if standing != Commenter.Standing.EARNING:
        return False
    record = Comment.objects.filter(email=commenter.email).aggregate(
        approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
        recently_rejected=Count("pk", filter=rejected_by_a_moderator_lately()),
    )
    return trust_earned(**record)


def rejected_by_a_moderator_lately():
    """Comments a moderator rejected in the last ``COMMENTS_TRUST_CLEAN_DAYS`` days."""
    since = timezone.now() - timedelta(days=settings.COMMENTS_TRUST_CLEAN_DAYS)
    return Q(status=Comment.Status.REJECTED, moderated_by__isnull=False, moderated_at__gte=since)


def trust_earned(approved, recently_rejected):
    """The record that earns a confirmed commenter trust: ``COMMENTS_TRUST_AFTER``
    approved comments and no moderator's rejection in ``COMMENTS_TRUST_CLEAN_DAYS`` days."""
    return recently_rejected == 0 and approved >= settings.COMMENTS_TRUST_AFTER


def domain_action(email):
    """The rule for this address's domain: "hold", "ban" or None.

    A rule covers its subdomains (``example.com`` covers ``mail.example.com``); the most
    specific rule wins. International names compare in punycode.
    """
    labels = domain_key(normalise_email(email).rpartition("@")[2]).split(".")
    candidates = [".".join(labels[start:]) for start in range(len(labels) - 1)]
    if not candidates:
        return None
    rules = DomainRule.objects.filter(domain__in=candidates).values_list("domain", "action")
    return max(rules, key=lambda rule: len(rule[0]), default=(None, None))[1]


def notify_decided(comment_ids):
    """Tell commenters who asked (signed in, "tell me by e-mail") about decided comments, each
    in the language of the story commented on (the moderator's language may differ)."""
    comments = Comment.objects.filter(
        pk__in=comment_ids,
        notify=True,
        status__in=[Comment.Status.APPROVED, Comment.Status.REJECTED],
    ).select_related("article")
    # A bulk decision's mails wait for ``send_outbox``: the moderator's request stays short.
    send_now = len(comment_ids) <= NOTIFY_AT_ONCE
    with transaction.atomic():
        for comment in comments:
            with translation.override(comment.article.language):
                outbox.queue(
                    comment.email,
                    _("Your comment was approved")
                    if comment.status == Comment.Status.APPROVED
                    else _("Your comment was not published"),
                    "comments/mail/decided.txt",
                    {"comment": comment, "site_url": settings.SITE_URL},
                    send_now=send_now,
                )
