import base64

from django.core.management.base import BaseCommand
from django_otp.oath import totp

from motcua.organisations.demo import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the current second-factor code of the demo staff accounts (demo key only)."

    def handle(self, *args, **options):
        key = bytes.fromhex(DEMO_TOTP_KEY)
        self.stdout.write(f"{totp(key):06d}")
        self.stdout.write(
            f"(authenticator key: {base64.b32encode(key).decode()})", self.style.NOTICE
        )
