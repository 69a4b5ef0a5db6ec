from django.core.paginator import Paginator
from django.shortcuts import render

from motcua.accounts.decorators import staff_required
from motcua.audit.forms import AuditFilterForm
from motcua.audit.selectors import AuditFilters, audit_events, audit_object_types


@staff_required(admin=True)
def audit_log(request):
    """The administrators' audit page: every recorded event, filterable."""
    form = AuditFilterForm(request.GET or None, object_types=audit_object_types())
    filters = AuditFilters(**form.cleaned_data) if form.is_valid() else AuditFilters()
    page = Paginator(audit_events(filters), 50).get_page(request.GET.get("page"))
    template = "audit/audit_log.html#results" if request.htmx else "audit/audit_log.html"
    return render(request, template, {"form": form, "page": page})
