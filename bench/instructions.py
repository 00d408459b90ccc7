"""Instructions per story request, counted by callgrind: run with ``bench/instructions.sh``.

``python bench/instructions.py setup`` loads the demo data; ``python bench/instructions.py
CASE`` (under ``valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no``) makes
20 requests of the case to warm up, then 20 more with callgrind's collection turned on
around each request alone (``CALLGRIND_MARKS``: a small library of callgrind's client
requests, built by the script), and dumps the counts once. The cases are those of
``story_cpu.py``: ``nothing`` (the page cache off), ``stored`` (the cache emptied before
each request), ``tail`` (the story's facts forgotten), each with ``100`` appended for the
seed story with 100 more approved comments.
"""

import ctypes
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.in_process import setup_django  # noqa: E402

setup_django(CACHE_URL=os.environ["TEST_REDIS_URL"])

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import override_settings  # noqa: E402

from articles import page_cache, renewal  # noqa: E402
from bench import story_cpu  # noqa: E402
from comments.models import Comment  # noqa: E402


def main(case):
    if case == "setup":
        call_command("migrate", verbosity=0)
        call_command("collectstatic", "--noinput", verbosity=0)
        call_command("demo_data", verbosity=0)
        return
    kind = case.removesuffix("100")
    added = Comment.objects.filter(article__slug=story_cpu.SEED, name__startswith="Okur ")
    if case.endswith("100") and added.count() < 100:
        story_cpu.add_comments(story_cpu.SEED, 100)
    before = {
        "nothing": None,
        "stored": cache.clear,
        "tail": lambda: page_cache.forget(renewal.story_facts_name(story_cpu.SEED)),
    }[kind]
    marks = ctypes.CDLL(os.environ["CALLGRIND_MARKS"])
    path = f"/news/{story_cpu.SEED}/"
    with override_settings(PAGE_CACHE_SECONDS=0 if kind == "nothing" else 60):
        for _ in range(20):
            if before:
                before()
            story_cpu.get(path)
        marks.begin()
        for _ in range(20):
            if before:
                before()
            marks.toggle()
            story_cpu.get(path)
            marks.toggle()
        marks.end()


if __name__ == "__main__":
    main(sys.argv[1])
