"""Reader pages come from the page cache, yet every change shows at once."""

import re

import pytest
from django.contrib.admin.sites import site as admin_site
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles import admin as article_admin
from articles import page_cache
from articles.models import Article, Section
from comments import admin as comment_admin
from comments.models import Comment

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def page(url, client=None):
    response = (client or Client()).get(url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    return response.content.decode()


def queries_for(url):
    with CaptureQueriesContext(connection) as captured:
        page(url)
    return len(captured)


def admin_request(rf):
    request = rf.post("/", {"reason": ""})
    request.user = User.objects.create_superuser("editor", "editor@example.com", "x")
    request._messages = type("NoMessages", (), {"add": lambda *args, **kwargs: None})()
    return request


def test_a_story_page_is_rendered_once_then_served_from_the_cache(make_article):
    story = make_article(authors=["Ayşe Yıldız"])
    rendered = queries_for(story.get_absolute_url())
    # From the cache: the story's facts, and the read counted (no Redis buffer here).
    assert queries_for(story.get_absolute_url()) == 2 < rendered


def test_each_reader_gets_their_own_csrf_token_and_the_current_read_count(make_article):
    story = make_article()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page(story.get_absolute_url(), first)
    html = page(story.get_absolute_url(), second)  # from the cache
    assert page_cache.CSRF_HOLE not in html and page_cache.READS_HOLE not in html
    assert "read 3 times" in page("/en" + story.get_absolute_url())  # the third reader
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 2 and tokens[0] != page_cache.CSRF_HOLE
    # The token in the cached page goes with the reader's own cookie: the form works.
    response = second.post(
        f"/news/{story.slug}/comment/",
        {
            "name": "Ayşe Yılmaz",
            "email": "ayse@example.com",
            "body": "Çok güzel bir haber, teşekkürler.",
            "website": "",
            "csrfmiddlewaretoken": tokens[-1],
        },
        HTTP_USER_AGENT=BROWSER,
    )
    assert response.status_code == 302


def test_a_comment_approved_in_the_admin_shows_at_once(make_article, rf):
    story = make_article()
    comment = Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="Yerinde bir tespit."
    )
    assert "Yerinde bir tespit." not in page(story.get_absolute_url())
    queryset = Comment.objects.filter(pk=comment.pk)
    comment_admin.approve(admin_site._registry[Comment], admin_request(rf), queryset)
    assert "Yerinde bir tespit." in page(story.get_absolute_url())


def test_a_comment_approved_with_a_bulk_update_shows_at_once(make_article):
    story = make_article()
    comment = Comment.objects.create(
        article=story, name="Okur", email="okur@example.com", body="Yerinde bir tespit."
    )
    page(story.get_absolute_url())
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.APPROVED)
    assert "Yerinde bir tespit." in page(story.get_absolute_url())


def test_a_published_story_shows_at_once_on_the_home_section_and_neighbour_pages(make_article):
    older = make_article(headline="Önceki haber")
    draft = make_article(headline="Taslak haber", status=Article.Status.DRAFT)
    for url in ("/", older.section.get_absolute_url(), older.get_absolute_url()):
        assert "Taslak haber" not in page(url)
    draft.status = Article.Status.PUBLISHED
    draft.save()
    for url in ("/", older.section.get_absolute_url(), older.get_absolute_url()):
        assert "Taslak haber" in page(url)


def test_stories_published_with_the_admin_action_show_at_once(make_article, rf):
    make_article(headline="Önceki haber")
    draft = make_article(headline="Taslak haber", status=Article.Status.DRAFT)
    assert "Taslak haber" not in page("/")
    article_admin.publish_now(
        admin_site._registry[Article], admin_request(rf), Article.objects.filter(pk=draft.pk)
    )
    assert "Taslak haber" in page("/")


def test_an_edited_story_and_a_renamed_section_show_at_once(make_article):
    story = make_article(headline="İlk başlık")
    assert "İlk başlık" in page(story.get_absolute_url())
    story.headline = "Düzeltilmiş başlık"
    story.save()
    assert "Düzeltilmiş başlık" in page(story.get_absolute_url())
    Section.objects.filter(pk=story.section_id).update(name_tr="Eski ad")  # no signal: not seen
    section = Section.objects.get(pk=story.section_id)
    section.name_tr = "Yeni bölüm"
    section.save()
    assert "Yeni bölüm" in page("/")


def test_a_withdrawn_story_is_gone_at_once(make_article):
    story = make_article()
    page(story.get_absolute_url())
    Article.objects.filter(pk=story.pk).update(status=Article.Status.WITHDRAWN)
    response = Client().get(story.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 404


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
