"""The newest stories of a section, as story pages show them beside a story: kept per process.

A story page missing from the page cache (the long tail: old stories and crawlers) lists
the newest stories of its section among the related ones; a section has thousands of
stories, and each of their pages would read the same list. The list is kept in this
process under the page cache's versions (``page_cache``) of the section and of ``SITE``
(section names), which ``renewal`` renews after any change to one of the section's
stories or to a section; one ``MGET`` of the two versions replaces the query. Like a
cached page, a list is kept at most ``PAGE_CACHE_SECONDS`` (what nothing announces, such
as a bare ``QuerySet.update()``, shows within that bound), and not at all when the page
cache is off.
"""

import functools
import logging
import time
from datetime import datetime

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone

from newsportal.prepared_reads import PreparedRead

from . import page_cache

logger = logging.getLogger(__name__)

LIMIT = 1000  # sections kept; more means the site has more sections than a paper

# (section id, count) -> (versions, kept until, stories)
_newest = page_cache.Remembered(limit=LIMIT)


def newest_in_section(section, count):
    """The ``count`` newest public stories of ``section`` (without their bodies)."""
    if not page_cache.enabled():
        return read_newest(section, count)
    try:
        versions = current_versions([page_cache.SITE, page_cache.topic("section", section.slug_tr)])
    except Exception:
        logger.warning("page cache unavailable; section list read", exc_info=True)
        return read_newest(section, count)
    key = (section.pk, count)
    kept = _newest.get(key)
    now = time.monotonic()
    if kept is not None and kept[0] == versions and kept[1] > now:
        return kept[2]
    stories = read_newest(section, count)
    _newest.remember(key, (versions, now + settings.PAGE_CACHE_SECONDS, stories))
    return stories


def current_versions(topics):
    """The topics' versions, the missing ones set (``page_cache.add_versions``): a list is
    kept only under versions that a change will renew."""
    # The page cache's own round trip (page_cache.fetch): django-redis's get_many cost
    # three times as much CPU for the same MGET, on every story rendered.
    found = page_cache.fetch([page_cache.VERSION_PREFIX + topic for topic in topics], None, None)
    versions = {topic: found.get(page_cache.VERSION_PREFIX + topic) for topic in topics}
    missing = [topic for topic, version in versions.items() if version is None]
    if missing:
        versions.update(page_cache.add_versions(missing))
    return tuple(versions[topic] for topic in topics)


def read_newest(section, count):
    return newest_read(count)(section_id=section.pk, now=timezone.now())


@functools.cache
def newest_read(count):
    """The ``count`` newest public stories of a section, as a prepared read."""
    from .models import Article

    return PreparedRead(
        lambda section_id, now: (
            Article.objects.published(now)
            .filter(section_id=section_id)
            .select_related("section")
            .defer("body")[:count]
        ),
        section_id=int,
        now=datetime,
    )


@receiver(setting_changed)
def forget_lists(setting, **kwargs):
    if setting in ("CACHES", "PAGE_CACHE_SECONDS"):
        _newest.clear()
