"""E-mail that never blocks or breaks a request: queued in a table, sent after commit.

:func:`queue` stores the mail in the same transaction as what caused it (a comment,
a decision) and, once that commits, tries to send it at once. A failure is logged
and the mail stays unsent; ``manage.py send_outbox`` (cron, e.g. every five minutes)
tries every unsent mail again. The trade-off: the first attempt runs in the request's
thread after the response is decided, so a slow mail server costs that request up to
``EMAIL_TIMEOUT`` seconds; it never raises into the request, and nothing is lost.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import OutboxMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 20  # then it stays in the table for a person to look at


def queue(to, subject, template, context, send_now=True):
    """Store a mail rendered from ``template`` and try to send it after commit
    (``send_now=False``: leave it to ``send_outbox``, e.g. for a bulk decision's mails)."""
    mail = OutboxMail.objects.create(
        to=to,
        subject=str(subject)[:200],
        body=render_to_string(template, context),
    )
    if send_now:
        transaction.on_commit(lambda: send(mail.pk))
    return mail


def send(pk):
    """Try to send one unsent mail; True when sent. Never raises."""
    try:
        mail = OutboxMail.objects.filter(pk=pk, sent_at=None).first()
        if mail is None:
            return False
        try:
            send_mail(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to])
        except Exception as error:
            logger.warning("sending mail %s to %s failed", mail.pk, mail.to, exc_info=True)
            OutboxMail.objects.filter(pk=pk).update(
                attempts=mail.attempts + 1, last_error=repr(error)[:300]
            )
            return False
        OutboxMail.objects.filter(pk=pk).update(
            attempts=mail.attempts + 1, sent_at=timezone.now(), last_error=""
        )
        return True
    except Exception:  # the database itself failed: the request must still succeed
        logger.exception("outbox unavailable for mail %s", pk)
        return False


def send_pending():
    """Try every unsent mail again; returns (sent, failed)."""
    sent = failed = 0
    pending = OutboxMail.objects.filter(sent_at=None, attempts__lt=MAX_ATTEMPTS)
    for pk in pending.values_list("pk", flat=True):
        if send(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
