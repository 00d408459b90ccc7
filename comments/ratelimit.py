"""A fixed-window rate limit per client, kept in the cache (shared Redis on many servers).

If the cache cannot be reached the limit fails open: comments are still received
and moderated (and every one is stored with the client's address), only not
throttled; the outage is logged. A dead cache must never turn into an error page.
"""

import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def hit(*identities):
    """Count one attempt for each identity; True when any is over the limit.

    Identities are strings such as ``"ip:203.0.113.9"`` or ``"session:abc"``;
    empty ones are skipped.
    """
    limit = settings.COMMENT_RATE_LIMIT
    window = settings.COMMENT_RATE_WINDOW_SECONDS
    over = False
    for identity in filter(None, identities):
        try:
            attempts = _count(f"comment-rate:{identity}", window)
        except Exception:  # the cache is down: fail open, loudly
            logger.warning("rate limit cache unavailable; not throttling", exc_info=True)
            return False
        if attempts is None:  # a fail-soft cache backend (IGNORE_EXCEPTIONS) swallowed it
            logger.warning("rate limit cache unavailable; not throttling")
            return False
        over = over or attempts > limit
    return over


def _count(key, window):
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1
