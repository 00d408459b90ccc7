"""Production settings: `check --deploy` is clean, and the security headers are sent."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from .html_checks import problems

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    env.update(
        DJANGO_SETTINGS_MODULE="newsportal.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="news.example.com",
        **extra,
    )
    return env


def test_production_settings_pass_check_deploy_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_security_settings():
    """The test settings are the production settings (DEBUG off) minus the HTTPS redirect."""
    assert not settings.DEBUG
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings.SECURE_HSTS_SECONDS >= 31536000
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS and settings.SECURE_HSTS_PRELOAD
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.parametrize("path", ["/", "/en/", "/search/?q=x", "/no-such-page/"])
def test_every_page_sends_the_security_headers(client, db, path):
    response = client.get(path, secure=True)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_every_cookie_is_secure_and_httponly(client, story):
    """Session, CSRF, language and read-counter cookies, as set over HTTPS in production."""
    client.get(story.get_absolute_url(), secure=True, HTTP_USER_AGENT="Mozilla/5.0 reader")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)
    make_staff()
    client.post(
        reverse("admin:login"), {"username": "staff", "password": "correct-horse"}, secure=True
    )
    cookies = {name: client.cookies[name] for name in client.cookies}
    assert {"csrftoken", "django_language", "np_reads", "sessionid"} <= set(cookies)
    for name, cookie in cookies.items():
        assert cookie["secure"] and cookie["httponly"], name
        assert cookie["samesite"] in ("Lax", "Strict"), name


def make_staff():
    from django.contrib.auth.models import User

    return User.objects.create_user("staff", password="correct-horse", is_staff=True)


def test_admin_pages_send_the_csp_too(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:index"), secure=True)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_plain_http_is_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    # Behind the proxy, which terminates TLS and says so:
    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 200


def test_admin_lives_at_the_configured_path():
    assert reverse("admin:index") == "/" + settings.ADMIN_URL


def test_no_page_needs_unsafe_inline(client, superuser, story, draft):
    """Every kind of page, the admin included, renders without inline scripts, inline
    styles or event handlers, so the strict CSP blocks nothing. JSON-LD and JSON data
    blocks are data (not executed, so not subject to script-src) and must parse."""
    from comments.models import Comment

    comment = Comment.objects.create(
        article=story,
        name="Okur",
        email="okur@example.com",
        body="Bu yazar aptal biri",
        status=Comment.Status.APPROVED,
        findings=[{"rule": "insult", "severity": "review", "start": 9, "end": 14, "field": "body"}],
        rules="insult",
    )
    rejected = client.post(
        f"/news/{story.slug}/comment/",
        {"name": "A", "email": "a@example.com", "body": "BU HABER ÇOK YANLIŞ, HEMEN DÜZELTİN"},
    )
    pages = {"rejected comment form": rejected.content.decode()}
    reader_paths = [
        "/",
        story.get_absolute_url(),
        "/en" + story.get_absolute_url(),
        story.section.get_absolute_url(),
        "/archive/",
        "/search/?q=bütçe",
        "/language/tr/",
        "/no-such-page/",
    ]
    client.force_login(superuser)
    admin_paths = [
        reverse("admin:index"),
        reverse("admin:comments_comment_changelist"),
        reverse("admin:comments_comment_change", args=[comment.pk]),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[story.pk]),
        reverse("admin:comments_ban_add"),
        reverse("admin:comments_term_changelist"),
        reverse("articles:preview", args=[draft.pk]),
    ]
    for path in reader_paths + admin_paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        pages[path] = response.content.decode()
    client.logout()
    pages["admin login"] = client.get(reverse("admin:login")).content.decode()
    found = {name: problems(html, allowed_tags={"svg", "details"}) for name, html in pages.items()}
    assert {name: issues for name, issues in found.items() if issues} == {}


def test_collectstatic_works_with_the_production_storage(tmp_path, settings):
    """WhiteNoise's manifest storage rewrites every url() in the CSS: a reference to a
    file we do not ship (such as a source map) would make the production deploy fail."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").exists()
    assert (tmp_path / "comments" / "admin.css").exists()
