from django.core.management.base import BaseCommand

from motcua.par.onestop import evaluations_refresh


class Command(BaseCommand):
    help = (
        "Evaluate returned dossiers (Circular 01/2018, nine indices) not evaluated yet, and "
        "those rated since. Idempotent; run daily (cron)."
    )

    def handle(self, *args, **options):
        count = evaluations_refresh()
        self.stdout.write(f"{count} dossier(s) evaluated.")
