from django.core.management.base import BaseCommand

from motcua.organisations.demo import CITY_STAFF, DEMO_PASSWORD, DEMO_WARDS, WARD_STAFF


class Command(BaseCommand):
    help = "Print the demo accounts and how to pass their second factor."

    def handle(self, *args, **options):
        out = self.stdout.write
        out("")
        out("Một Cửa demo — http://127.0.0.1:8000/  (back-office: /can-bo/, sign in: /dang-nhap/)")
        out(f"Password of every demo account: {DEMO_PASSWORD}")
        out(
            "Staff second factor: run `make demo-otp` (or .venv/bin/python src/manage.py demo_otp) for the current code,"
        )
        out("or add the key shown by that command to an authenticator app.")
        out("")
        out(f"{'username':28} role")
        for ward in DEMO_WARDS:
            for suffix, role, _where, _name, _title in WARD_STAFF:
                out(f"{ward.handle + '.' + suffix:28} {role.label}")
        for username, role, _where, _name, _title in CITY_STAFF:
            out(f"{username:28} {role.label}")
        out(f"{'congdan':28} citizen (no second factor)")
        out("")
