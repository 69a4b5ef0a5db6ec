"""Complaints and denunciations for integrations (staff only). The person's identity is never
part of the API for a denunciation: it is always the redacted copy."""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from motcua.api.auth import require_role, staff_auth
from motcua.api.pagination import Pages
from motcua.complaints import confidentiality, selectors
from motcua.complaints.models import Case, Kind

PREFIX = "/complaints"
router = Router(tags=["complaints"])


class CaseOut(Schema):
    code: str
    kind: str
    status: str
    unit: str = Field(..., alias="unit.slug")
    subject: str
    content: str
    received_at: dt.datetime
    accept_due: dt.date | None
    resolve_due: dt.date | None
    handler: str | None
    person_name: str
    person_address: str
    person_phone: str

    @staticmethod
    def resolve_handler(case: Case) -> str | None:
        return case.handler.username if case.handler_id else None

    @staticmethod
    def resolve_person_name(case: Case) -> str:
        return confidentiality.export_identity(case)

    @staticmethod
    def resolve_person_address(case: Case) -> str:
        return _person(case, "person_address")

    @staticmethod
    def resolve_person_phone(case: Case) -> str:
        return _person(case, "person_phone")


def _person(case: Case, field: str) -> str:
    if case.kind == Kind.DENUNCIATION:
        return str(confidentiality.redacted().name)
    return getattr(case, field)


@router.get("/cases", response=list[CaseOut], auth=staff_auth, summary="Cases in scope")
@paginate(Pages, page_size=50)
def cases(request, kind: str = "", status: str = ""):
    require_role(request.auth, selectors.STAFF_ROLES)
    return selectors.cases_for_staff(request.auth, kind=kind, status=status)


@router.get("/cases/{code}", response=CaseOut, auth=staff_auth, summary="One case")
def case(request, code: str):
    require_role(request.auth, selectors.STAFF_ROLES)
    found = selectors.case_for_staff(request.auth, code)
    if found is None:
        raise Http404
    return found
