"""Send reads to a replica and every write to the primary.

Enabled by settings when ``REPLICA_DATABASE_URL`` is set. Counter flushes and
comment posts are writes, so they always reach the primary.

A replica lags the primary by a moment, so whatever must see its own writes reads
from the primary too:

- requests that change something (POST and the other unsafe methods: the comment
  form's duplicate and ban checks, the admin's forms) and every request to the admin,
  set by :class:`PrimaryForWritesMiddleware`;
- everything inside a transaction on the primary, whose writes no replica can see
  before it commits (data migrations that read what an earlier step wrote, for one);
- code wrapped in :func:`primary` (e.g. a management command reading what it wrote).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

_use_primary = ContextVar("use_primary", default=False)


@contextmanager
def primary():
    """Within this block every read goes to the primary."""
    token = _use_primary.set(True)
    try:
        yield
    finally:
        _use_primary.reset(token)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _use_primary.get() or connections["default"].in_atomic_block:
            return "default"
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PrimaryForWritesMiddleware:
    """Unsafe requests and the admin read from the primary (read-after-write)."""

    SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if request.method in self.SAFE_METHODS and not request.path.startswith(self.admin_prefix):
            return self.get_response(request)
        with primary():
            return self.get_response(request)
