"""Fixtures shared by every app's tests."""

import os
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone, translation

from articles.models import Article, Author, Byline, Section
from articles.slugs import turkish_slugify


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in Turkish, the default: a request to /en/ must not leak into the next."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty cache: stories of different tests share addresses, and
    the renewals that run after commit never run inside a test's transaction."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if committed: what runs after commit runs at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def postgres_only():
    """Skip on SQLite; fail instead when the run promised PostgreSQL (REQUIRE_POSTGRES=1)."""
    if connection.vendor == "postgresql":
        return
    message = "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def redis_url():
    """The throw-away Redis of scripts/test (TEST_REDIS_URL), emptied around the test."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        message = "needs Redis: set TEST_REDIS_URL=redis://... (scripts/test starts one)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    import redis

    server = redis.Redis.from_url(url)
    server.flushdb()
    yield url
    server.flushdb()


@pytest.fixture
def section(db):
    return Section.objects.create(
        name_tr="Dünya", name_en="World", slug_tr="dunya", slug_en="world"
    )


@pytest.fixture
def make_article(db, section):
    """Create a published story (or any status) with authors, a minute apart by default."""
    counter = {"n": 0}

    def make(
        headline=None, status=Article.Status.PUBLISHED, published_at=None, authors=(), **fields
    ):
        counter["n"] += 1
        n = counter["n"]
        article = Article.objects.create(
            headline=headline or f"Story number {n}",
            spot=fields.pop("spot", f"Spot of story {n}"),
            body=fields.pop("body", f"First paragraph of story {n}.\n\nSecond paragraph."),
            section=fields.pop("section", section),
            status=status,
            published_at=published_at or timezone.now() - timedelta(hours=100 - n),
            **fields,
        )
        for position, name in enumerate(authors):
            author, _ = Author.objects.get_or_create(name=name, slug=turkish_slugify(name))
            Byline.objects.create(article=article, author=author, position=position)
        return article

    return make


@pytest.fixture(autouse=True)
def media_folder(tmp_path_factory):
    """Photos and renditions that tests save go to a throw-away folder (not through the
    ``settings`` fixture, whose teardown order other fixtures rely on)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def photo():
    """A photo as an editor uploads it: ``photo(name, width, height)`` is a JPEG file."""

    def make(name="photo.jpg", width=1600, height=900):
        from io import BytesIO

        from django.core.files.base import ContentFile
        from PIL import Image

        buffer = BytesIO()
        Image.new("RGB", (width, height), (40, 90, 160)).save(buffer, "JPEG")
        return ContentFile(buffer.getvalue(), name=name)

    return make
