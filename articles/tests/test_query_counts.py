"""Pages cost a fixed number of SQL queries, however much content there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Tag


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    return len(captured)


def grow(make_article, stories, authors_each, tags_each):
    start = Tag.objects.count()
    tags = [
        Tag.objects.create(name=f"tag {n}", slug=f"tag-{n}")
        for n in range(start, start + tags_each)
    ]
    made = []
    for _n in range(stories):
        article = make_article(authors=[f"Author {m}" for m in range(authors_each)])
        article.tags.set(tags)
        made.append(article)
    return made


@pytest.mark.parametrize("url_of", ["home", "article", "section", "author", "tag"])
def test_page_query_count_does_not_grow_with_content(client, make_article, url_of):
    small = grow(make_article, stories=3, authors_each=1, tags_each=1)
    urls = {
        "home": lambda stories: "/",
        "article": lambda stories: stories[1].get_absolute_url(),
        "section": lambda stories: stories[1].section.get_absolute_url(),
        "author": lambda stories: stories[1].bylines.first().author.get_absolute_url(),
        "tag": lambda stories: "/tag/tag-0/",
    }
    before = count_queries(client, urls[url_of](small))
    large = grow(make_article, stories=40, authors_each=4, tags_each=6)
    after = count_queries(client, urls[url_of](large))
    assert after == before, f"{url_of}: {before} queries with little content, {after} with more"
