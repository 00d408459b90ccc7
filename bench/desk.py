"""The moderation desk under a backlog of 100,000 held comments (run with bench/desk.sh).

Needs DATABASE_URL pointing at an empty PostgreSQL database (bench/desk.sh starts a
throw-away one). Loads 100 stories, 20,000 commenters, 100,000 held comments (a quarter
with review findings, scores spread over 0..1, three days of arrivals) and 300,000
decided ones over 60 days (the figures' history), then prints for the desk's first page,
a filtered page and a page deep in the queue: the number of SQL queries, the database
time and the whole render time (median of ``--runs``); then the time to approve all of
10,000 held comments shown by a filter, through the desk's confirmation and POST (three
times, on three stories, median).
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.test_settings")
os.environ.pop("CACHE_URL", None)

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article, Section  # noqa: E402
from comments.models import Comment  # noqa: E402

HELD = 100_000
DECIDED = 300_000
BULK = 10_000
STORIES = 100


def load(moderator):
    section = Section.objects.create(
        name_tr="Gündem", name_en="Agenda", slug_tr="gundem", slug_en="agenda"
    )
    Article.objects.bulk_create(
        Article(
            headline=f"Haber {n}",
            slug=f"haber-{n}",
            spot="Özet",
            body="Metin.",
            section=section,
            status=Article.Status.PUBLISHED,
        )
        for n in range(STORIES)
    )
    first_story = Article.objects.order_by("id").first().pk
    table = Comment._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO comments_commenter (email, name, standing, created_at)
               SELECT 'okur' || n || '@example.com', 'Okur ' || n,
                      (ARRAY['earning','earning','earning','trusted','held','banned'])[1 + n % 6],
                      now()
               FROM generate_series(1, 20000) n"""
        )
        # Held: the first three stories get 10,000 each (the bulk runs), the rest spread.
        cursor.execute(
            f"""INSERT INTO {table} (article_id, name, email, commenter_id, body, status,
                   decision, language, findings, score, rules, user_agent, created_at,
                   moderation_reason, notify)
               SELECT CASE WHEN n <= 30000 THEN %s + (n - 1) / 10000
                           ELSE %s + 3 + n %% {STORIES - 3} END,
                      'Okur ' || n %% 20000, 'okur' || (1 + n %% 20000) || '@example.com',
                      c.id, 'Yorum numarası ' || n || ', bu haber hakkında düşüncelerim.',
                      'held',
                      CASE WHEN n %% 4 = 0 THEN 'review' ELSE 'pass' END,
                      CASE WHEN n %% 3 = 0 THEN 'en' ELSE 'tr' END,
                      CASE WHEN n %% 4 = 0 THEN
                        '[{{"rule": "insult", "severity": "review", "start": 0, "end": 5,
                           "field": "body"}}]'::jsonb ELSE '[]'::jsonb END,
                      CASE WHEN n %% 10 = 0 THEN NULL ELSE random() END,
                      CASE WHEN n %% 4 = 0 THEN 'insult' ELSE '' END, '',
                      now() - (random() * interval '3 days'), '', false
               FROM generate_series(1, {HELD}) n
               JOIN comments_commenter c ON c.email = 'okur' || (1 + n %% 20000) || '@example.com'
            """,
            [first_story, first_story],
        )
        cursor.execute(
            f"""INSERT INTO {table} (article_id, name, email, commenter_id, body, status,
                   decision, language, findings, score, rules, user_agent, created_at,
                   moderated_at, moderated_by_id, moderation_reason, notify)
               SELECT %s + n %% {STORIES}, 'Okur', 'eski@example.com', NULL, 'Eski yorum',
                      CASE WHEN n %% 5 = 0 THEN 'rejected' ELSE 'approved' END, 'pass', 'tr',
                      '[]'::jsonb, random(), '', '', t - interval '2 hours', t, %s, '', false
               FROM (SELECT n, now() - (random() * interval '60 days') AS t
                     FROM generate_series(1, {DECIDED}) n) decided""",
            [first_story, moderator.pk],
        )
    # What autovacuum does to a table this size within a minute (index-only scans need it).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return [first_story, first_story + 1, first_story + 2]


def measure(client, url, runs, show_queries=False):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = captured.captured_queries
    cards = len(re.findall(rb'data-comment="\d+"', response.content))
    sql_ms = sum(float(q["time"]) for q in queries) * 1000
    if show_queries:
        for query in queries:
            print(f"    {float(query['time']) * 1000:6.1f} ms  {query['sql'][:150]}")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                print("".join(f"        {line}\n" for (line,) in cursor.fetchall()))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return len(queries), cards, sql_ms, statistics.median(times), min(times)


def approve_all(client, story):
    start = time.perf_counter()
    confirm = client.get(f"/en/moderation/all/approve/?story={story}")
    upto = re.search(rb'name="upto" value="(\d+)"', confirm.content).group(1).decode()
    count = re.search(rb"Approve ([\d,]+) held comments", confirm.content).group(1).decode()
    response = client.post(
        "/en/moderation/all/approve/", {"story": story, "upto": upto, "reason": "backlog"}
    )
    elapsed = time.perf_counter() - start
    assert response.status_code == 302
    approved = Comment.objects.filter(article_id=story, moderation_reason="backlog").count()
    return count, approved, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--queries", action="store_true", help="print each page's queries and their plans"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench/desk.py needs PostgreSQL: set DATABASE_URL (or run bench/desk.sh)")
    call_command("migrate", verbosity=0)
    moderator = User.objects.create_user("moderator", password="x", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(moderator)
    columns = ("queries", 7), ("cards", 5), ("SQL ms", 7), ("median ms", 9), ("min ms", 7)
    header = f"{'desk page':36} " + " ".join(f"{name:>{width}}" for name, width in columns)

    def report(label, url):
        count, cards, sql_ms, median, fastest = measure(client, url, args.runs, args.queries)
        print(f"{label:36} {count:7d} {cards:5d} {sql_ms:7.1f} {median:9.1f} {fastest:7.1f}")

    # The same page with a queue of 10, for comparison; then the backlog.
    section = Section.objects.create(name_tr="Deneme", slug_tr="deneme")
    story = Article.objects.create(
        headline="Deneme", slug="deneme", spot="Özet", body="Metin.", section=section
    )
    for n in range(10):
        Comment.objects.create(article=story, name="Okur", email="o@example.com", body=f"{n}")
    print(header)
    report("first page, 10 held", "/en/moderation/")
    Comment.objects.all().delete()
    story.delete()
    section.delete()

    start = time.perf_counter()
    bulk_stories = load(moderator)
    loaded = time.perf_counter() - start
    print(f"\nloaded {HELD:,} held and {DECIDED:,} decided comments in {loaded:.1f} s")
    deep = Comment.objects.held().desk_order().values_list("id", flat=True)[HELD // 2]
    pages = {
        "first page, 100,000 held": "/en/moderation/",
        "filter: rule=insult, language=en": "/en/moderation/?rule=insult&language=en",
        "filter: reported": "/en/moderation/?reported=1",
        "filter: standing=trusted": "/en/moderation/?standing=trusted",
        "page at the 50,000th comment": f"/en/moderation/?after={deep}",
    }
    print(header)
    for label, url in pages.items():
        report(label, url)

    print(f"\napprove all {BULK:,} shown (confirmation page + POST, one UPDATE):")
    times = []
    for story in bulk_stories:
        count, approved, elapsed = approve_all(client, story)
        times.append(elapsed)
        print(
            f"  story {story}: confirmation said {count}, approved {approved:,} in {elapsed:.2f} s"
        )
    print(f"  median {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
