"""hreflang alternates: the same page in each interface language.

Every reader page exists in Turkish (unprefixed) and English (under /en/); search
engines learn the pairs from ``<link rel="alternate" hreflang="…">`` in the head,
plus ``x-default`` (Turkish, the default language). A section's address differs by
language (/section/ekonomi/, /en/section/economy/), so pages say how to build their
path in a language: a function run with that language active.
"""

from django.conf import settings
from django.utils import translation


def alternates(request, path_in_language):
    """``[(hreflang, absolute URL), ...]`` with ``path_in_language()`` run in each language."""
    links = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            links.append((code, request.build_absolute_uri(path_in_language())))
    default = dict(links)[settings.LANGUAGE_CODE]
    return [*links, ("x-default", default)]
