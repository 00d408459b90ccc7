"""Reader pages come from the page cache, yet every announced change shows at once, and a
change renews only the pages that show it."""

import re
from datetime import timedelta

import pytest
import redis
from django.contrib.admin.sites import site as admin_site
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import admin as article_admin
from articles import page_cache, read_buffer, views
from articles.models import Article, Section, Tag
from comments import admin as comment_admin
from comments.decisions import decide
from comments.models import Comment

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


@pytest.fixture(autouse=True)
def fresh_process():
    views.known_story_ids.clear()
    page_cache.local_pages.clear()


@pytest.fixture
def redis_cache(redis_url, settings):
    """The production set-up: the page cache and the read buffer in one Redis."""
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_url}
    }
    settings.READS_REDIS_URL = redis_url
    settings.READS_FLUSH_SECONDS = 3600  # flush only when the test says so
    read_buffer.client().set(read_buffer.LOCK, "1", ex=3600)
    return redis_url


def get(url, client=None, **headers):
    return (client or Client()).get(url, HTTP_USER_AGENT=BROWSER, **headers)


def page(url, client=None):
    response = get(url, client)
    assert response.status_code == 200
    return response.content.decode()


def queries_for(url, client=None):
    with CaptureQueriesContext(connection) as captured:
        page(url, client)
    return len(captured)


def admin_request(rf):
    request = rf.post("/", {"reason": ""})
    request.user = User.objects.create_superuser("editor", "editor@example.com", "x")
    request._messages = type("NoMessages", (), {"add": lambda *args, **kwargs: None})()
    return request


def test_a_cached_story_costs_no_sql_query_whether_or_not_it_counts_a_read(
    redis_cache, make_article
):
    story = make_article(authors=["Ayşe Yıldız"], read_count=451)
    url = "/en" + story.get_absolute_url()
    assert queries_for(url) > 0  # rendered once
    reader = Client()
    with CaptureQueriesContext(connection) as captured:
        html = page(url, reader)  # a new reader: counted
    assert len(captured) == 0, [q["sql"] for q in captured]
    assert "read 453 times" in html
    with CaptureQueriesContext(connection) as captured:
        html = page(url, reader)  # the same reader again: not counted
    assert len(captured) == 0, [q["sql"] for q in captured]
    assert "read 453 times" in html
    assert read_buffer.flush() == 2
    assert Article.objects.get(pk=story.pk).read_count == 453


def test_a_new_process_counts_the_read_once_and_learns_the_story(redis_cache, make_article):
    story = make_article(read_count=10)
    page(story.get_absolute_url())
    views.known_story_ids.clear()  # another worker: it has not seen this address yet
    html = page("/en" + story.get_absolute_url())
    assert "read 12 times" in html
    assert queries_for(story.get_absolute_url()) == 0
    assert read_buffer.flush() == 3


def test_a_process_serves_its_copy_only_while_the_cache_holds_the_same_page(
    redis_cache, make_article
):
    story = make_article(headline="Copy kept by this process")
    url = story.get_absolute_url()
    page(url)  # rendered, stored, and kept by this process
    (key,) = [key for key in page_cache.local_pages if url in key]
    versions, parts, meta, _stamp = page_cache.local_pages[key]
    assert queries_for(url) == 0
    # Another server stores the page again: this process fetches it rather than keep its own.
    theirs = tuple(
        part.replace(b"Copy kept by this process", b"Stored by another server")
        if type(part) is bytes
        else part
        for part in parts
    )
    entry = (versions, theirs, meta, "another-stamp")
    cache.set_many({key: entry, page_cache.STAMP_PREFIX + key: "another-stamp"}, 60)
    with CaptureQueriesContext(connection) as captured:
        html = page(url)
    assert len(captured) == 0 and "Stored by another server" in html
    assert page_cache.local_pages[key][3] == "another-stamp"
    # The cache no longer holds the page (it expired): the copy is not served.
    cache.delete_many([key, page_cache.STAMP_PREFIX + key])
    with CaptureQueriesContext(connection) as captured:
        html = page(url)
    assert len(captured) > 0 and "Copy kept by this process" in html


def test_reads_kept_in_another_redis_are_counted_in_a_round_trip_of_their_own(
    redis_cache, settings, make_article
):
    settings.READS_REDIS_URL = redis_cache.rsplit("/", 1)[0] + "/1"  # another database
    reads = read_buffer.client()
    reads.flushdb()
    reads.set(read_buffer.LOCK, "1", ex=3600)
    try:
        story = make_article(read_count=5)
        url = "/en" + story.get_absolute_url()
        assert "read 6 times" in page(url)  # rendered and stored
        with CaptureQueriesContext(connection) as captured:
            html = page(url)  # from the cache, a new reader
        assert len(captured) == 0 and "read 7 times" in html
        assert not redis.Redis.from_url(redis_cache).exists(read_buffer.LIVE)
        assert read_buffer.flush() == 2
        assert Article.objects.get(pk=story.pk).read_count == 7
    finally:
        reads.flushdb()


def test_a_connection_closed_by_redis_costs_one_rendered_page_and_no_read(
    redis_cache, make_article
):
    story = make_article(read_count=3)
    url = story.get_absolute_url()
    page(url)  # rendered and stored
    assert queries_for(url) == 0  # from the cache, on the connection this process keeps
    redis.Redis.from_url(redis_cache).client_kill_filter(_type="normal", skipme=True)
    assert queries_for(url) > 0  # the kept connection was closed: rendered, counted once
    assert queries_for(url) == 0  # connected again
    read_buffer.flush()
    assert Article.objects.get(pk=story.pk).read_count == 3 + 4


@pytest.mark.parametrize("in_redis", [False, True])
def test_requests_reading_expired_facts_at_once_agree_on_one_version(
    make_article, in_redis, request
):
    if in_redis:
        request.getfixturevalue("redis_cache")
    story = make_article()
    name = f"story:{story.slug}"
    first, second = page_cache.Lookup("a", [], name), page_cache.Lookup("b", [], name)
    page_cache.set_facts(first, {"id": story.pk, "version": "first", "visible_from": None})
    page_cache.set_facts(second, {"id": story.pk, "version": "second", "visible_from": None})
    assert first.facts["version"] == second.facts["version"] == "first"
    # Facts kept for another story at this address since are replaced.
    third = page_cache.Lookup("c", [], name)
    page_cache.set_facts(third, {"id": story.pk + 1, "version": "third", "visible_from": None})
    assert third.facts["version"] == "third"
    assert cache.get(page_cache.facts_key(name))["version"] == "third"


def test_a_story_page_is_rendered_once_then_served_from_the_cache(make_article):
    story = make_article(authors=["Ayşe Yıldız"])
    rendered = queries_for(story.get_absolute_url())
    # From the cache, without Redis: only the read, counted in the database.
    assert queries_for(story.get_absolute_url()) < 3 < rendered


def test_each_reader_gets_their_own_csrf_token_and_the_current_read_count(make_article):
    story = make_article()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page(story.get_absolute_url(), first)
    html = page(story.get_absolute_url(), second)  # from the cache
    assert page_cache.CSRF_HOLE not in html and views.READS_HOLE not in html
    assert "read 3 times" in page("/en" + story.get_absolute_url())  # the third reader
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 2 and tokens[0] != page_cache.CSRF_HOLE
    # The token in the cached page goes with the reader's own cookie: the form works.
    assert post_comment_with(second, story, tokens[-1]).status_code == 302


@pytest.mark.parametrize("cached", [False, True])
def test_a_comment_holding_the_holes_names_is_shown_as_typed(make_article, settings, cached):
    """What a commenter types is escaped, so it never holds a hole (each has a "<") and the
    page's token or read total is never written into it, cached page or not."""
    settings.PAGE_CACHE_SECONDS = 60 if cached else 0
    story = make_article()
    typed = f"{page_cache.CSRF_HOLE} {views.READS_HOLE} np-csrf-hole-2f6c9d np-reads-hole-8d1e4a"
    Comment.objects.create(
        article=story, name=views.READS_HOLE, email="a@example.com", body=typed,
        status=Comment.Status.APPROVED,
    )  # fmt: skip
    page(story.get_absolute_url())
    html = page(story.get_absolute_url())
    escaped = typed.replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in html
    assert html.count("np-csrf-hole") == 2 and html.count("np-reads-hole") == 3
    assert page_cache.CSRF_HOLE not in html and views.READS_HOLE not in html


def post_comment_with(client, story, token):
    """The comment form sent by ``client`` with ``token``."""
    return client.post(
        f"/news/{story.slug}/comment/",
        {
            "name": "Ayşe Yılmaz",
            "email": "ayse@example.com",
            "body": "Çok güzel bir haber, teşekkürler.",
            "website": "",
            "csrfmiddlewaretoken": token,
        },
        HTTP_USER_AGENT=BROWSER,
    )


def test_a_page_rendered_for_one_reader_has_one_token_that_goes_with_their_cookie(
    make_article, settings
):
    """With the page cache off, the page is this reader's: the same token in each of its
    forms (made once), new for each reader, and accepted with the cookie the page sets."""
    settings.PAGE_CACHE_SECONDS = 0
    story = make_article()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = [
        re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page(story.get_absolute_url(), c))
        for c in (first, second)
    ]
    assert len(tokens[0]) == 2 and len(set(tokens[0])) == 1 and tokens[0][0] != tokens[1][0]
    assert {len(token) for token in tokens[0] + tokens[1]} == {64}
    assert post_comment_with(second, story, tokens[1][0]).status_code == 302
    # The other reader's token does not go with this reader's cookie.
    assert post_comment_with(first, story, tokens[1][0]).status_code == 403


def test_a_saved_story_renews_its_page_lists_and_neighbours_but_not_other_stories(
    make_article, committed
):
    older = make_article(headline="Önceki haber")
    story = make_article(headline="İlk başlık", authors=["Ayşe Yıldız"])
    newer = make_article(headline="Sonraki haber")
    elsewhere = make_article(
        headline="Başka bir haber", published_at=timezone.now() - timedelta(days=30)
    )
    tag = Tag.objects.create(name="Bütçe", slug="butce")
    story.tags.add(tag)
    urls = [
        story.get_absolute_url(),
        older.get_absolute_url(),  # its "next" link
        newer.get_absolute_url(),  # its "previous" link
        "/",
        story.section.get_absolute_url(),
        tag.get_absolute_url(),
        "/author/ayse-yildiz/",
    ]
    for url in urls:
        assert "İlk başlık" in page(url)
    page(elsewhere.get_absolute_url())
    with committed():
        story.headline = "Düzeltilmiş başlık"
        story.save()
    for url in urls:
        assert "Düzeltilmiş başlık" in page(url), url
    # A story that does not show it is still served from the cache.
    assert queries_for(elsewhere.get_absolute_url()) < 3


def test_a_withdrawn_story_is_a_404_at_once(make_article, committed, rf):
    story, other = make_article(), make_article()
    page(story.get_absolute_url())
    page(other.get_absolute_url())
    with committed():
        story.status = Article.Status.WITHDRAWN
        story.save()
    assert get(story.get_absolute_url()).status_code == 404
    with committed():
        article_admin.withdraw(
            admin_site._registry[Article], admin_request(rf), Article.objects.filter(pk=other.pk)
        )
    assert get(other.get_absolute_url()).status_code == 404
    assert other.headline not in page("/")


def test_a_comment_approved_at_the_desk_renews_only_its_story(make_article, committed):
    story, other = make_article(), make_article(published_at=timezone.now() - timedelta(days=9))
    comment = Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="Yerinde bir tespit."
    )
    assert "Yerinde bir tespit." not in page(story.get_absolute_url())
    page(other.get_absolute_url())
    with committed():
        decide(Comment.objects.filter(pk=comment.pk), Comment.Status.APPROVED, None)
    assert "Yerinde bir tespit." in page(story.get_absolute_url())
    assert queries_for(other.get_absolute_url()) < 3


def test_comments_approved_in_bulk_show_at_once(make_article, committed, rf):
    stories = [make_article(), make_article()]
    for n, story in enumerate(stories):
        Comment.objects.create(
            article=story, name="Okur", email="okur@example.com", body=f"Yerinde tespit {n}."
        )
        assert f"Yerinde tespit {n}." not in page(story.get_absolute_url())
    with committed():
        comment_admin.approve(
            admin_site._registry[Comment], admin_request(rf), Comment.objects.all()
        )
    for n, story in enumerate(stories):
        assert f"Yerinde tespit {n}." in page(story.get_absolute_url())


def test_a_comment_published_by_intake_shows_at_once(make_article, committed, settings):
    settings.COMMENTS_POST_MODERATION = True
    story = make_article()
    page(story.get_absolute_url())
    with committed():
        response = Client().post(
            f"/news/{story.slug}/comment/",
            {"name": "Ayşe", "email": "a@example.com", "body": "Güzel bir haber.", "website": ""},
            HTTP_USER_AGENT=BROWSER,
        )
    assert response.status_code == 302
    assert "Güzel bir haber." in page(story.get_absolute_url())


def test_a_scheduled_story_goes_live_at_its_time_and_the_job_lists_it(
    make_article, committed, monkeypatch
):
    make_article(headline="Önceki haber")
    at = timezone.now() + timedelta(minutes=5)
    story = make_article(headline="Planlı haber", status=Article.Status.SCHEDULED, published_at=at)
    assert get(story.get_absolute_url()).status_code == 404
    assert "Planlı haber" not in page("/")
    later = at + timedelta(seconds=30)
    monkeypatch.setattr(timezone, "now", lambda: later)
    # Its own page at its time: its cached facts carry the time.
    assert "Planlı haber" in page(story.get_absolute_url())
    with committed():
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Article.objects.get(pk=story.pk).status == Article.Status.PUBLISHED
    assert "Planlı haber" in page("/")


def test_a_renamed_section_shows_everywhere_at_once(make_article, committed):
    story = make_article()
    page("/")
    page(story.get_absolute_url())
    with committed():
        section = Section.objects.get(pk=story.section_id)
        section.name_tr = "Yeni bölüm"
        section.save()
    assert "Yeni bölüm" in page("/")
    assert "Yeni bölüm" in page(story.get_absolute_url())


def test_the_navigation_is_read_once_per_site_version(make_article, committed):
    """Pages rendered for the page cache share the sections' list until SITE is renewed."""
    first, second, third = make_article(), make_article(), make_article()
    page("/")  # the SITE version is set
    page(first.get_absolute_url())  # the sections are read under it

    def reads_sections(url):
        with CaptureQueriesContext(connection) as captured:
            html = page(url)
        return html, any('FROM "articles_section"' in q["sql"] for q in captured)

    html, read = reads_sections(second.get_absolute_url())
    assert not read and '<a class="nav-link" href="/section/dunya/">Dünya</a>' in html
    with committed():
        Section.objects.create(name_tr="Spor", name_en="Sports", slug_tr="spor", slug_en="sports")
    html, read = reads_sections(third.get_absolute_url())
    assert read and '<a class="nav-link" href="/section/spor/">Spor</a>' in html
    assert '<a class="nav-link" href="/section/spor/">Spor</a>' in page(first.get_absolute_url())


def test_a_bare_update_is_seen_within_page_cache_seconds(make_article, settings):
    """The known case: a QuerySet.update() sends no signal (README, "seen at once")."""
    story = make_article()
    comment = Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="Yerinde bir tespit."
    )
    page(story.get_absolute_url())
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.APPROVED)
    assert "Yerinde bir tespit." not in page(story.get_absolute_url())


def test_list_pages_answer_304_until_they_change(make_article, committed):
    story = make_article()
    response = get("/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    etag, modified = response["ETag"], response["Last-Modified"]
    assert get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert get("/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    section_url = story.section.get_absolute_url()
    section_etag = get(section_url)["ETag"]
    assert get(section_url, HTTP_IF_NONE_MATCH=section_etag).status_code == 304
    with committed():
        make_article(headline="Yeni haber")
    assert get("/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert get(section_url, HTTP_IF_NONE_MATCH=section_etag).status_code == 200


@pytest.mark.parametrize(
    "url", ["/feeds/rss/", "/feeds/atom/", "/sitemap.xml", "/sitemap-stories.xml"]
)
def test_feeds_and_sitemaps_answer_304_until_a_story_changes(url, make_article, committed):
    make_article()
    get(url)  # the versions are set
    response = get(url)
    assert response.status_code == 200 and "max-age=" in response["Cache-Control"]
    assert get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    with committed():
        make_article(headline="Yeni haber")
    assert get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


def test_a_section_feed_follows_its_section(make_article, committed):
    story = make_article()
    url = f"/feeds/section/{story.section.slug}/rss/"
    get(url)
    etag = get(url)["ETag"]
    assert get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with committed():
        story.headline = "Değişen başlık"
        story.save()
    assert get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_signed_in_commenters_never_get_nor_fill_a_cached_page(make_article, settings):
    story = make_article()

    def commenter():
        client = Client()
        client.cookies[settings.COMMENTER_COOKIE_NAME] = "signed-in"
        return client

    # A page from the cache costs a query or two (the read); rendering it, several more.
    queries_for(story.get_absolute_url(), commenter())
    assert queries_for(story.get_absolute_url(), commenter()) > 3  # rendered again
    assert queries_for(story.get_absolute_url()) > 3  # nothing stored: rendered too
    assert queries_for(story.get_absolute_url()) < 3  # and now stored


def test_messages_and_other_query_strings_are_never_cached(make_article, post_comment_as, rf):
    story = make_article()
    page(story.get_absolute_url())
    response = post_comment_as(story, follow=True)
    assert "awaiting approval" in response.content.decode()
    assert "awaiting approval" not in page(story.get_absolute_url())
    assert page_cache.page_key(rf.get("/", {"utm_source": "x"})) is None
    assert page_cache.page_key(rf.get("/", {"page": "2"})) is not None


def test_the_page_cache_can_be_turned_off(make_article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.COMMENT_LIST_CACHE_SECONDS = 0  # its own cache (comments/list_cache.py)
    story = make_article()
    rendered = queries_for(story.get_absolute_url())
    assert queries_for(story.get_absolute_url()) == rendered


@pytest.fixture
def post_comment_as():
    client = Client()

    def post(story, follow=False):
        return client.post(
            f"/en/news/{story.slug}/comment/",
            {"name": "Ayşe", "email": "a@example.com", "body": "Güzel bir haber.", "website": ""},
            follow=follow,
            HTTP_USER_AGENT=BROWSER,
        )

    return post


def test_pages_are_served_when_the_cache_is_down(make_article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    story = make_article(headline="Önbellek yokken de haber")
    assert "Önbellek yokken de haber" in page(story.get_absolute_url())
    assert "Önbellek yokken de haber" in page("/")


def test_an_address_taken_by_another_story_counts_the_right_one(
    redis_cache, make_article, committed
):
    first = make_article(headline="İlk haber", read_count=5)
    page(first.get_absolute_url())  # this process now knows the address's story id
    with committed():
        first.delete()
    with committed():
        second = make_article(headline="Yeni haber", slug=first.slug, read_count=50)
    html = page("/en" + second.get_absolute_url())
    assert "Yeni haber" in html and "read 51 times" in html
    assert read_buffer.flush() == 2  # the first story's one read, the second's one
    assert Article.objects.get(pk=second.pk).read_count == 51


def test_a_withdrawn_story_known_to_the_process_is_not_counted(
    redis_cache, make_article, committed
):
    story = make_article(read_count=7)
    page(story.get_absolute_url())
    with committed():
        story.status = Article.Status.WITHDRAWN
        story.save()
    assert get(story.get_absolute_url()).status_code == 404
    assert read_buffer.flush() == 1  # the first read only
    assert Article.objects.get(pk=story.pk).read_count == 8


def test_a_stored_page_is_split_around_its_holes_and_each_filler_runs_once():
    calls = []

    def token():
        calls.append("token")
        return "tök"

    parts = page_cache.split("<p>ı HOLE-A ş HOLE-A</p>", ["HOLE-A", "HOLE-B"])
    assert parts == ("<p>ı ".encode(), "HOLE-A", " ş ".encode(), "HOLE-A", b"</p>")
    unused = []
    fillers = {"HOLE-A": token, "HOLE-B": lambda: unused.append(1) or ""}
    assert page_cache.fill(parts, fillers) == "<p>ı tök ş tök</p>".encode()
    assert calls == ["token"] and unused == []  # a page without a form sets no CSRF cookie


@pytest.mark.parametrize("compressor", [None, "django_redis.compressors.zlib.ZlibCompressor"])
def test_values_stored_by_django_redis_read_back_as_django_redis_reads_them(
    redis_url, settings, compressor
):
    options = {"COMPRESSOR": compressor} if compressor else {}
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "OPTIONS": options,
        }
    }
    facts = {"id": 7, "visible_from": timezone.now(), "version": page_cache.new_version()}
    values = {"version": page_cache.new_version(), "facts": facts, "page": ("ı" * 5000,)}
    cache.set_many(values, 60)  # a long page is compressed, a short value is not
    client = cache.client
    raw = client.get_client().mget([cache.make_key(key) for key in values])
    assert [page_cache.decode(client, value) for value in raw] == list(values.values())
    assert [client.decode(value) for value in raw] == list(values.values())
    # And what the page cache writes in its own round trips, django-redis reads back.
    page_cache.set_many({"stored page": values["page"], "stamp": "a-stamp"})
    assert cache.get_many(["stored page", "stamp"]) == {
        "stored page": values["page"],
        "stamp": "a-stamp",
    }
    assert 0 < cache.ttl("stored page") <= settings.PAGE_CACHE_SECONDS
    assert page_cache.add_or_get("facts", {"id": 8}) == (False, facts, [])
    assert page_cache.add_or_get("free", facts, [("INCR", "n")]) == (True, facts, [1])
    assert cache.get("free") == facts
    assert 0 < cache.ttl("free") <= settings.PAGE_CACHE_SECONDS


def redis_round_trips(monkeypatch):
    """Every round trip to Redis: the page cache's own and redis-py's commands."""
    sent = []
    round_trip = page_cache.round_trip
    monkeypatch.setattr(
        page_cache,
        "round_trip",
        lambda client, commands, **kw: sent.append(commands) or round_trip(client, commands, **kw),
    )
    command = redis.Redis.execute_command
    monkeypatch.setattr(
        redis.Redis,
        "execute_command",
        lambda self, *args, **kw: sent.append([args]) or command(self, *args, **kw),
    )
    return sent


def test_a_story_missing_from_the_cache_counts_its_read_with_its_facts(
    redis_cache, make_article, monkeypatch
):
    """The long tail: facts read from the database, and a process that has not seen the
    address. The read and the total shown go in the round trip that keeps the facts:
    counted once, the same reader again not, the total from the row plus the buffer."""
    story = make_article(read_count=40)
    url = "/en" + story.get_absolute_url()
    reader = Client()
    page(url, reader)  # the section's list and versions set up
    assert read_buffer.flush() == 1
    page_cache.forget(f"story:{story.slug}")
    views.known_story_ids.clear()
    sent = redis_round_trips(monkeypatch)
    html = page(url, Client())  # a new reader
    assert "read 42 times" in html
    facts_trip = [commands for commands in sent if commands[0][0] == "SET" and "NX" in commands[0]]
    assert [command[0] for command in facts_trip[0]] == [
        "SET", "GET", "EVAL", "HINCRBY", "HINCRBY",
    ]  # fmt: skip
    assert len(sent) == 4  # the page's lookup, the facts with the read, the list, the page
    page_cache.forget(f"story:{story.slug}")
    views.known_story_ids.clear()
    assert "read 42 times" in page(url, reader)  # read 2 s ago by this reader: not counted
    assert read_buffer.flush() == 1
    assert Article.objects.get(pk=story.pk).read_count == 42


def test_a_read_sent_with_facts_is_taken_back_when_the_kept_facts_say_not_public(
    redis_cache, make_article, monkeypatch
):
    """Another request kept facts first (the story withdrawn meanwhile): the page is a 404
    and the read sent with this request's facts is taken back."""
    story = make_article(read_count=5)
    read = Article.objects.story_at_address

    def withdrawn_meanwhile(slug):
        found = read(slug)
        facts = {"id": story.pk, "visible_from": None, "version": page_cache.new_version()}
        cache.set(page_cache.facts_key(f"story:{slug}"), facts, 60)
        return found

    monkeypatch.setattr(Article.objects, "story_at_address", withdrawn_meanwhile)
    assert get(story.get_absolute_url()).status_code == 404
    assert read_buffer.flush() == 0
    assert Article.objects.get(pk=story.pk).read_count == 5
