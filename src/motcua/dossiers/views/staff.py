"""The back-office: work queues, the dossier page with its actions, desk reception, register."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import DomainError
from motcua.core.excel import Sheet, workbook_response
from motcua.core.text import fold
from motcua.dossiers import selectors, services, slips
from motcua.dossiers.forms import (
    ActionForm,
    BulkAssignForm,
    DeskReceptionForm,
    NoteForm,
    QueueFilterForm,
    SupplementForm,
)
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import DossierFilters
from motcua.dossiers.services import Attachment
from motcua.dossiers.views.public import _applicant
from motcua.dossiers.workflow import TRANSITIONS, available_actions, dossier_transition
from motcua.organisations.models import Unit
from motcua.organisations.selectors import active_unit, roles_in
from motcua.procedures.models import Procedure
from motcua.procedures.selectors import current_version

STAFF_ROLES = selectors.STAFF_ROLES


def _filters(request, default_queue: str) -> tuple[QueueFilterForm, DossierFilters]:
    form = QueueFilterForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_valid() else {}
    filters = DossierFilters(
        queue=cleaned.get("queue") or default_queue,
        status=cleaned.get("status"),
        channel=cleaned.get("channel") or "",
        received_from=cleaned.get("received_from"),
        received_to=cleaned.get("received_to"),
        q=cleaned.get("q") or "",
        unit=active_unit(request),
    )
    return form, filters


@staff_required(roles=STAFF_ROLES)
def queue(request):
    """Work queues (open, to receive, mine, my department, due soon, overdue, supplement, to
    return, all)."""
    form, filters = _filters(request, "open")
    counts = selectors.queue_counts(request.user, unit=filters.unit)
    dossiers = selectors.dossiers_for_staff(request.user, filters, counts=counts)
    page = Paginator(dossiers, 25).get_page(request.GET.get("page"))
    unit = active_unit(request)
    can_assign = unit is not None and RoleCode.LEADER in roles_in(request.user, unit)
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "counts": counts,
        "today": timezone.localdate(),
        "query_string": _query_string(request),
        "bulk_form": BulkAssignForm(unit=unit) if can_assign else None,
    }
    template = (
        "dossiers/staff/queue.html#results"
        if request.htmx and not request.htmx.boosted
        else "dossiers/staff/queue.html"
    )
    return render(request, template, context)


@staff_required(roles=(RoleCode.LEADER,))
@require_POST
def bulk_assign(request):
    """A leader assigns several dossiers to one specialist; each one is its own transition, so
    a dossier someone else changed meanwhile is reported and the others still go through."""
    form = BulkAssignForm(request.POST, unit=active_unit(request))
    if not form.is_valid():
        messages.error(request, _("Choose the dossiers and a specialist."))
        return redirect(request.POST.get("next") or "dossiers:queue")
    done, failed = 0, []
    for dossier in Dossier.objects.visible_to(request.user).filter(
        code__in=form.cleaned_data["codes"]
    ):
        try:
            dossier_transition(
                dossier=dossier,
                action="assign",
                actor=request.user,
                data={"assignee": form.cleaned_data["assignee"]},
            )
            done += 1
        except DomainError as error:
            failed.append(f"{dossier.code}: {error.message}")
    if done:
        messages.success(request, _("%(count)d dossier(s) assigned.") % {"count": done})
    for line in failed:
        messages.error(request, line)
    target = request.POST.get("next", "")
    return redirect(
        target
        if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
        else "dossiers:queue"
    )


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _dossier_or_404(request, code: str):
    dossier = selectors.dossier_for_staff(request.user, code)
    if dossier is None:
        raise Http404
    return dossier


def _detail_context(request, dossier, forms=None) -> dict:
    actions = available_actions(dossier, request.user)
    forms = forms or {}
    available = {t.action for t in actions}
    unsaved = [(TRANSITIONS[name], form) for name, form in forms.items() if name not in available]
    return {
        "dossier": dossier,
        "unsaved": unsaved,
        "actions": [
            (t, forms.get(t.action) or ActionForm(transition=t, dossier=dossier, prefix=t.action))
            for t in actions
            if t.action != "supplement_received"
        ],
        "can_record_supplement": any(t.action == "supplement_received" for t in actions),
        "timing": selectors.dossier_timing(dossier),
        "control_rows": selectors.control_slip_rows(dossier),
        "note_form": NoteForm(),
    }


@staff_required(roles=STAFF_ROLES)
def detail(request, code: str):
    dossier = _dossier_or_404(request, code)
    audit_record(actor=request.user, action="dossier.view", obj=dossier, unit_id=dossier.unit_id)
    return render(request, "dossiers/staff/detail.html", _detail_context(request, dossier))


@staff_required(roles=STAFF_ROLES)
@require_POST
def act(request, code: str, action: str):
    """Apply one workflow action; on bad input show the form again with what was typed."""
    dossier = _dossier_or_404(request, code)
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise Http404
    form = ActionForm(request.POST, transition=transition, dossier=dossier, prefix=action)
    if form.is_valid():
        try:
            dossier_transition(
                dossier=dossier,
                action=action,
                actor=request.user,
                data=form.data_for_service(),
                expected_status=form.cleaned_data["expected_status"],
            )
        except DomainError as error:
            if error.field in form.fields:
                form.add_error(error.field, error.message)
            else:
                # A conflict or a refusal: the action may be gone from the page, say it on top.
                messages.error(request, error.message)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": transition.label})
            return redirect("dossiers:staff-detail", code)
    dossier = _dossier_or_404(request, code)
    context = _detail_context(request, dossier, {action: form})
    return render(request, "dossiers/staff/detail.html", context, status=400)


@staff_required(roles=(RoleCode.ONE_STOP_OFFICER,))
@require_POST
def record_supplement(request, code: str):
    """The applicant brought the additional documents to the desk (scanned here)."""
    dossier = _dossier_or_404(request, code)
    form = SupplementForm(request.POST, request.FILES)
    if form.is_valid():
        attachments = [
            Attachment(upload=form.cleaned_data[n])
            for n in ("files", "files_2", "files_3")
            if form.cleaned_data.get(n)
        ]
        try:
            services.dossier_supplement(
                dossier=dossier,
                attachments=attachments,
                actor=request.user,
                expected_status=dossier.status,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The additional documents were recorded."))
    else:
        messages.error(request, "; ".join(e for errors in form.errors.values() for e in errors))
    return redirect("dossiers:staff-detail", code)


@staff_required(roles=STAFF_ROLES)
@require_POST
def add_note(request, code: str):
    dossier = _dossier_or_404(request, code)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.dossier_add_note(
            dossier=dossier, author=request.user, text=form.cleaned_data["text"]
        )
    if request.htmx:
        return render(
            request,
            "dossiers/staff/detail.html#notes",
            {"dossier": _dossier_or_404(request, code), "note_form": NoteForm()},
        )
    return redirect("dossiers:staff-detail", code)


@staff_required(roles=STAFF_ROLES)
def document(request, code: str, document_id):
    """Download a document of the dossier (personal data: every download is audited)."""
    dossier = _dossier_or_404(request, code)
    doc = get_object_or_404(dossier.documents, public_id=document_id)
    audit_record(
        actor=request.user,
        action="dossier.document_view",
        obj=dossier,
        unit_id=dossier.unit_id,
        after={"document": doc.name},
    )
    return FileResponse(
        doc.file.open("rb"),
        content_type=doc.content_type,
        filename=doc.file.name.rsplit("/", 1)[-1],
    )


@staff_required(roles=STAFF_ROLES)
def slip(request, code: str, slip_id):
    dossier = _dossier_or_404(request, code)
    issued = get_object_or_404(dossier.slips, public_id=slip_id)
    response = HttpResponse(slips.slip_pdf(issued), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{slips.slip_filename(dossier, issued.kind)}"'
    )
    return response


@staff_required(roles=STAFF_ROLES)
def control_slip(request, code: str):
    dossier = _dossier_or_404(request, code)
    response = HttpResponse(slips.control_slip_pdf(dossier), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{slips.slip_filename(dossier, "05")}"'
    return response


@staff_required(roles=(RoleCode.ONE_STOP_OFFICER,))
def desk_choose(request):
    """Desk reception, step 1: choose the procedure."""
    query = request.GET.get("q", "").strip()
    procedures = (
        Procedure.objects.filter(is_active=True)
        .select_related("field")
        .order_by("field__sort_order", "name")
    )
    if query:
        procedures = procedures.filter(search_name__contains=fold(query))
    return render(
        request, "dossiers/staff/desk_choose.html", {"procedures": procedures[:200], "query": query}
    )


@staff_required(roles=(RoleCode.ONE_STOP_OFFICER,))
def desk_receive(request, slug: str):
    """Desk reception, step 2: the applicant, the scanned documents and the outcome."""
    procedure = get_object_or_404(Procedure, slug=slug, is_active=True)
    version = current_version(procedure)
    if version is None:
        raise Http404
    unit = active_unit(request)
    units = Unit.objects.visible_to(request.user).administrative()
    form = DeskReceptionForm(
        request.POST or None,
        request.FILES or None,
        version=version,
        units=units,
        initial={"unit": unit.administrative_unit() if unit else None},
    )
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            dossier = services.dossier_receive_at_desk(
                version=version,
                unit=cleaned["unit"],
                applicant=_applicant(cleaned),
                attachments=form.attachments(),
                actor=request.user,
                outcome=cleaned["outcome"],
                channel=cleaned["channel"],
                items=[
                    line.strip() for line in cleaned.get("items", "").splitlines() if line.strip()
                ],
                reason=cleaned.get("reason", ""),
                fee_paid=cleaned.get("fee_paid", False),
            )
        except DomainError as error:
            form.refused(error)
        else:
            form.filed()
            messages.success(request, _("Dossier %(code)s recorded.") % {"code": dossier.code})
            return redirect("dossiers:staff-detail", dossier.code)
    return render(
        request,
        "dossiers/staff/desk_receive.html",
        {"form": form, "procedure": procedure, "version": version},
    )


@staff_required(roles=STAFF_ROLES)
def register(request):
    """The register of dossiers (form 06): filterable, exportable to Excel."""
    form, filters = _filters(request, "all")
    if request.GET.get("export") == "xlsx":
        rows = selectors.dossiers_for_export(request.user, filters)
        audit_record(
            actor=request.user,
            action="dossier.register_export",
            unit_id=filters.unit.pk if filters.unit else None,
        )
        headers = [
            _("No."),
            _("Dossier code"),
            _("Procedure"),
            _("Applicant"),
            _("Address"),
            _("Phone"),
            _("Channel"),
            _("Submitted"),
            _("Received"),
            _("Appointment date"),
            _("New date"),
            _("Result ready"),
            _("Returned"),
            _("Status"),
            _("Department"),
        ]
        data = (
            [
                i,
                d.code,
                d.procedure_version.procedure.name,
                d.applicant_name,
                d.applicant_address,
                d.applicant_phone,
                d.get_channel_display(),
                d.submitted_at,
                d.received_at,
                d.due_date,
                d.extended_due_date,
                d.finished_at,
                d.returned_at,
                d.get_status_display(),
                d.department.name if d.department_id else "",
            ]
            for i, d in enumerate(rows[:50000].iterator(chunk_size=2000), start=1)
        )
        return workbook_response(
            f"so-theo-doi-ho-so-{timezone.localdate():%Y%m%d}.xlsx",
            [Sheet(_("Register"), headers, data)],
        )
    page = Paginator(selectors.dossiers_for_staff(request.user, filters), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "dossiers/staff/register.html",
        {"form": form, "page": page, "query_string": _query_string(request)},
    )
