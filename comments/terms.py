"""The word-list terms editors add in the admin, as the engine's ``Terms``.

Loaded from the database once and kept in the cache; saving or deleting a term
clears it, so the engine uses the change on the next comment without a restart
(on every server, when the cache is a shared Redis).
"""

from django.core.cache import cache

from .moderation import Terms

CACHE_KEY = "comments:terms"


def current_terms():
    terms = cache.get(CACHE_KEY)
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
        cache.set(CACHE_KEY, terms, timeout=None)
    return terms


def forget_terms(**kwargs):
    cache.delete(CACHE_KEY)
