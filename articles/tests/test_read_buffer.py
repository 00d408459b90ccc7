"""Buffered read counts: Redis takes the reads, flushes move them to the database once."""

import threading

import pytest
from django.db import connections
from django.test import Client, override_settings

from articles import read_buffer
from articles.models import Article, ReadFlush

from .crowd import read_concurrently

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


@pytest.fixture
def buffered(redis_url, settings):
    settings.READS_REDIS_URL = redis_url
    settings.READS_FLUSH_SECONDS = 3600  # flush only when the test says so
    read_buffer.client().set(read_buffer.LOCK, "1", ex=3600)
    return read_buffer.client()


def stored(article):
    return Article.objects.values_list("read_count", flat=True).get(pk=article.pk)


def test_reads_are_buffered_and_shown_then_flushed(buffered, make_article):
    article = make_article(read_count=451)
    for _ in range(3):
        response = Client().get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
    assert stored(article) == 451  # nothing written to the row yet
    client, english_url = Client(), "/en" + article.get_absolute_url()
    html = client.get(english_url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert "This news has been read 455 times in total" in html
    # A reload (not counted) still shows the buffered total.
    html = client.get(english_url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert "This news has been read 455 times in total" in html
    assert read_buffer.flush() == 4
    assert stored(article) == 455
    assert read_buffer.flush() == 0
    assert read_buffer.pending(article.pk) == 0


def test_a_batch_left_behind_by_a_dead_worker_is_applied_once(buffered, make_article):
    article = make_article()
    read_buffer.add_read(article.pk, 7)
    # A worker renamed the live hash and died before applying it.
    buffered.rename(read_buffer.LIVE, read_buffer.BATCH_PREFIX + "dead-worker")
    read_buffer.add_read(article.pk, 2)
    assert read_buffer.flush() == 9
    assert stored(article) == 9
    # Another worker applied a batch and died before deleting its key.
    read_buffer.add_read(article.pk, 5)
    buffered.rename(read_buffer.LIVE, read_buffer.BATCH_PREFIX + "applied")
    read_buffer.apply_batch(read_buffer.BATCH_PREFIX + "applied")
    read_buffer.add_read(article.pk, 5)
    buffered.rename(read_buffer.LIVE, read_buffer.BATCH_PREFIX + "applied")
    assert read_buffer.flush() == 0
    assert stored(article) == 14
    assert ReadFlush.objects.count() == 3  # dead-worker, the live hash, applied


def test_a_batch_of_more_reads_taken_back_than_counted_is_applied(buffered, make_article):
    """A read taken back (counted for a story that moved) can land in a later batch than
    the read itself; that batch's net is negative and the other stories' reads in it still
    count (a batch once discarded as "already applied" lost them: seen under load)."""
    moved, read = make_article(read_count=10), make_article()
    read_buffer.add_read(moved.pk, 5)
    assert read_buffer.flush() == 5
    read_buffer.add_read(read.pk, 3)
    read_buffer.add_read(moved.pk, -5)  # the five reads taken back
    assert read_buffer.flush() == -2
    assert stored(read) == 3 and stored(moved) == 10
    assert read_buffer.flush() == 0


@override_settings(READS_REDIS_URL="redis://127.0.0.1:1/0")
def test_reads_go_to_the_database_when_redis_is_down(make_article):
    article = make_article()
    response = Client().get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert stored(article) == 1


def test_no_buffered_count_is_lost_under_64_readers_while_flushing(
    postgres_only, live_server, buffered, make_article
):
    """64 readers at once over HTTP while another worker keeps flushing: every read is stored."""
    article = make_article()
    done = threading.Event()

    def flusher():
        while not done.is_set():
            read_buffer.flush()
        connections.close_all()

    flushing = threading.Thread(target=flusher)
    flushing.start()
    failures = read_concurrently(live_server.url + article.get_absolute_url(), 64, 10)
    done.set()
    flushing.join()
    read_buffer.flush()
    assert failures == []
    assert stored(article) == 64 * 10


def test_a_gunicorn_worker_flushes_the_buffer_as_it_exits(buffered, make_article):
    """gunicorn.conf.py's worker_exit hook: nothing waits in Redis after a deploy or stop."""
    import importlib.util
    from pathlib import Path

    from django.conf import settings

    spec = importlib.util.spec_from_file_location(
        "gunicorn_conf", Path(settings.BASE_DIR) / "gunicorn.conf.py"
    )
    gunicorn_conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gunicorn_conf)
    article = make_article()
    read_buffer.add_read(article.pk, 3)

    class Server:
        class log:
            info = exception = staticmethod(lambda *args: None)

    gunicorn_conf.worker_exit(Server, type("Worker", (), {"pid": 1}))
    assert stored(article) == 3
    assert read_buffer.pending(article.pk) == 0


def test_a_process_tries_for_the_flush_lock_once_a_second(
    buffered, make_article, settings, monkeypatch
):
    settings.READS_FLUSH_SECONDS = 5
    monkeypatch.setattr(read_buffer, "_next_lock_attempt", 0.0)
    assert read_buffer.lock_attempt_due(now=10_000.0)
    assert not read_buffer.lock_attempt_due(now=10_000.9)
    assert read_buffer.lock_attempt_due(now=10_001.0)
    article = make_article()
    buffered.delete(read_buffer.LOCK)
    monkeypatch.setattr(read_buffer, "_next_lock_attempt", float("inf"))
    assert read_buffer.buffer_read(article.pk) == (1, 1, False)  # no try: no flush
    assert not buffered.exists(read_buffer.LOCK)
    monkeypatch.setattr(read_buffer, "_next_lock_attempt", 0.0)  # a second later
    assert read_buffer.buffer_read(article.pk) == (2, 2, True)  # won the lock: this read flushes
    monkeypatch.setattr(read_buffer, "_next_lock_attempt", 0.0)  # another second later
    assert read_buffer.buffer_read(article.pk) == (3, 3, False)  # the lock is held for 5 s


def test_a_batch_adds_each_storys_own_count(buffered, make_article, monkeypatch):
    """Stories read once, twice or many times in one batch, more of them than one UPDATE
    takes, and one whose reads were all taken back: each row gets its own count."""
    monkeypatch.setattr(read_buffer, "UPDATE_CHUNK", 2)
    once = [make_article(read_count=10) for _ in range(5)]
    twice, many, none = make_article(read_count=20), make_article(), make_article(read_count=3)
    for article in once:
        read_buffer.add_read(article.pk)
    read_buffer.add_read(twice.pk, 2)
    read_buffer.add_read(many.pk, 37)
    read_buffer.add_read(none.pk, 1)
    read_buffer.add_read(none.pk, -1)
    assert read_buffer.flush() == 5 + 2 + 37
    assert [stored(article) for article in once] == [11] * 5
    assert (stored(twice), stored(many), stored(none)) == (22, 37, 3)


def test_the_total_shown_starts_again_from_the_row_in_one_round_trip(buffered, make_article):
    """After the row is read (a story missing from the page cache), the total shown is the
    row's count plus what is buffered, set with the reader's read in the same round trip."""
    article = make_article()
    read_buffer.add_read(article.pk, 4)  # buffered, not yet in the row
    assert read_buffer.set_shown(article.pk, 100) == 104
    assert read_buffer.buffer_read(article.pk, stored=200)[:2] == (5, 205)
    assert int(buffered.hget(read_buffer.SHOWN, str(article.pk))) == 205
    assert read_buffer.buffer_read(article.pk)[:2] == (6, 206)
