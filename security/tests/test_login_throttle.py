"""Admin login throttling (django-axes): locked out after N failures per username + IP."""

import pytest
from django.urls import reverse

LOGIN = reverse("admin:login")


def attempt(client, username, password, ip="198.51.100.10"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
    )


@pytest.fixture
def limit(settings):
    return settings.AXES_FAILURE_LIMIT


def test_failures_up_to_the_limit_show_the_form_then_lock_out(client, editor, limit):
    for _ in range(limit - 1):
        assert attempt(client, "ed", "wrong").status_code == 200
    locked = attempt(client, "ed", "wrong")
    assert locked.status_code == 429
    assert "Çok fazla deneme" in locked.content.decode()
    # Even the right password is refused while locked out.
    assert attempt(client, "ed", "correct-horse").status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_ip(client, editor, moderator, limit):
    for _ in range(limit):
        attempt(client, "ed", "wrong")
    assert attempt(client, "ed", "correct-horse").status_code == 429
    # The same user from another address, and another user from the same address, may log in.
    assert attempt(client, "ed", "correct-horse", ip="198.51.100.99").status_code == 302
    client.logout()
    assert attempt(client, "mod", "correct-horse").status_code == 302


def test_a_success_resets_the_count(client, editor, limit):
    for _ in range(limit - 1):
        attempt(client, "ed", "wrong")
    assert attempt(client, "ed", "correct-horse").status_code == 302
    client.logout()
    for _ in range(limit - 1):
        assert attempt(client, "ed", "wrong").status_code == 200


def test_lockout_behind_a_proxy_uses_the_forwarded_client_address(client, editor, limit, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(limit):
        client.post(
            LOGIN,
            {"username": "ed", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.50",
        )
    locked = client.post(
        LOGIN,
        {"username": "ed", "password": "correct-horse"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )
    assert locked.status_code == 429
    other_reader = client.post(
        LOGIN,
        {"username": "ed", "password": "correct-horse"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert other_reader.status_code == 302
