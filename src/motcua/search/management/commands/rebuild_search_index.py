import time

from django.core.management.base import BaseCommand, CommandError

from motcua.search import index
from motcua.search.registry import PROVIDERS


class Command(BaseCommand):
    help = "Rebuild the search index from the content (all types, or those named), with progress."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help=f"Content types: {', '.join(PROVIDERS)}")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, kinds, batch_size, **options):
        unknown = sorted(set(kinds) - set(PROVIDERS))
        if unknown:
            raise CommandError(f"Unknown content type(s): {', '.join(unknown)}")
        started = time.monotonic()
        tty = self.stdout.isatty()

        def progress(kind: str, done: int, total: int) -> None:
            width = 30
            filled = width if not total else int(width * done / total)
            percent = 100 if not total else int(100 * done / total)
            line = (
                f"{kind:<14} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {percent:3d}%"
            )
            if tty:
                self.stdout.write(f"\r{line}", ending="")
                if done >= total:
                    self.stdout.write("")
            elif done >= total or done % (batch_size * 20) == 0:
                self.stdout.write(line)

        counts = index.rebuild(kinds or None, batch_size=batch_size, progress=progress)
        seconds = time.monotonic() - started
        summary = ", ".join(f"{kind}: {count}" for kind, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Search index rebuilt in {seconds:.1f} s ({summary}).")
        )
