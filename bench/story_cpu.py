"""CPU per story request, in process, through Django's whole middleware stack.

Run with ``bench/story_cpu.sh`` (a throw-away PostgreSQL and Redis): production settings
with Redis as the cache and the read buffer, the demo data, and Django's test client
(every request a new reader, counted). It prints the median CPU time of this process
(``time.process_time``: the database's and Redis's own CPU are not in it) per request:

- the seed story from the page cache;
- a trivial page through the same middleware (``/favicon.ico``: a redirect), the floor;
- the seed story rendered from nothing (page cache off), with its demo comments and with
  100 approved comments;
- the seed story rendered while the cache is on but empty (rendered and stored);
- the seed story missing from a warm cache, as in the long tail (its facts forgotten: the
  site's versions, the navigation and the section's newest stories are current).

``--profile CASE`` prints cProfile's top functions for one case instead; ``--callgrind
CASE`` the instructions per request counted by valgrind's callgrind (``--runs`` requests,
instrumented alone: they do not swing with the machine's load, as times do); ``--templates
CASE`` the CPU spent in each template (itself, and with what it includes), per request;
``--flush N`` the CPU of moving one buffered read of each of N stories into the database
(the long tail's flush, ``articles.read_buffer.flush``).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.in_process import setup_django  # noqa: E402

setup_django(CACHE_URL=os.environ["TEST_REDIS_URL"])

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles import page_cache, renewal  # noqa: E402

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
SEED = "us-blasts-syrian-regimes-offensive-on-aleppo"


CLIENT = None


def get(path):
    """A new reader (no cookies) through one handler (a new Client loads the middleware)."""
    global CLIENT
    CLIENT = CLIENT or Client()
    CLIENT.cookies.clear()
    response = CLIENT.get(path, HTTP_USER_AGENT=BROWSER, secure=True)
    assert response.status_code in (200, 301, 302), (path, response.status_code)
    return response


def cpu_ms(request, runs, before=None):
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.process_time()
        request()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def add_comments(slug, count):
    """``count`` approved comments under the story, one every 7 minutes and some seconds
    up to now (as readers send them: pages write each minute's time once)."""
    from articles.models import Article
    from comments.models import Comment

    story = Article.objects.get(slug=slug)
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            article=story,
            name=f"Okur {n}",
            email=f"okur{n}@example.com",
            body="Çok güzel bir haber, emeğinize sağlık. Bu konuda daha fazla bilgi isterdim.",
            status=Comment.Status.APPROVED,
            language="tr",
            created_at=now - timedelta(minutes=7 * (count - n), seconds=n),
        )
        for n in range(count)
    )
    return Comment.objects.filter(article=story, status=Comment.Status.APPROVED).count()


def print_template_times(label, request, before, runs):
    """CPU per request in each template's own code, and with the templates it renders
    (Django's: includes and inclusion tags; Jinja2's: each ``render``, such as a page, the
    comment section and crispy's form; includes and macros count as the page's own)."""
    import jinja2
    from django.template.base import Template

    own, whole, stack = {}, {}, []
    original = Template._render
    original_jinja2 = jinja2.Template.render

    def timed(render, name, *args, **kwargs):
        start = time.process_time()
        stack.append(0.0)
        try:
            return render(*args, **kwargs)
        finally:
            spent = time.process_time() - start
            nested = stack.pop()
            if stack:
                stack[-1] += spent
            own[name] = own.get(name, 0.0) + spent - nested
            whole[name] = whole.get(name, 0.0) + spent

    def timed_render(template, context):
        name = template.origin.template_name or template.origin.name
        return timed(original, name, template, context)

    def timed_jinja2_render(template, *args, **kwargs):
        return timed(original_jinja2, f"{template.name} (Jinja2)", template, *args, **kwargs)

    jinja2.Template.render = timed_jinja2_render
    Template._render = timed_render
    try:
        total = 0.0
        for _ in range(runs):
            if before:
                before()
            start = time.process_time()
            request()
            total += time.process_time() - start
    finally:
        Template._render = original
        jinja2.Template.render = original_jinja2
    print(
        f"CPU ms per request by template ({label}, {runs} runs; {total / runs * 1000:.2f} in all)"
    )
    print(f"  {'template':<40} {'itself':>7} {'with includes':>14}")
    for name in sorted(own, key=own.get, reverse=True):
        print(f"  {name:<40} {own[name] / runs * 1000:7.2f} {whole[name] / runs * 1000:14.2f}")


def print_flush_cpu(stories, runs):
    """The median CPU of this process and wall time of flushing one read of each of
    ``stories`` stories (made for it, as copies of the seed story)."""
    from articles import read_buffer
    from articles.models import Article

    seed = Article.objects.get(slug=SEED)
    made = Article.objects.filter(slug__startswith="flush-bench-").count()
    Article.objects.bulk_create(
        Article(
            headline=f"{seed.headline} {n}",
            slug=f"flush-bench-{n}",
            body=seed.body,
            section=seed.section,
            status=seed.status,
            published_at=seed.published_at,
        )
        for n in range(made, stories)
    )
    ids = list(
        Article.objects.filter(slug__startswith="flush-bench-").values_list("pk", flat=True)
    )[:stories]
    cpu, wall = [], []
    for _ in range(runs):
        pipe = read_buffer.client().pipeline(transaction=False)
        for pk in ids:
            pipe.hincrby(read_buffer.LIVE, str(pk), 1)
        pipe.execute()
        start_cpu, start = time.process_time(), time.perf_counter()
        assert read_buffer.flush(scan=False) == stories
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    print(
        f"flush of one read of each of {stories:,} stories, median of {runs}: "
        f"{statistics.median(cpu):.1f} ms of CPU here, {statistics.median(wall):.1f} ms wall"
    )


def run_under_callgrind(case, runs):
    """Run this bench again under valgrind's callgrind and print the instructions per
    request of ``case``: instrumentation is on around its ``runs`` requests alone
    (:func:`count_instructions`; the case's set-up before each request is the bench's own,
    small, and the same before and after a change), hash randomisation off, so that two
    runs of the same code count within about 0.5% of each other."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                *sys.argv,
            ],
            env={**os.environ, "NP_UNDER_CALLGRIND": "1", "PYTHONHASHSEED": "0"},
            check=True,
            stderr=subprocess.DEVNULL,
        )
        annotated = subprocess.run(
            ["callgrind_annotate", str(out)], capture_output=True, text=True, check=True
        ).stdout
    total = next(line for line in annotated.splitlines() if "PROGRAM TOTALS" in line)
    instructions = int(total.split()[0].replace(",", ""))
    print(f"{case}: {instructions / runs / 1e6:.2f} M instructions per request ({runs} requests)")


def count_instructions(request, before, runs):
    """Under callgrind: the requests with instrumentation on (``callgrind_control``)."""

    def instrument(state):
        subprocess.run(
            ["callgrind_control", "-i", state, str(os.getpid())],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    instrument("on")
    for _ in range(runs):
        if before:
            before()
        request()
    instrument("off")


def case_settings(case):
    """The page cache off for the whole of a ``nothing`` case, rather than switched off and
    on around each request: ``override_settings`` (its signal's receivers, Django's cached
    settings emptied) cost about 1.6 M instructions a request (11% of the page, callgrind),
    which a site running with ``PAGE_CACHE_SECONDS=0`` never pays."""
    if case.startswith("nothing"):
        return override_settings(PAGE_CACHE_SECONDS=0)
    return nullcontext()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument(
        "--profile", choices=["cached", "floor", "nothing", "nothing100", "stored", "tail"]
    )
    parser.add_argument(
        "--templates",
        choices=["nothing", "nothing100", "tail"],
        help="print the CPU spent in each template",
    )
    parser.add_argument(
        "--queries", choices=["cached", "nothing", "stored", "tail"], help="print one request's SQL"
    )
    parser.add_argument("--flush", type=int, metavar="N", help="time flushing N stories' reads")
    parser.add_argument(
        "--callgrind",
        choices=["cached", "floor", "nothing", "nothing100", "stored", "tail"],
        help="count the instructions per request with valgrind's callgrind",
    )
    args = parser.parse_args()
    if "NP_UNDER_CALLGRIND" not in os.environ:  # else done by the process that runs it
        call_command("migrate", verbosity=0)
        call_command("collectstatic", "--noinput", verbosity=0)
        call_command("demo_data", verbosity=0)
    path = f"/news/{SEED}/"

    def forget_seed():
        page_cache.forget(renewal.story_facts_name(SEED))

    def seed_page():
        return get(path)

    cases = {
        "cached": ("seed story from the page cache", seed_page, None),
        "floor": ("a redirect through the same middleware", lambda: get("/favicon.ico"), None),
        "nothing": ("seed story rendered from nothing", seed_page, None),
        "stored": ("seed story rendered and stored (cache empty)", seed_page, cache.clear),
        "tail": ("seed story missing from a warm cache", seed_page, forget_seed),
    }
    if args.flush:
        print_flush_cpu(args.flush, max(3, args.runs // 100))
        return
    if args.queries:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        label, request, before = cases[args.queries]
        with case_settings(args.queries):
            request()
            if before:
                before()
            with CaptureQueriesContext(connection) as queries:
                request()
        for query in queries:
            print(f"{query['time']:>6} {query['sql']}")
        print(f"{len(queries)} queries: {label}")
        return

    def warmed(case):
        """The case's label, request and set-up, after 20 requests (``…100``: with 100
        comments added)."""
        label, request, before = cases[case.removesuffix("100")]
        if case.endswith("100"):
            label = f"{label}, {add_comments(SEED, 100)} comments"
        for _ in range(20):
            request()
        return label, request, before

    if args.callgrind and "NP_UNDER_CALLGRIND" not in os.environ:
        run_under_callgrind(args.callgrind, args.runs)
        return
    if args.callgrind:
        with case_settings(args.callgrind):
            _label, request, before = warmed(args.callgrind)
            count_instructions(request, before, args.runs)
        return
    if args.templates:
        with case_settings(args.templates):
            print_template_times(*warmed(args.templates), args.runs)
        return
    if args.profile:
        case_settings(args.profile).__enter__()
        label, request, before = warmed(args.profile)
        profiler = cProfile.Profile(time.process_time)
        for _ in range(args.runs):
            if before:
                before()
            profiler.enable()
            request()
            profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(35)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(150)
        return
    print(
        f"CPU ms per request, median of {args.runs}"
        f" (cache: {settings.CACHES['default']['BACKEND']})"
    )
    seed_page()
    for name in ("cached", "floor", "nothing", "stored", "tail"):
        label, request, before = cases[name]
        with case_settings(name):
            for _ in range(20):
                request()
            print(f"  {label:<48} {cpu_ms(request, args.runs, before):6.2f}")
    approved = add_comments(SEED, 100)
    for name in ("nothing", "stored", "tail", "cached"):
        label, request, before = cases[name]
        with case_settings(name):
            for _ in range(20):
                request()
            label = f"{label}, {approved} comments"
            print(f"  {label:<48} {cpu_ms(request, args.runs, before):6.2f}")


if __name__ == "__main__":
    main()
