"""The demo catalogue: about thirty ward procedures of Ho Chi Minh City, loaded idempotently."""

import io

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from motcua.procedures import demo
from motcua.procedures.models import OnlineLevel, Procedure, ProcedureVersion, RequiredDocument
from motcua.procedures.selectors import current_version


@pytest.fixture
def seeded(db):
    demo.seed(log=lambda line: None, with_forms=False)


def test_the_demo_has_about_thirty_procedures_and_loading_it_again_adds_nothing(seeded):
    counts = (
        Procedure.objects.count(),
        ProcedureVersion.objects.count(),
        RequiredDocument.objects.count(),
    )
    assert 28 <= counts[0] <= 36
    demo.seed(log=lambda line: None, with_forms=False)
    assert (
        Procedure.objects.count(),
        ProcedureVersion.objects.count(),
        RequiredDocument.objects.count(),
    ) == counts


def test_the_demo_mixes_fully_partly_and_not_online_procedures(seeded, today):
    levels = {current_version(p).online_level for p in Procedure.objects.all()}
    assert levels == {OnlineLevel.FULL, OnlineLevel.PARTIAL, OnlineLevel.NONE}


def test_khai_sinh_is_free_same_day_and_asks_for_the_birth_certificate(seeded, today):
    procedure = Procedure.objects.get(code="1.001193")
    assert procedure.name == "Đăng ký khai sinh"
    assert procedure.versions.count() == 2  # before and after the two-tier government
    version = current_version(procedure)
    assert (version.processing_days, version.fee_kind, version.fee_is_example) == (0, "free", False)
    assert "Giấy chứng sinh" in [d.name for d in version.documents.all()]
    assert "Luật Hộ tịch số 60/2014/QH13" in version.legal_basis


def test_every_example_fee_says_so_in_its_note(seeded):
    examples = ProcedureVersion.objects.filter(fee_is_example=True)
    assert examples.count() >= 10
    assert all("(ví dụ)" in v.fee_note for v in examples)


def test_police_procedures_are_marked_as_not_received_at_the_ward_desk(seeded):
    for procedure in Procedure.objects.filter(field__code="cu-tru"):
        version = procedure.versions.get()
        assert "Công an phường" in procedure.name
        assert "không tiếp nhận" in version.conditions
        assert version.online_level == OnlineLevel.NONE


def test_the_forms_are_pdfs_with_the_national_motto(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    name = demo._form_file("to-khai-khai-sinh", log=lambda line: None)
    with default_storage.open(name, "rb") as handle:
        text = PdfReader(io.BytesIO(handle.read())).pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in text.upper()
    assert demo._form_file("to-khai-khai-sinh", log=lambda line: None) == name  # not redone
