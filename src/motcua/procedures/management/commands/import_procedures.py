from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.procedures.services import procedures_import
from motcua.procedures.transfer import ImportInvalid


class Command(BaseCommand):
    help = (
        "Import procedures from a JSON or CSV file in the format of export_procedures. "
        "Matched by national code and effective date: importing twice changes nothing. "
        "A file with any problem writes nothing and lists every problem with its line."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import.")
        parser.add_argument("--format", choices=["json", "csv"], help="Default: from the content.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and count, write nothing."
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        try:
            result = procedures_import(
                actor=None,
                data=data,
                fmt=options["format"],
                dry_run=options["dry_run"],
                source=path.name,
            )
        except ImportInvalid as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(error.message) from error
        for warning in result.warnings:
            self.stderr.write(str(warning))
        summary = ", ".join(f"{key}={value}" for key, value in result.summary().items())
        prefix = "Checked (nothing written)" if result.dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {summary}."))
