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
    CACHE_URL        e.g. redis://127.0.0.1:6379/0; local memory when unset.
    TIME_ZONE        default Europe/Istanbul.
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


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for development).")
    SECRET_KEY = "development-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsportal.urls"

TEMPLATES = [
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
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if os.environ.get("REPLICA_DATABASE_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["REPLICA_DATABASE_URL"], conn_max_age=60, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["newsportal.db_routers.PrimaryReplicaRouter"]
    # Read-after-write: POSTs and the admin read from the primary (see db_routers.py).
    MIDDLEWARE.insert(0, "newsportal.db_routers.PrimaryForWritesMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when CACHE_URL is set (shared by every app server), else local memory.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://")):
    # django-redis keeps one client per process; Django's own backend builds a new one
    # for every cache call, a measurable share of a page served from the page cache.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SITE_NAME = os.environ.get("SITE_NAME", "newsportal")

# Read counter: a visitor's reloads within this many seconds count once.
READ_COUNT_WINDOW_SECONDS = int(os.environ.get("READ_COUNT_WINDOW_SECONDS", str(30 * 60)))

# Production hardening (off in development so runserver works over plain HTTP).
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
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
COMMENTS_CLOSE_AFTER_DAYS = int(os.environ.get("COMMENTS_CLOSE_AFTER_DAYS", "30"))  # 0: never
COMMENT_MAX_LENGTH = 2000
COMMENT_RATE_LIMIT = int(os.environ.get("COMMENT_RATE_LIMIT", "5"))  # attempts per window
COMMENT_RATE_WINDOW_SECONDS = int(os.environ.get("COMMENT_RATE_WINDOW_SECONDS", "600"))
COMMENT_DUPLICATE_WINDOW_SECONDS = 24 * 60 * 60
# Proxies in front of the app servers whose X-Forwarded-For may be trusted.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Buffered read counts (articles/read_buffer.py): a Redis URL turns buffering on.
READS_REDIS_URL = os.environ.get(
    "READS_REDIS_URL", CACHE_URL if CACHE_URL.startswith(("redis://", "rediss://")) else ""
)
READS_FLUSH_SECONDS = int(os.environ.get("READS_FLUSH_SECONDS", "5"))

# Reader pages cached whole, with holes for the CSRF token and the read count
# (articles/page_cache.py): the longest a page may miss a change nothing announces,
# such as a scheduled story going live. 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
