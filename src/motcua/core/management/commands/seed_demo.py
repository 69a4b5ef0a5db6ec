import importlib

from django.apps import apps
from django.core.management.base import BaseCommand

from motcua.core.bulk import bulk_load


class Command(BaseCommand):
    help = (
        "Load the demo data (idempotent: running it again changes nothing that is already there)."
    )

    def handle(self, *args, **options):
        with bulk_load():  # the dashboards' statistics are worked out once, at the end
            for config in apps.get_app_configs():
                if not config.name.startswith("motcua."):
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{config.name}.demo":
                        raise
                    continue
                module.seed(log=lambda line: self.stdout.write(line))
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
