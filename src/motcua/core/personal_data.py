"""What the platform holds about one citizen, and how long it keeps it.

Each app that stores citizens' personal data describes it with a :class:`PersonalDataProvider`
in its ``personal_data.py`` module (found by :func:`providers`), so this module imports no
other app's models::

    class ReportData(PersonalDataProvider):
        kind = "feedback"

        def export(self, person):          # the data subject's request
            return [...]                     # plain JSON-ready dicts

        def anonymise(self, *, before):    # the retention period has passed
            return count

``export_personal_data`` (a command) gathers every provider's part and records the export
in the audit trail as a view of protected personal data; ``apply_retention`` anonymises what
is older than ``PERSONAL_DATA_RETENTION_MONTHS``, records it too, and is idempotent.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from motcua.audit.services import audit_record
from motcua.core.logging import mask_personal_numbers


def normalise_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    return "0" + digits[2:] if digits.startswith("84") and len(digits) >= 11 else digits


@dataclass(frozen=True)
class Person:
    """How the citizen is identified in the request; blank parts match nothing."""

    phone: str = ""
    email: str = ""
    id_number: str = ""

    def __post_init__(self):
        object.__setattr__(self, "phone", normalise_phone(self.phone))
        object.__setattr__(self, "email", (self.email or "").strip().lower())
        object.__setattr__(self, "id_number", re.sub(r"\D", "", self.id_number or ""))

    def masked(self) -> dict:
        """The identifiers as the audit trail keeps them (enough to recognise the request)."""
        local, _, domain = self.email.partition("@")
        return {
            "phone": mask_personal_numbers(self.phone),
            "email": f"{local[:2]}***@{domain}" if self.email else "",
            "id_number": mask_personal_numbers(self.id_number),
        }


class PersonalDataProvider:
    #: Short stable name: the key of this part in the export.
    kind: str = ""

    def export(self, person: Person) -> list[dict]:
        raise NotImplementedError

    def anonymise(self, *, before: dt.datetime) -> int:
        """Remove the personal data of records closed before ``before``; return how many
        records changed (0 once done: running it again changes nothing)."""
        return 0


PROVIDERS: dict[str, PersonalDataProvider] = {}


def register(provider: PersonalDataProvider) -> PersonalDataProvider:
    if not provider.kind:
        raise ValueError("A personal data provider needs a kind.")
    PROVIDERS[provider.kind] = provider
    return provider


def providers() -> dict[str, PersonalDataProvider]:
    autodiscover_modules("personal_data")
    return dict(sorted(PROVIDERS.items()))


def export_person(person: Person, *, actor=None) -> dict:
    """Everything held about ``person``, by kind; audited as a view of personal data."""
    if not (person.phone or person.email or person.id_number):
        raise ValueError("Give a phone number, an e-mail address or an identity number.")
    parts = {kind: provider.export(person) for kind, provider in providers().items()}
    audit_record(
        actor=actor,
        action="privacy.export",
        after={"person": person.masked(), "records": {k: len(v) for k, v in parts.items()}},
    )
    return {"exported_at": timezone.now().isoformat(), "person": asdict(person), **parts}


def retention_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    now = now or timezone.now()
    months = settings.PERSONAL_DATA_RETENTION_MONTHS
    year, month = divmod(now.month - 1 - months, 12)
    day = min(now.day, 28)
    return now.replace(year=now.year + year, month=month + 1, day=day)


def apply_retention(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Anonymise what is older than the retention period, in one transaction, audited."""
    before = retention_cutoff(now)
    with transaction.atomic():
        counts = {kind: p.anonymise(before=before) for kind, p in providers().items()}
        if any(counts.values()):
            audit_record(
                actor=None,
                action="privacy.retention",
                after={"before": before.isoformat(), "anonymised": counts},
            )
    return counts
