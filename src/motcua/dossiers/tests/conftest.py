"""A ward with its one-stop desk, a department, and staff of every role in the workflow."""

from dataclasses import dataclass

import pytest

from motcua.accounts.models import User
from motcua.dossiers.services import Applicant, Attachment, dossier_submit_online
from motcua.dossiers.workflow import dossier_transition
from motcua.organisations.models import Unit, UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff
from motcua.procedures.tests.factories import ProcedureVersionFactory

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Office:
    ward: Unit
    department: Unit
    officer: User
    specialist: User
    leader: User
    other_specialist: User
    front: User


@pytest.fixture
def office(ward_a) -> Office:
    ward_a.identifier_code = "000.31.26.H29"
    ward_a.save()
    department = UnitFactory(
        parent=ward_a,
        kind=UnitKind.DEPARTMENT,
        name="Phòng Văn hóa - Xã hội",
        slug="vhxh-a",
        gso_code="",
    )
    other_department = UnitFactory(
        parent=ward_a, kind=UnitKind.DEPARTMENT, name="Phòng Kinh tế", slug="kt-a", gso_code=""
    )
    return Office(
        ward=ward_a,
        department=department,
        officer=make_staff(
            ward_a, "one_stop_officer", username="motcua.a", full_name="Nguyễn Thị Thu Hà"
        ),
        specialist=make_staff(
            department, "specialist", username="chuyenvien.a", full_name="Trần Văn Minh"
        ),
        leader=make_staff(ward_a, "leader", username="lanhdao.a", full_name="Lê Hoàng Nam"),
        other_specialist=make_staff(
            other_department, "specialist", username="kinhte.a", full_name="Phạm Quốc Bảo"
        ),
        front=make_staff(ward_a, "front_supervisor", username="mttq.a", full_name="Đặng Thị Mai"),
    )


@pytest.fixture
def version(db):
    return ProcedureVersionFactory(
        procedure__name="Đăng ký khai sinh", procedure__code="1.001193", processing_days=3
    )


def pdf_upload(name="giay-chung-sinh.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from motcua.core.uploads import DOCUMENT_KINDS, clean_upload

    return clean_upload(SimpleUploadedFile(name, MINIMAL_PDF), kinds=DOCUMENT_KINDS)


def submit(version, unit, key="k1", **applicant):
    attachments = [
        Attachment(upload=pdf_upload(), requirement=doc) for doc in version.documents.all()
    ]
    dossier, _created = dossier_submit_online(
        version=version,
        unit=unit,
        applicant=Applicant(
            **{
                "name": "Nguyễn Văn An",
                "phone": "0903123456",
                "email": "an@example.vn",
                **applicant,
            }
        ),
        attachments=attachments,
        idempotency_key=key,
    )
    return dossier


def at_department(dossier, office):
    """``dossier``, filed online, received at the desk and sent to the office's department."""
    dossier = dossier_transition(dossier=dossier, action="receive", actor=office.officer)
    return dossier_transition(
        dossier=dossier,
        action="send_to_department",
        actor=office.officer,
        data={"department": office.department},
    )


@pytest.fixture
def submitted(office, version):
    return submit(version, office.ward)
