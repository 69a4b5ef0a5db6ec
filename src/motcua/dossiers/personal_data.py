"""Dossiers in the data subject's export (kept for the archive period: not anonymised)."""

from django.db.models import Q

from motcua.core.personal_data import PersonalDataProvider, register
from motcua.dossiers.models import Dossier


def dossiers_of(person):
    match = Q(pk__in=[])
    if person.phone:
        match |= Q(applicant_phone=person.phone)
    if person.email:
        match |= Q(applicant_email__iexact=person.email)
    if person.id_number:
        match |= Q(applicant_id_number=person.id_number)
    return Dossier.objects.filter(match).order_by("pk")


class DossierData(PersonalDataProvider):
    kind = "dossiers"

    def export(self, person):
        return [
            {
                "code": d.code,
                "status": d.status,
                "applicant_name": d.applicant_name,
                "applicant_id_number": d.applicant_id_number,
                "applicant_phone": d.applicant_phone,
                "applicant_email": d.applicant_email,
                "documents": [doc.name for doc in d.documents.all()],
                "created_at": d.created_at.isoformat(),
            }
            for d in dossiers_of(person).prefetch_related("documents")
        ]


register(DossierData())
