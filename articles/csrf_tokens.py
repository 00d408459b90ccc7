"""The CSRF token that fills a cached page's hole: Django's ``get_token``, drawn faster.

Django's ``get_token`` draws each of its random letters with ``secrets.choice``: 64 calls for
a new reader (the secret and the mask), 32 for a known one, which was a tenth of the CPU of a
story served from the cache. This draws the same letters from one ``secrets.token_bytes``
call (bytes past the last whole multiple of 62 are dropped, so every letter is equally
likely) and builds the token exactly as Django does: the mask, then the secret shifted
letter by letter by the mask. ``CsrfViewMiddleware`` checks it, sets the cookie for a new
reader and renews it for a known one, as for Django's own token.
"""

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

LETTERS = CSRF_ALLOWED_CHARS
_INDEX = {letter: index for index, letter in enumerate(LETTERS)}
_USABLE = 256 - 256 % len(LETTERS)  # 248: a byte below it maps to a letter without bias


def random_letters(count):
    letters = []
    while len(letters) < count:
        letters += [LETTERS[b % len(LETTERS)] for b in secrets.token_bytes(count) if b < _USABLE]
    return "".join(letters[:count])


def get_token(request):
    """A fresh masked token for this request's CSRF secret (a new secret for a new reader)."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = random_letters(CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = secret
    # As Django does: the cookie is sent again (a new one, or the old one's expiry renewed).
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = random_letters(CSRF_SECRET_LENGTH)
    shifted = (_INDEX[s] + _INDEX[m] for s, m in zip(secret, mask, strict=True))
    cipher = "".join(LETTERS[index % len(LETTERS)] for index in shifted)
    return mask + cipher
