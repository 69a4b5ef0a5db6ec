from django.utils.translation import gettext_lazy as _

from motcua.consultations.models import Consultation, ConsultationStatus
from motcua.search.registry import SearchDocument, SearchProvider


class ConsultationProvider(SearchProvider):
    kind = "drafts"
    label = _("Drafts for comment")
    model = Consultation
    order = 40

    def queryset(self):
        return Consultation.objects.public().prefetch_related("sections")

    def document(self, consultation):
        if consultation.status == ConsultationStatus.DRAFT:
            return None
        sections = " ".join(f"{s.heading} {s.body}" for s in consultation.sections.all())
        return SearchDocument(
            title=consultation.title,
            body=f"{consultation.summary} {sections} {consultation.report_summary}",
            url=consultation.get_absolute_url(),
            published_at=consultation.opens_at,
            label=consultation.document_type,
        )
