"""Ratings in the data subject's export; free text of survey answers under retention.

Survey responses are anonymous by design (no link to a person); what may still identify
someone is what they wrote: phone and identity numbers in free text are masked once the
retention period has passed.
"""

from motcua.core.logging import PERSONAL_NUMBER, mask_personal_numbers
from motcua.core.personal_data import PersonalDataProvider, register
from motcua.dossiers.personal_data import dossiers_of
from motcua.surveys.models import Answer, Rating


class SurveyData(PersonalDataProvider):
    kind = "ratings"

    def export(self, person):
        return [
            {
                "dossier": r.dossier.code,
                "rating": r.level,
                "reasons": r.reasons,
                "comment": r.comment,
                "rated_at": r.rated_at.isoformat(),
            }
            for r in Rating.objects.filter(dossier__in=dossiers_of(person)).select_related(
                "dossier"
            )
        ]

    def anonymise(self, *, before):
        count = 0
        answers = Answer.objects.filter(response__submitted_on__lt=before.date()).exclude(text="")
        ratings = Rating.objects.filter(rated_at__lt=before).exclude(comment="")
        for rows, field in ((answers, "text"), (ratings, "comment")):
            for row in rows.iterator():
                if PERSONAL_NUMBER.search(getattr(row, field)):
                    setattr(row, field, mask_personal_numbers(getattr(row, field)))
                    row.save(update_fields=[field])
                    count += 1
        return count


register(SurveyData())
