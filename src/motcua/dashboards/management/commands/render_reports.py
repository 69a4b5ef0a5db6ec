import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from motcua.core.pdf import prune_stored_pdfs
from motcua.dashboards.reports import periods_ahead, report_pdf
from motcua.organisations.models import Unit


class Command(BaseCommand):
    help = (
        "Render ahead each administrative unit's dashboard report (PDF) for this year and the "
        "last month, quarter and year, so that leaders' downloads are read instead of "
        "rendered; remove stored PDFs older than --keep-days. Run daily (cron, one node) "
        "after midnight: a report carries its day's date."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep-days", type=int, default=2)

    def handle(self, *args, keep_days, **options):
        removed = prune_stored_pdfs(older_than=dt.timedelta(days=keep_days))
        periods = periods_ahead(timezone.localdate())
        units = list(Unit.objects.active().administrative().order_by("path"))
        for unit in units:
            for period in periods:
                report_pdf(unit, period)
        self.stdout.write(
            f"{len(units) * len(periods)} report(s) ready for {len(units)} unit(s); "
            f"{removed} stored PDF(s) removed."
        )
