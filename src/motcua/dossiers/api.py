"""Dossiers in the API: submit online, public status lookup, staff lists and one endpoint per
workflow transition."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from motcua.accounts.models import User
from motcua.api.auth import require_role, staff_auth
from motcua.api.errors import RateLimited
from motcua.api.fields import text
from motcua.api.pagination import Pages
from motcua.audit.services import audit_record
from motcua.core.errors import DomainError
from motcua.core.requestmeta import client_ip
from motcua.core.uploads import DOCUMENT_KINDS, clean_upload
from motcua.dossiers import selectors
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import Applicant, Attachment, dossier_submit_online
from motcua.dossiers.views.public import LOOKUP_RATE, SUBMIT_RATE
from motcua.dossiers.workflow import TRANSITIONS, available_actions, dossier_transition
from motcua.organisations.models import Unit
from motcua.procedures.models import Procedure
from motcua.procedures.selectors import current_version

PREFIX = "/dossiers"
router = Router(tags=["dossiers"])


class HistoryItem(Schema):
    at: dt.datetime
    status: int
    message: str


class PublicStatus(Schema):
    code: str
    procedure: str
    status: int
    status_label: str
    appointment_date: dt.date | None
    next_step: str
    history: list[HistoryItem]


class Submitted(Schema):
    code: str
    secret: str
    status: int


class DossierListItem(Schema):
    code: str
    procedure_code: str
    procedure: str
    unit: str
    status: int
    status_label: str
    channel: str
    applicant_name: str
    submitted_at: dt.datetime
    appointment_date: dt.date | None
    assignee: str | None

    @staticmethod
    def resolve_procedure_code(d: Dossier) -> str:
        return d.procedure_version.procedure.code

    @staticmethod
    def resolve_procedure(d: Dossier) -> str:
        return d.procedure_version.procedure.name

    @staticmethod
    def resolve_unit(d: Dossier) -> str:
        return d.unit.slug

    @staticmethod
    def resolve_status_label(d: Dossier) -> str:
        return d.get_status_display()

    @staticmethod
    def resolve_appointment_date(d: Dossier):
        return d.effective_due_date

    @staticmethod
    def resolve_assignee(d: Dossier) -> str | None:
        return d.assignee.username if d.assignee_id else None


class DossierDetail(DossierListItem):
    processing_unit: str
    department: str | None
    applicant_phone: str
    applicant_email: str
    applicant_address: str
    received_at: dt.datetime | None
    finished_at: dt.datetime | None
    returned_at: dt.datetime | None
    fee_amount: Decimal
    actions: list[str]

    @staticmethod
    def resolve_processing_unit(d: Dossier) -> str:
        return d.processing_unit.slug

    @staticmethod
    def resolve_department(d: Dossier) -> str | None:
        return d.department.name if d.department_id else None

    @staticmethod
    def resolve_actions(d: Dossier, context) -> list[str]:
        return [t.action for t in available_actions(d, context["request"].auth)]


class SubmitIn(Schema):
    procedure_code: str
    unit: str
    applicant_name: text(200)
    applicant_phone: text(20)
    idempotency_key: text(64)
    applicant_email: text(254) = ""
    applicant_address: text(300) = ""


@router.post(
    "/", response={201: Submitted, 200: Submitted}, auth=None, summary="Submit a dossier online"
)
def submit(
    request,
    form: Form[SubmitIn],
    documents: File[list[UploadedFile]],
):
    """Multipart form. ``documents`` are matched in order to the procedure's required documents.
    Sending the same ``idempotency_key`` again returns the dossier already filed (200)."""
    if not SUBMIT_RATE.hit(client_ip(request) or "unknown"):
        raise RateLimited
    procedure = get_object_or_404(Procedure, code=form.procedure_code, is_active=True)
    version = current_version(procedure)
    target = get_object_or_404(Unit.objects.active(), slug=form.unit)
    if version is None:
        raise Http404
    requirements = list(version.documents.all())
    attachments = []
    for index, upload in enumerate(documents):
        try:
            clean = clean_upload(upload, kinds=DOCUMENT_KINDS)
        except DomainError as error:
            error.field = f"documents[{index}]"
            raise
        attachments.append(
            Attachment(
                upload=clean, requirement=requirements[index] if index < len(requirements) else None
            )
        )
    dossier, created = dossier_submit_online(
        version=version,
        unit=target,
        applicant=Applicant(
            name=form.applicant_name,
            phone=form.applicant_phone,
            email=form.applicant_email,
            address=form.applicant_address,
        ),
        attachments=attachments,
        idempotency_key=form.idempotency_key,
    )
    return Status(
        201 if created else 200,
        {"code": dossier.code, "secret": dossier.secret, "status": dossier.status},
    )


@router.get("/status", response=PublicStatus, auth=None, summary="Public status of a dossier")
def public_status(request, code: str, secret: str):
    """``secret``: the lookup code on the receipt, or the applicant's phone number."""
    if not LOOKUP_RATE.hit(client_ip(request) or "unknown"):
        raise RateLimited
    dossier = selectors.dossier_for_applicant(code, secret)
    if dossier is None:
        raise Http404
    return {
        "code": dossier.code,
        "procedure": dossier.procedure_version.procedure.name,
        "status": dossier.status,
        "status_label": dossier.get_status_display(),
        "appointment_date": dossier.effective_due_date,
        "next_step": selectors.next_step_for_applicant(dossier),
        "history": [
            {"at": e.at, "status": e.to_status, "message": e.public_note}
            for e in selectors.public_history(dossier)
        ],
    }


@router.get("/", response=list[DossierListItem], auth=staff_auth, summary="Staff list of dossiers")
@paginate(Pages, page_size=50)
def staff_list(
    request, unit: str | None = None, status: int | None = None, queue: str = "all", q: str = ""
):
    """Dossiers of the caller's units, newest first; ``unit`` narrows to a unit and below."""
    require_role(request.auth, selectors.STAFF_ROLES)
    scope_unit = get_object_or_404(Unit, slug=unit) if unit else None
    filters = selectors.DossierFilters(
        queue=queue if queue in selectors.QUEUES else "all", status=status, unit=scope_unit, q=q
    )
    return selectors.dossiers_for_staff(request.auth, filters)


def _dossier_for(request, code: str) -> Dossier:
    """The dossier, for staff who work on dossiers and whose units it concerns."""
    require_role(request.auth, selectors.STAFF_ROLES)
    dossier = selectors.dossier_for_staff(request.auth, code)
    if dossier is None:
        raise Http404
    return dossier


@router.get("/{code}", response=DossierDetail, auth=staff_auth, summary="One dossier (staff)")
def staff_detail(request, code: str):
    dossier = _dossier_for(request, code)
    audit_record(actor=request.auth, action="dossier.view", obj=dossier, unit_id=dossier.unit_id)
    return dossier


class ActionIn(Schema):
    expected_status: int | None = None
    items: list[str] | None = None
    reason: str | None = None
    note: str | None = None
    department: str | None = None
    assignee: str | None = None
    unit: str | None = None
    new_date: dt.date | None = None
    amount: Decimal | None = None


class ActionOut(Schema):
    code: str
    status: int
    status_label: str
    appointment_date: dt.date | None


def _make_action_endpoint(action: str):
    transition = TRANSITIONS[action]

    def endpoint(request, code: str, payload: ActionIn):
        dossier = _dossier_for(request, code)
        data = payload.dict(exclude_none=True)
        data.pop("expected_status", None)
        if "department" in data:
            data["department"] = Unit.objects.filter(slug=data["department"]).first()
        if "unit" in data:
            data["unit"] = Unit.objects.filter(slug=data["unit"]).first()
        if "assignee" in data:
            data["assignee"] = User.objects.filter(username=data["assignee"]).first()
        dossier = dossier_transition(
            dossier=dossier,
            action=action,
            actor=request.auth,
            data=data,
            expected_status=payload.expected_status,
        )
        return {
            "code": dossier.code,
            "status": dossier.status,
            "status_label": dossier.get_status_display(),
            "appointment_date": dossier.effective_due_date,
        }

    endpoint.__name__ = f"dossier_{action}"
    needs = ", ".join(transition.needs) or "nothing"
    router.post(
        f"/{{code}}/{action.replace('_', '-')}",
        response=ActionOut,
        auth=staff_auth,
        summary=str(transition.label),
        description=f"Workflow action `{action}`; needs: {needs}. Units, departments and assignees are given by slug / username.",
        operation_id=f"dossier_{action}",
    )(endpoint)


for _action in TRANSITIONS:
    if _action != "supplement_received":
        _make_action_endpoint(_action)
