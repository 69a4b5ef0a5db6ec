from django.core.management.base import BaseCommand

from motcua.news import counters


class Command(BaseCommand):
    help = (
        "Write the buffered view and visit counts to the database (run it from cron or a "
        "systemd timer when the cache is shared, e.g. Redis)."
    )

    def handle(self, *args, **options):
        written = counters.flush()
        self.stdout.write(f"{written} buffered views and visits written.")
