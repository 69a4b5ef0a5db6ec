"""Complaints, denunciations and citizen reception: back-office pages and the public schedule."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from motcua.accounts.decorators import staff_required
from motcua.accounts.roles import RoleCode
from motcua.complaints import confidentiality, selectors, services
from motcua.complaints.forms import CaseActionForm, CaseForm, ReplyForm, SessionForm, VisitForm
from motcua.complaints.models import CaseStatus, Kind, ReceptionSession, ReceptionVisit
from motcua.complaints.workflow import CASE_TRANSITIONS, allowed_case_actions, case_transition
from motcua.core.errors import DomainError, NotAllowed
from motcua.core.excel import Sheet, workbook_response
from motcua.core.pdf import render_pdf
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit
from motcua.organisations.selectors import active_unit, portal_unit

ROLES = selectors.STAFF_ROLES


def schedule(request):
    """Public: the leaders' citizen reception schedule."""
    unit = Unit.objects.filter(slug=request.GET.get("don-vi", "")[:120]).first()
    sessions = selectors.upcoming_sessions(unit=unit or portal_unit())[:100]
    return render(request, "complaints/schedule.html", {"sessions": sessions, "unit": unit})


# --- Cases ----------------------------------------------------------------------------------


@staff_required(roles=ROLES)
def cases(request):
    kind = request.GET.get("kind", "") if request.GET.get("kind") in Kind.values else ""
    status = request.GET.get("status", "") if request.GET.get("status") in CaseStatus.values else ""
    page = Paginator(
        selectors.cases_for_staff(request.user, kind=kind, status=status), 25
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "complaints/cases.html",
        {
            "page": page,
            "kind": kind,
            "status": status,
            "kinds": Kind.choices,
            "statuses": CaseStatus.choices,
            "today": timezone.localdate(),
            "query_string": f"kind={kind}&status={status}",
        },
    )


@staff_required(roles=ROLES)
def cases_export(request):
    """Excel export of the cases in scope. A denouncer's identity is never exported."""
    rows = [
        (
            case.code,
            case.get_kind_display(),
            case.received_at,
            case.unit.name,
            case.subject,
            confidentiality.export_identity(case),
            case.get_status_display(),
            case.accept_due,
            case.resolve_due,
            case.handler.get_full_name() if case.handler_id else "",
        )
        for case in selectors.cases_for_staff(request.user)
    ]
    headers = [
        _("Code"),
        _("Kind"),
        _("Received at"),
        _("Receiving authority"),
        _("Subject"),
        _("Petitioner"),
        _("Status"),
        _("Due date to accept"),
        _("Due date to resolve"),
        _("Handler"),
    ]
    return workbook_response(
        "khieu-nai-to-cao.xlsx", [Sheet(_("Complaints and denunciations"), headers, rows)]
    )


@staff_required(roles=(RoleCode.LEADER, RoleCode.SPECIALIST, RoleCode.ONE_STOP_OFFICER))
def case_new(request):
    form = CaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Recorded as %(code)s.") % {"code": case.code})
            if (
                case.status == CaseStatus.RECORDED
                or selectors.case_for_staff(request.user, case.code) is None
            ):
                return redirect("complaints:cases")
            return redirect("complaints:case", code=case.code)
    active = active_unit(request)
    if active is not None and not form.is_bound:
        admin_unit = active.administrative_unit()
        if admin_unit.kind in ADMINISTRATIVE_KINDS:
            form.initial["unit"] = admin_unit.slug
    return render(
        request,
        "complaints/case_new.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _case_or_404(request, code):
    case = selectors.case_for_staff(request.user, code)
    if case is None:
        raise Http404
    return case


def _case_context(request, case, forms=None):
    actions = allowed_case_actions(case, request.user)
    return {
        "case": case,
        "action_forms": {
            a: (forms or {}).get(a) or CaseActionForm(action=a, case=case) for a in actions
        },
        "may_see_identity": confidentiality.may_see_identity(request.user, case),
        "identity": confidentiality.redacted() if case.is_denunciation else None,
        "complaint_identity": None
        if case.is_denunciation
        else confidentiality.identity_for(request.user, case),
        "today": timezone.localdate(),
    }


@staff_required(roles=ROLES)
def case_detail(request, code: str):
    case = _case_or_404(request, code)
    return render(request, "complaints/case_detail.html", _case_context(request, case))


@staff_required(roles=ROLES)
@require_GET
def case_identity(request, code: str):
    """The denouncer's identity, on request, for the handler and their leader (audited)."""
    case = _case_or_404(request, code)
    try:
        identity = confidentiality.reveal_identity(request.user, case, purpose="detail page")
    except NotAllowed as error:
        raise Http404 from error
    response = render(request, "complaints/_identity.html", {"identity": identity, "case": case})
    response["Cache-Control"] = "no-store"
    return response


@staff_required(roles=ROLES)
@require_POST
def case_act(request, code: str, action: str):
    case = _case_or_404(request, code)
    if action not in CASE_TRANSITIONS:
        raise Http404
    form = CaseActionForm(request.POST, action=action, case=case)
    if form.is_valid():
        try:
            case_transition(
                case=case, action=action, actor=request.user, **form.transition_kwargs()
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": form.action_label})
            return redirect("complaints:case", code=code)
    context = _case_context(request, case, forms={action: form})
    context["open_action"] = action
    return render(request, "complaints/case_detail.html", context, status=400)


DOCUMENTS = ("ket-qua", "thong-bao")


@staff_required(roles=ROLES)
@require_GET
def case_document(request, code: str, document: str):
    """PDF documents: the acceptance notice to the petitioner (names the petitioner, so for a
    denunciation only the handler and their leader may print it, and it is audited) and the
    decision / conclusion (no denouncer identity)."""
    case = _case_or_404(request, code)
    if document not in DOCUMENTS:
        raise Http404
    if document == "thong-bao":
        if case.status in (CaseStatus.RECEIVED, CaseStatus.RECORDED):
            raise Http404
        try:
            identity = confidentiality.reveal_identity(request.user, case, purpose="notice PDF")
        except NotAllowed as error:
            raise Http404 from error
        template, context = "complaints/pdf/notice.html", {"case": case, "identity": identity}
    else:
        if not case.outcome_summary:
            raise Http404
        complainant = case.person_name if case.kind == Kind.COMPLAINT else ""
        template = "complaints/pdf/outcome.html"
        context = {"case": case, "complainant": complainant}
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{case.code}-{document}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# --- Citizen reception ----------------------------------------------------------------------


@staff_required(roles=ROLES)
def sessions(request):
    unit = active_unit(request)
    unit = unit.administrative_unit() if unit is not None else None
    can_plan = unit is not None and services.may_manage_reception(request.user, unit)
    form = SessionForm(request.POST or None) if can_plan else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.session_save(actor=request.user, unit=unit, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The session was added to the schedule."))
            return redirect("complaints:sessions")
    page = Paginator(selectors.sessions_for_staff(request.user), 20).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "complaints/sessions.html",
        {
            "page": page,
            "form": form,
            "unit": unit,
            "due": selectors.visits_due(request.user)[:50],
            "today": timezone.localdate(),
        },
        status=400 if request.method == "POST" else 200,
    )


@staff_required(roles=ROLES)
def session_detail(request, public_id):
    session = get_object_or_404(
        ReceptionSession.objects.visible_to(request.user).select_related("unit", "host"),
        public_id=public_id,
    )
    form = VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_record(actor=request.user, session=session, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The visit was recorded."))
            return redirect("complaints:session", public_id=public_id)
    visits = [
        (visit, confidentiality.visit_identity(request.user, visit))
        for visit in session.visits.select_related("session__unit").order_by("created_at")
    ]
    return render(
        request,
        "complaints/session_detail.html",
        {"session": session, "visits": visits, "form": form, "reply_form": ReplyForm()},
        status=400 if request.method == "POST" else 200,
    )


@staff_required(roles=ROLES)
@require_POST
def visit_reply(request, public_id):
    visit = get_object_or_404(
        ReceptionVisit.objects.visible_to(request.user).select_related("session__unit"),
        public_id=public_id,
    )
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.visit_reply(actor=request.user, visit=visit, reply=form.cleaned_data["reply"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The reply was recorded."))
    else:
        messages.error(request, _("Write the reply."))
    return redirect("complaints:session", public_id=visit.session.public_id)
