"""Move buffered read counts from Redis into the database (see articles/read_buffer.py).

Run it from cron or a sidecar (``--every 5`` keeps flushing), and once when
taking the site down, so the stored totals are complete.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from articles import read_buffer


class Command(BaseCommand):
    help = "Flush buffered read counts to the database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--every", type=float, default=0, help="keep flushing every N seconds until stopped"
        )

    def handle(self, *args, every=0, **options):
        if not read_buffer.enabled():
            raise CommandError("No read buffer: set READS_REDIS_URL or a redis:// CACHE_URL.")
        while True:
            moved = read_buffer.flush()
            self.stdout.write(f"Flushed {moved} buffered reads.")
            if not every:
                return
            time.sleep(every)
