"""Scheduled stories whose time has come become published, and their pages are renewed.

A scheduled story is public from its publish time on (``PUBLIC_STATUSES``): its own page
shows at that time, since its facts in the page cache carry the time. The pages that
list it (home, its section, tags and authors, feeds, sitemaps, its neighbours) learn of
it from this job, which should run every minute (cron, a systemd timer, or
``--every 60`` as a long-running process)::

    * * * * *  cd /srv/newsportal && .venv/bin/python manage.py publish_scheduled

Idempotent: a story already published is left alone.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles import renewal, tagged_stories
from articles.models import Article


def publish_due(now=None):
    """Publish the scheduled stories whose time has come; returns their ids."""
    with transaction.atomic():
        due = Article.objects.select_for_update().filter(
            status=Article.Status.SCHEDULED, published_at__lte=now or timezone.now()
        )
        ids = list(due.values_list("pk", flat=True))
        if ids:
            before = renewal.snapshot(ids)
            Article.objects.filter(pk__in=ids).update(status=Article.Status.PUBLISHED)
            tagged_stories.copy_stories(ids)
            renewal.stories_changed(before, ids)
    return ids


class Command(BaseCommand):
    help = "Publish the scheduled stories whose time has come and renew the pages that list them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=int, default=0, help="repeat every N seconds until stopped"
        )

    def handle(self, *args, every=0, **options):
        while True:
            ids = publish_due()
            self.stdout.write(f"{len(ids)} scheduled stories published")
            if not every:
                return
            time.sleep(every)
