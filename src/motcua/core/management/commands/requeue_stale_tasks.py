import datetime as dt

from django.core.management.base import BaseCommand

from motcua.core.tasks import requeue_stale_tasks


class Command(BaseCommand):
    help = (
        "Put background tasks whose worker died while running them back in the queue "
        "(run before starting workers and every few minutes from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=None,
            help="Claimed at least this long ago (default: TASK_STALE_AFTER_MINUTES).",
        )

    def handle(self, *args, minutes, **options):
        stale_after = dt.timedelta(minutes=minutes) if minutes is not None else None
        requeued, failed = requeue_stale_tasks(stale_after=stale_after)
        self.stdout.write(f"Requeued {requeued} task(s); gave up on {failed}.")
