"""How answered feedback appears in site search: the public answer and the public
description only, never the reporter or the exact address."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.feedback.models import Report, Status
from motcua.feedback.selectors import is_public
from motcua.search.registry import SearchDocument, SearchProvider

ANSWERED = (Status.ANSWERED, Status.CLOSED)


class FeedbackAnswerProvider(SearchProvider):
    kind = "feedback"
    label = _("Answers to feedback")
    model = Report
    order = 50

    def queryset(self):
        return (
            Report.objects.public()
            .filter(status__in=ANSWERED)
            .exclude(answer="")
            .select_related("category")
        )

    def document(self, report):
        if report.status not in ANSWERED or not report.answer or not is_public(report):
            return None
        return SearchDocument(
            title=f"{report.category.name} — {report.public_address}"
            if report.public_address
            else report.category.name,
            body=f"{report.public_description}\n{report.answer}",
            url=reverse("feedback:detail", args=[report.code]),
            published_at=report.answered_at,
            label=report.code,
        )
