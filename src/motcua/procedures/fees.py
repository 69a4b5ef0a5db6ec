"""Fees of a procedure version, as a pure function."""

from __future__ import annotations

from decimal import Decimal

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
