from django.core.management.base import BaseCommand

from motcua.feedback import services


class Command(BaseCommand):
    help = (
        "Report every late feedback step to the leaders (once per step and due date) and close "
        "answered reports whose rating period has ended. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        escalated = services.escalate_overdue()
        closed = services.close_unrated()
        self.stdout.write(
            f"Escalated: {len(escalated)}. Closed after the rating period: {len(closed)}."
        )
