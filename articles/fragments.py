"""Pieces of pages that are the same for every page and reader: rendered once per process.

The site's header and footer and the empty comment form cost about a third of rendering a
story page, yet depend only on the interface language and a few site-wide values. Each is
rendered once per *key* (everything its HTML depends on, which the caller names), kept in
this process, and given what differs per request by replacing *marks* (placeholders
rendered in its place) with escaped values::

    html = fragments.render_once(("footer", language, year), lambda: render_to_string(...))
    fragments.fill(html, {fragments.CSRF_MARK: token})

What invalidates a fragment: its key (a renamed section, another language, another site
name or year give another key), a change of the settings fragments are rendered with
(``RENDERING_SETTINGS``, changed by tests only), and a restart of the process (a deploy:
new templates, translations, static files, URLs).
"""

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

CSRF_MARK = "np-fragment-csrf-7c1e"
LIMIT = 200  # keys in use: a few per language; more means something varies that should not

# What templates, URLs, static addresses and translations depend on.
RENDERING_SETTINGS = {
    "CRISPY_TEMPLATE_PACK",
    "FORCE_SCRIPT_NAME",
    "LANGUAGE_CODE",
    "LANGUAGES",
    "ROOT_URLCONF",
    "SITE_NAME",
    "STATIC_URL",
    "STORAGES",
    "TEMPLATES",
    "TIME_ZONE",
    "USE_I18N",
}

_made = {}  # key -> what was made for it in this process


def made_once(key, make):
    """What ``make()`` returns, made the first time this key is asked for and kept in this
    process (as a fragment is: forgotten with the settings pages are rendered with). The
    key's first item names what it is for; the value is shared: not to be changed."""
    value = _made.get(key)
    if value is None:
        if len(_made) >= LIMIT:
            _made.clear()
        value = _made[key] = make()
    return value


def render_once(key, render):
    """The HTML ``render()`` returns (a template's output, safe to show), rendered the first
    time this key is asked for."""
    return made_once(key, lambda: mark_safe(render()))  # noqa: S308 (rendered HTML)


def fill(html, values):
    """The fragment with each mark replaced by its value, escaped unless safe (the
    fragment's own HTML is the template's, escaped when rendered; a safe value is a page
    cache's hole, ``page_cache.CSRF_HOLE``)."""
    for mark, value in values.items():
        html = html.replace(mark, conditional_escape(value))
    return mark_safe(html)  # noqa: S308 (rendered HTML with escaped values)


@receiver(setting_changed)
def forget_fragments(setting, **kwargs):
    if setting in RENDERING_SETTINGS:
        _made.clear()
