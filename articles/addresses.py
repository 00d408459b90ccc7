"""Addresses of pages named by a slug, built from a prefix and a suffix that ``reverse()``
gives once per page kind, language and URLconf (``reverse()`` costs about 0.1 ms and a
story page links to some twenty stories, sections, authors and tags).

Only plain slugs (what ``<slug:...>`` matches) are built so; anything else goes through
``reverse()``, which quotes it or says it has no address. Forgotten when the settings
URLs depend on change (``fragments.RENDERING_SETTINGS``: tests); a deploy restarts the
process.
"""

import re

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

from .fragments import RENDERING_SETTINGS

PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_MARK = "np-slug-mark-5e0a"

_around_slug = {}


def slug_url(viewname, slug, language=None):
    """``reverse(viewname, kwargs={"slug": slug})``, without resolving it every time; in
    ``language`` when given (as under ``translation.override(language)``, without
    activating it: a story's canonical address), else in the active language."""
    language = language or translation.get_language()
    if not PLAIN_SLUG.fullmatch(slug):
        with translation.override(language):
            return reverse(viewname, kwargs={"slug": slug})
    key = (viewname, language, get_script_prefix(), get_urlconf())
    around = _around_slug.get(key)
    if around is None:
        with translation.override(language):
            address = reverse(viewname, kwargs={"slug": SLUG_MARK})
        around = _around_slug[key] = address.split(SLUG_MARK)
    return around[0] + slug + around[1]


@receiver(setting_changed)
def forget_addresses(setting, **kwargs):
    if setting in RENDERING_SETTINGS:
        _around_slug.clear()
