"""Reads of a fixed shape: a queryset's SQL compiled once, run again with new parameters.

A story page rendered from nothing (the long tail: old stories, crawlers) runs nine
small queries. PostgreSQL executes each in about 0.1 ms, but the ORM spends 0.5-1 ms of
Python building and compiling each one (``QuerySet._clone``, ``Query.build_filter``,
``SQLCompiler.as_sql``, ``get_select``): measured with ``bench/story_cpu.sh --profile
nothing``, more than half of the page's 13-14 ms of CPU. Yet these reads always have the
same SQL; only their values change (a slug, a story's id, the time now).

A :class:`PreparedRead` keeps the queryset as the one definition of what a read means
(``published()``, ``previous_to()``...) and compiles it once per database connection::

    STORY = PreparedRead(
        lambda slug, now: Article.objects.published(now).filter(slug=slug),
        slug=str,
        now=datetime,
    )
    stories = STORY(slug="a-story", now=timezone.now())  # a list of Article instances

The queryset is built with a distinctive value for each parameter (a *sentinel*) and
compiled; the parameters are found in the compiled SQL's parameter list by their
sentinels, and each call puts its values at those places, adapted to the database the
way the ORM adapts them (``connection.ops``: SQLite stores datetimes as text). Rows
become model instances through the compiler's own converters and ``Model.from_db``,
with the ``select_related`` objects from the same row, as ``QuerySet`` iteration does.

What makes this safe:

- The SQL must not depend on the values: the queryset is compiled twice, with two sets
  of sentinels, and the two SQL texts must be the same and each sentinel found
  (a value written into the SQL, such as a slice's bounds, is refused with
  ``ValueError``). An ``__in`` list's length is part of the SQL: keep one read per
  length (``articles.models.sharing_tags``).
- Compiled per connection (each thread has its own, and each alias: a replica), and
  compiled again after a change of a setting the SQL may depend on
  (``COMPILING_SETTINGS``: tests override them) and after a restart (a deploy: new
  code, new migrations).
- Model instances only (no ``values()``; ``annotate()`` is fine), without
  ``prefetch_related()`` (queries of its own): refused with ``ValueError``.

On PostgreSQL each read is also a prepared statement of the server (unless
``DATABASE_PREPARED_STATEMENTS=0`` leaves psycopg's ``prepare_threshold`` unset): the SQL
is parsed, analysed and planned once per connection rather than on every request, which
halved PostgreSQL's CPU per story page (``bench/run_load.sh``'s CPU split). Its
constants are written into the SQL (:meth:`CompiledRead.for_server`) so that the generic
plan PostgreSQL may keep after five runs still uses the partial indexes.
"""

import re
import weakref
from datetime import UTC, date, datetime, timedelta
from functools import partial

import psycopg
from django.conf import settings
from django.core.signals import setting_changed
from django.db import connections, router
from django.db.backends.postgresql.psycopg_any import register_tzloader
from django.db.models import Model, signals
from django.db.models.base import ModelState
from django.db.models.fields.files import FileDescriptor, ImageFileDescriptor
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query import ModelIterable, RelatedPopulator
from django.db.models.query_utils import DeferredAttribute
from django.dispatch import receiver
from psycopg import sql
from psycopg.pq import Format
from psycopg.types.datetime import TimestamptzLoader
from psycopg.types.numeric import Int8

# Sentinels: values no real parameter has, one per parameter of a read.
SENTINEL_BASE = 987_654_000


def sentinel(kind, index, variant):
    """A distinctive value of ``kind`` for the ``index``-th parameter (``variant`` 0 or 1)."""
    number = index * 2 + variant
    if kind is int:
        return SENTINEL_BASE + number
    if kind is str:
        return f"\x1fprepared-read-parameter-{number}\x1f"
    if kind is datetime:
        aware = UTC if settings.USE_TZ else None  # as the ORM takes them
        return datetime(1901, 1, 1, 0, 0, 0, 100_000 + number, tzinfo=aware)
    if kind is date:
        return date(1901, 1, 1) + timedelta(days=number)
    raise TypeError(f"a prepared read takes int, str, date or datetime parameters, not {kind}")


def adapt(value, connection):
    """``value`` as the ORM passes it to the database (the field's ``get_db_prep_value``)."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return connection.ops.adapt_datefield_value(value)
    return value


class CompiledRead:
    """One read's SQL for one connection, where its parameters go and how rows become objects."""

    def __init__(self, read, connection):
        queryset = read.build(read.sentinels(0))
        if queryset._iterable_class is not ModelIterable or queryset._prefetch_related_lookups:
            raise ValueError(f"{read}: only model instances, without prefetch_related()")
        compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        other_sql, other_params = (
            read.build(read.sentinels(1)).query.get_compiler(connection=connection).as_sql()
        )
        if other_sql != self.sql:
            raise ValueError(f"{read}: the SQL depends on the parameters' values")
        self.places = {}
        for name, value in read.sentinels(0).items():
            adapted = adapt(value, connection)
            self.places[name] = places = [
                i for i, param in enumerate(self.params) if _same(param, adapted)
            ]
            other = adapt(read.sentinels(1)[name], connection)
            if not places or any(not _same(other_params[i], other) for i in places):
                raise ValueError(f"{read}: parameter {name!r} is not a parameter of its SQL")
        self.compiler = compiler
        self.alias = connection.alias
        self.server_sql = self.server_order = None
        if prepares_on_server(connection):
            self.server_sql, self.server_order = self.for_server()
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.model_columns = slice(start, end)
        self.attnames = [column[0].target.attname for column in compiler.select[start:end]]
        self.plain = PlainInstances(self.model, self.attnames, self.alias)
        self.related_populators = [
            PlainRelatedPopulator(info, compiler.select, self.alias)
            if PlainRelatedPopulator.fits(info)
            else RelatedPopulator(info, compiler.select, self.alias)
            for info in klass_info.get("related_klass_infos", [])
        ]
        self.plain_populators = [
            populator
            for populator in self.related_populators
            if isinstance(populator, PlainRelatedPopulator)
        ]
        self.annotation_columns = compiler.annotation_col_map
        columns = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(columns)
        # Columns the ORM adds for its own use (ordering under DISTINCT) are not the row's.
        self.row_length = compiler.col_count if compiler.has_extra_select else None

    def for_server(self):
        """The SQL to prepare on the server, and the parameters' names in its order.

        The read's own constants (the public statuses, an approved comment's status) are
        written into the SQL as literals, and only the values that change stay
        parameters: PostgreSQL may keep a generic plan of a prepared statement, and a
        generic plan can use a partial index (``WHERE status IN ('published', ...)``)
        only when its condition is in the SQL.
        """
        names = {i: name for name, places in self.places.items() for i in places}
        parts, order, index = [], [], 0
        for part in PLACEHOLDER.split(self.sql):
            if part == "%s":
                if index in names:
                    order.append(names[index])
                else:
                    part = sql.Literal(self.params[index]).as_string().replace("%", "%%")
                index += 1
            parts.append(part)
        return "".join(parts), order

    def server_params(self, values, connection):
        """The values in the prepared SQL's order, integers always as ``bigint``: psycopg
        sends a small integer as ``smallint``, which would be another statement."""
        return [
            Int8(value) if isinstance(value, int) else adapt(value, connection)
            for value in (values[name] for name in self.server_order)
        ]

    def params_for(self, values, connection):
        params = list(self.params)
        for name, places in self.places.items():
            adapted = adapt(values[name], connection)
            for i in places:
                params[i] = adapted
        return params

    def objects(self, rows):
        """The rows as model instances, as ``QuerySet`` iteration makes them."""
        objects = []
        if self.row_length is not None:
            rows = [row[: self.row_length] for row in rows]
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        make = self.plain.maker() or self.model_from_db
        for populator in self.plain_populators:
            populator.start_read()
        for row in rows:
            obj = make(row[self.model_columns])
            for populator in self.related_populators:
                populator.populate(row, obj)
            for name, column in self.annotation_columns.items():
                setattr(obj, name, row[column])
            objects.append(obj)
        return objects

    def model_from_db(self, values):
        return self.model.from_db(self.alias, self.attnames, values)


class PlainInstances:
    """Instances of ``model`` with the fields ``attnames`` read, made as ``from_db()``
    makes them but without ``Model.__init__``, which walks every field of the model: a
    comment took 14.6 µs, this 1.8 µs (a page with 100 comments spent 1.3 ms of its 8 ms
    making them); a story (23 fields and an ``ImageField``'s receiver) about 12 µs less.
    """

    def __init__(self, model, attnames, alias):
        self.model, self.attnames, self.alias = model, attnames, alias
        self.plain_fields = _plain_fields(model, attnames)

    def possible(self):
        """Whether it makes the same instance: the model makes them with Django's own
        ``from_db()``, has no ``pre_init`` receivers, and each field read is one that
        ``__init__`` would set as it is (a plain attribute, a foreign key's id, a file's
        name). ``post_init`` receivers (an ``ImageField``'s dimensions) are sent each
        instance, as ``__init__`` sends them."""
        model = self.model
        return (
            self.plain_fields
            and model.from_db.__func__ is Model.from_db.__func__
            and not signals.pre_init.has_listeners(model)
        )

    def maker(self):
        """What makes one read's instances from their values, the receivers looked up
        once for the read rather than for each instance; ``None`` when not :meth:`possible`."""
        if not self.possible():
            return None
        return partial(self.make, post_init=signals.post_init.has_listeners(self.model))

    def make(self, values, post_init):
        """The fields read in the instance's ``__dict__`` (those not read are deferred),
        ``post_init`` sent when it has receivers, then ``_state`` from the database."""
        model = self.model
        obj = model.__new__(model)
        obj.__dict__.update(zip(self.attnames, values, strict=True))
        state = obj._state = ModelState()
        if post_init:
            signals.post_init.send(sender=model, instance=obj)
        state.adding, state.db = False, self.alias
        return obj


class PlainRelatedPopulator(RelatedPopulator):
    """``select_related()``'s object of each row (a story's section), made as the read's
    own are (:class:`PlainInstances`) when it can be, else as Django's populator makes it.
    For an object of a model whose columns come in its fields' order and that selects
    nothing further (``fits``)."""

    @staticmethod
    def fits(klass_info):
        return not klass_info["from_parent"] and not klass_info.get("related_klass_infos")

    def __init__(self, klass_info, select, db):
        super().__init__(klass_info, select, db)
        self.plain = PlainInstances(self.model_cls, self.init_list, db)
        self.make = None  # this read's (start_read); a compiled read serves one connection

    def start_read(self):
        """How this read's objects are made, looked up once for the read, not per row."""
        self.make = self.plain.maker()

    def populate(self, row, from_obj):
        if self.make is None:
            return super().populate(row, from_obj)
        values = row[self.cols_start : self.cols_end]
        obj = None if values[self.pk_idx] is None else self.make(values)
        self.local_setter(from_obj, obj)
        if obj is not None:
            self.remote_setter(obj, from_obj)


# Descriptors whose ``__set__`` on a new instance (as ``Model.__init__`` calls it) stores
# the value in ``__dict__`` as it is (``ImageFileDescriptor`` updates the dimensions only
# when the field had a value before; ``post_init`` does it for new instances).
PLAIN_DESCRIPTORS = (
    DeferredAttribute,
    ForeignKeyDeferredAttribute,
    FileDescriptor,
    ImageFileDescriptor,
)


def _plain_fields(model, attnames):
    """Whether ``__init__`` would set each of ``attnames`` straight into ``__dict__``."""
    return all(type(getattr(model, attname, None)) in PLAIN_DESCRIPTORS for attname in attnames)


def _same(param, sentinel):
    return type(param) is type(sentinel) and param == sentinel


class PreparedRead:
    """A queryset of a fixed shape, compiled once per connection and run with new values.

    ``build`` is a function of the parameters returning the queryset; ``parameters``
    name each parameter's type (``int``, ``str``, ``date``, ``datetime``). Calling the
    read with the parameters' values returns a list of model instances.
    """

    def __init__(self, build, **parameters):
        self.build_queryset = build
        self.parameters = parameters
        self.compiled = weakref.WeakKeyDictionary()  # connection -> CompiledRead
        self._model = None
        _all_reads.add(self)

    def __str__(self):
        return f"prepared read of {self.model.__name__}({', '.join(self.parameters)})"

    def sentinels(self, variant):
        return {
            name: sentinel(kind, index, variant)
            for index, (name, kind) in enumerate(self.parameters.items())
        }

    def build(self, values):
        return self.build_queryset(**values)

    def compiled_for(self, connection):
        compiled = self.compiled.get(connection)
        if compiled is None:
            compiled = self.compiled[connection] = CompiledRead(self, connection)
        return compiled

    def __call__(self, using=None, **values):
        if values.keys() != self.parameters.keys():
            raise TypeError(f"{self} takes {', '.join(self.parameters)}, got {', '.join(values)}")
        if using is None:
            using = router.db_for_read(self.model)
        connection = connections[using]
        compiled = self.compiled_for(connection)
        if compiled.server_sql is None:
            with connection.cursor() as cursor:
                cursor.execute(compiled.sql, compiled.params_for(values, connection))
                rows = cursor.fetchall()
        else:
            with preparing_cursor(connection) as cursor:
                cursor.execute(compiled.server_sql, compiled.server_params(values, connection))
                rows = cursor.fetchall()
        return compiled.objects(rows)

    def execute_sql(self, using=None, **values):
        """``EXECUTE`` of this read's prepared statement with ``values``, to ``EXPLAIN`` the
        plan PostgreSQL keeps for it (after five runs it may keep a generic plan, made
        without the values); None while the statement is not prepared on the server."""
        connection = connections[using or router.db_for_read(self.model)]
        compiled = self.compiled_for(connection)
        if compiled.server_sql is None:
            return None
        numbers = iter(range(1, len(compiled.server_order) + 1))
        statement = PLACEHOLDER.sub(
            lambda match: f"${next(numbers)}" if match.group() == "%s" else "%",
            compiled.server_sql,
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM pg_prepared_statements WHERE statement = %s", [statement]
            )
            found = cursor.fetchone()
        if found is None:
            return None
        params = [sql.Literal(value) for value in compiled.server_params(values, connection)]
        return (
            sql.SQL("EXECUTE {}({})")
            .format(sql.Identifier(found[0]), sql.SQL(", ").join(params))
            .as_string(connection.connection)
        )

    @property
    def model(self):
        """The model read (for the database router), known from the queryset."""
        if self._model is None:
            self._model = self.build(self.sentinels(0)).model
        return self._model

    def forget(self):
        self.compiled.clear()
        self._model = None


_all_reads = weakref.WeakSet()

TIMESTAMPTZ_OID = psycopg.adapters.types["timestamptz"].oid

# The SQL's placeholders, and its escaped percent signs (kept as they are).
PLACEHOLDER = re.compile(r"(%s|%%)")


def prepares_on_server(connection):
    """Whether this database's reads are prepared on the server: PostgreSQL with
    psycopg's prepared statements enabled (``OPTIONS["prepare_threshold"]`` set, as
    ``settings.py`` does unless ``DATABASE_PREPARED_STATEMENTS=0``)."""
    return (
        connection.vendor == "postgresql"
        and connection.settings_dict["OPTIONS"].get("prepare_threshold") is not None
    )


class PreparingCursor(psycopg.Cursor):
    """Binds values on the server, and prepares each statement the first time the
    connection runs it (psycopg keeps the statements per connection: a new connection
    prepares them again, a rollback forgets them)."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        super().execute(query, params, prepare=True, binary=binary)
        # Django's query log (DEBUG, tests) reads the SQL sent from ``_query``, which
        # psycopg leaves empty for a prepared statement: give it the SQL with its values.
        self._query = LoggedQuery(self.connection, query, params)
        return self


class LoggedQuery:
    """A statement's SQL with its values written in, as Django's query log reads it
    (``cursor._query.query``), made only if read."""

    def __init__(self, connection, sql, params):
        self.connection, self.sql, self.params = connection, sql, params

    @property
    def query(self):
        return psycopg.ClientCursor(self.connection).mogrify(self.sql, self.params).encode()


def preparing_cursor(connection):
    """A :class:`PreparingCursor`, wrapped as ``connection.cursor()`` wraps its own
    (the health check, query logging and ``execute_wrapper()`` all apply)."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        cursor = PreparingCursor(connection.connection)
        if connection.connection.info.timezone is connection.timezone:
            # The session's time zone is the one Django gives times (UTC with USE_TZ):
            # psycopg's own loader, in C, makes the very datetimes Django's makes in
            # Python (its ``replace(tzinfo=...)`` then changes nothing), 4 µs less a time.
            cursor.adapters.register_loader(TIMESTAMPTZ_OID, TimestamptzLoader)
        else:
            loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
            if loader.timezone != connection.timezone:  # as Django's create_cursor()
                register_tzloader(connection.timezone, cursor)
    return connection._prepare_cursor(cursor)


# Settings the compiled SQL, its parameters' places or its rows' conversion depend on.
COMPILING_SETTINGS = {"DATABASES", "DATABASE_ROUTERS", "INSTALLED_APPS", "TIME_ZONE", "USE_TZ"}


@receiver(setting_changed)
def forget_compiled_reads(setting, **kwargs):
    """Compile again after a change of what the SQL may depend on (tests override them)."""
    if setting in COMPILING_SETTINGS:
        for read in list(_all_reads):
            read.forget()
