from decimal import Decimal

import pytest
from django.utils import translation

from motcua.procedures.fees import describe_fee, fee_for
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


@pytest.mark.parametrize(
    ("fields", "lines"),
    [
        ({}, ["Không thu phí, lệ phí."]),
        ({"fee_kind": FeeKind.FIXED, "fee_amount": Decimal(1500000)}, ["1.500.000 đồng"]),
        ({"fee_kind": FeeKind.PER_COPY, "fee_amount": Decimal(8000)}, ["8.000 đồng/bản"]),
        (
            {"fee_kind": FeeKind.PER_PAGE, "fee_amount": Decimal(2000)},
            ["2.000 đồng/trang", "Chẳng hạn, bản 10 trang: 20.000 đồng"],
        ),
    ],
)
def test_fees_in_words(fields, lines):
    assert list(describe_fee(version(**fields)).lines) == lines


def test_fees_in_english_use_english_separators():
    with translation.override("en"):
        assert describe_fee(version(fee_kind=FeeKind.FIXED, fee_amount=Decimal(8000))).lines == (
            "8,000 VND",
        )
