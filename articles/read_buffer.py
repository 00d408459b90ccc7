"""Buffered read counts in Redis, flushed to the database in batches, exactly once.

A hot story read by thousands at once must not make every reader wait for the
same row lock. With ``READS_REDIS_URL`` set (it defaults to a ``redis://``
``CACHE_URL``), a read is one ``HINCRBY`` in Redis instead of an ``UPDATE``; a
flush moves the buffered counts into ``Article.read_count``:

1. ``RENAME`` the live hash to a batch key with a fresh id, and note the key in the
   ``BATCHES`` set, both in one script (atomic): new reads go to a new live hash,
   nothing is counted twice or dropped;
2. in one database transaction, add each story's count and record the batch id
   in ``ReadFlush``;
3. delete the batch key.

If a worker dies between 2 and 3, the next flush finds the batch key (in ``BATCHES``),
sees its id in ``ReadFlush`` and only deletes it; if it dies before 2 commits, the next
flush applies the batch. So every read reaches the database once. A request's flush
reads ``BATCHES`` only; ``manage.py flush_reads`` and tests also SCAN for batch keys
(a SCAN walks the whole keyspace, pages and all: thousands of round trips with the
long tail cached). Any server may
flush (``manage.py flush_reads``, or the request whose read also won a short Redis lock:
the read and the lock attempt are one pipelined round trip; each process tries for the
lock at most once a second, :func:`lock_attempt_due`).
If Redis cannot be reached, reads are written straight to the database instead.

The total a cached story page shows is kept beside the buffer, in the ``SHOWN`` hash:
set from the database (plus what is buffered) whenever the story's facts are read from
the database, and raised by every read, so a page served from the cache shows it without
a query. When the reads' Redis is the page cache's (the default: ``READS_REDIS_URL``
defaults to ``CACHE_URL``), the commands share the cache's connections, and a story
read from the cache is counted in the same round trip as its page
(:func:`read_commands`, used by ``articles.views.ReadCountingMixin``).
"""

import logging
import time
import uuid

import redis
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from . import page_cache

logger = logging.getLogger(__name__)

LIVE = "newsportal:reads"
BATCH_PREFIX = "newsportal:reads:batch:"
LOCK = "newsportal:reads:flush-lock"
BATCHES = "newsportal:reads:batches"
START_BATCH = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[3], KEYS[2])
return 1
"""
SHOWN = "newsportal:reads:shown"

_clients = {}


def enabled():
    return bool(settings.READS_REDIS_URL)


def shares_page_cache():
    """Whether the reads' Redis is the page cache's (the default): a story page's commands
    then go on the cache's own connection, in the page's round trip."""
    cache_settings = settings.CACHES["default"]
    return (
        cache_settings["BACKEND"] == "django_redis.cache.RedisCache"
        and cache_settings["LOCATION"] == settings.READS_REDIS_URL
    )


def client():
    """The page cache's own client when it is the same Redis, else one connection pool per
    process (and per URL, which tests change)."""
    if shares_page_cache():
        from django_redis import get_redis_connection

        return get_redis_connection("default")
    url = settings.READS_REDIS_URL
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
    return _clients[url]


def add_read(article_id, reads=1):
    """Buffer reads; returns how many are buffered for the story (not yet in the database)."""
    return int(client().hincrby(LIVE, str(article_id), reads))


def pending(article_id):
    value = client().hget(LIVE, str(article_id))
    return int(value or 0)


def read_commands(article_id):
    """One reader's read as Redis commands: the HINCRBY, the shown total, and a try at the
    lock when this process has not tried for a second (:func:`lock_attempt_due`).

    Sent by :func:`buffer_read`, or by a story page in its page cache round trip;
    :func:`queued_read` reads their replies.
    """
    story = str(article_id)
    commands = [("HINCRBY", LIVE, story, 1), ("HINCRBY", SHOWN, story, 1)]
    if lock_attempt_due():
        commands.append(("SET", LOCK, "1", "NX", "EX", settings.READS_FLUSH_SECONDS))
    return commands


LOCK_ATTEMPT_SECONDS = 1.0
_next_lock_attempt = 0.0


def lock_attempt_due(now=None):
    """Whether this process tries for the flush lock now: once a second at most (or once
    every READS_FLUSH_SECONDS if shorter), not on every read; the flush still runs every
    READS_FLUSH_SECONDS while any process counts reads."""
    global _next_lock_attempt
    now = time.monotonic() if now is None else now
    if now < _next_lock_attempt:
        return False
    _next_lock_attempt = now + min(LOCK_ATTEMPT_SECONDS, settings.READS_FLUSH_SECONDS)
    return True


def shown_command(article_id):
    """The total shown (:data:`SHOWN`), as a Redis command (its reply: bytes or None)."""
    return ("HGET", SHOWN, str(article_id))


def queued_read(results):
    """``(reads buffered for the story, the total shown, flush_due)`` from the replies to
    :func:`read_commands`; ``flush_due`` is True for the one request in
    READS_FLUSH_SECONDS, across all servers, that should call :func:`flush`."""
    buffered, shown, *lock = results
    return int(buffered), int(shown), bool(lock and lock[0])


def buffer_read(article_id, stored=None):
    """One reader's read, in one Redis round trip (see :func:`queued_read`); with
    ``stored`` (the row's count, just read) the total shown starts again from it in the
    same round trip (:func:`set_shown`). Sent as the page cache sends its own round trips
    (``page_cache.round_trip``: no retry, which might count a read twice), for half the
    CPU of redis-py's ``Pipeline`` on every story page rendered from nothing."""
    commands = read_commands(article_id)
    if stored is not None:
        commands.insert(0, set_shown_command(article_id, stored))
    results = page_cache.round_trip(client(), commands, pack_once=False)
    return queued_read(results[1:] if stored is not None else results)


def unqueue_read(article_id):
    """Take back a read counted for a story that turned out not to be this page's."""
    pipe = client().pipeline(transaction=False)
    pipe.hincrby(LIVE, str(article_id), -1)
    pipe.hincrby(SHOWN, str(article_id), -1)
    pipe.execute()


SET_SHOWN = """
local total = tonumber(ARGV[2]) + tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
redis.call('HSET', KEYS[2], ARGV[1], total)
return total
"""


def set_shown_command(article_id, stored):
    """:func:`set_shown` as one Redis command (its reply: the total)."""
    return ("EVAL", SET_SHOWN, 2, LIVE, SHOWN, str(article_id), stored)


def set_shown(article_id, stored):
    """The total shown from now on: ``stored`` (the row's count) plus what is buffered.

    One script, so one round trip (a story missing from the page cache sets it on every
    request of the long tail) and no read counted between the two steps is left out."""
    return int(client().execute_command(*set_shown_command(article_id, stored)))


def flush(scan=True):
    """Move every buffered count into the database; returns the number of reads moved.

    ``scan=False`` (a request's flush) looks for batches left behind in ``BATCHES`` only.
    """
    server = client()
    left = set(server.smembers(BATCHES))
    if scan:
        left |= set(server.scan_iter(match=BATCH_PREFIX + "*", count=1000))
    moved = sum(apply_batch(key) for key in left)
    key = BATCH_PREFIX + uuid.uuid4().hex
    if not server.eval(START_BATCH, 3, LIVE, key, BATCHES):
        return moved  # no live hash: nothing was read since the last flush
    return moved + apply_batch(key)


def apply_batch(key):
    from .models import ReadFlush

    server = client()
    batch_id = key.decode() if isinstance(key, bytes) else key
    batch_id = batch_id.removeprefix(BATCH_PREFIX)
    counts = {int(k): int(v) for k, v in server.hgetall(key).items()}
    if counts:
        try:
            with transaction.atomic():
                # The unique batch id makes a second apply of the same batch fail as a whole.
                ReadFlush.objects.create(batch=batch_id, reads=sum(counts.values()))
                add_counts(counts)
        except IntegrityError:
            if not ReadFlush.objects.filter(batch=batch_id).exists():
                raise  # not applied: the batch stays for the next flush
            logger.info("read batch %s was already applied", batch_id)
            counts = {}
    pipe = server.pipeline(transaction=False)
    pipe.delete(key)
    pipe.srem(BATCHES, key)
    pipe.execute()
    return sum(counts.values())


UPDATE_CHUNK = 900  # ids in one UPDATE: under SQLite's 999 parameters


def add_counts(counts):
    """Add ``{story id: reads}`` to the stories' rows: one ``UPDATE … WHERE id IN (…)`` per
    distinct count (of at most UPDATE_CHUNK ids). The long tail reads most stories once
    between flushes, so a batch of a thousand stories is a few statements. One statement
    with a ``CASE`` branch per story, as before, cost ~0.12-0.2 ms of the worker's CPU per
    story (a read of the long tail) and PostgreSQL tested every branch on every row: a
    thousand stories 119 ms of CPU here and 279 ms wall, now 9 and 171
    (``bench/story_cpu.sh --flush 1000``)."""
    from .models import Article

    by_count = {}
    for pk, n in counts.items():
        if n:
            by_count.setdefault(n, []).append(pk)
    for n, pks in by_count.items():
        for start in range(0, len(pks), UPDATE_CHUNK):
            Article.objects.filter(pk__in=pks[start : start + UPDATE_CHUNK]).update(
                read_count=F("read_count") + n
            )
