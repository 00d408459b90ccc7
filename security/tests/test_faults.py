"""Broken infrastructure: the cache (Redis) gone, the database connection dropped.

The long version, with a load generator and real restarts of PostgreSQL and Redis
under gunicorn, is ``security/faults.sh``; these are the fast, deterministic parts.
"""

import psycopg
import pytest
import redis
from django.db import OperationalError, close_old_connections, connection
from django.test import Client

from articles.models import Article
from comments.models import Comment, Term

from .conftest import browser_post

DEAD_REDIS = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def redis_cache(backend):
    options = {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}
    if backend == "django_redis.cache.RedisCache":
        options["IGNORE_EXCEPTIONS"] = True
    return {"default": {"BACKEND": backend, "LOCATION": DEAD_REDIS, "OPTIONS": options}}


@pytest.mark.parametrize(
    "backend",
    [
        "django_redis.cache.RedisCache",  # what settings.py configures for a redis:// CACHE_URL
        "django.core.cache.backends.redis.RedisCache",  # Django's own: raises on every call
    ],
)
def test_site_serves_counts_and_takes_comments_with_the_cache_down(story, settings, backend):
    settings.CACHES = redis_cache(backend)
    settings.READS_REDIS_URL = DEAD_REDIS  # the read buffer is gone too
    Term.objects.create(kind=Term.Kind.BANNED, term="zırcahil")
    client = Client()
    with pytest.raises(redis.ConnectionError):  # the cache really is unreachable
        redis.Redis.from_url(DEAD_REDIS, socket_connect_timeout=0.2).ping()

    assert client.get("/").status_code == 200
    for n in range(3):
        reader = Client(HTTP_USER_AGENT=f"Mozilla/5.0 reader {n}")
        assert reader.get(story.get_absolute_url()).status_code == 200
    story.refresh_from_db()
    assert story.read_count == 3  # counted straight into the database

    response = browser_post(
        client,
        f"/news/{story.slug}/comment/",
        {"name": "Ayşe", "email": "a@example.com", "body": "Emeği geçenlere teşekkürler."},
    )
    assert response.status_code == 302
    assert Comment.objects.get().status == Comment.Status.HELD
    # The editors' word list still applies: read from the database while the cache is down.
    response = browser_post(
        client,
        f"/news/{story.slug}/comment/",
        {"name": "Ayşe", "email": "a@example.com", "body": "Bu yazar tam bir zırcahil."},
    )
    assert response.status_code == 200
    assert Comment.objects.latest("id").status == Comment.Status.REJECTED


def _terminate_backend(pid):
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_dropped_database_connection_gives_503_then_recovers(postgres_only, make_article):
    """PostgreSQL drops the app's connection (as on a restart): that request gets the 503
    page; the next request (Django's request_started runs close_old_connections, which
    the test client skips, so the test calls it) reconnects and everything works."""
    story = make_article()
    client = Client(raise_request_exception=False, HTTP_USER_AGENT="Mozilla/5.0 reader")
    assert client.get(story.get_absolute_url()).status_code == 200

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    _terminate_backend(pid)

    response = browser_post(
        client,
        f"/news/{story.slug}/comment/",
        {"name": "Ayşe", "email": "a@example.com", "body": "Emeği geçenlere teşekkürler."},
    )
    assert response.status_code == 503
    assert "Retry-After" in response

    close_old_connections()  # what the next request does first
    response = browser_post(
        client,
        f"/news/{story.slug}/comment/",
        {"name": "Ayşe", "email": "a@example.com", "body": "Emeği geçenlere teşekkürler."},
    )
    assert response.status_code == 302
    assert Comment.objects.count() == 1
    assert (
        Client(HTTP_USER_AGENT="Mozilla/5.0 other").get(story.get_absolute_url()).status_code == 200
    )
    assert Article.objects.get(pk=story.pk).read_count == 2


def test_a_failed_flush_does_not_count_a_buffered_read_twice(redis_url, settings, story):
    """The database fails while a request flushes the read buffer (PostgreSQL restarting):
    the read is already in Redis, so it must not also be written to the database; the
    batch stays in Redis and the next flush applies it once."""
    from unittest import mock

    from articles import read_buffer

    settings.READS_REDIS_URL = redis_url
    reader = Client(HTTP_USER_AGENT="Mozilla/5.0 reader")
    with mock.patch.object(read_buffer, "apply_batch", side_effect=OperationalError("down")):
        assert reader.get(story.get_absolute_url()).status_code == 200
    assert Article.objects.get(pk=story.pk).read_count == 0
    read_buffer.flush()
    assert Article.objects.get(pk=story.pk).read_count == 1
