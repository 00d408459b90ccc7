"""What happens to a comment when it arrives: checked, decided, and always stored.

The view validates the form, then calls :func:`receive`. Every submission that
reaches it is saved with its status and the reasons, whatever is decided, so
editors can audit and override. The checks, in order:

1. comments closed on the story                  -> rejected, HTTP 403
2. too many attempts from this client            -> rejected, HTTP 429
3. the honeypot field was filled (a bot)         -> rejected, but told "awaiting approval"
4. a banned e-mail address or IP address         -> rejected, HTTP 403
5. the same person's same comment again          -> rejected, form error
6. the moderation engine: reject                 -> rejected, form error naming each rule
                          review                 -> held for an editor
                          pass                   -> held (pre-moderation, the default) or
                                                    approved (COMMENTS_POST_MODERATION)
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from . import decisions, ratelimit
from .models import Ban, Comment, normalise_email
from .moderation import OFFENCE_RULES, moderate
from .terms import current_terms

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


@dataclass
class Outcome:
    comment: Comment
    reason: str  # one of the codes above, "rules", "held" or "approved"
    http_status: int = 200
    verdict: object = None
    findings: list = field(default_factory=list)

    @property
    def accepted(self):
        """The commenter is told their comment was received (held or approved)."""
        return self.reason in ("held", "approved", HONEYPOT)


def comments_are_open(article, now=None):
    if not article.comments_enabled:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if not days:
        return True
    return article.published_at >= (now or timezone.now()) - timedelta(days=days)


def receive(article, name, email, body, client, honeypot=""):
    """Decide on one submission and store it. Returns an :class:`Outcome`."""
    comment = Comment(
        article=article,
        name=name,
        email=normalise_email(email),
        body=body,
        ip_address=client.ip,
        user_agent=client.user_agent,
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
    if is_banned(comment.email, client.ip):
        return _refuse(comment, BANNED, 403)
    if is_duplicate(comment):
        return _refuse(comment, DUPLICATE, 200)

    terms = current_terms()
    verdict = moderate(
        body, extra=terms, story=f"{article.headline}\n{article.spot}\n{article.body}"
    )
    findings = [finding_record(f, body, "body") for f in verdict.findings]
    # A name is shown to every reader: swearing or insults in it count too.
    name_verdict = moderate(name, extra=terms)
    findings += [
        finding_record(f, name, "name") for f in name_verdict.findings if f.rule in OFFENCE_RULES
    ]
    decision = verdict.decision
    if any(f["field"] == "name" and f["severity"] == "reject" for f in findings):
        decision = "reject"
    elif decision == "pass" and findings:
        decision = "review"

    comment.decision = decision
    comment.language = verdict.lang
    comment.score = verdict.score
    comment.findings = findings
    comment.rules = ",".join(sorted({f["rule"] for f in findings}))
    if decision == "reject":
        comment.status = Comment.Status.REJECTED
        reason = "rules"
    elif decision == "pass" and settings.COMMENTS_POST_MODERATION:
        comment.status = Comment.Status.APPROVED
        reason = "approved"
    else:
        comment.status = Comment.Status.HELD
        reason = "held"
    comment.save()
    if comment.status == Comment.Status.APPROVED:
        decisions.announce([article.pk])  # its story's page shows it
    return Outcome(comment, reason, verdict=verdict, findings=findings)


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
    comment.decision = "reject"
    comment.rules = code
    comment.findings = [{"rule": code, "severity": "reject", "field": "form"}]
    comment.save()
    return Outcome(comment, code, http_status=http_status, findings=comment.findings)
