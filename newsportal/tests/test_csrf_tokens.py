"""The page cache's CSRF token is Django's: the same secret and cookie, a token Django's
middleware accepts, a new mask each time."""

from collections import Counter

from django.http import HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CSRF_TOKEN_LENGTH,
    CsrfViewMiddleware,
    _check_token_format,
    _unmask_cipher_token,
)
from django.test import RequestFactory

from newsportal import csrf_tokens

middleware = CsrfViewMiddleware(lambda request: HttpResponse())


def request_with(cookie=None):
    factory = RequestFactory()
    if cookie:
        factory.cookies["csrftoken"] = cookie
    request = factory.post("/")
    middleware.process_request(request)
    return request


def accepted(cookie, token):
    """Whether Django's middleware accepts a form posted with this token and cookie."""
    posted = request_with(cookie)
    posted.POST = posted.POST.copy()
    posted.POST["csrfmiddlewaretoken"] = token
    return middleware.process_view(posted, lambda request: None, (), {}) is None


def test_a_new_visitor_gets_a_secret_their_cookie_will_hold():
    request = request_with()
    token = csrf_tokens.get_token(request)
    _check_token_format(token)
    assert len(token) == CSRF_TOKEN_LENGTH
    secret = request.META["CSRF_COOKIE"]
    assert _unmask_cipher_token(token) == secret
    response = middleware.process_response(request, HttpResponse())
    assert response.cookies["csrftoken"].value == secret


def test_the_mask_is_django_s():
    secret = csrf_tokens.random_characters(CSRF_SECRET_LENGTH)
    request = request_with(cookie=secret)
    for _ in range(50):
        token = csrf_tokens.get_token(request)
        assert _unmask_cipher_token(token) == secret
        assert token[:CSRF_SECRET_LENGTH] != token[CSRF_SECRET_LENGTH:]


def test_a_returning_visitor_keeps_their_secret_and_django_accepts_the_token():
    secret = "a" * 16 + "Z9" * 8
    request = request_with(cookie=secret)
    token = csrf_tokens.get_token(request)
    assert token != csrf_tokens.get_token(request)  # a new mask each time (BREACH)
    assert request.META["CSRF_COOKIE"] == secret
    assert accepted(secret, token)
    assert not accepted(secret, csrf_tokens.get_token(request_with()))  # another visitor's


def test_every_character_is_drawn_evenly():
    drawn = Counter(csrf_tokens.random_characters(62 * 500))
    assert set(drawn) == set(CSRF_ALLOWED_CHARS)
    # 500 expected each; a bias of the modulo (bytes 248..255) would add about 16 to the first 8.
    assert max(drawn.values()) < 620 and min(drawn.values()) > 390
    first_eight = sum(drawn[char] for char in CSRF_ALLOWED_CHARS[:8]) / 8
    rest = sum(drawn[char] for char in CSRF_ALLOWED_CHARS[8:]) / 54
    assert abs(first_eight - rest) < 40
