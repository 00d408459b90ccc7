"""Prepared reads give the rows their queryset gives, with each call's own values."""

import json
import os
import subprocess
import sys
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from django.db import connection, connections, transaction
from django.db.models import Count, signals
from django.db.models.sql.compiler import SQLCompiler
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import models
from articles.models import Article, Author, Byline, Section, Tag
from comments.comment_section import APPROVED_UNDER
from comments.models import Comment
from newsportal.prepared_reads import PreparedRead, forget_compiled_reads

ROOT = Path(__file__).resolve().parents[2]


def loaded(obj):
    """What an instance holds: its loaded fields' values, what is deferred, its section."""
    values = {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.attname in obj.__dict__
    }
    section = obj._state.fields_cache.get("section")
    return values, obj.get_deferred_fields(), section and loaded(section)


def same_rows(prepared, queryset):
    assert [loaded(obj) for obj in prepared] == [loaded(obj) for obj in queryset]
    assert all(obj._state.db == connection.alias and not obj._state.adding for obj in prepared)


@pytest.fixture
def stories(make_article, section):
    """Four public stories (two with tags, one with comments), a draft and a future story."""
    other = Section.objects.create(name_tr="Spor", slug_tr="spor", slug_en="sports")
    made = [
        make_article(authors=["Ayşe Yılmaz", "Can Demir"], image_renditions=[480, 960]),
        make_article(section=other, comments_enabled=False),
        make_article(authors=["Can Demir"]),
        make_article(),
    ]
    war, peace = (
        Tag.objects.create(name="War", slug="war"),
        Tag.objects.create(name="Peace", slug="peace"),
    )
    made[0].tags.set([war, peace])
    made[2].tags.set([war])
    make_article(status=Article.Status.DRAFT, headline="Draft")
    make_article(published_at=timezone.now() + timedelta(hours=1), headline="Tomorrow")
    for n in range(3):
        Comment.objects.create(
            article=made[0],
            name=f"Okur {n}",
            email=f"okur{n}@example.com",
            body=f"Yorum {n}",
            status=Comment.Status.APPROVED if n else Comment.Status.HELD,
        )
    return made


def test_each_story_page_read_gives_the_rows_of_its_queryset(stories):
    now = timezone.now()
    for story in stories:
        pk, published_at = story.pk, story.published_at
        same_rows(
            models.STORY_AT_ADDRESS(slug=story.slug),
            Article.objects.select_related("section").filter(slug=story.slug),
        )
        same_rows(
            models.AUTHORS_OF(pk=pk),
            Author.objects.filter(bylines__article=pk).order_by("bylines__position", "bylines__id"),
        )
        same_rows(models.TAGS_OF(pk=pk), story.tags.all())
        same_rows(
            models.PREVIOUS_TO(published_at=published_at, pk=pk, now=now),
            Article.objects.preceding(published_at, pk)[:1],
        )
        same_rows(
            models.NEXT_TO(published_at=published_at, pk=pk, now=now),
            Article.objects.following(published_at, pk)[:1],
        )
        if connection.features.supports_slicing_ordering_in_compound:
            same_rows(
                models.NEIGHBOURS_OF(published_at=published_at, pk=pk, now=now),
                Article.objects.preceding(published_at, pk)[:1].union(
                    Article.objects.following(published_at, pk)[:1], all=True
                ),
            )
        tag_ids = {f"tag_{n}": tag.pk for n, tag in enumerate(story.tags.all())}
        same_rows(
            models.sharing_tags(len(tag_ids))(pk=pk, now=now, **tag_ids) if tag_ids else [],
            Article.objects.published()
            .filter(tags__in=story.tags.all())
            .exclude(pk=pk)
            .distinct()
            .select_related("section")
            .defer("body"),
        )
        same_rows(
            APPROVED_UNDER(article_id=pk),
            Comment.objects.approved()
            .filter(article=story)
            .only("id", "name", "body", "created_at", "article_id"),
        )


def test_the_story_read_gives_the_authors_and_tags_their_own_reads_give(
    stories, django_assert_num_queries
):
    """On PostgreSQL the story page's first read brings its authors and tags in the story's
    row (one query, not three): the same instances, in the same order, whatever the text."""
    odd = Author.objects.create(name='Ali "Deli" O\'Brien \\ ö', slug="ali", bio="Line\n</b>")
    Byline.objects.create(article=stories[2], author=odd, position=5)
    stories[2].tags.create(name="Ç & <i>", slug="c-i")
    for story in [*stories, Article.objects.get(headline="Tomorrow")]:
        with django_assert_num_queries(1 if connection.vendor == "postgresql" else 3):
            found = Article.objects.story_at_address(story.slug)
        same_rows([found], Article.objects.select_related("section").filter(slug=story.slug))
        same_rows(found.byline_authors, models.AUTHORS_OF(pk=story.pk))
        same_rows(found.tag_list, models.TAGS_OF(pk=story.pk))
    assert [a.name for a in Article.objects.story_at_address(stories[2].slug).byline_authors] == [
        "Can Demir",
        odd.name,
    ]
    assert Article.objects.story_at_address("no-such-story") is None


def test_values_are_rebound_on_each_call_and_the_sql_compiled_once(stories, monkeypatch):
    first, _other, third, fourth = stories
    models.TAGS_OF(pk=first.pk)  # compiled here
    compiled = []
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda *args, **kwargs: compiled.append(args) or 1 / 0
    )
    with CaptureQueriesContext(connection) as queries:
        assert [tag.name for tag in models.TAGS_OF(pk=first.pk)] == ["Peace", "War"]
        assert [tag.name for tag in models.TAGS_OF(pk=third.pk)] == ["War"]
        assert models.TAGS_OF(pk=fourth.pk) == []
    assert compiled == []
    assert len(queries) == 3
    assert [query["sql"] for query in queries][0] != ""
    assert models.STORY_AT_ADDRESS(slug=third.slug)[0].headline == third.headline
    assert models.STORY_AT_ADDRESS(slug="no-such-story") == []


def test_the_related_section_comes_from_the_same_row(stories, django_assert_num_queries):
    story = stories[1]
    with django_assert_num_queries(1):
        found = models.STORY_AT_ADDRESS(slug=story.slug)[0]
        assert found.section.slug_tr == "spor"
        assert found.section.name == "Spor"


def test_a_datetime_parameter_decides_what_is_published(stories):
    """``now`` is a parameter: on SQLite a datetime adapted to text, as the ORM does."""
    tomorrow = Article.objects.get(headline="Tomorrow")
    just_before = tomorrow.published_at - timedelta(microseconds=1)
    last = stories[-1]
    position = dict(published_at=last.published_at, pk=last.pk)
    assert models.NEXT_TO(**position, now=just_before) == []
    assert [s.pk for s in models.NEXT_TO(**position, now=tomorrow.published_at)] == [tomorrow.pk]
    # A time in another time zone is the same moment.
    in_istanbul = timezone.localtime(tomorrow.published_at, timezone.get_fixed_timezone(180))
    assert [s.pk for s in models.NEXT_TO(**position, now=in_istanbul)] == [tomorrow.pk]


def test_a_story_with_no_tags_has_none_and_no_stories_sharing_one(stories, make_article):
    untagged = stories[3]
    assert models.TAGS_OF(pk=untagged.pk) == []
    assert (
        untagged.related_stories()
        == [story for story in reversed(stories) if story.section_id == untagged.section_id][1:]
    )


def test_stories_sharing_tags_are_read_for_each_number_of_tags(stories):
    first, second, third, _fourth = stories
    war, peace = Tag.objects.get(slug="war"), Tag.objects.get(slug="peace")
    second.tags.set([peace])
    now = timezone.now()
    one, two = models.sharing_tags(1), models.sharing_tags(2)
    assert one is models.sharing_tags(1) and one is not two
    assert [s.pk for s in one(pk=first.pk, now=now, tag_0=war.pk)] == [third.pk]
    assert [s.pk for s in one(pk=first.pk, now=now, tag_0=peace.pk)] == [second.pk]
    both = two(pk=first.pk, now=now, tag_0=war.pk, tag_1=peace.pk)
    assert [s.pk for s in both] == [third.pk, second.pk]  # newest first, each once
    before_second = second.published_at - timedelta(microseconds=1)
    assert two(pk=third.pk, now=before_second, tag_0=war.pk, tag_1=peace.pk) == [first]
    assert len(two(pk=third.pk, now=second.published_at, tag_0=war.pk, tag_1=peace.pk)) == 2


def test_the_sql_is_compiled_again_when_a_setting_it_depends_on_changes(stories):
    read = models.TAGS_OF
    read(pk=stories[0].pk)
    compiled = read.compiled_for(connections[connection.alias])
    with override_settings(PAGE_CACHE_SECONDS=0):  # nothing to do with SQL: kept
        assert read.compiled_for(connections[connection.alias]) is compiled
    with override_settings(TIME_ZONE="America/Chicago"):
        recompiled = read.compiled_for(connections[connection.alias])
        assert recompiled is not compiled
        assert [tag.name for tag in read(pk=stories[0].pk)] == ["Peace", "War"]
    assert (
        read.compiled_for(connections[connection.alias]) is not recompiled
    )  # and again when it is restored


def test_naive_times_with_use_tz_off_read_as_the_orm_reads_them(stories, settings):
    settings.USE_TZ = False
    now = timezone.now()
    assert timezone.is_naive(now)
    for story in stories:
        published_at = Article.objects.get(pk=story.pk).published_at  # naive now
        same_rows(
            models.PREVIOUS_TO(published_at=published_at, pk=story.pk, now=now),
            Article.objects.preceding(published_at, story.pk, now)[:1],
        )
        same_rows(
            models.NEXT_TO(published_at=published_at, pk=story.pk, now=now),
            Article.objects.following(published_at, story.pk, now)[:1],
        )


def test_annotations_are_set_as_a_queryset_sets_them(stories):
    read = PreparedRead(
        lambda pk: Article.objects.filter(pk=pk).annotate(tags_n=Count("tags")), pk=int
    )
    assert [(s.pk, s.tags_n) for s in read(pk=stories[0].pk)] == [(stories[0].pk, 2)]
    assert [(s.pk, s.tags_n) for s in read(pk=stories[3].pk)] == [(stories[3].pk, 0)]


def test_a_read_whose_sql_depends_on_its_values_is_refused(db):
    written_into_the_sql = PreparedRead(lambda count: Article.objects.all()[:count], count=int)
    with pytest.raises(ValueError, match="SQL depends on the parameters' values"):
        written_into_the_sql(count=3)
    unused = PreparedRead(lambda pk: Article.objects.all(), pk=int)
    with pytest.raises(ValueError, match="'pk' is not a parameter of its SQL"):
        unused(pk=3)
    for not_instances in (
        PreparedRead(lambda pk: Article.objects.filter(pk=pk).values("slug"), pk=int),
        PreparedRead(lambda pk: Article.objects.filter(pk=pk).prefetch_related("tags"), pk=int),
    ):
        with pytest.raises(ValueError, match="only model instances"):
            not_instances(pk=3)
    with pytest.raises(TypeError, match="takes pk"):
        models.TAGS_OF(article=3)


# PostgreSQL: the reads are prepared statements on the server.


def prepared_statements():
    """The statements prepared on this connection's server session, by their SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements"
            " WHERE NOT from_sql"
        )
        return dict(cursor.fetchall())


def test_each_read_is_prepared_once_per_connection_with_its_constants_written_in(
    postgres_only, stories
):
    first, _other, third, _fourth = stories
    assert connection.connection.prepare_threshold is not None
    models.TAGS_OF(pk=first.pk)
    comments = APPROVED_UNDER(article_id=first.pk)
    statements = prepared_statements()
    (tags,) = [sql for sql in statements if "articles_tag" in sql]
    (approved,) = [sql for sql in statements if "comments_comment" in sql]
    # The values are parameters; the read's own constants are in its SQL (a generic
    # plan can then use a partial index whose condition names them).
    assert '"articles_article_tags"."article_id" = $1' in tags
    assert '"comments_comment"."status" = \'approved\'' in approved
    assert [comment.body for comment in comments] == ["Yorum 1", "Yorum 2"]
    with CaptureQueriesContext(connection) as queries:
        for story in (first, third, first):
            models.TAGS_OF(pk=story.pk)
    after = prepared_statements()
    assert after.keys() == statements.keys()  # run again, not prepared again
    assert after[tags] == statements[tags] + 3
    # Django's query log shows the statement with its values.
    assert f'"articles_article_tags"."article_id" = {third.pk}' in queries[1]["sql"]


def test_a_prepared_read_sees_rows_changed_after_it_was_prepared(postgres_only, stories):
    story = stories[0]
    assert models.STORY_AT_ADDRESS(slug=story.slug)[0].headline == story.headline
    Article.objects.filter(pk=story.pk).update(headline="Changed after the read was prepared")
    Comment.objects.filter(article=story).update(status=Comment.Status.APPROVED)
    assert any("articles_article" in sql for sql in prepared_statements())
    again = models.STORY_AT_ADDRESS(slug=story.slug)[0]
    assert again.headline == "Changed after the read was prepared"
    assert [c.body for c in APPROVED_UNDER(article_id=story.pk)] == [
        "Yorum 0",
        "Yorum 1",
        "Yorum 2",
    ]


def test_a_rolled_back_transaction_forgets_the_statements_and_reads_prepare_again(
    postgres_only, stories
):
    """psycopg deallocates its statements on a rollback; the next read prepares again."""
    story = stories[0]

    class Failed(Exception):
        pass

    with pytest.raises(Failed), transaction.atomic():
        models.TAGS_OF(pk=story.pk)
        assert prepared_statements()
        raise Failed
    assert [tag.name for tag in models.TAGS_OF(pk=story.pk)] == ["Peace", "War"]
    assert [sql for sql in prepared_statements() if "articles_tag" in sql]


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_the_reads_again(postgres_only, stories):
    story = stories[0]
    assert models.STORY_AT_ADDRESS(slug=story.slug)[0].pk == story.pk
    old_session = connection.connection
    connection.close()  # a connection that outlived CONN_MAX_AGE or failed its check
    assert models.STORY_AT_ADDRESS(slug=story.slug)[0].pk == story.pk
    assert connection.connection is not old_session
    assert [sql for sql in prepared_statements() if "articles_article" in sql]


def test_without_prepared_statements_the_reads_bind_in_the_client(postgres_only, stories):
    """``DATABASE_PREPARED_STATEMENTS=0`` (a pooler that cannot keep them) leaves
    ``prepare_threshold`` unset: the reads send their SQL with the values written in."""
    options = connection.settings_dict["OPTIONS"]
    threshold = options.pop("prepare_threshold")
    forget_compiled_reads(setting="DATABASES")
    try:
        story = stories[0]
        with CaptureQueriesContext(connection) as queries:
            assert models.STORY_AT_ADDRESS(slug=story.slug)[0].pk == story.pk
        assert f"= '{story.slug}'" in queries[0]["sql"]
        found = Article.objects.story_at_address(story.slug)
        assert [a.name for a in found.byline_authors] == ["Ayşe Yılmaz", "Can Demir"]
        assert [t.name for t in found.tag_list] == ["Peace", "War"]
        assert found.neighbours() == (None, stories[1])
        assert not [sql for sql in prepared_statements() if "articles_article" in sql]
    finally:
        options["prepare_threshold"] = threshold
        forget_compiled_reads(setting="DATABASES")


def prepare_thresholds(**environment):
    """Each database's ``prepare_threshold`` as ``settings.py`` sets it in ``environment``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    env.update(SECRET_KEY="x" * 50, **environment)
    code = (
        "import json, newsportal.settings as s; print(json.dumps("
        "[d.get('OPTIONS', {}).get('prepare_threshold') for d in s.DATABASES.values()]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_setting_turns_prepared_statements_off():
    primary, replica = "postgres://u@db.example/news", "postgres://u@replica.example/news"
    both = {"DATABASE_URL": primary, "REPLICA_DATABASE_URL": replica}
    assert prepare_thresholds(**both) == [5, 5]
    assert prepare_thresholds(**both, DATABASE_PREPARED_STATEMENTS="0") == [None, None]
    assert prepare_thresholds(DATABASE_URL="sqlite:///news.sqlite3") == [None]


def test_instances_are_made_without_init_unless_a_receiver_or_field_needs_it(stories):
    """``Model.__init__`` walks every field; a read of fields it would set as they are
    skips it (with ``select_related()``'s objects), sending ``post_init`` as it does
    (an ``ImageField``'s dimensions), but not for a model with ``pre_init`` receivers."""
    story = stories[0]
    made = []
    with pytest.MonkeyPatch.context() as patch:
        for model in (Comment, Article, Section):
            patch.setattr(model, "__init__", lambda *args, **kwargs: made.append(args) or 1 / 0)
        comments = APPROVED_UNDER(article_id=story.pk)
        (page_story,) = models.STORY_AT_ADDRESS(slug=story.slug)
    assert made == []
    assert [c.body for c in comments] == ["Yorum 1", "Yorum 2"]
    comment = comments[0]
    assert comment.article == story and comment.get_deferred_fields() >= {"email", "status"}
    assert comment.status == Comment.Status.APPROVED  # a deferred field, read when asked
    comment.body = "Düzeltildi"
    comment.save(update_fields=["body"])
    assert Comment.objects.get(pk=comment.pk).body == "Düzeltildi"
    assert page_story.section == story.section and page_story.section._state.db == "default"
    assert (
        page_story.get_deferred_fields() == Article.objects.get(pk=story.pk).get_deferred_fields()
    )

    initialised = []

    def receiver(sender, instance, **kwargs):
        initialised.append((sender, instance.pk, instance.name, instance._state.adding))

    signals.post_init.connect(receiver, sender=Comment)
    try:
        read = APPROVED_UNDER(article_id=story.pk)
    finally:
        signals.post_init.disconnect(receiver, sender=Comment)
    assert initialised == [(Comment, c.pk, c.name, True) for c in read]  # as __init__ sends it
    assert all(not c._state.adding for c in read)

    signals.pre_init.connect(receiver, sender=Comment)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Comment, "__init__", lambda *args, **kwargs: made.append(args) or 1 / 0)
            with pytest.raises(ZeroDivisionError):
                APPROVED_UNDER(article_id=story.pk)
    finally:
        signals.pre_init.disconnect(receiver, sender=Comment)
    assert len(made) == 1


def test_a_story_s_photo_and_its_dimensions_are_read_as_the_orm_reads_them(stories, photo):
    """The ``ImageField``'s ``post_init`` receiver runs on stories read without ``__init__``:
    a photo without stored dimensions gets them from the file, as the ORM's instance does."""
    story = stories[0]
    story.image = photo("dims.jpg", 640, 360)
    story.save()
    Article.objects.filter(pk=story.pk).update(image_width=None, image_height=None)
    (read,) = models.STORY_AT_ADDRESS(slug=story.slug)
    orm = Article.objects.select_related("section").get(pk=story.pk)
    assert (read.image.name, read.image_width, read.image_height) == (
        orm.image.name,
        orm.image_width,
        orm.image_height,
    )
    assert (read.image_width, read.image_height) == (640, 360)


def test_times_are_the_orm_s_with_the_same_time_zone_object(stories):
    """Where psycopg's own loader reads the times (PostgreSQL, the session in Django's time
    zone) they are the datetimes the ORM reads, down to the ``tzinfo`` object."""
    story = stories[0]

    def times(objects):
        return [(obj.created_at, obj.created_at.tzinfo) for obj in objects]

    read = times(APPROVED_UNDER(article_id=story.pk))
    assert read == times(
        Comment.objects.approved().filter(article=story).order_by("created_at", "id")
    )
    assert len(read) == 2 and all(tzinfo is UTC for _when, tzinfo in read)
    (page_story,) = models.STORY_AT_ADDRESS(slug=story.slug)
    orm_story = Article.objects.get(pk=story.pk)
    for name in ("published_at", "updated_at", "created_at"):
        value, orm_value = getattr(page_story, name), getattr(orm_story, name)
        assert (value, value.tzinfo) == (orm_value, orm_value.tzinfo)
        assert value.tzinfo is orm_value.tzinfo


def test_psycopg_s_own_time_loader_reads_them_when_the_zones_agree(db, postgres_only, settings):
    from psycopg.pq import Format

    from newsportal.prepared_reads import TIMESTAMPTZ_OID, preparing_cursor

    def loader():
        connection.ensure_connection()
        with preparing_cursor(connection) as cursor:
            return cursor.cursor.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)

    assert not loader().__module__.startswith("django")  # psycopg's (its C one if built)
    settings.USE_TZ = False  # naive times: Django's loader takes the zone off
    assert loader().__module__.startswith("django")
