"""Reads go to the replica, writes to the primary, and read-after-write reads to the primary.

The test settings have no replica (Django would mirror it onto the default database
anyway), so these check the router's decisions; bench/replica.sh runs the site against
a real primary and streaming replica.
"""

from django.http import HttpResponse
from django.test import RequestFactory

from articles.models import Article, ReadFlush
from comments.models import Comment
from newsportal.db_routers import PrimaryForWritesMiddleware, PrimaryReplicaRouter, primary

router = PrimaryReplicaRouter()


def test_reads_go_to_the_replica_and_writes_to_the_primary():
    assert router.db_for_read(Article) == "replica"
    assert router.db_for_write(Article) == "default"
    assert router.db_for_write(ReadFlush) == "default"  # the counter's flush
    assert router.db_for_write(Comment) == "default"
    assert router.allow_migrate("default", "articles") and not router.allow_migrate("replica", "x")


def test_reads_within_primary_go_to_the_primary():
    with primary():
        assert router.db_for_read(Comment) == "default"
    assert router.db_for_read(Comment) == "replica"


def test_reads_within_a_transaction_on_the_primary_go_to_the_primary(transactional_db):
    from django.db import transaction

    with transaction.atomic():  # e.g. a data migration reading what it just wrote
        assert router.db_for_read(Comment) == "default"
    assert router.db_for_read(Comment) == "replica"


def read_database(request):
    return HttpResponse(router.db_for_read(Comment))


def test_unsafe_requests_and_the_admin_read_from_the_primary(settings):
    middleware = PrimaryForWritesMiddleware(read_database)
    factory = RequestFactory()
    assert middleware(factory.get("/news/a-story/")).content == b"replica"
    assert middleware(factory.head("/news/a-story/")).content == b"replica"
    # The comment POST's duplicate and ban checks must see the comment sent a moment ago.
    assert middleware(factory.post("/news/a-story/comment/")).content == b"default"
    assert middleware(factory.get("/" + settings.ADMIN_URL + "comments/")).content == b"default"
    assert router.db_for_read(Comment) == "replica"  # nothing leaks past the request
