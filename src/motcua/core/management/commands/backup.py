from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from motcua.core.backups import backup


class Command(BaseCommand):
    help = (
        "Write one archive (tar.gz) with the database, the uploaded files and a manifest of "
        "row counts and checksums (default: MOTCUA_VAR_DIR/backups/motcua-<time>.tar.gz)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Where to write the archive.")

    def handle(self, *args, output, **options):
        if output is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.VAR_DIR) / "backups" / f"motcua-{stamp}.tar.gz"
        manifest = backup(output)
        self.stdout.write(
            f"Wrote {output}: {len(manifest['tables'])} tables, "
            f"{sum(manifest['tables'].values())} rows, {len(manifest['files']) - 1} files."
        )
