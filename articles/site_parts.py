"""The site's header, footer and the head's links, rendered once per process and language
(``fragments``): ``{{ site_header() }}``, ``{{ site_head("feeds") }}``, ``{{ site_footer() }}``
in ``base.html``."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from jinja2 import pass_context

from . import fragments

NEXT_MARK = "np-fragment-next-4b2d"


@pass_context
def site_header(context):
    """The brand, the search form, the language switch and the section navigation.

    Kept per language, site name and the sections' names and addresses; the language
    switch's CSRF token and ``next`` address (this page's) are filled in per request.
    """
    sections = list(context.get("nav_sections", ()))
    key = (
        "header",
        translation.get_language(),
        settings.SITE_NAME,
        # Each section's names and slugs in both languages (its ``name`` and ``slug`` look
        # up the language each time: two dozen lookups a page).
        tuple((s.pk, s.name_tr, s.name_en, s.slug_tr, s.slug_en) for s in sections),
    )
    html = fragments.render_once(
        key,
        lambda: render_to_string(
            "includes/site_header.html",
            {
                "site_name": settings.SITE_NAME,
                "nav_sections": sections,
                "csrf_token": fragments.CSRF_MARK,
                "next_path": NEXT_MARK,
            },
        ),
    )
    request = context.get("request")
    return fragments.fill(
        html,
        {
            fragments.CSRF_MARK: str(context.get("csrf_token", "")),
            NEXT_MARK: request.get_full_path() if request is not None else "",
        },
    )


def site_head(part):
    """The head's links that every page has (``includes/head_<part>.html``): the feeds
    (per language), the icons and the stylesheets; their addresses are reversed and
    looked up in the static files' manifest once, not on every page."""
    key = ("head", part, translation.get_language(), settings.SITE_NAME)
    return fragments.render_once(
        key,
        lambda: render_to_string(f"includes/head_{part}.html", {"site_name": settings.SITE_NAME}),
    )


def site_footer():
    """The copyright line and the archive, language and feed links: per language and year."""
    year = timezone.localtime().year
    key = ("footer", translation.get_language(), settings.SITE_NAME, year)
    return fragments.render_once(
        key,
        lambda: render_to_string(
            "includes/site_footer.html", {"site_name": settings.SITE_NAME, "year": year}
        ),
    )
