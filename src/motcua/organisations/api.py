"""Units for integrations: the public directory as data."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from motcua.api.pagination import Pages
from motcua.organisations.models import Unit

PREFIX = "/units"
router = Router(tags=["units"])


class UnitOut(Schema):
    id: str
    name: str
    short_name: str
    kind: str
    gso_code: str
    identifier_code: str
    parent: str | None
    address: str
    hotline: str
    email: str
    feedback_mailbox: str
    receives_saturday_morning: bool

    @staticmethod
    def resolve_id(unit: Unit) -> str:
        return unit.slug

    @staticmethod
    def resolve_parent(unit: Unit) -> str | None:
        return unit.parent.slug if unit.parent_id else None


@router.get("/", response=list[UnitOut], auth=None, summary="List units")
@paginate(Pages, page_size=50)
def list_units(request, parent: str | None = None):
    """Active units; ``parent`` (a unit id) lists the units directly below it."""
    qs = Unit.objects.active().select_related("parent").order_by("path")
    if parent:
        qs = qs.filter(parent__slug=parent)
    return qs


@router.get("/{unit_id}", response=UnitOut, auth=None, summary="One unit")
def get_unit(request, unit_id: str):
    return get_object_or_404(Unit.objects.active().select_related("parent"), slug=unit_id)
