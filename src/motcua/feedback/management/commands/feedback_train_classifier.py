from django.core.management.base import BaseCommand, CommandError

from motcua.core.errors import DomainError
from motcua.feedback import services


class Command(BaseCommand):
    help = "Retrain the category classifier on the triaged reports and store it in the database."

    def handle(self, *args, **options):
        try:
            row = services.classifier_retrain()
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        accuracy = "n/a" if row.accuracy is None else f"{row.accuracy:.1%}"
        self.stdout.write(
            f"Trained on {row.n_samples} reports, {len(row.weights['classes'])} categories; "
            f"cross-validated accuracy {accuracy}."
        )
