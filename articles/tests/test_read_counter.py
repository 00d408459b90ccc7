"""The read counter counts real readers once per window and never loses a count."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings

from articles.counters import COOKIE_NAME, ReadVisit, is_bot, sign, unsign
from articles.models import Article

from .crowd import read_concurrently

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"


def reads(article):
    article.refresh_from_db()
    return article.read_count


def test_a_reader_counts_once_per_window(client, make_article):
    article = make_article()
    for _ in range(3):
        assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    assert reads(article) == 1


def test_another_reader_counts_again(make_article):
    article = make_article()
    for _ in range(4):
        Client().get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert reads(article) == 4


def test_page_shows_the_total_including_this_read(client, make_article):
    article = make_article(read_count=41)
    html = client.get(f"/en{article.get_absolute_url()}", HTTP_USER_AGENT=BROWSER).content.decode()
    assert "This news has been read 42 times in total" in html


@pytest.mark.parametrize("cache_seconds", [60, 0])
def test_the_first_read_is_one_time_in_either_language(make_article, settings, cache_seconds):
    """The line is built in Python (``counters.total_line``) for the cached page's hole and
    for a page rendered alone: singular and plural, in Turkish and in English."""
    settings.PAGE_CACHE_SECONDS = cache_seconds
    path = make_article().get_absolute_url()
    english = Client().get(f"/en{path}", HTTP_USER_AGENT=BROWSER)
    assert '<p class="read-count">This news has been read 1 time in total</p>' in english.text
    turkish = Client().get(path, HTTP_USER_AGENT=BROWSER)
    assert '<p class="read-count">Bu haber toplam 2 kez okundu</p>' in turkish.text


def test_reading_another_story_keeps_the_first_remembered(client, make_article):
    first, second = make_article(), make_article()
    client.get(first.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(second.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.get(first.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert (reads(first), reads(second)) == (1, 1)


def test_reload_after_the_window_counts_again(client, make_article, monkeypatch):
    article = make_article()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    import articles.counters as counters

    later = counters.time.time() + timedelta(minutes=31).total_seconds()
    monkeypatch.setattr(counters.time, "time", lambda: later)
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert reads(article) == 2


@override_settings(READ_COUNT_WINDOW_SECONDS=0)
def test_window_of_zero_counts_every_reload(client, make_article):
    article = make_article()
    for _ in range(3):
        client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert reads(article) == 3


def test_head_requests_do_not_count(client, make_article):
    article = make_article()
    assert client.head(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    assert reads(article) == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; YandexBot/3.0)",
        "Mozilla/5.0 (compatible; GOOGLEBOT/2.1)",
        "Mozilla/5.0 Chrome/120.0 HeadlessChrome/120.0",
        "Python-Requests/2.32",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0)",
        "curl/8.5.0",
        "",
    ],
)
def test_bots_do_not_count(client, make_article, user_agent):
    article = make_article()
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=user_agent).status_code == 200
    assert reads(article) == 0


def test_ordinary_browsers_are_not_bots():
    assert not is_bot(BROWSER)
    assert not is_bot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1")
    assert not is_bot(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        " Chrome/120.0.0.0 Safari/537.36"
    )


def test_a_forged_cookie_is_ignored(client, make_article):
    article = make_article()
    client.cookies[COOKIE_NAME] = f"{article.pk}:9999999999"
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert reads(article) == 1


def test_the_cookie_is_signed_by_this_site_alone(client, make_article, settings):
    article = make_article()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    signed = client.cookies[COOKIE_NAME].value
    value = unsign(signed)
    assert value.startswith(f"{article.pk}:") and signed == sign(value)
    seen = value.partition(":")[2]
    assert unsign(f"{article.pk + 1}:{seen}:{signed.rpartition(':')[2]}") == ""  # altered
    assert unsign(value) == unsign("") == ""
    settings.SECRET_KEY = "another-site-" + "y" * 50
    assert unsign(signed) == ""
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)  # counted again
    assert reads(article) == 2


def test_the_counter_is_one_atomic_update(make_article, rf, django_assert_num_queries):
    article = make_article()
    request = rf.get("/", HTTP_USER_AGENT=BROWSER)
    with django_assert_num_queries(1) as captured:
        ReadVisit(request, article.pk).count(article)
    sql = captured.captured_queries[0]["sql"]
    assert sql.startswith("UPDATE") and '"read_count" + ' in sql


@pytest.mark.postgres
def test_no_count_is_lost_under_64_concurrent_readers(postgres_only, live_server, make_article):
    """64 readers at once, over HTTP, each a new visitor 10 times: every read is stored."""
    article = make_article(read_count=451)
    failures = read_concurrently(live_server.url + article.get_absolute_url(), 64, 10)
    assert failures == []
    assert Article.objects.get(pk=article.pk).read_count == 451 + 64 * 10
