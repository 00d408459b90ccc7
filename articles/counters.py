"""The public read counter: "This news has been read N times in total."

A read is a GET of a published story by a reader. Not counted:
- HEAD requests and other methods;
- well-known bots and crawlers, recognised by their User-Agent;
- the same visitor again within ``READ_COUNT_WINDOW_SECONDS`` (remembered in a
  signed cookie, so no session row is written for anonymous readers: an HMAC-SHA256
  of the value with a key derived from ``SECRET_KEY``, see :func:`sign`);
- editors' previews (they use another view that never calls this module).

Counts are stored with a single ``UPDATE ... SET read_count = read_count + 1``
in the database, never read-modify-write in Python, so no count is lost
whatever the number of concurrent readers. With Redis configured they are
buffered there and flushed in batches instead (``read_buffer.py``), so readers
of a hot story never queue on its row lock.
"""

import base64
import functools
import hashlib
import hmac
import logging
import re
import time

from django.conf import settings
from django.db.models import F
from django.utils import formats
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from . import read_buffer

logger = logging.getLogger(__name__)

COOKIE_NAME = "np_reads"
COOKIE_SALT = b"articles.counters"
MAX_REMEMBERED = 100

# Matched against the lower-cased User-Agent: with re.IGNORECASE, Python's re tried every
# word at every position of it (6 µs for a short browser's, 15 µs for Chrome's: a tenth
# of the CPU a story page served from the cache costs), lower-cased 0.6 and 1.3 µs.
BOT_USER_AGENT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|facebookexternalhit|embedly|preview|"
    r"monitor|pingdom|uptime|headless|lighthouse|python-requests|scrapy|wget|curl/"
)


def total_line(total):
    """The line under a story, as HTML: "This news has been read 1.234 times in total."

    Built in Python rather than by a template: it fills a hole of every story page served
    from the cache, where rendering a template was a fifth of the request's CPU. The
    number is grouped in the reader's language, as ``floatformat:"g"`` writes it.
    """
    reads = formats.number_format(total, 0, force_grouping=True)
    text = ngettext(
        "This news has been read %(reads)s time in total",
        "This news has been read %(reads)s times in total",
        total,
    ) % {"reads": reads}
    return mark_safe(f'<p class="read-count">{conditional_escape(text)}</p>')  # noqa: S308


def is_bot(user_agent):
    return not user_agent or bool(BOT_USER_AGENT.search(user_agent.lower()))


class ReadVisit:
    """One request's view of the visitor's recent reads (from the signed cookie)."""

    def __init__(self, request, article_id, now=None):
        self.request = request
        self.article_id = article_id
        self.now = int(now if now is not None else time.time())
        self.window = settings.READ_COUNT_WINDOW_SECONDS
        self.recent = self._load()
        self.counted = False
        # A reader's GET (the page may ask several times: decided once).
        self.by_reader = request.method == "GET" and not is_bot(
            request.META.get("HTTP_USER_AGENT", "")
        )

    def _load(self):
        raw = unsign(self.request.COOKIES.get(COOKIE_NAME, ""))
        recent = {}
        for item in raw.split(","):
            article_id, _, seen = item.partition(":")
            if article_id.isdigit() and seen.isdigit() and self.now - int(seen) < self.window:
                recent[int(article_id)] = int(seen)
        return recent

    def should_count(self):
        return self.by_reader and self.article_id not in self.recent

    def count(self, article):
        """Count this read if it is one, and bring ``article.read_count`` up to the total
        readers are shown (buffered reads included). Returns True when it was counted."""
        if self.should_count():
            self.recent[self.article_id] = self.now
            self.counted = True
            article.read_count += record_read(article.pk)
        else:
            article.read_count += unflushed_reads(article.pk)
        return self.counted

    def remember(self, response):
        if not self.counted:
            return
        newest = sorted(self.recent.items(), key=lambda item: item[1])[-MAX_REMEMBERED:]
        value = ",".join(f"{article_id}:{seen}" for article_id, seen in newest)
        response.set_cookie(
            COOKIE_NAME,
            sign(value),
            max_age=self.window,
            httponly=True,
            samesite="Lax",
            secure=not settings.DEBUG and self.request.is_secure(),
        )


def sign(value):
    """``value`` and its signature: ``"<value>:<HMAC-SHA256, base64>"``.

    Django's ``set_signed_cookie()`` derives its key and builds a signer on every call (a
    seventh of a story page served from the cache); a read cookie needs neither its
    timestamp nor its key rotation: an unknown signature only counts the read again.
    """
    return f"{value}:{_signature(value)}"


def unsign(signed):
    """The value :func:`sign` signed, or "" when the signature is not this site's."""
    value, _, signature = signed.rpartition(":")
    if not signature or not hmac.compare_digest(signature.encode(), _signature(value).encode()):
        return ""
    return value


def _signature(value):
    digest = hmac.new(_key(settings.SECRET_KEY), value.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


@functools.lru_cache(maxsize=4)
def _key(secret_key):
    """The cookie's own key: its signatures are worth nothing anywhere else."""
    return hashlib.sha256(COOKIE_SALT + secret_key.encode()).digest()


def record_read(article_id):
    """Count one read; returns the story's reads not yet in the row as it was loaded."""
    if read_buffer.enabled():
        try:
            buffered, _shown, flush_due = read_buffer.buffer_read(article_id)
        except Exception:  # Redis away: the database still counts, nothing is lost
            logger.warning("read buffer unavailable; counting in the database", exc_info=True)
        else:
            if flush_due:
                flush_buffered_reads()
            return buffered
    count_in_database(article_id)
    return 1


def count_in_database(article_id):
    from .models import Article

    Article.objects.filter(pk=article_id).update(read_count=F("read_count") + 1)


def flush_buffered_reads():
    """The flush this request won the lock for (see ``read_buffer.buffer_read``)."""
    try:
        read_buffer.flush(scan=False)
    except Exception:  # the read is buffered: counting it again would count it twice
        logger.warning("read flush failed; the next flush retries", exc_info=True)


def unflushed_reads(article_id):
    if not read_buffer.enabled():
        return 0
    try:
        return read_buffer.pending(article_id)
    except Exception:
        logger.warning("read buffer unavailable", exc_info=True)
        return 0


def count_and_total(visit, stored=None):
    """Count the visit's read if it is one; returns the total readers are shown.

    ``stored`` is the story's row count when the caller has just read it from the
    database: the total shown (``read_buffer.SHOWN``) starts again from it.
    """
    article_id = visit.article_id
    counting = visit.should_count()
    if counting:
        visit.counted = True
        visit.recent[article_id] = visit.now
    if read_buffer.enabled():
        try:
            if counting:
                _buffered, shown, flush_due = read_buffer.buffer_read(article_id, stored)
                if flush_due:
                    flush_buffered_reads()
                return shown
            if stored is not None:
                return read_buffer.set_shown(article_id, stored)
            shown = read_buffer.client().hget(read_buffer.SHOWN, str(article_id))
            if shown is not None:
                return int(shown)
            return read_buffer.set_shown(article_id, stored_reads(article_id))
        except Exception:  # Redis away: the database still counts, nothing is lost
            logger.warning("read buffer unavailable; counting in the database", exc_info=True)
    if counting:
        count_in_database(article_id)
    return stored_reads(article_id)


def set_shown(article_id, stored, fallback):
    """The total shown starts again from the row's count (see ``read_buffer.set_shown``)."""
    try:
        return read_buffer.set_shown(article_id, stored)
    except Exception:
        logger.warning("read buffer unavailable", exc_info=True)
        return fallback


def stored_reads(article_id):
    from .models import Article

    return Article.objects.filter(pk=article_id).values_list("read_count", flat=True).first() or 0
