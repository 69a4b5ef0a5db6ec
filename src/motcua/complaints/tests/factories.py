"""Complaint and denunciation test data (created through the service, as staff do)."""

import datetime as dt

from django.utils import timezone

from motcua.complaints.models import Kind
from motcua.complaints.services import case_create

DENOUNCER = {
    "person_name": "Phạm Minh Khôi",
    "person_id_number": "079085007788",
    "person_address": "22/5 Vạn Kiếp",
    "person_phone": "0987654321",
    "person_email": "khoi.pham@example.vn",
}


def denunciation(p, *, received_at=None, **overrides):
    return case_create(
        actor=p.officer,
        kind=Kind.DENUNCIATION,
        unit=p.ward,
        subject="Tố cáo cán bộ địa chính nhận tiền",
        content="Cán bộ địa chính nhận tiền để bỏ qua vi phạm xây dựng trong hẻm.",
        received_at=received_at or timezone.now() - dt.timedelta(days=1),
        **{**DENOUNCER, **overrides},
    )


def complaint(p, *, received_at=None, **overrides):
    return case_create(
        actor=p.officer,
        kind=Kind.COMPLAINT,
        unit=p.ward,
        subject="Khiếu nại quyết định xử phạt",
        content="Tôi khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng.",
        received_at=received_at or timezone.now() - dt.timedelta(days=1),
        person_name="Trần Văn Hậu",
        person_phone="0903456781",
        **overrides,
    )
