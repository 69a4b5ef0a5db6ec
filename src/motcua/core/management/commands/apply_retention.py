from django.core.management.base import BaseCommand

from motcua.core.personal_data import apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise personal data kept longer than PERSONAL_DATA_RETENTION_MONTHS (closed "
        "feedback reports' reporters, survey free text). Safe to run daily."
    )

    def handle(self, *args, **options):
        counts = apply_retention()
        self.stdout.write(", ".join(f"{kind}: {n}" for kind, n in counts.items()))
