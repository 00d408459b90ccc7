"""Django set up in a bench's own process, with production settings.

For the benches that time code in process (``story_cpu.py``, ``related_plans.py``): the
settings the site runs with (no DEBUG, logging only errors), a throw-away secret and the
test client's host; ``extra`` adds environment settings (``CACHE_URL``). Call it before
importing anything that needs Django's settings.
"""

import os


def setup_django(**extra):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsportal.settings",
        DEBUG="0",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
        **extra,
    )
    import django

    django.setup()
