"""Template context shared by every page: the site name and the section navigation."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from newsportal.prepared_reads import PreparedRead

from .models import Section

ALL_SECTIONS = PreparedRead(lambda: Section.objects.all())

# The navigation's sections by the page cache's SITE version (one entry: the current one).
_sections_by_site_version = {}


def navigation(request):
    return {
        "site_name": settings.SITE_NAME,
        "nav_sections": nav_sections(getattr(request, "page_cache_site_version", None)),
    }


def nav_sections(site_version):
    """The sections in the navigation, read once per process and ``SITE`` version.

    ``SITE`` is renewed after every section saved or deleted (``renewal.site_changed``),
    so a page rendered for the page cache (which gives the version it was looked up
    under, ``CachedPageMixin``) reuses the list rather than querying it for every page
    rendered; other pages read it from the database.
    """
    if site_version is None:
        return SimpleLazyObject(ALL_SECTIONS)  # read when a page shows it (not the admin)
    sections = _sections_by_site_version.get(site_version)
    if sections is None:
        _sections_by_site_version.clear()
        sections = _sections_by_site_version[site_version] = list(Section.objects.all())
    return sections
