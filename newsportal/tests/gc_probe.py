"""A WSGI app for the gunicorn configuration's tests: the site's own application (loaded
in gunicorn's master with ``preload_app``), answering ``/gc-probe`` with what the garbage
collector of the worker that serves it holds; every other path goes to the site."""

import gc
import json
import os

from newsportal.wsgi import application as site


def application(environ, start_response):
    if environ.get("PATH_INFO") != "/gc-probe":
        return site(environ, start_response)
    body = json.dumps(
        {
            "pid": os.getpid(),
            "parent": os.getppid(),
            "frozen": gc.get_freeze_count(),
            "tracked": len(gc.get_objects()),
        }
    ).encode()
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body]
