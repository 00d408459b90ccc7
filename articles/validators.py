"""Feeds and sitemaps for browsers, feed readers, crawlers and edge caches: an ETag from
the page cache's versions (``page_cache``) and a 304 while nothing they list has changed.

The ETag costs one cache round trip; only a changed document is generated again.
Edge caches may keep them ``FEED_MAX_AGE`` seconds (README: "Behind a CDN").
"""

import hashlib

from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.views.decorators.http import etag

from . import page_cache

FEED_MAX_AGE = 60


def topics_etag(topics_of):
    """A view decorator: ETag from the versions of the topics ``topics_of(**kwargs)`` names,
    and ``Cache-Control: public, max-age=FEED_MAX_AGE``."""

    def versions(request, *args, **kwargs):
        names = [page_cache.SITE, *topics_of(**kwargs)]
        keys = [page_cache.VERSION_PREFIX + name for name in names]
        try:
            values = cache.get_many(keys)
        except Exception:
            return None
        if len(values) < len(keys):  # not set yet: set them, so the next request can 304
            page_cache.renew(*(n for n, k in zip(names, keys, strict=True) if k not in values))
            return None
        seen = repr((request.get_full_path(), [values[k] for k in keys]))
        return '"' + hashlib.blake2b(seen.encode(), digest_size=12).hexdigest() + '"'

    def decorate(view):
        conditional = etag(versions)(view)

        def wrapped(request, *args, **kwargs):
            response = conditional(request, *args, **kwargs)
            if response.status_code in (200, 304):
                patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
            return response

        return wrapped

    return decorate


def latest(**kwargs):
    return [page_cache.LATEST]


def section(slug, **kwargs):
    return [page_cache.topic("section", slug)]
