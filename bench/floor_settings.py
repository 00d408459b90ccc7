"""The framework's floor for the load bench: the site's own settings (middleware, cache,
database) with a URLconf holding one bare view. Never used in production."""

from newsportal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
