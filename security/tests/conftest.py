"""Fixtures for the security tests: the four kinds of users, stories in every state."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from articles.models import Article

XSS_PAYLOADS = [
    line
    for line in (Path(__file__).with_name("xss_payloads.txt")).read_text("utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits, login attempts and the word-list cache start empty in every test."""
    cache.clear()
    yield
    cache.clear()


def make_user(username, group=None, **flags):
    user = User.objects.create_user(username, f"{username}@example.com", "correct-horse", **flags)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def commenter(db):
    """A signed-in reader: no staff rights at all."""
    return make_user("reader")


@pytest.fixture
def moderator(db):
    return make_user("mod", "Moderators", is_staff=True)


@pytest.fixture
def editor(db):
    return make_user("ed", "Editors", is_staff=True)


@pytest.fixture
def superuser(db):
    return make_user("boss", is_staff=True, is_superuser=True)


@pytest.fixture
def story(make_article):
    return make_article(headline="Meclis bütçe görüşmelerine başladı", authors=["Ayşe Yıldız"])


@pytest.fixture
def draft(make_article):
    return make_article(headline="Taslak haber", status=Article.Status.DRAFT)


def browser_post(client, url, data, **extra):
    extra.setdefault("HTTP_USER_AGENT", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
    extra.setdefault("REMOTE_ADDR", "203.0.113.7")
    return client.post(url, data, **extra)
