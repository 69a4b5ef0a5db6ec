import time

from django.core.management.base import BaseCommand

from motcua.feedback import rollup


class Command(BaseCommand):
    help = (
        "Recompute the monthly feedback figures the indices read from the reports (after a bulk "
        "load, or to check them; no other writes should run meanwhile)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        slices = rollup.rebuild()
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Feedback figures rebuilt in {seconds:.1f} s ({slices} slices).")
        )
