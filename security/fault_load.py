"""Load while the infrastructure breaks: security/faults.sh runs this against gunicorn.

Writers post comments (each with a unique marker), readers read a story (each read a
new visitor, so each 200 is one counted read). The phases:

1. steady          load only;
2. database down   PostgreSQL stopped for DB_DOWN_SECONDS, then started again;
3. recovered       load paused, buffered reads flushed, counts snapshotted; load
                   again; the stored reads must grow by exactly the 200s served;
4. cache down      Redis killed (the cache, the rate limit, the read buffer) at a
                   moment the load is paused (so what it held can be counted); the
                   site must keep serving, taking comments and counting (in the
                   database); reads buffered in Redis but not flushed at the moment of
                   the kill are lost with it (Redis here runs without persistence);
5. cache back      Redis started again.

Every comment POST must end 302 (held/approved) or 200 (rejected with reasons) and be
stored, or 503 with the friendly page; never a 500, a dropped connection or a
success without the comment. Prints the figures and exits 1 on a broken promise.
"""

import argparse
import collections
import http.client
import json
import os
import re
import subprocess
import threading
import time
import urllib.parse
import uuid

import psycopg
import redis

UA = "Mozilla/5.0 (X11; Linux x86_64) fault-drill Firefox/128.0"
FRIENDLY_503 = ("briefly unavailable", "kısa bir süreliğine hizmet veremiyor")


class Drill:
    def __init__(self, base_url, path, writers, readers):
        self.url = urllib.parse.urlsplit(base_url)
        self.path = path
        self.run = uuid.uuid4().hex[:8]
        self.writers, self.readers = writers, readers
        self.lock = threading.Lock()
        self.phase = "setup"
        self.posts = []  # (phase, marker, status, friendly)
        self.reads = collections.Counter()  # (phase, status) -> n
        self.read_200 = 0
        self.errors = collections.Counter()
        self.running = threading.Event()
        self.stop = threading.Event()

    def connection(self):
        return http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)

    def request(self, method, path, body=None, headers=None):
        conn = self.connection()
        try:
            conn.request(method, path, body=body, headers={"User-Agent": UA, **(headers or {})})
            response = conn.getresponse()
            return (
                response.status,
                response.getheaders(),
                response.read().decode("utf-8", "replace"),
            )
        finally:
            conn.close()

    def csrf(self):
        """A CSRF cookie and token, from the story page (a read, counted like the others)."""
        while not self.stop.is_set():
            try:
                status, headers, html = self.request("GET", self.path)
            except OSError:
                time.sleep(0.2)
                continue
            self.count_read(status)
            if status == 200:
                cookie = next(
                    v for k, v in headers if k.lower() == "set-cookie" and "csrftoken" in v
                )
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
                return cookie.split(";")[0], token
            time.sleep(0.2)
        return None, None

    def count_read(self, status):
        with self.lock:
            self.reads[(self.phase, status)] += 1
            if status == 200:
                self.read_200 += 1

    def writer(self, number):
        cookie, token = self.csrf()
        n = 0
        while not self.stop.is_set():
            if not self.running.wait(0.1):
                continue
            n += 1
            marker = f"drill-{self.run}-{number}-{n}"
            body = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "name": f"Okur {number}",
                    "email": f"okur{number}@example.com",
                    "body": f"Emeği geçenlere teşekkürler, güzel bir haber olmuş ({marker}).",
                    "website": "",
                }
            )
            phase = self.phase
            try:
                status, _, html = self.request(
                    "POST",
                    f"{self.path}comment/",
                    body,
                    {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
                )
            except OSError as exc:
                with self.lock:
                    self.errors[f"POST {type(exc).__name__}"] += 1
                    self.posts.append((phase, marker, "conn-error", False))
                time.sleep(0.1)
                continue
            with self.lock:
                self.posts.append((phase, marker, status, any(t in html for t in FRIENDLY_503)))
            time.sleep(0.05)

    def reader(self):
        while not self.stop.is_set():
            if not self.running.wait(0.1):
                continue
            try:
                status, _, _ = self.request("GET", self.path)
            except OSError as exc:
                with self.lock:
                    self.errors[f"GET {type(exc).__name__}"] += 1
                continue
            self.count_read(status)

    def start(self):
        self.threads = [
            threading.Thread(target=self.writer, args=(i,), daemon=True)
            for i in range(self.writers)
        ] + [threading.Thread(target=self.reader, daemon=True) for _ in range(self.readers)]
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        self.running.set()
        for thread in self.threads:
            thread.join(timeout=40)


def shell(command):
    subprocess.run(command, shell=True, check=True)


def stored_reads(database_url, slug):
    with psycopg.connect(database_url) as db:
        return db.execute(
            "SELECT read_count FROM articles_article WHERE slug = %s", [slug]
        ).fetchone()[0]


def pending_reads(cache_url):
    """Reads buffered in Redis and not yet in the database: the live hash and any batch."""
    server = redis.Redis.from_url(cache_url)
    keys = ["newsportal:reads", *server.scan_iter(match="newsportal:reads:batch:*")]
    return sum(int(v) for key in keys for v in server.hvals(key))


def flush_reads(root):
    shell(f"cd {root} && .venv/bin/python manage.py flush_reads >/dev/null")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("story_path", help="the story's address, e.g. /news/<slug>/")
    parser.add_argument("--root", default=".")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--phase-seconds", type=float, default=10)
    parser.add_argument("--db-down-seconds", type=float, default=5)
    parser.add_argument("--db-stop", required=True)
    parser.add_argument("--db-start", required=True)
    parser.add_argument("--cache-stop", required=True)
    parser.add_argument("--cache-start", required=True)
    parser.add_argument("--report", default="")
    args = parser.parse_args()
    database_url, cache_url = os.environ["DATABASE_URL"], os.environ["CACHE_URL"]

    drill = Drill(args.base_url, args.story_path, args.writers, args.readers)
    args.slug = args.story_path.rstrip("/").rsplit("/", 1)[-1]
    before = stored_reads(database_url, args.slug)
    drill.start()
    timeline = []

    def phase(name, seconds, during=None):
        drill.phase = name
        started = time.monotonic()
        drill.running.set()
        if during:
            during()
        time.sleep(max(0, seconds - (time.monotonic() - started)))
        timeline.append((name, round(time.monotonic() - started, 1)))

    def db_outage():
        time.sleep(2)
        shell(args.db_stop)
        time.sleep(args.db_down_seconds)
        shell(args.db_start)

    phase("1 steady", args.phase_seconds)
    phase("2 database down", args.phase_seconds + args.db_down_seconds, db_outage)

    # 3: pause, flush, snapshot; load; pause, flush: reads must match exactly.
    drill.running.clear()
    time.sleep(1.5)
    flush_reads(args.root)
    with drill.lock:
        served_before = drill.read_200
    stored_before = stored_reads(database_url, args.slug)
    phase("3 recovered", args.phase_seconds)
    drill.running.clear()
    time.sleep(1.5)
    flush_reads(args.root)
    with drill.lock:
        served_recovered = drill.read_200 - served_before
    stored_recovered = stored_reads(database_url, args.slug) - stored_before

    # 4: Redis killed; the reads it held unflushed at that moment are lost with it. The
    # load pauses for the moment of the kill only so that they can be counted exactly.
    drill.running.set()
    time.sleep(3)
    drill.running.clear()
    time.sleep(1.5)
    lost_with_redis = pending_reads(cache_url)
    shell(args.cache_stop)
    phase("4 cache down", args.phase_seconds)
    shell(args.cache_start)
    phase("5 cache back", args.phase_seconds)
    drill.running.clear()
    time.sleep(1.5)
    drill.finish()
    flush_reads(args.root)
    after = stored_reads(database_url, args.slug)

    with psycopg.connect(database_url) as db:
        markers = {
            row[0]
            for row in db.execute(
                "SELECT substring(body from 'drill-[0-9a-f]+-[0-9]+-[0-9]+') FROM comments_comment"
                " WHERE body LIKE %s",
                [f"%drill-{drill.run}-%"],
            )
        }

    figures = collections.OrderedDict()
    failures = []
    by_phase = collections.defaultdict(collections.Counter)
    for name, marker, status, friendly in drill.posts:
        stored = marker in markers
        if status in (200, 302):
            outcome = f"{status} stored" if stored else f"{status} LOST"
            if not stored:
                failures.append(f"{marker}: {status} but not stored")
        elif status == 503:
            outcome = "503 friendly" if friendly else "503 NOT FRIENDLY"
            outcome += ", stored" if stored else ", not stored"
            if not friendly:
                failures.append(f"{marker}: 503 without the friendly page")
        else:
            outcome = f"{status} {'stored' if stored else 'not stored'}"
            failures.append(f"{marker}: {status}")
        by_phase[name][outcome] += 1
    figures["comment POSTs by phase"] = {k: dict(v) for k, v in sorted(by_phase.items())}
    reads_by_phase = collections.defaultdict(dict)
    for (name, status), n in sorted(drill.reads.items()):
        reads_by_phase[name][status] = n
    figures["story GETs by phase"] = dict(reads_by_phase)
    figures["timeline (s)"] = dict(timeline)
    figures["reads after recovery: 200s served / stored"] = [served_recovered, stored_recovered]
    if served_recovered != stored_recovered:
        failures.append(
            f"after recovery {served_recovered} reads served, {stored_recovered} stored"
        )
    figures["reads overall: 200s served / stored / lost with Redis"] = [
        drill.read_200,
        after - before,
        lost_with_redis,
    ]
    # A read is counted before the page renders: when the database dies between the two,
    # the reader gets the 503 page but the read was counted. So during the outage the
    # stored total may exceed the 200s, by at most the 503s; it may never fall short.
    over = after - before + lost_with_redis - drill.read_200
    outage_503s = sum(n for (name, status), n in drill.reads.items() if status == 503)
    figures["reads counted although the page then failed (503)"] = over
    if over < 0:
        failures.append(f"{-over} reads served but never stored")
    if over > outage_503s:
        failures.append(f"{over} reads stored that were never served")
    figures["connection errors"] = dict(drill.errors)
    if any(status == 500 for _, _, status, _ in drill.posts) or any(
        status == 500 for (_, status) in drill.reads
    ):
        failures.append("the server answered 500")
    figures["failures"] = failures
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.report:
        with open(args.report, "w") as report:
            report.write(text)
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
