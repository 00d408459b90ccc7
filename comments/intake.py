"""What happens to a comment when it arrives: checked, decided, and always stored.

The view validates the form, then calls :func:`receive`. Every submission that
reaches it is saved with its status and the reasons, whatever is decided, so
editors can audit and override. The checks, in order:

1. comments closed on the story                  -> rejected, HTTP 403
2. too many attempts from this client            -> rejected, HTTP 429
3. the honeypot field was filled (a bot)         -> rejected, but told "awaiting approval"
4. a banned e-mail address or IP address, a banned commenter (standing) or
   an e-mail domain with a ban rule              -> rejected, HTTP 403
5. the same person's same comment again          -> rejected, form error
6. the moderation engine: reject                 -> rejected, form error naming each rule
                          review                 -> held for an editor
                          pass                   -> held (pre-moderation, the default) or
                                                    approved (COMMENTS_POST_MODERATION,
                                                    or a trusted commenter signed in by the
                                                    e-mail link: comments/identity.py)
   A commenter a moderator marked "always held", or an e-mail domain with a hold
   rule, is held whatever the engine says (unless it rejects).

Every stored comment is linked to its :class:`Commenter`. After a commenter's first
comment, an e-mail brings a sign-in link (through the outbox: never blocking).
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import identity, ratelimit
from .models import Ban, Comment, Commenter, DomainRule, normalise_email
from .moderation import OFFENCE_RULES, moderate
from .moderation.findings import decide
from .terms import current_terms

logger = logging.getLogger(__name__)

# Codes for the form's own checks, stored like the engine's rule codes.
CLOSED = "closed"
RATE_LIMIT = "rate_limit"
HONEYPOT = "honeypot"
BANNED = "banned"
DUPLICATE = "duplicate"


@dataclass
class Client:
    ip: str | None
    user_agent: str = ""
    session_key: str = ""
    # The commenter this browser is signed in as (the signed cookie), never the form.
    commenter: Commenter | None = None
    site_url: str = ""  # for the sign-in link in the e-mail


class Reason(models.TextChoices):
    """Why a submission ended as it did (Outcome.reason)."""

    CLOSED = CLOSED, _("closed")
    RATE_LIMIT = RATE_LIMIT, _("rate limit")
    HONEYPOT = HONEYPOT, _("honeypot")
    BANNED = BANNED, _("banned")
    DUPLICATE = DUPLICATE, _("duplicate")
    RULES = "rules", _("rules")
    HELD = "held", _("held")
    APPROVED = "approved", _("approved")


@dataclass
class Outcome:
    comment: Comment
    reason: Reason
    http_status: int = 200
    verdict: object = None
    findings: list = field(default_factory=list)

    @property
    def accepted(self):
        """The commenter is told their comment was received (held or approved)."""
        return self.reason in (Reason.HELD, Reason.APPROVED, Reason.HONEYPOT)


def comments_are_open(article, now=None):
    if not article.comments_enabled:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if not days:
        return True
    return article.published_at >= (now or timezone.now()) - timedelta(days=days)


def receive(article, name, email, body, client, honeypot="", notify=False):
    """Decide on one submission and store it. Returns an :class:`Outcome`."""
    email = normalise_email(email)
    signed_in = client.commenter if client.commenter and client.commenter.email == email else None
    comment = Comment(
        article=article,
        name=name,
        email=email,
        body=body,
        ip_address=client.ip,
        user_agent=client.user_agent,
        notify=bool(notify and signed_in),
    )
    if not comments_are_open(article):
        return _refuse(comment, CLOSED, 403)
    if ratelimit.hit(
        f"ip:{client.ip}" if client.ip else "",
        client.session_key and f"session:{client.session_key}",
    ):
        return _refuse(comment, RATE_LIMIT, 429)
    if honeypot:
        return _refuse(comment, HONEYPOT, 200)
    comment.commenter = identity.commenter_for(email, name)
    domain_rule = identity.domain_action(email)
    if (
        is_banned(comment.email, client.ip)
        or comment.commenter.standing == Commenter.Standing.BANNED
        or domain_rule == DomainRule.Action.BAN
    ):
        return _refuse(comment, BANNED, 403)
    if is_duplicate(comment):
        return _refuse(comment, DUPLICATE, 200)

    terms = current_terms()
    verdict = moderate(
        body, extra=terms, story=f"{article.headline}\n{article.spot}\n{article.body}"
    )
    findings = [finding_record(f, body, "body") for f in verdict.findings]
    # A name is shown to every reader: swearing or insults in it count too.
    name_findings = name_offences(moderate(name, extra=terms))
    findings += [finding_record(f, name, "name") for f in name_findings]
    # The strictest of the body's and the name's findings (the engine's own rule).
    decision = Comment.Decision(decide([*verdict.findings, *name_findings]))

    comment.decision = decision
    comment.language = verdict.lang
    comment.score = verdict.score
    comment.findings = findings
    comment.rules = ",".join(sorted({f["rule"] for f in findings}))
    always_held = (
        comment.commenter.standing == Commenter.Standing.HELD
        or domain_rule == DomainRule.Action.HOLD
    )
    if decision == Comment.Decision.REJECT:
        comment.status = Comment.Status.REJECTED
        reason = Reason.RULES
    elif (
        decision == Comment.Decision.PASS
        and not always_held
        and (settings.COMMENTS_POST_MODERATION or identity.is_trusted(signed_in))
    ):
        comment.status = Comment.Status.APPROVED
        reason = Reason.APPROVED
    else:
        comment.status = Comment.Status.HELD
        reason = Reason.HELD
    # The first comment that was not refused brings the sign-in link (once per address).
    first = (
        comment.status != Comment.Status.REJECTED
        and client.site_url
        and not comment.commenter.comments.filter(
            status__in=[Comment.Status.HELD, Comment.Status.APPROVED]
        ).exists()
    )
    comment.save()  # approved: its story's page shows it (``signals.comment_saved``)
    if first:
        identity.send_sign_in_link(comment.commenter, client.site_url)
    return Outcome(comment, reason, verdict=verdict, findings=findings)


def name_offences(name_verdict):
    """The name's findings that count (swearing or insults: a name is shown to all)."""
    return [f for f in name_verdict.findings if f.rule in OFFENCE_RULES]


def finding_record(finding, text, field_name):
    """A finding as stored in the database: JSON-ready, with the evidence text."""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "start": finding.start,
        "end": finding.end,
        "evidence": text[finding.start : finding.end][:200],
        "message_tr": finding.message_tr,
        "message_en": finding.message_en,
        "field": field_name,
        **({"suggestion": finding.suggestion} if finding.suggestion else {}),
    }


def is_banned(email, ip):
    checks = Q(kind=Ban.Kind.EMAIL, value=normalise_email(email))
    if ip:
        checks |= Q(kind=Ban.Kind.IP, value=ip)
    return Ban.objects.filter(checks).exists()


def is_duplicate(comment):
    """The same text, held or approved, from the same e-mail or IP within the window.

    A comment that was rejected may be sent again (the rules will say the same).
    """
    since = timezone.now() - timedelta(seconds=settings.COMMENT_DUPLICATE_WINDOW_SECONDS)
    sender = Q(email=comment.email)
    if comment.ip_address:
        sender |= Q(ip_address=comment.ip_address)
    return Comment.objects.filter(
        sender,
        created_at__gte=since,
        body=comment.body,
        status__in=[Comment.Status.HELD, Comment.Status.APPROVED],
    ).exists()


def _refuse(comment, code, http_status):
    comment.status = Comment.Status.REJECTED
    comment.decision = Comment.Decision.REJECT
    comment.rules = code
    comment.findings = [{"rule": code, "severity": "reject", "field": "form"}]
    comment.save()
    return Outcome(comment, Reason(code), http_status=http_status, findings=comment.findings)
