from django.core.management.base import BaseCommand, CommandError

from motcua.accounts.models import User
from motcua.api.models import ApiToken
from motcua.audit.services import audit_record


class Command(BaseCommand):
    help = "Issue an API token for a service account (printed once; only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="What the token is for, e.g. 'Cổng DVC quốc gia'")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}.")
        row, token = ApiToken.issue(user=user, name=name)
        audit_record(actor=None, action="api.token_issued", obj=user, after={"token": str(row)})
        self.stdout.write(token)
