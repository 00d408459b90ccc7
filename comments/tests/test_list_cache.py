"""A story's approved comments kept in the shared cache under its comment version
(``comments/list_cache.py``): the same HTML as written from the rows, every decision shown
at once, a list read before a decision never used, and no comment rows read while it is
current."""

import re
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.admin import site as admin_site
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import page_cache
from comments import admin as comment_admin
from comments import comment_section, list_cache
from comments.decisions import decide
from comments.models import Comment
from comments.reports import report_comment

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
HOSTILE = [
    ('<b>"Mehmet"</b> & {pk}', "<script>alert(1)</script> {name} {{body}} }{"),
    ("{report}", "987654321 {csrf_input} <np-comments-csrf-5a0f> np-fragment-csrf-7c1e"),
    ("Ayşe", "Güzel haber.\r\n\r\nİkinci paragraf,\nikinci satır."),
]


@pytest.fixture(params=["locmem", "redis"])
def shared_cache(request, settings, monkeypatch):
    """The page cache off (every page rendered), the comment lists kept: in local memory,
    and in Redis as in production."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.COMMENT_LIST_CACHE_SECONDS = 60
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": request.getfixturevalue("redis_url"),
            }
        }
    list_cache.local_lists.clear()
    monkeypatch.setattr(list_cache, "KEPT_FROM", 0)  # the tests' short lists kept too
    yield request.param
    list_cache.local_lists.clear()


def approve(story, *names_and_bodies, start=None):
    """Approved comments added without a signal (``bulk_create``), a minute apart."""
    start = start or datetime(2026, 3, 1, 9, tzinfo=UTC)
    Comment.objects.bulk_create(
        Comment(
            article=story,
            name=name,
            email="okur@example.com",
            body=body,
            status=Comment.Status.APPROVED,
            created_at=start + timedelta(minutes=n),
        )
        for n, (name, body) in enumerate(names_and_bodies)
    )


def page_and_queries(url, client=None):
    with CaptureQueriesContext(connection) as captured:
        response = (client or Client()).get(url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    comment_reads = [q for q in captured if 'FROM "comments_comment"' in q["sql"]]
    return response.content.decode(), len(comment_reads)


def comments_part(html):
    """The comment section, the CSRF tokens masked (each request has its own)."""
    start = html.index('<section id="comments"')
    section = html[start : html.index("</section>", start)]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", section)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_kept_list_is_the_list_written_from_the_rows(shared_cache, story, settings, prefix):
    approve(story, *HOSTILE)
    url = prefix + story.get_absolute_url()
    settings.COMMENT_LIST_CACHE_SECONDS = 0
    written, reads_written = page_and_queries(url)
    settings.COMMENT_LIST_CACHE_SECONDS = 60
    kept_first, reads_first = page_and_queries(url)
    kept_again, reads_again = page_and_queries(url)
    list_cache.local_lists.clear()  # another process: the list from the shared cache
    from_cache, reads_from_cache = page_and_queries(url)
    assert (reads_written, reads_first, reads_again, reads_from_cache) == (1, 1, 0, 0)
    assert comments_part(written) == comments_part(kept_first)
    assert comments_part(written) == comments_part(kept_again)
    assert comments_part(written) == comments_part(from_cache)

    # Each page has its own token in every report form ...
    def report_tokens(html):
        return set(re.findall(r'class="comment-report".*?value="([^"]+)"', html, re.S))

    assert len(report_tokens(kept_again)) == len(report_tokens(from_cache)) == 1
    assert report_tokens(kept_again) != report_tokens(from_cache)
    # ... the same as the page's comment form and language switch have.
    page_tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept_again))
    assert page_tokens == report_tokens(kept_again)
    # ... and what readers typed is left alone.
    assert "&lt;np-comments-csrf-5a0f&gt; np-fragment-csrf-7c1e" in kept_again
    assert "<script>alert(1)</script>" not in kept_again
    assert ("3 yorum" if not prefix else "3 comments") in kept_again


def test_each_language_keeps_its_own_list(shared_cache, story):
    approve(story, ("Ayşe", "Güzel haber."))
    turkish, _ = page_and_queries(story.get_absolute_url())
    english, _ = page_and_queries("/en" + story.get_absolute_url())
    assert ">Şikayet et</button>" in turkish
    assert ">Report</button>" in english and ">Report</button>" not in turkish
    assert 'action="/en/comments/' in english and 'action="/comments/' in turkish


def test_every_decision_shows_at_once(shared_cache, story, make_article, committed, rf, settings):
    other = make_article()
    approve(story, ("Okur", "İlk yorum."))
    approve(other, ("Okur", "Öbür haberde."))
    held = Comment.objects.create(article=story, name="Can", email="c@example.com", body="İkinci.")
    url = story.get_absolute_url()
    assert "İkinci." not in page_and_queries(url)[0]
    page_and_queries(other.get_absolute_url())
    with committed():  # the desk
        decide(Comment.objects.filter(pk=held.pk), Comment.Status.APPROVED, None)
    html, reads = page_and_queries(url)
    assert "İkinci." in html and "2 yorum" in html and reads == 1
    assert page_and_queries(other.get_absolute_url())[1] == 0  # its list is still current
    with committed():  # the admin's bulk action
        comment_admin.reject(
            admin_site._registry[Comment], admin_request(rf), Comment.objects.filter(pk=held.pk)
        )
    assert "İkinci." not in page_and_queries(url)[0]
    with committed():  # saved through the ORM
        held.status = Comment.Status.APPROVED
        held.save()
    assert "İkinci." in page_and_queries(url)[0]
    with committed():  # readers' reports hide it
        for n in range(settings.COMMENTS_REPORTS_TO_HIDE):
            report_comment(held, f"reader-{n}")
    held.refresh_from_db()
    assert held.status == Comment.Status.HELD
    assert "İkinci." not in page_and_queries(url)[0]


def test_a_comment_published_at_once_shows_at_once(
    shared_cache, story, committed, post_comment, settings
):
    settings.COMMENTS_POST_MODERATION = True
    url = story.get_absolute_url()
    assert "Güzel bir haber." not in page_and_queries(url)[0]
    with committed():
        assert post_comment(story, "Güzel bir haber.").status_code == 302
    assert "Güzel bir haber." in page_and_queries(url)[0]


@pytest.mark.django_db(transaction=True)
def test_the_admins_form_and_deletions_show_at_once(shared_cache, make_article):
    """Through the admin's own pages, each change committed as in production."""
    story = make_article()
    editor = Client()
    editor.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    held = Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="Bekleyen yorum."
    )
    url = story.get_absolute_url()
    assert "Bekleyen yorum." not in page_and_queries(url)[0]
    change = reverse("admin:comments_comment_change", args=[held.pk])
    response = editor.post(change, {"status": "approved", "moderation_reason": "temiz"})
    assert response.status_code == 302
    assert "Bekleyen yorum." in page_and_queries(url)[0]
    delete = reverse("admin:comments_comment_delete", args=[held.pk])
    response = editor.post(delete, {"post": "yes"})
    assert response.status_code == 302 and not Comment.objects.filter(pk=held.pk).exists()
    assert "Bekleyen yorum." not in page_and_queries(url)[0]
    others = [
        Comment.objects.create(  # approved through the ORM: announced when saved
            article=story, name="Okur", email="o@ex.com", body=f"Onaylı {n}.", status="approved"
        )
        for n in range(2)
    ]
    assert "Onaylı 1." in page_and_queries(url)[0]
    response = editor.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "delete_selected", "_selected_action": [c.pk for c in others], "post": "yes"},
    )
    assert response.status_code == 302 and not Comment.objects.filter(article=story).exists()
    html, _reads = page_and_queries(url)
    assert "Onaylı" not in html and "Henüz yorum yok." in html


def test_a_held_comment_arriving_keeps_the_list(shared_cache, story, committed, post_comment):
    approve(story, ("Okur", "İlk yorum."))
    url = story.get_absolute_url()
    page_and_queries(url)
    with committed():
        assert post_comment(story, "Bekleyecek bir yorum.").status_code == 302
    assert page_and_queries(url)[1] == 0


def test_a_bare_update_is_seen_within_the_lists_seconds(shared_cache, story):
    """The known case (README): ``update()`` and ``bulk_create()`` announce nothing."""
    url = story.get_absolute_url()
    page_and_queries(url)
    approve(story, ("Okur", "Sessizce eklendi."))
    assert "Sessizce eklendi." not in page_and_queries(url)[0]
    cache.delete(list_cache.version_key(story.pk))  # COMMENT_LIST_CACHE_SECONDS later
    assert "Sessizce eklendi." in page_and_queries(url)[0]


def test_a_list_read_before_a_decision_is_never_used(shared_cache, story):
    """A list read, then a decision committed and announced, then the list kept: it is kept
    under the version read before, which the decision replaced."""
    shared = "the report form"
    calls = []

    def render_racing_a_decision():
        calls.append(1)
        if len(calls) == 1:
            list_cache.renew([story.pk])  # committed after the read
        return len(calls), f"list {len(calls)}"

    assert list_cache.approved_list(story.pk, shared, render_racing_a_decision) == (1, "list 1")
    assert list_cache.approved_list(story.pk, shared, render_racing_a_decision) == (2, "list 2")
    assert list_cache.approved_list(story.pk, shared, render_racing_a_decision) == (2, "list 2")
    list_cache.local_lists.clear()
    assert list_cache.approved_list(story.pk, shared, render_racing_a_decision) == (2, "list 2")
    assert len(calls) == 2


def test_another_process_renewing_a_list_is_seen_by_this_one(shared_cache, story):
    shared = "the report form"
    approve(story, ("Okur", "Bir."))
    render = lambda: (len(Comment.objects.filter(article=story)), "x")  # noqa: E731
    assert list_cache.approved_list(story.pk, shared, render)[0] == 1
    approve(story, ("Okur", "İki."))
    list_cache.renew([story.pk])  # on another server; this process still has its copy
    assert list_cache.approved_list(story.pk, shared, render)[0] == 2


def test_the_list_is_written_when_the_cache_is_down(story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    approve(story, ("Okur", "Önbellek yokken de yorum."))
    html, reads = page_and_queries(story.get_absolute_url())
    assert "Önbellek yokken de yorum." in html and reads == 1


def test_a_decision_shows_at_once_over_http(shared_cache, live_server, make_article):
    """Through a real server, its commits real: approving at the desk's decision."""
    story = make_article()
    approve(story, ("Okur", "İlk yorum."))
    held = Comment.objects.create(article=story, name="Can", email="c@example.com", body="Yeni.")
    url = live_server.url + story.get_absolute_url()

    def fetch():
        request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.read().decode()

    assert "1 yorum" in fetch() and "Yeni." not in fetch()
    decide(Comment.objects.filter(pk=held.pk), Comment.Status.APPROVED, None)
    html = fetch()
    assert "2 yorum" in html and "Yeni." in html


def admin_request(rf):
    request = rf.post("/", {"reason": ""})
    request.user, _ = User.objects.get_or_create(
        username="editor", defaults={"is_staff": True, "is_superuser": True}
    )
    request._messages = type("NoMessages", (), {"add": lambda *args, **kwargs: None})()
    return request


def test_comment_template_keeps_the_mark_for_the_token():
    template = comment_section.comment_template(page_cache.CSRF_HOLE)
    assert f'value="{page_cache.CSRF_HOLE}"' in template
    assert 'value="a&lt;b"' in comment_section.comment_template("a<b")


def test_short_lists_are_written_each_time_and_long_ones_kept(shared_cache, story, monkeypatch):
    monkeypatch.setattr(list_cache, "KEPT_FROM", 3)
    url = story.get_absolute_url()
    approve(story, ("Okur", "Bir."), ("Okur", "İki."))
    assert [page_and_queries(url)[1] for _ in range(2)] == [1, 1]
    approve(story, ("Okur", "Üç."), start=datetime(2026, 3, 2, tzinfo=UTC))
    list_cache.renew([story.pk])  # as a decision would
    assert [page_and_queries(url)[1] for _ in range(2)] == [1, 0]
