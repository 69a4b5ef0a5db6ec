"""Feedback for integrations: public reports (no personal data), filing a report, the reporter's
lookup, and the staff work queue with its workflow actions (scoped like the back-office)."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from motcua.api.auth import require_role, staff_auth
from motcua.api.errors import RateLimited
from motcua.api.fields import text
from motcua.api.pagination import Pages
from motcua.core.errors import DomainError
from motcua.core.ratelimit import RateLimit
from motcua.core.requestmeta import client_ip
from motcua.feedback import access, selectors, services
from motcua.feedback.models import Category, Report
from motcua.feedback.workflow import TRANSITIONS, due_state, report_transition
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit

PREFIX = "/feedback"
router = Router(tags=["feedback"])

SUBMIT_RATE = RateLimit("api-feedback-submit", 20, 3600)
LOOKUP_RATE = RateLimit("api-feedback-lookup", 20, 600)


class CategoryOut(Schema):
    code: str
    name: str
    group: str | None
    is_conduct: bool
    questions: list[dict]

    @staticmethod
    def resolve_group(category: Category) -> str | None:
        return category.parent.name if category.parent_id else None


class PublicReportOut(Schema):
    code: str
    category: str = Field(..., alias="category.code")
    category_name: str = Field(..., alias="category.name")
    status: str
    status_label: str
    ward: str = Field(..., alias="unit.slug")
    ward_name: str = Field(..., alias="unit.name")
    address: str = Field(..., alias="public_address")
    latitude: float | None = Field(None, alias="public_latitude")
    longitude: float | None = Field(None, alias="public_longitude")
    description: str = Field(..., alias="public_description")
    answer: str
    received_at: dt.datetime
    answered_at: dt.datetime | None

    @staticmethod
    def resolve_status_label(report: Report) -> str:
        return str(report.get_status_display())


class ReportIn(Schema):
    ward: str
    category: str
    description: text(5000)
    details: dict[str, text(1000)] = {}
    address: text(300) = ""
    latitude: float | None = None
    longitude: float | None = None
    name: text(200) = ""
    phone: text(20) = ""
    email: text(254) = ""
    is_public: bool = True


class SubmittedOut(Schema):
    code: str
    secret: str | None
    status: str


class SecretIn(Schema):
    secret: str


class EventOut(Schema):
    status: str = Field(..., alias="to_status")
    note: str
    at: dt.datetime = Field(..., alias="created_at")


class ReporterReportOut(PublicReportOut):
    events: list[EventOut]
    rating: str

    @staticmethod
    def resolve_events(report: Report):
        return report.events.filter(is_public=True)


class StaffReportOut(Schema):
    code: str
    category: str = Field(..., alias="category.code")
    status: str
    ward: str = Field(..., alias="unit.slug")
    handling_unit: str | None
    assigned_to: str | None
    description: str
    address: str
    latitude: float | None
    longitude: float | None
    channel: str
    received_at: dt.datetime
    step_due: dt.date | None
    due_date: dt.date | None
    due_state: str | None
    reporter_name: str | None = None
    reporter_phone: str | None = None
    reporter_email: str | None = None
    answer: str
    answer_draft: str

    @staticmethod
    def resolve_handling_unit(report: Report) -> str | None:
        return report.handling_unit.slug if report.handling_unit_id else None

    @staticmethod
    def resolve_assigned_to(report: Report) -> str | None:
        return report.assigned_to.username if report.assigned_to_id else None

    @staticmethod
    def resolve_due_state(report: Report) -> str | None:
        return due_state(report.step_due)

    @staticmethod
    def resolve_reporter_name(report: Report, context) -> str | None:
        return _reporter(report, context, "reporter_name")

    @staticmethod
    def resolve_reporter_phone(report: Report, context) -> str | None:
        return _reporter(report, context, "reporter_phone")

    @staticmethod
    def resolve_reporter_email(report: Report, context) -> str | None:
        return _reporter(report, context, "reporter_email")


def _reporter(report: Report, context, field: str) -> str | None:
    user = context["request"].auth
    return getattr(report, field) if selectors.may_see_reporter(user, report) else None


class ActionIn(Schema):
    note: str = ""
    reason: str = ""
    officer: str | None = None  # username
    unit: str | None = None  # unit id (slug)
    answer: str = ""
    duplicate_of: str | None = None  # report code


@router.get("/categories", response=list[CategoryOut], auth=None, summary="Categories")
def categories(request):
    """Categories a report can be filed under, with their extra questions."""
    return list(selectors.leaf_categories())


@router.get("/reports", response=list[PublicReportOut], auth=None, summary="Public reports")
@paginate(Pages, page_size=50)
def public_reports(
    request, ward: str | None = None, category: str | None = None, status: str | None = None
):
    """Published reports and answers, without personal data."""
    filters = selectors.PublicFilters(
        unit=Unit.objects.filter(slug=ward).first() if ward else None,
        category=Category.objects.filter(code=category).first() if category else None,
        status=status if status in ("open", "answered") else "",
    )
    return selectors.public_reports(filters)


@router.get("/reports/{code}", response=PublicReportOut, auth=None, summary="A public report")
def public_report(request, code: str):
    report = selectors.public_report(code)
    if report is None:
        raise Http404
    return report


@router.post("/reports", response={201: SubmittedOut, 200: SubmittedOut}, auth=None)
def submit(request, payload: ReportIn):
    """File a report. Send an ``Idempotency-Key`` header to make retries safe: the same key
    returns the first report (without its secret)."""
    if not SUBMIT_RATE.hit(client_ip(request) or "unknown"):
        raise RateLimited
    unit = Unit.objects.filter(slug=payload.ward, kind__in=ADMINISTRATIVE_KINDS).first()
    if unit is None:
        raise DomainError(_("Choose the ward where the problem is."), field="ward")
    category = Category.objects.filter(code=payload.category, is_active=True).first()
    if category is None:
        raise DomainError(_("Choose a category from the list."), field="category")
    submission = services.report_submit(
        unit=unit,
        category=category,
        description=payload.description,
        details=payload.details,
        address=payload.address,
        latitude=payload.latitude,
        longitude=payload.longitude,
        reporter_name=payload.name,
        reporter_phone=payload.phone,
        reporter_email=payload.email,
        is_public=payload.is_public,
        channel="api",
        idempotency_key=(request.headers.get("Idempotency-Key") or "")[:64] or None,
    )
    report = submission.report
    return Status(
        201 if submission.created else 200,
        {"code": report.code, "secret": submission.secret, "status": report.status},
    )


@router.post("/reports/{code}/lookup", response=ReporterReportOut, auth=None)
def lookup(request, code: str, payload: SecretIn):
    """The reporter's view of their report (code + secret)."""
    if not LOOKUP_RATE.hit(client_ip(request) or "unknown"):
        raise RateLimited
    report = selectors.report_for_reporter(code, payload.secret)
    if report is None:
        raise Http404
    return report


@router.get("/staff/reports", response=list[StaffReportOut], auth=staff_auth)
@paginate(Pages, page_size=50)
def staff_reports(request, status: str = "", due: str = ""):
    """The reports this officer may see (the back-office scoping)."""
    require_role(request.auth, access.STAFF_ROLES)
    return selectors.reports_for_staff(
        request.auth,
        selectors.StaffFilters(status=status, due=due if due in ("overdue", "due_soon") else ""),
    )


@router.get("/staff/reports/{code}", response=StaffReportOut, auth=staff_auth)
def staff_report(request, code: str):
    require_role(request.auth, access.STAFF_ROLES)
    report = selectors.report_for_staff(request.auth, code)
    if report is None:
        raise Http404
    return report


@router.post("/staff/reports/{code}/actions/{action}", response=StaffReportOut, auth=staff_auth)
def staff_action(request, code: str, action: str, payload: ActionIn):
    """Apply a workflow action (accept, reject, assign, transfer, start, request_info,
    supply_info, submit_answer, return_answer, approve, close)."""
    from motcua.accounts.models import User

    require_role(request.auth, access.STAFF_ROLES)
    report = selectors.report_for_staff(request.auth, code)
    if report is None or action not in TRANSITIONS:
        raise Http404
    kwargs = {"note": payload.note, "reason": payload.reason, "answer": payload.answer}
    if payload.officer:
        kwargs["officer"] = User.objects.filter(username=payload.officer).first()
    if payload.unit:
        kwargs["unit"] = Unit.objects.filter(slug=payload.unit).first()
    if payload.duplicate_of:
        kwargs["duplicate_of"] = Report.objects.filter(code=payload.duplicate_of).first()
    report_transition(report=report, action=action, actor=request.auth, **kwargs)
    return selectors.report_for_staff(request.auth, code)
