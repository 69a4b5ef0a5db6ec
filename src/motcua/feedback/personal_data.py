"""Feedback reports in the data subject's export and under the retention period."""

from django.db.models import Q

from motcua.core.logging import mask_personal_numbers
from motcua.core.personal_data import PersonalDataProvider, register
from motcua.feedback.models import Report, ReportRating, Status

FINISHED = (Status.CLOSED, Status.REJECTED)


class ReportData(PersonalDataProvider):
    kind = "feedback"

    def export(self, person):
        match = Q(pk__in=[])
        if person.phone:
            match |= Q(reporter_phone=person.phone)
        if person.email:
            match |= Q(reporter_email__iexact=person.email)
        return [
            {
                "code": r.code,
                "received_at": r.received_at.isoformat(),
                "status": r.status,
                "category": r.category.name,
                "description": r.description,
                "address": r.address,
                "latitude": r.latitude,
                "longitude": r.longitude,
                "reporter_name": r.reporter_name,
                "reporter_phone": r.reporter_phone,
                "reporter_email": r.reporter_email,
                "answer": r.answer,
                "ratings": [x.rating for x in r.ratings.all()],
            }
            for r in Report.objects.filter(match).select_related("category").order_by("pk")
        ]

    def anonymise(self, *, before):
        """Keep the category, the street, the place to about 100 m, the status and the answer;
        drop who reported it and the exact address."""
        old = Report.objects.filter(status__in=FINISHED, status_changed_at__lt=before).exclude(
            reporter_name="", reporter_phone="", reporter_email="", address=""
        )
        count = 0
        for report in old.iterator():
            report.reporter_name = report.reporter_phone = report.reporter_email = ""
            report.address = ""
            report.description = mask_personal_numbers(report.description)
            if report.latitude is not None:
                report.latitude = round(report.latitude, 3)
                report.longitude = round(report.longitude, 3)
            report.save(
                update_fields=[
                    "reporter_name",
                    "reporter_phone",
                    "reporter_email",
                    "address",
                    "description",
                    "latitude",
                    "longitude",
                ]
            )
            for rating in ReportRating.objects.filter(report=report).exclude(comment=""):
                rating.comment = mask_personal_numbers(rating.comment)
                rating.save(update_fields=["comment"])
            count += 1
        return count


register(ReportData())
