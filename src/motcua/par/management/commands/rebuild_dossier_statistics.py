import time

from django.core.management.base import BaseCommand

from motcua.par import rollup


class Command(BaseCommand):
    help = (
        "Recompute the monthly dossier statistics the dashboards read from the dossiers, with "
        "progress (after a bulk load, or to check them; no other writes should run meanwhile)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        tty = self.stdout.isatty()

        def progress(done: int, total: int) -> None:
            width = 30
            filled = width if not total else int(width * done / total)
            percent = 100 if not total else int(100 * done / total)
            line = f"units [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {percent:3d}%"
            if tty:
                self.stdout.write(f"\r{line}", ending="")
                if done >= total:
                    self.stdout.write("")
            elif done >= total or done % 20 == 0:
                self.stdout.write(line)

        slices = rollup.rebuild(progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(f"Dossier statistics rebuilt in {seconds:.1f} s ({slices} slices).")
        )
