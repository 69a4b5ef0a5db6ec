"""Complaints, denunciations and reception visits in the data subject's export.

Only what the person filed or said themselves, matched on their own contact details: the
identity of anyone else (a denouncer in a case about this person) never appears, so the
confidentiality of denouncers (``confidentiality.py``) holds in the export too.
"""

from django.db.models import Q

from motcua.complaints.models import Case, ReceptionVisit
from motcua.core.personal_data import PersonalDataProvider, register


def _match(person, prefix):
    match = Q(pk__in=[])
    if person.phone:
        match |= Q(**{f"{prefix}_phone": person.phone})
    if person.id_number:
        match |= Q(**{f"{prefix}_id_number": person.id_number})
    if person.email and prefix == "person":
        match |= Q(person_email__iexact=person.email)
    return match


class CaseData(PersonalDataProvider):
    kind = "complaints"

    def export(self, person):
        cases = [
            {
                "code": c.code,
                "kind": c.kind,
                "status": c.status,
                "received_at": c.received_at.isoformat(),
                "name": c.person_name,
                "id_number": c.person_id_number,
                "phone": c.person_phone,
                "email": c.person_email,
            }
            for c in Case.objects.filter(_match(person, "person")).order_by("pk")
        ]
        visits = [
            {
                "visit": str(v.public_id),
                "name": v.visitor_name,
                "id_number": v.visitor_id_number,
                "phone": v.visitor_phone,
                "created_at": v.created_at.isoformat(),
            }
            for v in ReceptionVisit.objects.filter(_match(person, "visitor")).order_by("pk")
        ]
        return cases + visits


register(CaseData())
