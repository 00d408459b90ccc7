"""Settings for newsportal, read from the environment (12-factor).

Production is the default: without ``DEBUG=1`` the site refuses to start with no
``SECRET_KEY`` and serves only ``ALLOWED_HOSTS``. For development set ``DEBUG=1``
(the README's run command does).

Environment:
    DEBUG            "1"/"true" turns on development mode.
    SECRET_KEY       required when DEBUG is off.
    ALLOWED_HOSTS    comma-separated host names.
    DATABASE_URL     e.g. postgres://user:pass@host:5432/newsportal; SQLite file
                     ``db.sqlite3`` in the project folder when unset.
    REPLICA_DATABASE_URL  optional read replica; reads go there, writes to default.
    DATABASE_PREPARED_STATEMENTS  "0" keeps the prepared reads off the server's
                     prepared statements (a connection pooler that cannot keep them).
    CACHE_URL        e.g. redis://127.0.0.1:6379/0; local memory when unset.
    TIME_ZONE        default Europe/Istanbul.
    MEDIA_S3_BUCKET  photos in this S3-compatible bucket (django-storages) instead of
                     the ``media`` folder; with MEDIA_S3_ENDPOINT_URL (for a non-AWS
                     service), MEDIA_S3_REGION, MEDIA_S3_CUSTOM_DOMAIN (a CDN host) and
                     the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY read by boto3.
    MEDIA_ROOT       the folder of the file-system storage (default ``media``).
    SERVE_MEDIA      "1" (the default with file-system storage) lets Django serve the
                     photos under MEDIA_URL; turn it off when the web server does.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for development).")
    SECRET_KEY = "development-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

REPLICA_DATABASE_URL = os.environ.get("REPLICA_DATABASE_URL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "articles",
    "comments",
    "csp",
    "newsportal.login_throttling.LoginThrottlingConfig",  # django-axes
]

MIDDLEWARE = [
    # Read-after-write with a replica: POSTs and the admin read from the primary
    # (see db_routers.py).
    *(["newsportal.db_routers.PrimaryForWritesMiddleware"] if REPLICA_DATABASE_URL else []),
    "django.middleware.security.SecurityMiddleware",
    "newsportal.headers.PermissionsPolicyMiddleware",
    "newsportal.headers.SiteCSPMiddleware",  # django-csp's, the policy built once
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "newsportal.urls"

# The public pages are Jinja2 templates (jinja2/, newsportal/jinja2.py); the admin,
# crispy-forms' layouts, e-mails, robots.txt and the news sitemap are Django's (templates/).
TEMPLATES = [
    {
        "BACKEND": "newsportal.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "newsportal.jinja2.environment",
            "keep_trailing_newline": True,
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.navigation",
            ],
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "newsportal.wsgi.application"

# Database: SQLite in the project folder unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if REPLICA_DATABASE_URL:
    DATABASES["replica"] = dj_database_url.parse(
        REPLICA_DATABASE_URL, conn_max_age=60, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["newsportal.db_routers.PrimaryReplicaRouter"]
# The story page's prepared reads (newsportal/prepared_reads.py) are prepared on a
# PostgreSQL server once per connection: psycopg prepares only with a prepare_threshold
# (Django leaves it unset; its own queries bind in the client and are never prepared).
# Turn it off behind a pooler that cannot keep prepared statements (PgBouncer in
# transaction mode before 1.21, or without max_prepared_statements).
if env_bool("DATABASE_PREPARED_STATEMENTS", True):
    for database in DATABASES.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            database.setdefault("OPTIONS", {})["prepare_threshold"] = 5

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when CACHE_URL is set (shared by every app server), else local memory.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHE_IS_REDIS = CACHE_URL.startswith(("redis://", "rediss://"))
if CACHE_IS_REDIS:
    # django-redis keeps one client per process; Django's own backend builds a new one
    # for every cache call, a measurable share of a page served from the page cache.
    CACHES = {
        "default": {
            # django-redis, with IGNORE_EXCEPTIONS so that a Redis outage degrades the site
            # instead of failing it: reads miss, writes are dropped (and logged); see
            # security/README.md.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions (the admin's) are read from the shared cache, kept in the database too.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Turkish first, English second.
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Istanbul")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Photos and their renditions (articles/renditions.py): the ``media`` folder, or an
# S3-compatible bucket through django-storages when MEDIA_S3_BUCKET is set.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,  # published photos are public: stable, cacheable URLs
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", not MEDIA_S3_BUCKET)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SITE_NAME = os.environ.get("SITE_NAME", "newsportal")

# Read counter: a visitor's reloads within this many seconds count once.
READ_COUNT_WINDOW_SECONDS = env_int("READ_COUNT_WINDOW_SECONDS", 30 * 60)

# Production hardening (off in development so runserver works over plain HTTP).
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The admin lives at a configurable path (a small obstacle for scripted login attempts).
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# Comments (see comments/intake.py for the order of the checks).
COMMENTS_POST_MODERATION = env_bool("COMMENTS_POST_MODERATION")  # off: every comment is held
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 30)  # 0: never
COMMENT_MAX_LENGTH = 2000
COMMENT_RATE_LIMIT = env_int("COMMENT_RATE_LIMIT", 5)  # attempts per window
COMMENT_RATE_WINDOW_SECONDS = env_int("COMMENT_RATE_WINDOW_SECONDS", 600)
COMMENT_DUPLICATE_WINDOW_SECONDS = 24 * 60 * 60

# Commenters and readers (issue 11; comments/identity.py, comments/outbox.py). One block.
# The signed cookie of a commenter signed in by the e-mail link is COMMENTER_COOKIE_NAME
# (defined with the page cache's settings below, which bypass the cache for it).
COMMENTER_COOKIE_MAX_AGE = 365 * 24 * 60 * 60
READER_COOKIE_NAME = "reader"  # a stable anonymous key, for one report per reader
SIGN_IN_LINK_MAX_AGE = int(os.environ.get("SIGN_IN_LINK_MAX_AGE", str(3 * 24 * 60 * 60)))
COMMENTS_TRUST_AFTER = int(os.environ.get("COMMENTS_TRUST_AFTER", "3"))  # approved comments
COMMENTS_TRUST_CLEAN_DAYS = 30  # no rejection by a moderator in this many days
COMMENTS_REPORTS_TO_HIDE = int(os.environ.get("COMMENTS_REPORTS_TO_HIDE", "3"))
# Mail: EMAIL_URL (smtp://user:pass@host:587, smtps://… for TLS on connect; add ?tls=1 for
# STARTTLS), or EMAIL_BACKEND (e.g. django.core.mail.backends.filebased.EmailBackend with
# EMAIL_FILE_PATH); the console in development.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    from urllib.parse import parse_qs, unquote, urlsplit

    _email = urlsplit(EMAIL_URL)
    if _email.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured("EMAIL_URL must start with smtp:// or smtps://")
    _email_query = parse_qs(_email.query)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or (465 if _email.scheme == "smtps" else 25)
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_SSL = _email.scheme == "smtps"
    EMAIL_USE_TLS = _email_query.get("tls", ["0"])[0] in ("1", "true")
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND",
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend",
    )
    EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsportal <noreply@localhost>")
# Where links in e-mails point (no request when the outbox command sends them).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")

# Proxies in front of the app servers whose X-Forwarded-For may be trusted.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Buffered read counts (articles/read_buffer.py): a Redis URL turns buffering on.
READS_REDIS_URL = os.environ.get("READS_REDIS_URL", CACHE_URL if CACHE_IS_REDIS else "")
READS_FLUSH_SECONDS = env_int("READS_FLUSH_SECONDS", 5)

# Reader pages cached whole, with holes for the CSRF token and the read count
# (articles/page_cache.py): how long a page and a story's facts are kept, so the longest
# a page may miss a change nothing announces (README: "What readers see at once").
# 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
# A story's approved comments as HTML, kept in the shared cache under the story's comment
# version (comments/list_cache.py), whether or not the page cache is on: how long, so the
# longest a list may miss a change nothing announces. 0 turns it off.
COMMENT_LIST_CACHE_SECONDS = env_int("COMMENT_LIST_CACHE_SECONDS", 60)
# Signed-in commenters carry this cookie: their pages are never served from the page cache
# nor stored in it (their comment form is filled in for them).
COMMENTER_COOKIE_NAME = "commenter"

# Hardening (issue 7; security/README.md): CSP, permissions policy, login throttling,
# request size limits, error pages (their middleware and apps are in the lists above).

# Photos from a bucket or its CDN host are our own images too.
MEDIA_IMAGE_HOSTS = []
if MEDIA_S3_BUCKET:
    MEDIA_IMAGE_HOSTS = [
        "https://" + os.environ.get("MEDIA_S3_CUSTOM_DOMAIN", "")
        if os.environ.get("MEDIA_S3_CUSTOM_DOMAIN")
        else os.environ.get("MEDIA_S3_ENDPOINT_URL", "https://*.amazonaws.com")
    ]

# Content-Security-Policy (django-csp): only our own scripts, styles, images and forms;
# no inline script or style anywhere (JSON-LD data blocks are not scripts to CSP).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_IMAGE_HOSTS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No script reads our cookies (the site has no JavaScript of its own): all HttpOnly, and
# Secure in production like the session and CSRF cookies (wapiti flagged the language one).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not DEBUG
CSRF_FAILURE_VIEW = "newsportal.errors.csrf_failure"

# Requests: a comment is 2,000 characters; the admin's story form is the largest form.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

# Admin login throttling (django-axes, attempts kept in the database so every app server
# sees them): locked out after AXES_FAILURE_LIMIT failures per username and IP address.
AUTHENTICATION_BACKENDS = [
    "newsportal.auth_backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))  # hours
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "comments.clients.client_ip"  # honours TRUSTED_PROXY_COUNT
AXES_LOCKOUT_TEMPLATE = "429.html"
AXES_HTTP_RESPONSE_CODE = 429
