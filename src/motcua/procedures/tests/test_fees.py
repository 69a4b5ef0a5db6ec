from decimal import Decimal

import pytest

from motcua.procedures.fees import fee_for
from motcua.procedures.models import FeeKind, ProcedureVersion


def version(**fields) -> ProcedureVersion:
    return ProcedureVersion(
        **{
            "fee_kind": FeeKind.FREE,
            "fee_amount": Decimal(0),
            "fee_later_amount": Decimal(0),
            **fields,
        }
    )


@pytest.mark.parametrize(
    ("fields", "pages", "copies", "expected"),
    [
        ({}, 1, 1, 0),
        ({"fee_kind": FeeKind.FIXED, "fee_amount": Decimal(8000)}, 5, 1, 8000),
        ({"fee_kind": FeeKind.PER_COPY, "fee_amount": Decimal(10000)}, 1, 3, 30000),
        # Certifying copies: 2,000 for each of the first 2 pages, 1,000 for each later page, at most 200,000.
        (
            {
                "fee_kind": FeeKind.PER_PAGE,
                "fee_amount": Decimal(2000),
                "fee_first_pages": 2,
                "fee_later_amount": Decimal(1000),
                "fee_cap": Decimal(200000),
            },
            1,
            1,
            2000,
        ),
        (
            {
                "fee_kind": FeeKind.PER_PAGE,
                "fee_amount": Decimal(2000),
                "fee_first_pages": 2,
                "fee_later_amount": Decimal(1000),
                "fee_cap": Decimal(200000),
            },
            5,
            1,
            7000,
        ),
        (
            {
                "fee_kind": FeeKind.PER_PAGE,
                "fee_amount": Decimal(2000),
                "fee_first_pages": 2,
                "fee_later_amount": Decimal(1000),
                "fee_cap": Decimal(200000),
            },
            500,
            1,
            200000,
        ),
        ({"fee_kind": FeeKind.PER_PAGE, "fee_amount": Decimal(2000)}, 3, 2, 12000),
    ],
)
def test_fee(fields, pages, copies, expected):
    assert fee_for(version(**fields), pages=pages, copies=copies) == Decimal(expected)
