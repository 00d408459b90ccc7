"""Search over stories' headlines, spots and bodies, best matches first.

    from articles import search
    query = search.clean_query(request.GET.get("q", ""))
    results = search.search(query)          # a queryset of published stories
    search.add_snippets(page_of_results, query)   # sets story.snippet (safe HTML)

On PostgreSQL this is full-text search. Each story's ``search_vector`` column holds
its headline (weight A), spot (B) and body (C) parsed with the text-search
configuration of the story's own language ('turkish' for tr, 'english' for en), kept
up to date by a database trigger and indexed with GIN (migration 0002 explains why).
The reader's query is parsed with ``websearch_to_tsquery`` (quotes, ``or``, ``-``; it
never raises a syntax error) in each language and matched against the stories of
that language, so ``savaşın`` finds ``savaş``. Results are ranked with ``ts_rank``
and the snippet is ``ts_headline``.

Elsewhere (SQLite, the embedded default) it is a simple fallback: every word must
occur in the headline, spot or body (case-insensitive for ASCII), headline matches
rank first.

Any input gives a result, never an error: control characters and NUL bytes (which
PostgreSQL cannot store in text) are dropped and the query is cut to
``MAX_QUERY_LENGTH`` characters.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, F, FloatField, IntegerField, Q, TextField, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Article

MAX_QUERY_LENGTH = 200
MAX_FALLBACK_WORDS = 10
TEXT_SEARCH_CONFIGS = {
    Article.Language.TURKISH: "turkish",
    Article.Language.ENGLISH: "english",
}
# Private-use characters mark the matches in ts_headline's output, so that the story
# text can be HTML-escaped first and the marks turned into <mark> afterwards.
MARK_START, MARK_STOP = "\ue000", "\ue001"
SNIPPET_CHARS = 240


def clean_query(raw):
    """The reader's query with control characters dropped, spaces collapsed, length capped."""
    printable = "".join(char if char.isprintable() else " " for char in str(raw))
    return " ".join(printable.split())[:MAX_QUERY_LENGTH].strip()


def search(query, language=None):
    """Published stories matching ``query`` (already cleaned), best first."""
    stories = Article.objects.published().for_listing()
    if language:
        stories = stories.filter(language=language)
    if not query:
        return stories.none()
    if connections[stories.db].vendor == "postgresql":
        return _full_text_search(stories, query)
    return _simple_search(stories, query)


def _full_text_search(stories, query):
    matches = Q()
    ranks, snippets = [], []
    for language, config in TEXT_SEARCH_CONFIGS.items():
        parsed = SearchQuery(query, config=config, search_type="websearch")
        matches |= Q(language=language, search_vector=parsed)
        ranks.append(When(language=language, then=SearchRank(F("search_vector"), parsed)))
        snippets.append(
            When(
                language=language,
                then=SearchHeadline(
                    "body",
                    parsed,
                    config=config,
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
        )
    return (
        stories.filter(matches)
        .annotate(
            rank=Case(*ranks, default=Value(0.0), output_field=FloatField()),
            search_snippet=Case(*snippets, default=Value(""), output_field=TextField()),
        )
        .order_by("-rank", "-published_at", "-id")
    )


def _simple_search(stories, query):
    words = query.split()[:MAX_FALLBACK_WORDS]
    rank = Value(0)
    for word in words:
        stories = stories.filter(
            Q(headline__icontains=word) | Q(spot__icontains=word) | Q(body__icontains=word)
        )
        rank = rank + Case(
            When(headline__icontains=word, then=Value(3)),
            When(spot__icontains=word, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return stories.annotate(rank=rank).order_by("-rank", "-published_at", "-id")


def add_snippets(stories, query):
    """Give each story of a page a ``snippet``: safe HTML with the matches in <mark>."""
    for story in stories:
        marked = getattr(story, "search_snippet", None)
        if marked is not None:
            story.snippet = highlight(marked)
        else:
            story.snippet = excerpt(story.body, query)


def highlight(marked_text):
    """Escape text whose matches are wrapped in MARK_START/MARK_STOP; marks become <mark>."""
    html = escape(marked_text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(html)


def excerpt(text, query, length=SNIPPET_CHARS):
    """A stretch of ``text`` around the first word of ``query`` found, matches marked."""
    words = [re.escape(word) for word in query.split()[:MAX_FALLBACK_WORDS] if word]
    if not words:
        return escape(text[:length])
    pattern = re.compile("|".join(words), re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, found.start() - length // 4) if found else 0
    piece = text[start : start + length]
    parts = []
    position = 0
    for match in pattern.finditer(piece):
        parts.append(escape(piece[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(piece[position:]))
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
