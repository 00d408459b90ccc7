"""The date archive (year, month, day) and the per-language lists, published stories only."""

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.tests.reader import story_titles


def istanbul(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def dated(make_article):
    return {
        "nov25": make_article(
            headline="Late November", published_at=istanbul(2025, 11, 25, 14, 30)
        ),
        "nov25_night": make_article(
            headline="Just after midnight", published_at=istanbul(2025, 11, 26, 0, 10)
        ),
        "mar": make_article(headline="March story", published_at=istanbul(2024, 3, 2, 9, 0)),
        "draft": make_article(
            headline="Draft in November",
            status=Article.Status.DRAFT,
            published_at=istanbul(2025, 11, 25, 12, 0),
        ),
    }


def headlines(response):
    assert response.status_code == 200
    return story_titles(response.content.decode())


def test_archive_urls_have_two_digit_months_and_days(db):
    assert reverse("articles:archive_month", args=[2025, 3]) == "/archive/2025/03/"
    assert reverse("articles:archive_day", args=[2025, 3, 2]) == "/archive/2025/03/02/"


def test_year_month_and_day_archives_list_published_stories(client, dated):
    assert headlines(client.get("/archive/2025/")) == ["Just after midnight", "Late November"]
    assert headlines(client.get("/archive/2025/11/")) == ["Just after midnight", "Late November"]
    # Days are Istanbul days: ten past midnight belongs to the 26th.
    assert headlines(client.get("/archive/2025/11/25/")) == ["Late November"]
    assert headlines(client.get("/archive/2024/03/02/")) == ["March story"]


def test_archive_index_lists_years_and_latest_stories(client, dated):
    response = client.get("/archive/")
    years = re.findall(r'<a href="/archive/(\d{4})/">', response.content.decode())
    assert years == ["2025", "2024"]
    assert headlines(response)[:2] == ["Just after midnight", "Late November"]
    assert 'href="/archive/2024/"' in response.content.decode()


def test_year_archive_links_its_months(client, dated):
    html = client.get("/en/archive/2025/").content.decode()
    assert 'href="/en/archive/2025/11/">November</a>' in html


def test_empty_invalid_and_future_dates_are_404(client, dated, make_article):
    make_article(
        headline="Future",
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(days=400),
    )
    next_year = timezone.now().year + 1
    for url in [
        "/archive/2023/",
        "/archive/2025/02/",
        "/archive/2025/13/",
        f"/archive/{next_year}/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.get("/archive/2025/3/").status_code == 404  # one address per page


def test_archive_pages_are_paginated_with_canonical_links(client, make_article):
    for n in range(25):
        make_article(published_at=istanbul(2025, 6, 10, 8, n))
    first = client.get("/archive/2025/06/")
    second = client.get("/archive/2025/06/?page=2")
    assert len(story_titles(first.content.decode())) == 20
    assert len(story_titles(second.content.decode())) == 5
    assert '<link rel="canonical" href="http://testserver/archive/2025/06/">' in (
        first.content.decode()
    )
    assert '<link rel="canonical" href="http://testserver/archive/2025/06/?page=2">' in (
        second.content.decode()
    )


def test_day_archive_shows_a_localised_date(client, dated):
    assert (
        '<h1 class="list-title">25 Kasım 2025</h1>'
        in client.get("/archive/2025/11/25/").content.decode()
    )
    assert (
        '<h1 class="list-title">Nov. 25, 2025</h1>'
        in client.get("/en/archive/2025/11/25/").content.decode()
    )


def test_language_lists_show_stories_written_in_that_language(client, make_article):
    make_article(headline="Türkçe haber")
    make_article(headline="English story", language="en")
    make_article(headline="English draft", language="en", status=Article.Status.DRAFT)
    assert headlines(client.get("/language/en/")) == ["English story"]
    assert headlines(client.get("/en/language/tr/")) == ["Türkçe haber"]
    assert client.get("/language/de/").status_code == 404
