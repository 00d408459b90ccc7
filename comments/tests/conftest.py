import pytest
from django.core.cache import cache

from comments.models import Comment


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and the word-list cache start empty in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def story(make_article):
    return make_article(headline="Meclis bütçe görüşmelerine başladı", authors=["Ayşe Yıldız"])


@pytest.fixture
def post_comment(client):
    """POST the comment form the way a browser does, as the reader ``client``."""

    def post(
        article,
        body,
        name="Ayşe Yılmaz",
        email="ayse@example.com",
        follow=False,
        language="tr",
        **extra,
    ):
        data = {"name": name, "email": email, "body": body, "website": ""}
        data.update(extra)
        prefix = "" if language == "tr" else f"/{language}"
        return client.post(
            f"{prefix}/news/{article.slug}/comment/",
            data,
            follow=follow,
            HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
            REMOTE_ADDR="203.0.113.7",
        )

    return post


def latest_comment():
    return Comment.objects.order_by("-id").first()
