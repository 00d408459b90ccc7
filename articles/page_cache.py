"""Reader pages cached whole, with holes for what differs from one reader to the next.

Rendering a story page (the byline, a hundred comments, the comment form, related
stories) costs milliseconds; serving it from the cache costs one round trip. A page is
rendered once with placeholders (holes) where each request differs, such as the CSRF
token; the view says what fills them (``CachedPageMixin.get_hole_fillers()``).

What else differs is in the key (scheme, host, path with its page number, language)
or is never cached: requests with other query parameters, with messages to show
(after a comment is sent), from a signed-in commenter (``COMMENTER_COOKIE_NAME``:
their form is filled in for them), and the comment POST's page.

**Versions.** A page is stored with the versions of what it shows and used only while
they are current. A version is a random token in the cache, one per *topic*:
``SITE`` (section, author and tag names shown on every page), ``LATEST`` (the home page,
archive, language lists, feeds, sitemaps), ``section:<slug>``, ``tag:<slug>``,
``author:<slug>``. :func:`renew` replaces a topic's token. A page may also depend on
*facts*, a value of its own in the cache (a story's: whether it is public, its id and
its version, ``articles.story_facts``); :func:`forget` drops them and the next request
reads them again from the database. Who renews what, and when, is in
``articles/renewal.py``.

**One round trip.** The page, its topics' versions and its facts come back in one
``MGET``; with Redis the caller may add commands to the same pipeline (the story page
counts its read there), so a story served from the cache costs no SQL query.

**A copy in the process.** Each process keeps the pages it fetched (``local_pages``), each
with the *stamp* it was stored with (a random token, kept in the cache beside the page).
While it holds a copy, a request asks the cache for the page's stamp instead of the page:
the same copy when the stamps match, and never a copy the cache no longer holds (it
expired, or another server stored the page again). A popular story's 80 KB is then not
sent by Redis and unpickled by the worker on every request; its versions and facts are
still read from the cache each time, so every change shows as at once as before.

If the cache cannot be reached, pages are rendered as if nothing were cached.
``PAGE_CACHE_SECONDS`` (default 60, ``0`` turns the cache off) is how long a page and
its facts are kept: it bounds what nothing announces (README, "What readers see at once").
"""

import hashlib
import logging
import os
import re
import threading
import uuid
import weakref
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.utils import translation
from django.utils.safestring import SafeString
from django_redis.exceptions import CompressorError

logger = logging.getLogger(__name__)

SITE = "site"
LATEST = "latest"
VERSION_PREFIX = "pages:v:"
FACTS_PREFIX = "pages:facts:"
PAGE_PREFIX = "pages:3:"  # 3: (versions, parts, meta, stamp): a cache filled before lacks the stamp
STAMP_PREFIX = "pages:stamp:"
# The holes hold a "<": written raw (safe strings), while any text a reader or commenter
# sends is escaped, so it can never hold one and be filled in.
CSRF_HOLE = SafeString("<np-csrf-hole-2f6c9d>")
PAGE_PARAMETER = re.compile(r"(page=[0-9]{1,6})?")


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def topic(kind, slug):
    """A topic named by what the URL already says (``section:ekonomi``): its version can be
    looked up before any query."""
    return f"{kind}:{slug}"


def page_key(request):
    """This page for this reader, or None when it must not come from the cache."""
    if not enabled() or request.method not in ("GET", "HEAD"):
        return None
    if not PAGE_PARAMETER.fullmatch(request.META.get("QUERY_STRING", "")):
        return None
    if settings.COMMENTER_COOKIE_NAME in request.COOKIES:
        return None
    if len(get_messages(request)):
        return None
    return (
        f"{PAGE_PREFIX}{request.scheme}://{request.get_host()}"
        f"{request.path}?{request.META.get('QUERY_STRING', '')}:{translation.get_language()}"
    )


def facts_key(name):
    return FACTS_PREFIX + name


@dataclass
class Lookup:
    """What one round trip brought back for a page."""

    key: str
    topics: list
    facts_name: str | None = None
    parts: tuple | None = None  # the page as split() keeps it
    meta: dict = field(default_factory=dict)  # stored with the page (e.g. Last-Modified)
    versions: dict = field(default_factory=dict)  # topic -> token (None: not set yet)
    facts: object = None
    extra: list = field(default_factory=list)  # results of the caller's own commands
    reachable: bool = True

    def current(self):
        """The versions the page depends on, as stored with it."""
        versions = tuple(self.versions.get(t) for t in self.topics)
        if self.facts_name is None:
            return versions
        facts_version = self.facts.get("version") if isinstance(self.facts, dict) else None
        return (*versions, facts_version)

    @property
    def etag(self):
        """A validator of the shared page (weak: each reader's CSRF token differs)."""
        digest = hashlib.blake2b(repr((self.key, self.current())).encode(), digest_size=12)
        return f'W/"{digest.hexdigest()}"'


def redis_client(backend=None):
    """The cache's own Redis client (django-redis), or None for another cache."""
    client = getattr(backend or cache, "client", None)
    get_client = getattr(client, "get_client", None)
    return get_client(write=True) if get_client else None


def lookup(key, topics, facts_name=None, extra=None):
    """The page at ``key`` if it is still current, its topics' versions and its facts.

    ``extra`` is ``(redis_client, commands)``: Redis commands (tuples such as
    ``("HGET", key, field)``) sent in the same round trip when that client is the cache's
    or None (the cache's own, which must then be Redis), else in a round trip of their
    own; their replies are in ``Lookup.extra``.
    """
    found = Lookup(key, list(topics), facts_name)
    copy = local_pages.get(key)
    keys = [STAMP_PREFIX + key if copy else key, *(VERSION_PREFIX + t for t in found.topics)]
    if facts_name:
        keys.append(facts_key(facts_name))
    try:
        values = fetch(keys, extra, found)
    except Exception:
        logger.warning("page cache unavailable; rendering the page", exc_info=True)
        found.reachable = False
        return found
    found.versions = {t: values.get(VERSION_PREFIX + t) for t in found.topics}
    if facts_name:
        found.facts = values.get(facts_key(facts_name))
    current = found.current()
    if None in current:  # a version not set yet, or facts to read again: no page is current
        entry = None
    elif copy is None:
        entry = values.get(key)
    elif copy[3] == values.get(STAMP_PREFIX + key):
        entry = copy
    elif STAMP_PREFIX + key in values:  # stored again
        entry = stored_page(key)
    else:  # gone
        entry = None
    if entry is not None and entry[0] == current:
        found.parts, found.meta = entry[1], entry[2]
        if entry is not copy:
            local_pages.remember(key, entry)
    return found


def stored_page(key):
    try:
        return cache.get(key)
    except Exception:
        logger.warning("page cache unavailable; rendering the page", exc_info=True)
        return None


class Remembered(dict):
    """What a process remembers between requests, up to ``limit`` entries (then it starts
    again from nothing)."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def remember(self, key, value):
        if len(self) >= self.limit:
            self.clear()
        self[key] = value


local_pages = Remembered(limit=200)  # pages of up to 100 KB: under 20 MB


def fetch(keys, extra, found):
    backend = caches[DEFAULT_CACHE_ALIAS]  # the proxy ``cache`` looks it up on every use
    own = redis_client(backend)
    commands = []
    if extra is not None:
        extra_client, extra_commands = extra
        if extra_client is None or extra_client is own:
            commands = extra_commands
        else:  # another Redis: a round trip of their own
            found.extra = round_trip(extra_client, extra_commands)
    if own is None:
        return backend.get_many(keys)
    # django-redis: its keys and its encoding, in one round trip with the caller's commands.
    values, *replies = round_trip(own, [("MGET", *map(backend.make_key, keys)), *commands])
    if commands:
        found.extra = replies
    client = backend.client
    return {k: decode(client, v) for k, v in zip(keys, values, strict=True) if v is not None}


def decode(client, value):
    """A value as django-redis's ``decode()`` reads it, without its first step: it tries
    ``int()`` on every value (django-redis stores integers bare), and that failed ``int()``
    of a pickle, raising and formatting its error, cost more than the rest of reading a
    story's three values. The page cache stores no integers."""
    try:
        value = client._compressor.decompress(value)
    except CompressorError:  # a value too short to have been compressed
        pass
    return client._serializer.loads(value)


def round_trip(client, commands, pack_once=True):
    """Redis commands sent together and their raw replies, in order.

    A pipeline without redis-py's ``Pipeline`` (its per-command bookkeeping was a tenth of
    a page served from the cache), the commands packed once per process (:func:`packed`;
    ``pack_once=False`` for commands carrying values, such as a page being stored).
    A process's main thread (a gunicorn sync worker's) keeps its connection rather than
    taking it from the pool and giving it back for each request (16 µs); other threads,
    each living for one request in a threaded server, borrow one. No retry: a command may
    have run when its reply is lost.
    """
    pool = client.connection_pool
    keep = threading.current_thread() is threading.main_thread()
    connection = held(pool) if keep else pool.get_connection()
    try:
        command = packed(connection, commands) if pack_once else connection.pack_commands(commands)
        connection.send_packed_command(command)
        return [connection.read_response() for _ in commands]
    except BaseException:
        connection.disconnect()  # replies may be left unread; it connects again when used
        raise
    finally:
        if not keep:
            pool.release(connection)


_held = weakref.WeakKeyDictionary()  # pool -> (process id, connection)


def held(pool):
    """The connection of ``pool`` this process keeps (a forked process takes its own)."""
    pid_and_connection = _held.get(pool)
    if pid_and_connection is None or pid_and_connection[0] != os.getpid():
        pid_and_connection = _held[pool] = (os.getpid(), pool.get_connection())
    return pid_and_connection[1]


_packed = {}


def packed(connection, commands):
    """The commands as Redis reads them. A story's round trip repeats the same few (its
    keys, its id): packed once per process rather than on every request."""
    key = tuple(commands)
    command = _packed.get(key)
    if command is None:
        if len(_packed) >= 10_000:
            _packed.clear()
        command = _packed[key] = [b"".join(connection.pack_commands(commands))]
    return command


def store(found, parts, **meta):
    """Keep the rendered page (as :func:`split` made it) under the versions it was rendered
    with."""
    if found is None or not found.reachable:
        return
    try:
        missing = [t for t, token in found.versions.items() if token is None]
        if missing:
            found.versions.update(add_versions(missing))
        if None not in found.current():
            entry = (found.current(), parts, meta, uuid.uuid4().hex)
            page_and_stamp = {found.key: entry, STAMP_PREFIX + found.key: entry[3]}
            set_many(page_and_stamp)
            local_pages.remember(found.key, entry)
    except Exception:
        logger.warning("page cache unavailable; page not stored", exc_info=True)


def set_facts(found, facts, extra=()):
    """Keep a page's facts (a dict with a ``version``) for PAGE_CACHE_SECONDS, unless another
    request kept some first: then ``found.facts`` are theirs. When a popular story's facts
    expire, the workers reading them again at once agree on one version, so the page each
    renders is stored under the version the next requests find (rather than each replacing
    the others' version, and every page stored, for a few rounds).

    ``extra``: Redis commands sent in the same round trip; returns their replies, or None
    when they were not sent (the cache is away, or not Redis).
    """
    found.facts = facts
    if not found.reachable:
        return None
    key = facts_key(found.facts_name)
    try:
        added, kept, replies = add_or_get(key, facts, extra)
        if not added:
            if isinstance(kept, dict) and kept.get("id") == facts.get("id"):
                found.facts = kept
            else:  # unreadable, or another story's since (an address taken over)
                cache.set(key, facts, settings.PAGE_CACHE_SECONDS)
        return replies if extra else None
    except Exception:
        logger.warning("page cache unavailable; facts not stored", exc_info=True)
        return None


def set_many(values, seconds=None):
    """``cache.set_many(values, seconds or PAGE_CACHE_SECONDS)``. With django-redis: one
    ``MULTI`` in a round trip of the page cache's own (:func:`round_trip`), the values
    encoded as django-redis encodes them; its own pipeline cost about twice the CPU, on
    every page rendered for the long tail."""
    seconds = seconds or settings.PAGE_CACHE_SECONDS
    backend = caches[DEFAULT_CACHE_ALIAS]
    own = redis_client(backend)
    if own is None:
        backend.set_many(values, seconds)
        return
    expiry = ("PX", seconds * 1000)
    commands = [
        ("SET", backend.make_key(key), backend.client.encode(value), *expiry)
        for key, value in values.items()
    ]
    round_trip(own, [("MULTI",), *commands, ("EXEC",)], pack_once=False)


def add_or_get(key, value, extra=(), seconds=None):
    """``(True, value, replies)`` when ``value`` was kept at ``key`` for ``seconds`` (by
    default PAGE_CACHE_SECONDS; the key was free), else ``(False, what the key holds,
    replies)``: with django-redis, one round trip, the ``extra`` Redis commands in it
    (``replies``: theirs). Another cache cannot take them: ``replies`` is then None."""
    seconds = seconds or settings.PAGE_CACHE_SECONDS
    backend = caches[DEFAULT_CACHE_ALIAS]
    own = redis_client(backend)
    if own is None:
        if backend.add(key, value, seconds):
            return True, value, None
        return False, backend.get(key), None
    name, ms = backend.make_key(key), seconds * 1000
    added, kept, *replies = round_trip(
        own,
        [("SET", name, backend.client.encode(value), "NX", "PX", ms), ("GET", name), *extra],
        pack_once=False,
    )
    if added:
        return True, value, replies
    return False, None if kept is None else decode(backend.client, kept), replies


def new_version():
    return uuid.uuid4().hex


def add_versions(topics):
    """A new version for each topic the cache has none for, then what the cache holds for
    them (another server may have set them first): ``{topic: version}``."""
    keys = [VERSION_PREFIX + topic for topic in topics]
    for key in keys:
        cache.add(key, new_version(), None)
    values = cache.get_many(keys)
    return {topic: values.get(key) for topic, key in zip(topics, keys, strict=True)}


def renew(*topics):
    """Every page showing these topics is out of date."""
    _quietly(cache.set_many, {VERSION_PREFIX + t: new_version() for t in topics}, None)


def forget(*facts_names):
    """These facts are read again from the database (and their pages rendered again)."""
    _quietly(cache.delete_many, [facts_key(name) for name in facts_names])


def _quietly(operation, *args):
    try:
        operation(*args)
    except Exception:  # the cache is away: its pages expire within PAGE_CACHE_SECONDS
        logger.warning("page cache unavailable; cached pages expire on their own", exc_info=True)


def split(html, placeholders):
    """The rendered page as :func:`fill` joins it: the text between the placeholders as
    UTF-8 bytes, each placeholder (a str) where it stands. Done once when the page is
    stored, so that a request served from the cache neither searches nor encodes the page."""
    holes = re.compile("(" + "|".join(map(re.escape, placeholders)) + ")")
    return tuple(part if n % 2 else part.encode() for n, part in enumerate(holes.split(html)))


def fill(parts, fillers):
    """The page's bytes for this request: each placeholder replaced by its filler's value (a
    str, or a callable returning one, called once however often the placeholder appears)."""
    values = {}
    for placeholder, filler in fillers.items():
        if placeholder in parts:
            values[placeholder] = (filler() if callable(filler) else filler).encode()
    return b"".join(part if type(part) is bytes else values[part] for part in parts)
