"""A small catalogue shared by the procedure tests."""

import datetime as dt
from dataclasses import dataclass

import pytest
import time_machine
from django.core.files.base import ContentFile

from motcua.procedures.models import DocumentRequirement, Procedure
from motcua.procedures.tests.factories import (
    ProcedureFactory,
    ProcedureFieldFactory,
    ProcedureVersionFactory,
    RequiredDocumentFactory,
)

TODAY = dt.date(2026, 3, 2)
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Catalogue:
    khai_sinh: Procedure
    ket_hon: Procedure
    ban_sao: Procedure
    ly_lich: Procedure
    inactive: Procedure
    future: Procedure


@pytest.fixture
def today():
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0), tick=False):
        yield TODAY


@pytest.fixture
def catalogue(db, today) -> Catalogue:
    ho_tich = ProcedureFieldFactory(code="ho-tich", name="Hộ tịch", sort_order=1)
    chung_thuc = ProcedureFieldFactory(code="chung-thuc", name="Chứng thực", sort_order=2)
    lltp = ProcedureFieldFactory(code="ly-lich-tu-phap", name="Lý lịch tư pháp", sort_order=3)

    khai_sinh = ProcedureFactory(
        code="1.001193",
        local_code="1.001193.000.00.00.H29",
        name="Đăng ký khai sinh",
        slug="dang-ky-khai-sinh",
        field=ho_tich,
    )
    ProcedureVersionFactory(
        procedure=khai_sinh,
        effective_from=dt.date(2016, 1, 1),
        effective_to=dt.date(2025, 6, 30),
        partly_online=True,
        processing_days=1,
        result="Giấy khai sinh (bản cũ)",
        documents=[],
    )
    current = ProcedureVersionFactory(
        procedure=khai_sinh,
        effective_from=dt.date(2025, 7, 1),
        same_day=True,
        result="Giấy khai sinh (bản chính)",
        legal_basis="Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP",
        steps="Nộp hồ sơ tại Bộ phận Một cửa.\nNhận kết quả.",
        applicant_types=["citizen"],
        documents=[],
    )
    form = RequiredDocumentFactory(
        version=current, name="Tờ khai đăng ký khai sinh theo mẫu", sort_order=0
    )
    form.form_template.save("to-khai-khai-sinh.pdf", ContentFile(MINIMAL_PDF), save=True)
    RequiredDocumentFactory(version=current, name="Giấy chứng sinh", sort_order=1)
    RequiredDocumentFactory(
        version=current,
        name="Văn bản ủy quyền",
        requirement=DocumentRequirement.CERTIFIED_COPY,
        quantity=2,
        is_optional=True,
        note="Khi ủy quyền cho người khác đi đăng ký.",
        sort_order=2,
    )

    ket_hon = ProcedureFactory(
        code="1.000894", name="Đăng ký kết hôn", slug="dang-ky-ket-hon", field=ho_tich
    )
    ProcedureVersionFactory(
        procedure=ket_hon, effective_from=dt.date(2025, 7, 1), partly_online=True, example_fee=True
    )

    ban_sao = ProcedureFactory(
        code="2.000815",
        name="Chứng thực bản sao từ bản chính",
        slug="chung-thuc-ban-sao",
        field=chung_thuc,
    )
    ProcedureVersionFactory(
        procedure=ban_sao,
        effective_from=dt.date(2025, 7, 1),
        desk_only=True,
        same_day=True,
        per_page_fee=True,
        applies_cutoff=True,
    )

    ly_lich = ProcedureFactory(
        code="2.000488",
        name="Cấp Phiếu lý lịch tư pháp",
        slug="cap-phieu-ly-lich-tu-phap",
        field=lltp,
        province=True,
    )
    ProcedureVersionFactory(procedure=ly_lich, processing_days=10, fixed_fee=True)

    inactive = ProcedureFactory(
        code="9.000001", name="Đăng ký khai sinh cũ đã bãi bỏ", field=ho_tich, inactive=True
    )
    ProcedureVersionFactory(procedure=inactive)
    future = ProcedureFactory(code="9.000002", name="Đăng ký khai sinh điện tử", field=ho_tich)
    ProcedureVersionFactory(procedure=future, effective_from=dt.date(2027, 1, 1))
    return Catalogue(khai_sinh, ket_hon, ban_sao, ly_lich, inactive, future)
