"""The data subject's export and denouncers' confidentiality."""

import json

import pytest
from django.utils import timezone

from motcua.complaints.models import Kind
from motcua.complaints.services import case_create
from motcua.complaints.tests.factories import DENOUNCER, denunciation
from motcua.core.personal_data import Person, export_person

pytestmark = pytest.mark.django_db


def test_a_denouncer_gets_their_own_denunciation(p, administrator):
    case = denunciation(p)
    data = export_person(Person(id_number=DENOUNCER["person_id_number"]), actor=administrator)
    assert [c["code"] for c in data["complaints"]] == [case.code]
    assert data["complaints"][0]["name"] == DENOUNCER["person_name"]


def test_the_person_a_denunciation_is_about_never_learns_who_denounced_them(p, administrator):
    """Their phone number is in the content of someone else's denunciation: the export of
    their data holds neither that case nor the denouncer's identity."""
    accused_phone = "0911222333"
    case_create(
        actor=p.officer,
        kind=Kind.DENUNCIATION,
        unit=p.ward,
        subject="Tố cáo cán bộ địa chính nhận tiền",
        content=f"Cán bộ địa chính (số điện thoại {accused_phone}) nhận tiền của dân.",
        received_at=timezone.now(),
        **DENOUNCER,
    )
    mine = case_create(
        actor=p.officer,
        kind=Kind.COMPLAINT,
        unit=p.ward,
        subject="Khiếu nại quyết định xử phạt",
        content="Tôi khiếu nại quyết định xử phạt vi phạm hành chính.",
        received_at=timezone.now(),
        person_name="Lê Văn Bị",
        person_phone=accused_phone,
    )
    data = export_person(Person(phone=accused_phone), actor=administrator)
    assert [c["code"] for c in data["complaints"]] == [mine.code]
    text = json.dumps(data, ensure_ascii=False)
    for secret in DENOUNCER.values():
        assert secret not in text
