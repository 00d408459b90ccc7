from django.core.management.base import BaseCommand

from comments.outbox import send_pending


class Command(BaseCommand):
    help = "Send the e-mails that could not be sent when they were queued (run it from cron)."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(f"sent {sent}, failed {failed}")
