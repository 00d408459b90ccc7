"""The word-list terms editors add in the admin, as the engine's ``Terms``.

Loaded from the database once and kept in the cache; saving or deleting a term
clears it, so the engine uses the change on the next comment without a restart
(on every server, when the cache is a shared Redis).
"""

import logging

from django.core.cache import cache

from .moderation import Terms

logger = logging.getLogger(__name__)

CACHE_KEY = "comments:terms"
# Bounds how long a lost invalidation (the cache down while an editor saved) can last.
CACHE_SECONDS = 300


def current_terms():
    """The editors' terms: from the cache, else from the database (also when the cache
    is down: then every comment reads them from the database, which is slower, not wrong)."""
    try:
        terms = cache.get(CACHE_KEY)
    except Exception:
        logger.warning("terms cache unavailable; reading the word lists", exc_info=True)
        terms = None
    if terms is None:
        from .models import Term

        lists = {kind: set() for kind in Term.Kind.values}
        for kind, term in Term.objects.values_list("kind", "term"):
            lists[kind].add(term)
        terms = Terms(
            banned=frozenset(lists["banned"]),
            suspect=frozenset(lists["suspect"]),
            allowed=frozenset(lists["allowed"]),
        )
        try:
            cache.set(CACHE_KEY, terms, timeout=CACHE_SECONDS)
        except Exception:
            logger.warning("terms cache unavailable", exc_info=True)
    return terms


def forget_terms(**kwargs):
    try:
        cache.delete(CACHE_KEY)
    except Exception:
        logger.error("could not clear the terms cache; old terms for up to %ss", CACHE_SECONDS)
