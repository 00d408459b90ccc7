"""Check the database router against a real primary and streaming replica (bench/replica.sh).

With DATABASE_URL (primary) and REPLICA_DATABASE_URL (a hot standby of it) set, checks
that a reader's page reads from the replica and writes its read count to the primary,
that the comment POST reads and writes only the primary, so its duplicate check sees a
comment the replica has not received yet (replay paused), and that the admin reads from
the primary. Prints one line per check; exits 1 if any fails.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsportal.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.pop("CACHE_URL", None)  # local memory: the reads go straight to the database

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from articles.models import Article, Section  # noqa: E402
from comments.models import Comment  # noqa: E402

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
failures = []


def check(label, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {label}{f' ({detail})' if detail else ''}")
    if not ok:
        failures.append(label)


def replica_caught_up(timeout=10):
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise SystemExit("the replica did not catch up")


def replay(paused):
    with connections["replica"].cursor() as cursor:
        cursor.execute(f"SELECT pg_wal_replay_{'pause' if paused else 'resume'}()")


def on_both(request):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = request()
    return response, [q["sql"] for q in primary], [q["sql"] for q in replica]


def main():
    check("a replica is configured", "replica" in connections.databases)
    call_command("migrate", verbosity=0)
    section = Section.objects.create(
        name_tr="Dünya", name_en="World", slug_tr="dunya", slug_en="world"
    )
    story = Article.objects.create(
        headline="Zirvede barış görüşmesi",
        spot="Liderler bir araya geldi.",
        body="İlk paragraf.\n\nİkinci paragraf.",
        section=section,
        status=Article.Status.PUBLISHED,
    )
    replica_caught_up()

    response, primary, replica = on_both(
        lambda: Client().get(story.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    )
    check("a reader's story page is served", response.status_code == 200)
    check("its reads come from the replica", any(q.startswith("SELECT") for q in replica))
    check(
        "only the read count is written, on the primary",
        [q.split()[0] for q in primary] == ["UPDATE"],
        f"primary: {[q[:40] for q in primary]}",
    )

    replay(paused=True)
    try:
        form = {"name": "Ayşe Yılmaz", "email": "ayse@example.com", "website": ""}
        form["body"] = "Çok güzel bir haber, emeğinize sağlık."
        post = Client()
        url = f"/news/{story.slug}/comment/"
        response, primary, replica = on_both(
            lambda: post.post(url, form, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7")
        )
        check("the comment POST is received", response.status_code == 302)
        check("the comment POST reads and writes only the primary", primary and not replica)
        check(
            "the replica has not received the comment yet (replay paused)",
            not Comment.objects.using("replica").filter(body=form["body"]).exists(),
        )
        response = post.post(url, form, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7")
        first, second = Comment.objects.using("default").order_by("id")
        check(
            "the same comment again is refused as a duplicate (read from the primary)",
            response.status_code == 200 and second.rules == "duplicate",
            f"first {first.status} {first.rules or '-'}, second {second.status} {second.rules}",
        )
        editor = User.objects.create_superuser("editor", "editor@example.com", "x")
        admin = Client()
        admin.force_login(editor)
        response, primary, replica = on_both(lambda: admin.get("/admin/comments/comment/"))
        check(
            "the admin reads from the primary",
            response.status_code == 200 and primary and not replica,
        )
        listed = form["body"][:40] in response.content.decode()
        check("the admin lists the comment the replica lacks", listed)
    finally:
        replay(paused=False)
    replica_caught_up()
    check(
        "the replica has the comment once replay resumes",
        Comment.objects.using("replica").filter(body=form["body"]).count() == 2,
    )
    print("all checks passed" if not failures else f"{len(failures)} checks failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
