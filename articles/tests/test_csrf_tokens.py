"""The cached page's CSRF token: drawn faster than Django's, checked by Django's middleware."""

from collections import Counter

from django.middleware.csrf import CsrfViewMiddleware, _unmask_cipher_token
from django.test import RequestFactory

from articles.csrf_tokens import LETTERS, get_token, random_letters


def test_a_new_reader_gets_a_new_secret_and_a_masked_token_of_it():
    request = RequestFactory().get("/")
    token = get_token(request)
    secret = request.META["CSRF_COOKIE"]
    assert len(secret) == 32 and len(token) == 64
    assert set(secret + token) <= set(LETTERS)
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert _unmask_cipher_token(token) == secret
    again = get_token(request)
    assert again != token and _unmask_cipher_token(again) == secret


def test_a_known_reader_keeps_their_secret():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = "a" * 32
    assert _unmask_cipher_token(get_token(request)) == "a" * 32
    assert request.META["CSRF_COOKIE"] == "a" * 32


def checked(token, cookie):
    """What Django's CSRF middleware answers a form POST with this token and cookie."""
    post = RequestFactory().post("/", {"csrfmiddlewaretoken": token})
    post.COOKIES["csrftoken"] = cookie
    middleware = CsrfViewMiddleware(lambda request: None)
    middleware.process_request(post)
    return middleware.process_view(post, lambda request: None, (), {})


def test_djangos_middleware_accepts_the_token_with_the_readers_cookie_only():
    reader = RequestFactory().get("/")
    token = get_token(reader)
    assert checked(token, reader.META["CSRF_COOKIE"]) is None
    assert checked(token, random_letters(32)).status_code == 403  # someone else's cookie


def test_every_letter_is_about_equally_likely():
    counts = Counter(random_letters(62 * 2000))
    assert set(counts) == set(LETTERS)
    assert all(1600 < n < 2400 for n in counts.values())  # 2,000 each on average
