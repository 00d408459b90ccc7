"""The article page costs the same number of queries with 2 or 200 approved comments."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment


def queries_for(url):
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url, HTTP_USER_AGENT="Mozilla/5.0")  # a new reader: counted
    assert response.status_code == 200
    return len(captured), response


def add_comments(story, count):
    start = Comment.objects.count()
    Comment.objects.bulk_create(
        Comment(
            article=story,
            name=f"Okur {n}",
            email=f"o{n}@example.com",
            body=f"Yorum numarası {n}",
            status=Comment.Status.APPROVED,
        )
        for n in range(start, start + count)
    )


def test_article_page_queries_do_not_grow_with_comments(story, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders the page
    settings.COMMENT_LIST_CACHE_SECONDS = 0  # and reads its comments (list_cache: no reads)
    add_comments(story, 2)
    few, _ = queries_for(story.get_absolute_url())
    add_comments(story, 198)
    many, response = queries_for(story.get_absolute_url())
    assert many == few, f"{few} queries with 2 comments, {many} with 200"
    html = response.content.decode()
    assert "200 comments" in html or "200 yorum" in html
    assert html.index("Yorum numarası 0<") < html.index("Yorum numarası 199<")  # oldest first
