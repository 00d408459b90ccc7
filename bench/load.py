"""Load bench: the site's pages under a crowd, side by side with Django's own floor.

Run it with ``bench/run_load.sh [--quick]``: that script starts a throw-away PostgreSQL
and Redis on loopback (scripts/services.sh) and calls this one, which

1. migrates, collects the static files and loads 1,000 stories with their comments
   (COPY through psycopg 3);
2. serves the site under gunicorn (gunicorn.conf.py) with production settings; next
   to it the same settings with one bare view returning a fixed page as large as the
   article page (bench/floor_urls.py), the framework's floor; and the site once more
   without the page cache (``PAGE_CACHE_SECONDS=0``), to show what rendering costs
   (a story's approved comments still come from their own cache, comments/list_cache.py,
   unless ``COMMENT_LIST_CACHE_SECONDS=0`` is in the environment);
3. drives them with wrk at 16 and 64 connections, each page run followed by a floor
   run (the machine may be shared: each ratio compares neighbours in time): the
   article page of a popular story (100 approved comments), the same while an editor
   saves another story every 2 seconds (bench/editor.py), the home page; then grows
   the data to 100,000 stories and 1,000,000 comments and measures again, with a
   section page, the long tail (wrk choosing at random among 10,000 story addresses,
   bench/wrk/long_tail.lua) and the comment POST (bench/wrk/post_comment.lua);
4. reads one story with 64 new visitors at once (bench/wrk/count_reads.lua), flushes
   the buffered reads and checks the stored total against the story pages answered;
   then the same page as a bot, which is not counted.

wrk keeps no cookies: every article request is a new reader, counted. It prints one
table. Nothing here is a test: figures depend on the machine and what else runs on it.
"""

import argparse
import contextlib
import json
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.cpu_split import CpuSplit  # noqa: E402

PYTHON = sys.executable
WRK_DIR = Path(__file__).resolve().parent / "wrk"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
SECTIONS = ["Gündem", "Dünya", "Ekonomi", "Spor", "Kültür", "Bilim", "Sağlık", "Politika"]
WORDS = (
    "Ankara İstanbul meclis bütçe görüşme ekonomi enflasyon faiz seçim bakan açıklama "
    "toplantı karar yatırım ihracat deprem bölge yardım sağlık hastane okul öğrenci "
    "üniversite kültür sergi festival maç şampiyon lig takım teknik direktör transfer "
    "dünya barış anlaşma zirve liderler güvenlik enerji doğalgaz elektrik fiyat piyasa"
).split()
COMMENTS = [
    "Çok güzel bir haber, emeğinize sağlık.",
    "Bu konuda daha fazla bilgi verilmesini isterdim.",
    "Haberi okurken çok şaşırdım, teşekkürler.",
    "Bölgedeki gelişmeleri yakından takip ediyoruz.",
    "Umarım en kısa sürede çözüm bulunur.",
    "Great reporting, thank you for the details.",
]
POPULAR_STORY = 1  # the newest story: 100 approved comments, read by everyone
POPULAR_COMMENTS = 100
EDITED_STORY = 500  # saved every EDIT_SECONDS by bench/editor.py in the "saving" rows
EDIT_SECONDS = 2
LONG_TAIL = 10_000  # story addresses the long-tail run chooses from
TARGETS = {  # against the floor of the same size in the same run (issue 12)
    "article page": 0.5,
    "article, saving": 0.4,
    "article, no cache": 0.1,
    "long tail": 0.1,
}
P99_TARGET = 3.0  # a page's p99 at most this many times the floor's


def say(message):
    print(f"==> {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------------------
# The data set, written with COPY.


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


class DataSet:
    """Stories numbered 1.. from the newest (story n went out n*15 minutes ago)."""

    def __init__(self, dsn, seed=6):
        self.dsn = dsn
        self.rng = random.Random(seed)
        self.now = datetime.now(UTC)
        self.stories = 0
        self.comments = 0
        self.bylines = 0
        self.tag_links = 0

    def connect(self):
        return psycopg.connect(self.dsn, autocommit=True)

    def base(self, authors=300, tags=1000):
        with self.connect() as conn:
            with conn.cursor().copy(
                "COPY articles_section"
                " (id, name_tr, name_en, slug_tr, slug_en, description, position) FROM STDIN"
            ) as copy:
                for n, name in enumerate(SECTIONS, 1):
                    slug = name.lower().translate(str.maketrans("üğışçö", "ugisco"))
                    copy.write_row((n, name, name, slug, slug, f"{name} haberleri", n))
            with conn.cursor().copy("COPY articles_author (id, name, slug, bio) FROM STDIN") as c:
                for n in range(1, authors + 1):
                    c.write_row((n, f"Muhabir {n}", f"muhabir-{n}", ""))
            with conn.cursor().copy("COPY articles_tag (id, name, slug) FROM STDIN") as copy:
                for n in range(1, tags + 1):
                    copy.write_row((n, f"konu {n}", f"konu-{n}"))
        self.authors, self.tags = authors, tags

    def stories_to(self, total):
        """Add stories up to ``total``, each with bylines and tags."""
        rng, first = self.rng, self.stories + 1
        statuses = ["published"] * 97 + ["draft", "withdrawn", "scheduled"]
        with self.connect() as conn:
            conn.execute("ALTER TABLE articles_article DISABLE TRIGGER USER")  # search vectors
            columns = (
                "id, headline, slug, spot, body, dateline_city, agency, source, language, image,"
                " image_caption, image_credit, section_id, status, published_at, updated_at,"
                " created_at, read_count, comments_enabled"
            )
            with conn.cursor().copy(f"COPY articles_article ({columns}) FROM STDIN") as copy:
                for n in range(first, total + 1):
                    published = self.now - timedelta(minutes=15 * n)
                    status = "published" if n <= 20 else rng.choice(statuses)
                    if status == "scheduled":
                        published = self.now + timedelta(days=1)
                    body = "\n\n".join(
                        " ".join(sentence(rng, rng.randint(10, 18)) for _ in range(4))
                        for _ in range(6)
                    )
                    copy.write_row(
                        (
                            n,
                            f"{sentence(rng, 8)[:-1]} ({n})",
                            f"haber-{n}",
                            sentence(rng, 22),
                            body,
                            "ANKARA",
                            "AA",
                            "AA",
                            "tr" if n % 5 else "en",
                            "",
                            "",
                            "",
                            n % len(SECTIONS) + 1,
                            status,
                            published,
                            published,
                            published,
                            0 if n == POPULAR_STORY else rng.randint(0, 5000),
                            True,
                        )
                    )
            conn.execute("ALTER TABLE articles_article ENABLE TRIGGER USER")
            with conn.cursor().copy(
                "COPY articles_byline (id, article_id, author_id, position) FROM STDIN"
            ) as copy:
                for n in range(first, total + 1):
                    for position, author in enumerate(
                        rng.sample(range(1, self.authors + 1), rng.randint(1, 3))
                    ):
                        self.bylines += 1
                        copy.write_row((self.bylines, n, author, position))
            with conn.cursor().copy(
                "COPY articles_article_tags (id, article_id, tag_id) FROM STDIN"
            ) as copy:
                for n in range(first, total + 1):
                    for tag in rng.sample(range(1, self.tags + 1), rng.randint(2, 4)):
                        self.tag_links += 1
                        copy.write_row((self.tag_links, n, tag))
            # The copy of the links the related stories read (articles.tagged_stories).
            conn.execute(
                "INSERT INTO articles_taggedstory (tag_id, article_id, published_at, status)"
                " SELECT link.tag_id, link.article_id, article.published_at, article.status"
                " FROM articles_article_tags link"
                " JOIN articles_article article ON article.id = link.article_id"
                " WHERE link.article_id >= %s",
                [first],
            )
        self.stories = total

    def comments_to(self, total, stories):
        """Add comments up to ``total``: the popular story's 100 first, then spread over
        ``stories`` (a range of story numbers), three in four approved."""
        rng = self.rng
        columns = (
            "id, article_id, name, email, body, status, decision, language, findings, rules,"
            " ip_address, user_agent, created_at, moderation_reason, notify"
        )
        statuses = ["approved"] * 15 + ["held"] * 4 + ["rejected"]
        with (
            self.connect() as conn,
            conn.cursor().copy(f"COPY comments_comment ({columns}) FROM STDIN") as copy,
        ):
            for n in range(self.comments + 1, total + 1):
                if n <= POPULAR_COMMENTS:
                    story, status = POPULAR_STORY, "approved"
                else:
                    story, status = rng.choice(stories), rng.choice(statuses)
                created = self.now - timedelta(minutes=15 * story) + timedelta(seconds=n % 86400)
                copy.write_row(
                    (
                        n,
                        story,
                        f"Okur {n % 5000}",
                        f"okur{n % 5000}@example.com",
                        rng.choice(COMMENTS),
                        status,
                        "pass",
                        "tr",
                        "[]",
                        "",
                        f"10.{n % 250}.{n // 250 % 250}.{n % 7 + 1}",
                        BROWSER,
                        created,
                        "",
                        False,
                    )
                )
        self.comments = total

    def finish(self):
        """Sequences past the rows written, and fresh planner statistics."""
        with self.connect() as conn:
            for table in (
                "articles_section",
                "articles_author",
                "articles_tag",
                "articles_article",
                "articles_byline",
                "articles_article_tags",
                "articles_taggedstory",
                "comments_comment",
            ):
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
            conn.execute("VACUUM ANALYZE")


# ---------------------------------------------------------------------------------------
# Servers and load.


class Server:
    """gunicorn with the project's gunicorn.conf.py, on a free loopback port."""

    def __init__(self, name, env, log_dir):
        self.name, self.port = name, free_port()
        self.log = open(log_dir / f"{name}.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "newsportal.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait(self, path):
        for _ in range(200):
            try:
                with urllib.request.urlopen(self.url + path, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"{self.name} did not start; see its log")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def parse_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * UNITS[unit]


def wrk(url, connections, seconds, script=None, script_args=(), headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(WRK_DIR / script)]
    command.append(url)
    if script_args:
        command += ["--", *script_args]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": parse_ms(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99": parse_ms(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "non_2xx_3xx": int((re.search(r"Non-2xx or 3xx responses: (\d+)", output) or [0, 0])[1]),
        "errors": re.search(r"Socket errors:.*", output),
        "output": output,
    }
    result["errors"] = result["errors"].group(0) if result["errors"] else ""
    return result


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER, **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), response.headers


def csrf_for(page_url):
    """A CSRF cookie and the form's token, as a browser gets them from the story page."""
    html, headers = fetch(page_url)
    cookie = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        cookie.load(value)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()
    return f"csrftoken={cookie['csrftoken'].value}", token


def manage(env, *args):
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


class Editor:
    """bench/editor.py saving a story every EDIT_SECONDS while a run lasts."""

    def __init__(self, env, log_dir, story=EDITED_STORY):
        self.env, self.log_dir, self.story = env, log_dir, story

    def __enter__(self):
        self.log = open(self.log_dir / "editor.log", "a")  # noqa: SIM115 (closed in __exit__)
        self.saved_before = saved_before = self.saved()
        self.process = subprocess.Popen(
            [PYTHON, "bench/editor.py", str(self.story), str(EDIT_SECONDS)],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        # Measure while it saves, not while it starts: loading Django costs the editor
        # about half a second of CPU, a tenth of a short run on two cores.
        deadline = time.monotonic() + 60
        while self.saved() == saved_before and time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("bench/editor.py stopped; see editor.log")
            time.sleep(0.05)
        return self

    def saved(self):
        with open(self.log_dir / "editor.log") as log:
            return sum(1 for line in log if line.startswith("save "))

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
        self.saves = self.saved() - self.saved_before


def long_tail_paths(dsn, path, count=LONG_TAIL):
    """``count`` published stories' addresses, chosen at random (with a fixed seed)."""
    with psycopg.connect(dsn) as conn:
        conn.execute("SELECT setseed(0.12)")
        slugs = conn.execute(
            "SELECT slug FROM articles_article WHERE status = 'published'"
            " AND published_at <= now() ORDER BY random() LIMIT %s",
            [count],
        ).fetchall()
    path.write_text("".join(f"/news/{slug}/\n" for (slug,) in slugs))
    return len(slugs)


def postmaster_pid(dsn):
    """The PostgreSQL server's process (a backend's parent), for the CPU split."""
    with psycopg.connect(dsn) as conn:  # read while the backend is there
        backend = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        stat = Path(f"/proc/{backend}/stat").read_text()
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def redis_pid(url):
    info = subprocess.run(
        ["redis-cli", "-u", url, "INFO", "server"], capture_output=True, text=True, check=True
    ).stdout
    return int(re.search(r"process_id:(\d+)", info).group(1))


def children_cpu_seconds():
    """CPU of this process's finished children (wrk, waited for by subprocess.run)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stored_reads(dsn, story):
    with psycopg.connect(dsn) as conn:
        return conn.execute(
            "SELECT read_count FROM articles_article WHERE id = %s", [story]
        ).fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 stories, short runs")
    parser.add_argument("--seconds", type=int, help="length of each wrk run")
    parser.add_argument("--counter-seconds", type=int, help="length of the read-counter run")
    args = parser.parse_args()
    stories = 10_000 if args.quick else 100_000
    comments = stories * 10
    seconds = args.seconds or (4 if args.quick else 10)
    counter_seconds = args.counter_seconds or (10 if args.quick else 30)

    dsn, redis_url = os.environ["DATABASE_URL"], os.environ["TEST_REDIS_URL"]
    work = Path(tempfile.mkdtemp(prefix="newsportal-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsportal.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "CACHE_URL": redis_url,
        "COMMENT_RATE_LIMIT": "1000000000",
        "TRUSTED_PROXY_COUNT": "1",  # the POST script sends X-Forwarded-For, as a balancer
        "LOG_LEVEL": "ERROR",
    }
    started = time.monotonic()
    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    say(f"migrate and collect static files (load average {load_before})")
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "-v0")

    data = DataSet(dsn)
    say("load 1,000 stories and 10,000 comments")
    t0 = time.monotonic()
    data.base()
    data.stories_to(1000)
    data.comments_to(10_000, range(2, 1001))
    data.finish()
    load_seconds = time.monotonic() - t0

    site = Server("site", env, work)
    site.wait("/")
    article_path = f"/news/haber-{POPULAR_STORY}/"
    page, _ = fetch(site.url + article_path)
    floor_file = work / "article.html"
    floor_file.write_bytes(page)
    floor_env = {"DJANGO_SETTINGS_MODULE": "bench.floor_settings"}
    floor_env["FLOOR_PAGE_FILE"] = str(floor_file)
    floor = Server("floor", {**env, **floor_env}, work)
    floor.wait("/floor/")
    # The same site without the page cache: every request renders its page.
    uncached = Server("uncached", {**env, "PAGE_CACHE_SECONDS": "0"}, work)
    uncached.wait("/")
    home_bytes = len(fetch(site.url + "/")[0])
    say(f"article page {len(page):,} bytes, home page {home_bytes:,} bytes; servers up")

    rows = []
    browser = [f"User-Agent: {BROWSER}"]
    services = {"postgres": postmaster_pid(dsn), "redis": redis_pid(redis_url)}

    def run(server, path, connections, **options):
        """One wrk run with the CPU its requests cost each group of processes."""
        split = CpuSplit({"app": server.process.pid, **services})
        before, wrk_before = split.snapshot(), children_cpu_seconds()
        result = wrk(server.url + path, connections, seconds, **options)
        result["cpu"] = {**split.since(before), "wrk": children_cpu_seconds() - wrk_before}
        return result

    def measure(label, size, server, path, connections, during=None, **options):
        """The page, then the floor right after it: each ratio compares neighbours in time
        (the machine may be shared). ``during``: a context manager around the page's run."""
        options.setdefault("headers", browser)
        with during or contextlib.nullcontext():
            # Warm up: every worker has loaded the page.
            wrk(server.url + path, connections, 1, **options)
            result = run(server, path, connections, **options)
        if result["non_2xx_3xx"] or result["errors"]:
            print(f"   !! {label}: {result['non_2xx_3xx']} non-2xx/3xx {result['errors']}")
        wrk(floor.url + "/floor/", connections, 1, headers=browser)
        result["floor"] = run(floor, "/floor/", connections, headers=browser)
        rows.append((label, size, connections, result))
        say(
            f"{label:<17} {size:>9,} c={connections:<3} {result['rps']:6.0f} req/s, "
            f"floor {result['floor']['rps']:6.0f} req/s"
        )
        return result

    say("1,000 stories")
    for connections in (16, 64):
        measure("article page", 1000, site, article_path, connections)
        measure("home page", 1000, site, "/", connections)
    editor = Editor(env, work)
    measure("article, saving", 1000, site, article_path, 64, during=editor)
    say(f"the editor saved story {EDITED_STORY} {editor.saves} times")
    measure("article, no cache", 1000, uncached, article_path, 16)
    measure("home, no cache", 1000, uncached, "/", 16)

    say(f"grow to {stories:,} stories and {comments:,} comments")
    t0 = time.monotonic()
    data.stories_to(stories)
    data.comments_to(comments, range(1001, stories + 1))
    data.finish()
    load_seconds += time.monotonic() - t0
    manage(env, "flush_reads")
    subprocess.run(["redis-cli", "-u", redis_url, "FLUSHDB"], check=True, capture_output=True)
    say(f"loaded in {load_seconds:.0f} s in all")

    section_path = "/section/ekonomi/"
    cookie, token = csrf_for(site.url + article_path)
    post_statuses = {}
    measure("article, no cache", stories, uncached, article_path, 16)
    measure("home, no cache", stories, uncached, "/", 16)
    measure("section, no cache", stories, uncached, section_path, 16)
    tail_file = work / "long_tail.txt"
    tail_count = long_tail_paths(dsn, tail_file)
    say(f"long tail: {tail_count:,} story addresses")
    measure(
        "long tail", stories, site, "", 64, script="long_tail.lua", script_args=[str(tail_file)]
    )
    editor = Editor(env, work, story=stories // 2)
    measure("article, saving", stories, site, article_path, 64, during=editor)
    say(f"the editor saved story {stories // 2} {editor.saves} times")
    for connections in (16, 64):
        text = f"Çok güzel bir haber, teşekkürler. Okur {connections} {time.time_ns()}"
        text = urllib.parse.quote_plus(text)
        measure("article page", stories, site, article_path, connections)
        measure("home page", stories, site, "/", connections)
        measure("section page", stories, site, section_path, connections)
        result = measure(
            "comment POST",
            stories,
            site,
            f"/news/haber-{POPULAR_STORY}/comment/",
            connections,
            script="post_comment.lua",
            script_args=(token, cookie, text),
            headers=(),
        )
        for status, n in re.findall(r"status (\d+) (\d+)", result["output"]):
            post_statuses[status] = post_statuses.get(status, 0) + int(n)

    say(f"read counter: 64 new visitors at once on one story for {counter_seconds} s")
    manage(env, "flush_reads")
    before = stored_reads(dsn, POPULAR_STORY)
    result = wrk(
        site.url + article_path,
        64,
        counter_seconds + 3,
        script="count_reads.lua",
        script_args=(str(counter_seconds),),
    )
    sent = int(re.search(r"reads_sent (\d+)", result["output"]).group(1))
    received = int(re.search(r"story_pages (\d+)", result["output"]).group(1))
    not_ok = int(re.search(r"not_200 (\d+)", result["output"]).group(1))
    manage(env, "flush_reads")
    stored = stored_reads(dsn, POPULAR_STORY) - before
    counted_rps = received / counter_seconds
    bot = wrk(
        site.url + article_path,
        64,
        counter_seconds,
        headers=["User-Agent: Googlebot/2.1 (+http://www.google.com/bot.html)"],
    )
    with psycopg.connect(dsn) as conn:
        flushes = conn.execute("SELECT count(*) FROM articles_readflush").fetchone()[0]
        held = conn.execute(
            "SELECT count(*) FROM comments_comment WHERE user_agent = %s AND created_at > %s",
            [BROWSER, data.now],
        ).fetchone()[0]

    site.stop()
    floor.stop()
    uncached.stop()
    report(
        rows,
        stories=stories,
        seconds=seconds,
        pages={"article": len(page), "home": home_bytes},
        counter={
            "seconds": counter_seconds,
            "sent": sent,
            "received": received,
            "not_ok": not_ok,
            "errors": result["errors"],
            "stored": stored,
            "rps": counted_rps,
            "p50": result["p50"],
            "p99": result["p99"],
            "bot": bot,
            "flushes": flushes,
        },
        post_statuses=post_statuses,
        comments_stored=held,
        load_seconds=load_seconds,
        total_seconds=time.monotonic() - started,
        load_before=load_before,
    )
    shutil.rmtree(work, ignore_errors=True)


def ratio(a, b):
    return a / b if b else float("nan")


CPU_GROUPS = ("app", "postgres", "redis", "wrk")


def print_cpu_split(rows):
    """Each row's CPU per request, in ms: the server under test (gunicorn's master and
    workers), PostgreSQL's processes, Redis, wrk, what else the machine ran meanwhile
    (other work on a shared machine, interrupts), and the machine's whole busy time."""
    print(
        "CPU per request in ms (bench/cpu_split.py): the app (gunicorn), PostgreSQL, Redis,"
        " wrk, the rest of the machine; then the floor's run"
    )
    header = f"| {'page':<17} | {'stories':>7} | {'conns':>5} "
    header += "".join(f"| {name:>8} " for name in (*CPU_GROUPS, "rest", "machine"))
    header += f"| {'floor app':>9} | {'floor all':>9} |"
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for label, size, c, r in rows:
        page, floor = cpu_per_request(r), cpu_per_request(r["floor"])
        print(
            f"| {label:<17} | {size:>7,} | {c:>5} "
            + "".join(f"| {page[name]:>8.2f} " for name in (*CPU_GROUPS, "rest", "machine"))
            + f"| {floor['app']:>9.2f} | {floor['machine']:>9.2f} |"
        )


def cpu_per_request(result):
    requests = result["requests"] or float("nan")
    ms = {name: seconds * 1000 / requests for name, seconds in result["cpu"].items()}
    ms["rest"] = ms["machine"] - sum(ms[name] for name in CPU_GROUPS)
    return ms


def report(rows, stories, seconds, pages, counter, post_statuses, comments_stored, **times):
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    workers = os.environ.get("WEB_CONCURRENCY", "default (2 x cores + 1)")
    lists = os.environ.get("COMMENT_LIST_CACHE_SECONDS", "60")
    print()
    print(
        f"newsportal load bench: gunicorn {workers} workers, wrk -t2, {seconds} s a run, "
        f"COMMENT_LIST_CACHE_SECONDS={lists} (also with the page cache off), "
        f"{os.cpu_count()} cores, load average at the start {times['load_before']}, "
        f"at the end {load}; "
        f"article page {pages['article']:,} B, home {pages['home']:,} B"
    )
    print()
    header = f"| {'page':<17} | {'stories':>7} | {'conns':>5} | {'req/s':>6} | {'p50 ms':>7} "
    header += f"| {'p99 ms':>7} | {'floor req/s':>11} | {'floor p50':>9} | {'floor p99':>9} "
    header += f"| {'vs floor':>8} | {'p99 vs floor':>12} |"
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for label, size, c, r in rows:
        floor = r["floor"]
        print(
            f"| {label:<17} | {size:>7,} | {c:>5} | {r['rps']:>6.0f} | {r['p50']:>7.1f} "
            f"| {r['p99']:>7.1f} | {floor['rps']:>11.0f} | {floor['p50']:>9.1f} "
            f"| {floor['p99']:>9.1f} | {ratio(r['rps'], floor['rps']):>8.2f} "
            f"| {ratio(r['p99'], floor['p99']):>12.2f} |"
        )
    print()
    print_cpu_split(rows)
    print()
    print("targets (issue 12), against the floor of the same size in the same run:")
    for label, size, c, r in rows:
        if label in TARGETS:
            got = ratio(r["rps"], r["floor"]["rps"])
            p99 = ratio(r["p99"], r["floor"]["p99"])
            verdict = "met" if got >= TARGETS[label] else "MISSED"
            p99_verdict = "met" if p99 <= P99_TARGET else "MISSED"
            print(
                f"  {label:<17} {size:>7,} c={c:<3} {got:.2f}x >= {TARGETS[label]}x: {verdict}; "
                f"p99 {p99:.2f}x <= {P99_TARGET}x: {p99_verdict}"
            )
    by = {(label, size, c): r for label, size, c, r in rows}
    print()
    for c in (16, 64):
        article, post = by[("article page", stories, c)], by[("comment POST", stories, c)]
        floor = article["floor"]
        print(
            f"c={c}: article page p50 {article['p50']:.1f} ms against the floor's "
            f"{floor['p50']:.1f} ms; comment POST p50 {post['p50']:.1f} ms = "
            f"{ratio(post['p50'], article['p50']):.2f}x the article page's "
            f"(p99 {ratio(post['p99'], article['p99']):.2f}x)"
        )
        pages = ("article page", "home page")
        if c == 16:
            pages += ("article, no cache", "home, no cache")
        for page in pages:
            small, large = by[(page, 1000, c)], by[(page, stories, c)]
            print(
                f"c={c}: {page} with {stories:,} stories: {ratio(large['rps'], small['rps']):.2f}x"
                f" the req/s with 1,000 (p50 {small['p50']:.1f} -> {large['p50']:.1f} ms)"
            )
    print(f"comment POST answers by status: {json.dumps(post_statuses)}; stored: {comments_stored}")
    print()
    bot = counter["bot"]
    errors = f"; wrk: {counter['errors']}" if counter["errors"] else ""
    print(
        f"read counter, 64 new visitors on one story for {counter['seconds']} s: "
        f"{counter['sent']:,} reads sent, {counter['received']:,} story pages answered 200, "
        f"{counter['not_ok']} answers not 200{errors}"
    )
    print(
        f"  stored after the flush: {counter['stored']:,} -> "
        f"{counter['received'] - counter['stored']} lost; "
        f"{counter['flushes']} batched flushes so far"
    )
    print(
        f"  counted:     {counter['rps']:7.0f} req/s, p50 {counter['p50']:.1f} ms, "
        f"p99 {counter['p99']:.1f} ms"
    )
    print(
        f"  not counted: {bot['rps']:7.0f} req/s, p50 {bot['p50']:.1f} ms, p99 {bot['p99']:.1f} ms"
        f" (the same page for a bot) -> counting costs {1 - ratio(counter['rps'], bot['rps']):.0%}"
    )
    print()
    print(f"data loaded in {times['load_seconds']:.0f} s; whole run {times['total_seconds']:.0f} s")


if __name__ == "__main__":
    main()
