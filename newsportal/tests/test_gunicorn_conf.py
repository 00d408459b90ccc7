"""The shipped gunicorn configuration, run by gunicorn itself."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn_server():
    """gunicorn.conf.py serving newsportal.tests.gc_probe with one worker; yields its URL."""
    port = free_port()
    env = {**os.environ, "WEB_CONCURRENCY": "1", "DJANGO_SETTINGS_MODULE": "newsportal.settings"}
    env.update(DEBUG="0", SECRET_KEY="gunicorn-test-" + "x" * 50, ALLOWED_HOSTS="127.0.0.1")
    env.pop("CACHE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{port}", "newsportal.tests.gc_probe:application"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/gc-probe", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("gunicorn stopped:\n" + process.stdout.read().decode())
                time.sleep(0.1)
        yield process, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_worker_starts_with_the_preloaded_heap_frozen(gunicorn_server):
    """pre_fork freezes what the master loaded (Django, the site): the worker's garbage
    collector never walks it, and only the worker's own objects remain to collect."""
    master, url = gunicorn_server
    with urllib.request.urlopen(url + "/gc-probe", timeout=5) as response:
        worker = json.load(response)
    assert worker["parent"] == master.pid != worker["pid"]  # answered by a forked worker
    # Django and the site's modules, loaded once in the master: tens of thousands of objects.
    assert worker["frozen"] > 20_000
    assert worker["tracked"] < worker["frozen"]
