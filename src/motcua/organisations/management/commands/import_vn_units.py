from django.core.management.base import BaseCommand

from motcua.organisations.services import units_import_vietnam


class Command(BaseCommand):
    help = "Import Vietnam's current provinces and wards (vietnam-provinces package). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            type=int,
            action="append",
            help="GSO code of a province to import (repeatable); all when omitted.",
        )

    def handle(self, *args, province=None, verbosity=1, **options):
        def progress(name: str, wards: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"  {name}: {wards}")

        result = units_import_vietnam(province_codes=province, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(f"Units created: {result.created}, updated: {result.updated}")
        )
