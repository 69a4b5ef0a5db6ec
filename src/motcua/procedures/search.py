"""How administrative procedures appear in site search."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.procedures.models import Procedure
from motcua.procedures.selectors import current_version
from motcua.search.registry import SearchDocument, SearchProvider


class ProcedureProvider(SearchProvider):
    kind = "procedures"
    label = _("Administrative procedures")
    model = Procedure
    order = 20

    def queryset(self):
        return Procedure.objects.filter(is_active=True).select_related("field")

    def document(self, procedure):
        if not procedure.is_active:
            return None
        version = current_version(procedure)
        details = [procedure.code, procedure.local_code, procedure.field.name]
        if version is not None:
            details += [
                version.result,
                version.steps,
                " ".join(d.name for d in version.documents.all()),
            ]
        return SearchDocument(
            title=procedure.name,
            body="\n".join(part for part in details if part),
            url=reverse("procedures:detail", args=[procedure.slug]),
            published_at=None,
            label=procedure.code,
        )
