"""The approved comments' HTML under a story, kept in the shared cache between renders.

A story with a hundred comments spent most of its rendering on their HTML and their rows
(about 1.7 ms of a page's 5.7 ms of CPU in process, and the rows' read in PostgreSQL),
though that list changes only when a comment under the story is decided. So the list, as
``comment_section.comment_list`` writes it (with a mark where the page's CSRF token goes),
is kept in the shared cache with how many comments it shows, under the story's *comment
version*: a random token in the cache, replaced after commit whenever the story's comments
are decided (``comments_decided``: the desk, the admin's actions and form, bulk decisions,
a comment approved at once, a report hiding one, a comment deleted in the admin) or an
existing or approved comment is saved through the ORM (``signals.comment_saved``).

A request asks the cache for the version (one round trip; the list too when this process
holds no copy of it) and uses the list kept under that version, or reads and writes the
comments and keeps them under the version it read *before* reading them: a decision
committed in between has replaced that version, so a list read too early is never used.
A story with no version yet gets one after its rows are read, only if none was set
meanwhile (a decision sets one); lists of fewer than ``KEPT_FROM`` comments are not kept
(the long tail: rendering them costs less than keeping them), nor are those of a page
rendered for the page cache, which keeps the whole page (``comment_section``).
Each process keeps the lists it used (``local_lists``), each with its version, so a
popular story's 80 KB is not sent by the cache on every request.

The key holds a digest of what the HTML depends on besides the comments: what every
comment's HTML shares in this language (the report form's address and label), the time
zone and format, and ``LIST_FORMAT`` (bumped when the HTML is written differently).
``COMMENT_LIST_CACHE_SECONDS`` (default 60; 0 turns it off) is how long a list and a
version are kept: the bound for what nothing announces (a bare ``update()``,
``bulk_create()`` or ``delete()``). It does not follow the page cache: with
``PAGE_CACHE_SECONDS=0`` every other part of a story page is rendered from nothing and its
comments come from here. If the cache cannot be reached, the comments are read and
written as if nothing were kept.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver

from articles import fragments, page_cache

logger = logging.getLogger(__name__)

VERSION_PREFIX = "comments:v:"
LIST_PREFIX = "comments:list:"
LIST_FORMAT = "1"  # in the key: bumped when a list's HTML or its (version, count, html) change


def enabled():
    return settings.COMMENT_LIST_CACHE_SECONDS > 0


def version_key(article_id):
    return f"{VERSION_PREFIX}{article_id}"


def list_key(article_id, shared):
    """The list of this story as this page writes it: ``shared`` is what every comment's
    HTML shares (the report form in this language, the time zone and format)."""
    digest = fragments.made_once(
        ("comment list digest", shared),
        lambda: hashlib.blake2b(f"{LIST_FORMAT}\0{shared}".encode(), digest_size=12).hexdigest(),
    )
    return f"{LIST_PREFIX}{article_id}:{digest}"


local_lists = page_cache.Remembered(limit=100)  # lists of up to ~100 KB: under 10 MB
# Shorter lists are written from their rows each time: cheaper than keeping them (on the
# long tail, a story's list is seldom asked for twice within COMMENT_LIST_CACHE_SECONDS).
KEPT_FROM = 20


def approved_list(article_id, shared_html, render):
    """``(count, html)`` of the story's approved comments (``html`` as ``render`` gives it:
    text, or its parts): kept under the story's comment version while it is current, else
    ``render()``'s (read and written now) and kept."""
    if not enabled():
        return render()
    key, versions = list_key(article_id, shared_html), version_key(article_id)
    copy = local_lists.get(key)
    try:
        values = page_cache.fetch([versions] if copy else [versions, key], None, None)
    except Exception:
        logger.warning("comment list cache unavailable; rendering the list", exc_info=True)
        return render()
    version = values.get(versions)
    entry = values.get(key)
    if copy is not None:
        entry = copy if copy[0] == version else kept_list(key) if version is not None else None
    if version is not None and isinstance(entry, tuple) and entry[0] == version:
        if entry is not copy:
            local_lists.remember(key, entry)
        return entry[1], entry[2]
    count, html = render()  # read after the version: a later decision replaces it
    if count < KEPT_FROM:
        return count, html
    if version is None:
        version = new_version(versions)
    if version is not None:
        entry = (version, count, html)
        try:
            page_cache.set_many({key: entry}, settings.COMMENT_LIST_CACHE_SECONDS)
            local_lists.remember(key, entry)
        except Exception:
            logger.warning("comment list cache unavailable; list not kept", exc_info=True)
    return count, html


def kept_list(key):
    """The cache's list at ``key`` (this process's copy was of another version)."""
    try:
        return page_cache.fetch([key], None, None).get(key)
    except Exception:
        logger.warning("comment list cache unavailable; rendering the list", exc_info=True)
        return None


def new_version(versions):
    """A new comment version for a story that had none when its rows were read, or None
    when another was set since (a decision after the read sets one: that list is not
    kept) or the cache cannot be reached."""
    try:
        new = uuid.uuid4().hex
        added, _kept, _ = page_cache.add_or_get(
            versions, new, seconds=settings.COMMENT_LIST_CACHE_SECONDS
        )
    except Exception:
        logger.warning("comment list cache unavailable; list not kept", exc_info=True)
        return None
    return new if added else None


def renew(article_ids):
    """These stories' lists are out of date: each gets a new comment version."""
    if not article_ids or not enabled():
        return
    try:
        cache.set_many(
            {version_key(pk): uuid.uuid4().hex for pk in article_ids},
            settings.COMMENT_LIST_CACHE_SECONDS,
        )
    except Exception:  # the cache is away: its lists expire on their own
        logger.warning("comment list cache unavailable; lists expire on their own", exc_info=True)


def comments_decided(sender, article_ids, **kwargs):
    """Sent after commit: the decided comments' stories show other lists."""
    renew(article_ids)


# What this process's copies depend on besides their key and version (tests change them).
RENDERING_SETTINGS = {"CACHES", "COMMENT_LIST_CACHE_SECONDS", "USE_TZ"}


@receiver(setting_changed)
def forget_lists(setting, **kwargs):
    if setting in RENDERING_SETTINGS:
        local_lists.clear()
