"""Comments on drafts in the data subject's export."""

from django.db.models import Q

from motcua.consultations.models import Comment
from motcua.core.personal_data import PersonalDataProvider, register


class CommentData(PersonalDataProvider):
    kind = "consultation_comments"

    def export(self, person):
        match = Q(pk__in=[])
        for contact in (person.phone, person.email):
            if contact:
                match |= Q(contact__iexact=contact)
        return [
            {
                "consultation": c.consultation.title,
                "author_name": c.author_name,
                "contact": c.contact,
                "comment": c.body,
                "status": c.status,
                "created_at": c.created_at.isoformat(),
            }
            for c in Comment.objects.filter(match).select_related("consultation").order_by("pk")
        ]


register(CommentData())
