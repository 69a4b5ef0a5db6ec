"""The procedure catalogue for integrations: search and one procedure with its current rules."""

import datetime as dt
from typing import Literal

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from motcua.api.pagination import Pages
from motcua.core.errors import DomainError
from motcua.procedures import selectors
from motcua.procedures.fees import describe_fee
from motcua.procedures.models import ProcedureVersion, RequiredDocument
from motcua.procedures.templatetags.procedures_tags import file_name, lines

PREFIX = "/procedures"
router = Router(tags=["procedures"])

LevelCode = Literal["ward", "province"]
OnlineCode = Literal["none", "partial", "full"]


class FieldOut(Schema):
    """A field (lĩnh vực) of procedures."""

    code: str = Field(description="Stable code, e.g. `ho-tich`.")
    name: str = Field(description="Name in Vietnamese, e.g. Hộ tịch.")


class FieldWithCount(FieldOut):
    procedure_count: int = Field(description="Procedures of this field in the catalogue today.")


class ProcedureSummary(Schema):
    """A procedure in a list, with the main facts of the version in force today."""

    code: str = Field(description="National code, e.g. `1.001193`.")
    local_code: str = Field(description="The province's copy of the code, if any.")
    name: str
    slug: str = Field(description="Address of the public page: `/thu-tuc/<slug>/`.")
    field: FieldOut
    level: LevelCode = Field(description="Implementing level: ward/commune or province/city.")
    online_level: OnlineCode = Field(
        description="Online service today: `full` (toàn trình), `partial` (một phần) or `none`."
    )
    processing_days: int = Field(description="Processing time in working days; 0: same day.")
    url: str = Field(description="The public procedure page.")

    @staticmethod
    def resolve_online_level(procedure) -> str:
        return procedure.current_online

    @staticmethod
    def resolve_processing_days(procedure) -> int:
        return procedure.current_days

    @staticmethod
    def resolve_url(procedure, context) -> str:
        return context["request"].build_absolute_uri(
            reverse("procedures:detail", args=[procedure.slug])
        )


class DocumentOut(Schema):
    """A document to submit (thành phần hồ sơ)."""

    name: str
    requirement: Literal["original", "copy", "certified_copy", "original_or_copy"] = Field(
        description="Original, copy, certified copy, or original or certified copy."
    )
    requirement_label: str = Field(description="The requirement in words (Vietnamese).")
    quantity: int = Field(description="Number of copies.")
    is_optional: bool = Field(description="Needed only in some cases (see `note`).")
    note: str
    form_url: str | None = Field(description="The form to fill in, when there is one.")

    @staticmethod
    def resolve_requirement_label(document: RequiredDocument) -> str:
        return str(document.get_requirement_display())

    @staticmethod
    def resolve_form_url(document: RequiredDocument, context) -> str | None:
        if not document.form_template:
            return None
        return context["request"].build_absolute_uri(
            reverse("procedures:form", args=[file_name(document.form_template)])
        )


class FeeOut(Schema):
    """The fee, as data and in words. Amounts in VND."""

    kind: Literal["free", "fixed", "per_page", "per_copy"]
    amount: int = Field(
        description="What one page, one copy costs (computed); for `fixed`, the fee."
    )
    unit_amount: int = Field(description="Fixed amount, or the amount per page / per copy.")
    first_pages: int = Field(description="Pages charged at `unit_amount` before `later_amount`.")
    later_amount: int = Field(description="Amount for each page after `first_pages`.")
    cap: int | None = Field(description="Maximum fee, if any.")
    is_example: bool = Field(description="True when the amount is an example, not confirmed.")
    note: str
    description: list[str] = Field(description="The fee in words, as on the procedure page.")


class VersionOut(Schema):
    """What the procedure requires in a period (a version with its effective dates)."""

    effective_from: dt.date
    effective_to: dt.date | None
    applicant_types: list[Literal["citizen", "organisation"]]
    processing_days: int = Field(description="Working days; 0: same day.")
    processing_note: str
    applies_cutoff: bool = Field(
        description="A dossier received after the cut-off (15:00) counts from the next working day."
    )
    steps: list[str]
    conditions: str
    result: str
    legal_basis: list[str]
    online_level: OnlineCode
    legacy_level: int = Field(description="The former service level (1–4), for display.")
    fee: FeeOut
    documents: list[DocumentOut]


class VersionPeriod(Schema):
    effective_from: dt.date
    effective_to: dt.date | None


class ProcedureDetail(Schema):
    """A procedure with the version in force on the day asked (today by default)."""

    code: str
    local_code: str
    name: str
    slug: str
    field: FieldOut
    level: LevelCode
    url: str
    version: VersionOut | None = Field(description="The version in force; null if none.")
    versions: list[VersionPeriod] = Field(description="Every version, newest first.")


class CatalogueQuery(Schema):
    q: str = Field(
        "", max_length=100, description="Words of the name, or the code; accents optional."
    )
    field: str = Field("", description="A field code (see `/procedures/fields`).")
    unit: str = Field(
        "", description="A unit id (see `/units/`): only the procedures that unit carries out."
    )
    online: OnlineCode | None = Field(None, description="Only this online service level.")


def _version_out(version: ProcedureVersion) -> dict:
    fee = describe_fee(version)
    return {
        "effective_from": version.effective_from,
        "effective_to": version.effective_to,
        "applicant_types": version.applicant_types,
        "processing_days": version.processing_days,
        "processing_note": version.processing_note,
        "applies_cutoff": version.applies_cutoff,
        "steps": lines(version.steps),
        "conditions": version.conditions,
        "result": version.result,
        "legal_basis": lines(version.legal_basis),
        "online_level": version.online_level,
        "legacy_level": version.legacy_level,
        "fee": {
            "kind": version.fee_kind,
            "amount": int(fee.amount),
            "unit_amount": int(version.fee_amount),
            "first_pages": version.fee_first_pages,
            "later_amount": int(version.fee_later_amount),
            "cap": int(version.fee_cap) if version.fee_cap is not None else None,
            "is_example": fee.is_example,
            "note": fee.note,
            "description": list(fee.lines),
        },
        "documents": list(version.documents.all()),
    }


@router.get("/", response=list[ProcedureSummary], auth=None, summary="Search procedures")
@paginate(Pages, page_size=20)
def list_procedures(request, filters: Query[CatalogueQuery]):
    """Active procedures with a version in force today, searched and filtered as on the public
    catalogue page. The search ignores accents (`khai sinh` finds "Đăng ký khai sinh")."""
    unit = None
    if filters.unit:
        unit = next((u for u in selectors.implementing_units() if u.slug == filters.unit), None)
        if unit is None:
            raise DomainError(_("Unknown unit."), code="unknown_unit", field="unit")
    return selectors.catalogue(
        selectors.CatalogueFilters(
            query=filters.q, field=filters.field, unit=unit, online=filters.online or ""
        )
    )


@router.get("/fields", response=list[FieldWithCount], auth=None, summary="Fields of procedures")
def list_fields(request):
    """Fields that have procedures in the catalogue today."""
    return selectors.fields_with_counts()


@router.get("/{code}", response=ProcedureDetail, auth=None, summary="One procedure")
def get_procedure(request, code: str, on: dt.date | None = None):
    """A procedure by national code (or local code), with the version in force on `on`
    (today by default): documents, steps, fee computed, legal basis."""
    procedure = selectors.public_procedures().filter(Q(code=code) | Q(local_code=code)).first()
    if procedure is None:
        raise Http404
    page = selectors.procedure_page(procedure, on=on)
    return {
        "code": procedure.code,
        "local_code": procedure.local_code,
        "name": procedure.name,
        "slug": procedure.slug,
        "field": procedure.field,
        "level": procedure.level,
        "url": request.build_absolute_uri(reverse("procedures:detail", args=[procedure.slug])),
        "version": _version_out(page.version) if page.version else None,
        "versions": page.versions,
    }
