import sys

from django.core.management.base import BaseCommand

from motcua.procedures import selectors, transfer


class Command(BaseCommand):
    help = (
        "Export the procedure catalogue: JSON (every version and document, form files included) "
        "or CSV (one row per version). See docs/procedures-import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")
        parser.add_argument(
            "--without-files",
            action="store_true",
            help="JSON only: name the form files without embedding their content.",
        )

    def handle(self, *args, **options):
        procedures = selectors.procedures_for_export()
        if options["format"] == "csv":
            text = transfer.export_csv(procedures)
        else:
            text = transfer.export_json(procedures, with_files=not options["without_files"])
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            self.stderr.write(f"{options['output']}: {procedures.count()} procedures.")
        else:
            sys.stdout.write(text)
