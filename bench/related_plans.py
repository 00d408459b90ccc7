"""The story page's related stories by tag, timed and explained on 100,000 stories.

Run with ``bench/related_plans.sh`` (a throw-away PostgreSQL). It loads bench/load.py's
stories (1,000 tags, each on 2-4 stories spread evenly over time; no comments), then
gives a few stories the tags of the cases that matter (``CASES``): a tag only old
stories share (the long tail's slow case), a popular tag, a rare recent tag, ten tags.
For each case it prints the by-tag query's ``EXPLAIN (ANALYZE, BUFFERS)`` (``--plans``;
on PostgreSQL with prepared statements, of the prepared statement's ``EXECUTE`` after
ten runs, so with the plan PostgreSQL chose to keep)
and the medians of its execution time (PostgreSQL's own figure) and of
``Article.related_stories()`` in this process (Python included).
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.in_process import setup_django  # noqa: E402

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.load import DataSet  # noqa: E402
from newsportal.prepared_reads import prepares_on_server  # noqa: E402

STORIES = 100_000
# PostgreSQL plans a prepared statement's first five runs for their values, then keeps a
# generic plan if it does not look dearer than those.
PLAN_CHOICE_RUNS = 10
# Story numbers count from the newest (bench/load.py: story n went out n*15 minutes ago).
CASES = {
    "typical (its own 2-4 tags)": 5_000,
    "old story, typical tags": 90_000,
    "old tag (only the oldest share it)": 99_995,
    "old tag + 2 common tags": 99_996,
    "popular tag (1 story in 3)": 60_001,
    "rare recent tag": 20,
    "ten tags (old, popular, 8 common)": 99_990,
}


def give_tags():
    """The cases' tags, through the ORM (so that whatever keeps tag links right runs)."""
    from articles.models import Article, Tag

    old = Tag.objects.create(name="eski konu", slug="eski-konu")
    old.articles.add(*range(STORIES - 20, STORIES + 1))
    popular = Tag.objects.create(name="sık konu", slug="sik-konu")
    popular.articles.add(*range(1, STORIES + 1, 3))
    rare = Tag.objects.create(name="seyrek konu", slug="seyrek-konu")
    rare.articles.add(10, 20, 30)
    common = list(Tag.objects.filter(slug__startswith="konu-").order_by("id")[:10])

    def story(number):
        return Article.objects.get(pk=number)

    story(CASES["old tag (only the oldest share it)"]).tags.set([old])
    story(CASES["old tag + 2 common tags"]).tags.set([old, *common[:2]])
    story(CASES["popular tag (1 story in 3)"]).tags.set([popular])
    story(CASES["rare recent tag"]).tags.set([rare])
    story(CASES["ten tags (old, popular, 8 common)"]).tags.set([old, popular, *common[2:10]])


def by_tag_query(story):
    """The SQL of the related stories' read by tag (the tag ids and times written in)."""
    with CaptureQueriesContext(connection) as queries:
        story.related_stories()
    found = [q["sql"] for q in queries.captured_queries if "tag" in q["sql"]]
    assert len(found) == 1, found
    return found[0]


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return [row[0] for row in cursor.fetchall()]


def prepared_statement(story):
    """``EXECUTE`` of the by-tag read's prepared statement (``newsportal/prepared_reads.py``)
    with ``story``'s values, after enough runs that PostgreSQL has chosen between a
    generic and a custom plan; and how many of each it made."""
    from articles.models import sharing_tags

    for _ in range(PLAN_CHOICE_RUNS):
        story.related_stories()
    values = {"pk": story.pk, "now": timezone.now()}
    values.update({f"tag_{n}": tag.id for n, tag in enumerate(story.tag_list)})
    executed = sharing_tags(len(story.tag_list)).execute_sql(**values)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = %s",
            [re.match(r'EXECUTE "([^"]+)"', executed).group(1)],
        )
        generic, custom = cursor.fetchone()
    return executed, f"{generic} generic plans and {custom} custom so far"


def execution_ms(plan):
    line = next(line for line in plan if line.startswith("Execution Time"))
    return float(line.split()[2])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--plans", action="store_true", help="print each case's plan")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"==> loading {STORIES:,} stories", flush=True)
    data = DataSet(os.environ["DATABASE_URL"])
    data.base()
    data.stories_to(STORIES)
    data.finish()  # the sequences past the rows written
    give_tags()
    data.finish()  # fresh statistics

    from articles.models import Article

    rows = []
    for label, number in CASES.items():
        story = Article.objects.story_at_address(f"haber-{number}")
        related = story.related_stories()
        sql = by_tag_query(story)
        if prepares_on_server(connection):
            sql, plans_made = prepared_statement(story)
            kind = f"prepared: {plans_made}"
        else:
            kind = "not prepared on the server"
        plans = [explain(sql) for _ in range(max(3, args.runs // 5))]
        if args.plans:
            print(f"\n--- {label}: story {number}, tags {[t.name for t in story.tag_list]}")
            print(f"{kind}; {sql[:60]}...")
            print("\n".join(plans[-1]))
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            story.related_stories()
            times.append((time.perf_counter() - start) * 1000)
        rows.append(
            (
                label,
                statistics.median(execution_ms(plan) for plan in plans),
                statistics.median(times),
                ", ".join(str(s.pk) for s in related),
            )
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\nmedians of {args.runs} runs (load average {load})")
    print(f"{'case':40} {'SQL ms':>9} {'related_stories() ms':>21}  related")
    for label, sql_ms, call_ms, related in rows:
        print(f"{label:40} {sql_ms:9.3f} {call_ms:21.3f}  {related}")


if __name__ == "__main__":
    main()
