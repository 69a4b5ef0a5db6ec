from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.core.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with those of an archive written by "
        "`backup`, after checking its checksums; checks row counts and checksums afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Confirm: the current data is replaced."
        )

    def handle(self, *args, archive, yes, **options):
        if not yes:
            raise CommandError("This replaces the database and the uploaded files: add --yes.")
        try:
            manifest = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {archive} (made {manifest['created_at']}): "
            f"{sum(manifest['tables'].values())} rows and {len(manifest['files']) - 1} files verified."
        )
