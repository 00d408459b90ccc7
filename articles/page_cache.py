"""Reader pages cached whole, with holes for what differs from one reader to the next.

Rendering a story page (the byline, a hundred comments, the crispy comment form,
related stories) costs tens of milliseconds; serving it from the cache costs one
round trip. A page is rendered once with placeholders where each request differs:

- the CSRF token (the language switch and the comment form): filled with
  ``get_token(request)``, which also sets the CSRF cookie as rendering would;
- the read count ("This news has been read N times"): rendered per request from
  ``includes/read_count.html``, so a cached page never shows a stale total.

What else differs is in the key (scheme, host, path with its page number, language)
or is never cached: requests with other query parameters, with messages to show
(after a comment is sent), and the comment POST's page with the commenter's form.

A cached page is used only while it is current. Each one is stored with the
*versions* it was rendered under and is used only when they still match:

- the site version, a random token replaced whenever a story, section, author, tag or
  byline is saved or deleted, or the admin changes stories' status in bulk
  (:func:`content_changed`): lists, navigation, related and neighbour stories;
- for a story page, its own facts read with the story on every request: when it was
  last saved and how many approved comments it has (with the newest one's id), so a
  comment approved in the admin, even in bulk, shows at once.

Versions and the page come back from the cache in one ``get_many`` (one Redis
``MGET``). If the cache cannot be reached, pages are rendered as if nothing were
cached. ``PAGE_CACHE_SECONDS`` (default 60, ``0`` turns the cache off) bounds what
nothing announces: a scheduled story going live, comments closing after N days, the
home page's most-read list. On many servers the cache is the shared Redis, so a change
made through any server is seen by all of them at once.
"""

import logging
import re
import uuid

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import translation

logger = logging.getLogger(__name__)

SITE_VERSION_KEY = "pages:site-version"
CSRF_HOLE = "np-csrf-hole-2f6c9d"
READS_HOLE = "np-reads-hole-8d1e4a"
PAGE_PARAMETER = re.compile(r"(page=[0-9]{1,6})?")


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def content_changed(*args, **kwargs):
    """Every cached page is out of date (a signal receiver, also called directly)."""
    try:
        cache.set(SITE_VERSION_KEY, uuid.uuid4().hex, None)
    except Exception:  # the cache is away: its pages expire within PAGE_CACHE_SECONDS
        logger.warning("page cache unavailable; cached pages expire on their own", exc_info=True)


def page_key(request):
    """This page for this reader, or None when it must not come from the cache."""
    if not enabled() or request.method != "GET":
        return None
    if not PAGE_PARAMETER.fullmatch(request.META.get("QUERY_STRING", "")):
        return None
    if len(get_messages(request)):
        return None
    return (
        f"pages:{request.scheme}://{request.get_host()}"
        f"{request.get_full_path()}:{translation.get_language()}"
    )


def lookup(key, facts=()):
    """The cached page's HTML when it is still current, else None.

    Returns ``(html, versions)``; store the page under ``versions`` after rendering.
    """
    if key is None:
        return None, None
    try:
        found = cache.get_many([SITE_VERSION_KEY, key])
    except Exception:
        logger.warning("page cache unavailable; rendering the page", exc_info=True)
        return None, None
    versions = [found.get(SITE_VERSION_KEY), *facts]
    entry = found.get(key)
    if entry is not None and entry[0] == versions:
        return entry[1], versions
    return None, versions


def store(key, versions, html):
    if key is None:
        return
    try:
        cache.set(key, (versions, html), settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("page cache unavailable; page not stored", exc_info=True)


def holes():
    """Context for a page rendered to be cached: placeholders instead of per-request parts."""
    return {"csrf_token": CSRF_HOLE, "reads_hole": READS_HOLE}


def fill(html, request, article=None):
    """A cached page made right for this request."""
    html = html.replace(CSRF_HOLE, str(get_token(request)))
    if article is not None:
        reads = get_template("includes/read_count.html").render({"article": article})
        html = html.replace(READS_HOLE, reads)
    return html
