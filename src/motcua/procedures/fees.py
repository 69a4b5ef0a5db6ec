"""Fees of a procedure version, as a pure function."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from motcua.procedures.models import FeeKind, ProcedureVersion


def fee_for(version: ProcedureVersion, *, pages: int = 1, copies: int = 1) -> Decimal:
    """The fee in VND. Per-page fees may charge later pages at another rate
    (e.g. certification: 2,000 VND for each of the first 2 pages, then 1,000 VND), then cap."""
    if version.fee_kind == FeeKind.FREE:
        total = Decimal(0)
    elif version.fee_kind == FeeKind.FIXED:
        total = version.fee_amount
    elif version.fee_kind == FeeKind.PER_COPY:
        total = version.fee_amount * max(copies, 1)
    else:
        pages = max(pages, 1)
        if version.fee_first_pages:
            first = min(pages, version.fee_first_pages)
            total = version.fee_amount * first + version.fee_later_amount * (pages - first)
        else:
            total = version.fee_amount * pages
        total *= max(copies, 1)
    if version.fee_cap is not None:
        total = min(total, version.fee_cap)
    return total


def format_vnd(amount: Decimal | int) -> str:
    """ "8.000 đồng" in Vietnamese, "8,000 VND" in English."""
    digits = f"{int(amount):,}".replace(",", get_format("THOUSAND_SEPARATOR"))
    return _("%(amount)s VND") % {"amount": digits}


@dataclass(frozen=True)
class FeeDescription:
    """How the fee of a version reads on the procedure page and in the API."""

    is_free: bool
    amount: Decimal  # fee_for(version): one page, one copy
    lines: tuple[str, ...]
    is_example: bool
    note: str


#: Pages of the worked example shown for per-page fees.
EXAMPLE_PAGES = 10


def describe_fee(version: ProcedureVersion) -> FeeDescription:
    """The fee in words, with the amounts computed by :func:`fee_for`."""
    kind = version.fee_kind
    lines: list[str] = []
    if kind == FeeKind.FREE:
        lines.append(_("No fee or charge."))
    elif kind == FeeKind.FIXED:
        lines.append(format_vnd(fee_for(version)))
    elif kind == FeeKind.PER_COPY:
        lines.append(_("%(amount)s per copy") % {"amount": format_vnd(version.fee_amount)})
    else:
        if version.fee_first_pages:
            lines.append(
                ngettext(
                    "%(amount)s per page for the first page",
                    "%(amount)s per page for the first %(count)d pages",
                    version.fee_first_pages,
                )
                % {"amount": format_vnd(version.fee_amount), "count": version.fee_first_pages}
            )
            lines.append(
                _("%(amount)s per page from page %(page)d on")
                % {
                    "amount": format_vnd(version.fee_later_amount),
                    "page": version.fee_first_pages + 1,
                }
            )
        else:
            lines.append(_("%(amount)s per page") % {"amount": format_vnd(version.fee_amount)})
    if version.fee_cap is not None and kind != FeeKind.FREE:
        lines.append(_("at most %(amount)s") % {"amount": format_vnd(version.fee_cap)})
    if kind == FeeKind.PER_PAGE:
        lines.append(
            _("For example, a %(pages)d-page document: %(amount)s")
            % {
                "pages": EXAMPLE_PAGES,
                "amount": format_vnd(fee_for(version, pages=EXAMPLE_PAGES)),
            }
        )
    return FeeDescription(
        is_free=kind == FeeKind.FREE,
        amount=fee_for(version),
        lines=tuple(lines),
        is_example=version.fee_is_example,
        note=version.fee_note,
    )
