"""Friendly, translated error pages; oversize and malformed requests refused cleanly."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from comments.models import Comment

from .conftest import browser_post


@pytest.fixture
def quiet_client():
    """A client that returns the error page instead of re-raising the view's exception."""
    return Client(raise_request_exception=False)


def test_404_is_friendly_and_translated(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Bu sayfayı bulamadık" in response.content.decode()
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_500_is_friendly_without_a_traceback(quiet_client, db):
    with mock.patch("articles.views.HomeView.get_context_data", side_effect=RuntimeError("boom")):
        response = quiet_client.get("/en/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "Traceback" not in html and "boom" not in html and "RuntimeError" not in html


def test_database_outage_is_a_503_with_retry_after(quiet_client, db):
    with mock.patch(
        "articles.views.HomeView.get_context_data",
        side_effect=OperationalError("connection to server at 127.0.0.1 failed"),
    ):
        response = quiet_client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Site kısa bir süreliğine hizmet veremiyor" in html
    assert "127.0.0.1" not in html and "OperationalError" not in html


def test_comment_during_database_outage_is_a_503_not_a_lost_success(quiet_client, story):
    with mock.patch.object(Comment, "save", side_effect=OperationalError("server closed")):
        response = browser_post(
            quiet_client,
            f"/en/news/{story.slug}/comment/",
            {"name": "Ayşe", "email": "a@example.com", "body": "Güzel bir haber olmuş."},
        )
    assert response.status_code == 503
    assert "it may not have been saved" in response.content.decode()
    assert not Comment.objects.exists()


def test_oversize_body_is_refused_with_413(client, story, settings):
    huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = browser_post(
        client,
        f"/en/news/{story.slug}/comment/",
        {"name": "A", "email": "a@example.com", "body": huge},
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert not Comment.objects.exists()


def test_too_many_fields_are_refused_with_413(client, story, settings):
    fields = {f"f{n}": "1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = browser_post(client, f"/news/{story.slug}/comment/", fields)
    assert response.status_code == 413


def test_overlong_comment_under_the_size_limit_is_a_form_error(client, story):
    response = browser_post(
        client,
        f"/en/news/{story.slug}/comment/",
        {"name": "A", "email": "a@example.com", "body": "çok " * 20_000},
    )
    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode().replace(",", "")


def test_bad_host_is_a_400(client, db):
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Bu isteği anlayamadık" in response.content.decode()


def test_missing_csrf_token_is_a_friendly_403(story):
    client = Client(enforce_csrf_checks=True)
    response = browser_post(
        client,
        f"/en/news/{story.slug}/comment/",
        {"name": "A", "email": "a@example.com", "body": "Güzel bir haber."},
    )
    assert response.status_code == 403
    assert "reload the page and send the form again" in response.content.decode()
    assert not Comment.objects.exists()


def test_comment_rate_limit_is_a_429_with_a_clear_message(client, story, settings):
    settings.COMMENT_RATE_LIMIT = 2
    for n in range(2):
        body = f"Güzel bir haber olmuş, teşekkürler {n}."
        response = browser_post(
            client,
            f"/en/news/{story.slug}/comment/",
            {"name": "A", "email": "a@example.com", "body": body},
        )
        assert response.status_code == 302
    response = browser_post(
        client,
        f"/en/news/{story.slug}/comment/",
        {"name": "A", "email": "a@example.com", "body": "Bir yorum daha yazıyorum."},
    )
    assert response.status_code == 429
    assert "too many comments" in response.content.decode()


@pytest.mark.parametrize("view", ["service_unavailable", "server_error", "bad_request"])
def test_error_pages_render_without_touching_the_database(rf, view):
    """No ``db`` fixture: pytest-django makes any database access here an error."""
    from newsportal import errors

    response = getattr(errors, view)(rf.get("/"))
    assert response.status_code in (400, 500, 503)
    assert "newsportal" in response.content.decode()
