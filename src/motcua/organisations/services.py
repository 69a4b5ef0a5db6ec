"""Writes to the organisation: importing the national list of units, granting roles."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

from motcua.accounts.models import Role
from motcua.audit.services import audit_record
from motcua.core.text import slugify_vi, squash_spaces
from motcua.organisations.models import Membership, Unit, UnitKind

_DIVISION_KINDS = {
    "tỉnh": UnitKind.PROVINCE,
    "thành phố trung ương": UnitKind.PROVINCE,
    "phường": UnitKind.WARD,
    "xã": UnitKind.COMMUNE,
    "đặc khu": UnitKind.SPECIAL_ZONE,
}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0


def _unique_slug(name: str, code: str) -> str:
    slug = slugify_vi(name)
    if Unit.objects.filter(slug=slug).exclude(gso_code=code).exists():
        slug = f"{slug}-{code}"
    return slug


def _upsert_division(
    *, parent: Unit | None, name: str, code: str, kind: str, result: ImportResult
) -> Unit:
    name = squash_spaces(name)  # the package's list has a few names with doubled spaces
    unit = Unit.objects.filter(gso_code=code, kind=kind).first()
    if unit is None:
        unit = Unit(gso_code=code, kind=kind, slug=_unique_slug(name, code))
        result.created += 1
    elif unit.name == name and unit.parent_id == (parent.pk if parent else None):
        return unit
    else:
        result.updated += 1
    unit.name, unit.parent = name, parent
    unit.save()
    return unit


def units_import_vietnam(
    *, actor=None, province_codes: Iterable[int] | None = None, progress=None
) -> ImportResult:
    """Create or update Vietnam's current provinces and wards (two-tier local government,
    from the ``vietnam-provinces`` package). Idempotent; keyed on the GSO code."""
    wanted = set(province_codes) if province_codes else None
    provinces = json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    result = ImportResult()
    with transaction.atomic():
        for province in provinces:
            if wanted is not None and province["code"] not in wanted:
                continue
            top = _upsert_division(
                parent=None,
                name=province["name"],
                code=f"{province['code']:02d}",
                kind=_DIVISION_KINDS[province["division_type"]],
                result=result,
            )
            for ward in province["wards"]:
                _upsert_division(
                    parent=top,
                    name=ward["name"],
                    code=f"{ward['code']:05d}",
                    kind=_DIVISION_KINDS[ward["division_type"]],
                    result=result,
                )
            if progress:
                progress(province["name"], len(province["wards"]))
        audit_record(
            actor=actor,
            action="organisations.import",
            after={"created": result.created, "updated": result.updated},
        )
    return result


def membership_grant(*, actor, user, unit: Unit, role_code: str, title: str = "") -> Membership:
    """Give ``user`` a role in ``unit``. A staff role makes the user back-office staff."""
    role = Role.objects.get(code=role_code)
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, unit=unit, role=role, defaults={"title": title}
        )
        if not created and membership.is_active:
            return membership
        if not created:
            membership.is_active = True
            membership.save(update_fields=["is_active"])
        if role.is_staff_role and not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        audit_record(
            actor=actor,
            action="membership.grant",
            obj=user,
            unit_id=unit.pk,
            after={"unit": unit.name, "role": role.code},
        )
    return membership


def membership_revoke(*, actor, membership: Membership) -> None:
    with transaction.atomic():
        membership.is_active = False
        membership.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action="membership.revoke",
            obj=membership.user,
            unit_id=membership.unit_id,
            before={"unit": membership.unit.name, "role": membership.role.code},
        )
