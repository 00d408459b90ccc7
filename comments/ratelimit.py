"""A fixed-window rate limit per client, kept in the cache (shared Redis on many servers)."""

from django.conf import settings
from django.core.cache import cache


def hit(*identities):
    """Count one attempt for each identity; True when any is over the limit.

    Identities are strings such as ``"ip:203.0.113.9"`` or ``"session:abc"``;
    empty ones are skipped.
    """
    limit = settings.COMMENT_RATE_LIMIT
    window = settings.COMMENT_RATE_WINDOW_SECONDS
    over = False
    for identity in filter(None, identities):
        key = f"comment-rate:{identity}"
        cache.add(key, 0, timeout=window)
        try:
            attempts = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            attempts = 1
        over = over or attempts > limit
    return over
