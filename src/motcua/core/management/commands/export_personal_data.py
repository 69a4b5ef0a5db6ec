import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from motcua.core.personal_data import Person, export_person


class Command(BaseCommand):
    help = (
        "Write as JSON everything held about one citizen (a data subject's request), found by "
        "phone, e-mail or identity number. Recorded in the audit trail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--id-number", default="")
        parser.add_argument("--actor", required=True, help="Username of the administrator.")
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args, phone, email, id_number, actor, output, **options):
        user = get_user_model().objects.filter(username=actor, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {actor!r}.")
        try:
            data = export_person(Person(phone=phone, email=email, id_number=id_number), actor=user)
        except ValueError as error:
            raise CommandError(str(error)) from error
        text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text)
