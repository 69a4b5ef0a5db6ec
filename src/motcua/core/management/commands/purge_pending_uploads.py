import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from motcua.core.models import PendingUpload


class Command(BaseCommand):
    help = (
        "Delete files kept for forms that were never sent again (older than --hours, default 24)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        old = PendingUpload.objects.filter(
            created_at__lt=timezone.now() - dt.timedelta(hours=hours)
        )
        count = 0
        for pending in old.iterator():
            pending.file.delete(save=False)
            pending.delete()
            count += 1
        self.stdout.write(f"Deleted {count} kept upload(s).")
