"""The production settings, served over plain HTTP on loopback for the scanners and
the fault drill (security/scan.sh, security/faults.sh). Never for a real deployment.

Only what plain HTTP needs is changed (no HTTPS redirect, no Secure cookie flag, no
HSTS), plus the comment rate limit, which would otherwise answer the scanners' and
the load generator's many comments from one address with 429 before the code under
test ran. DEBUG stays off: errors are the real error pages.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(64))
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ["DEBUG"] = "0"

from newsportal.settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STATIC_ROOT = os.environ.get("STATIC_ROOT", STATIC_ROOT)  # noqa: F405
COMMENT_RATE_LIMIT = int(os.environ.get("COMMENT_RATE_LIMIT", str(10**9)))
