"""A ward with the people who handle, verify, supervise and lead complaints work."""

import datetime as dt

import pytest

from motcua.complaints.services import session_save
from motcua.organisations.models import UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff


class People:
    def __init__(self, ward, prefix):
        self.ward = ward
        self.justice = UnitFactory(
            parent=ward, department=True, name="Phòng Văn hóa - Xã hội", slug=f"{prefix}-vhxh"
        )
        self.economy = UnitFactory(
            parent=ward, department=True, name="Phòng Kinh tế", slug=f"{prefix}-kt"
        )
        self.center = UnitFactory(
            parent=ward,
            kind=UnitKind.SERVICE_CENTER,
            gso_code="",
            name="Trung tâm PVHCC",
            slug=f"{prefix}-tt",
        )
        front = UnitFactory(
            parent=ward, kind=UnitKind.FRONT, gso_code="", name="Ủy ban MTTQ", slug=f"{prefix}-mt"
        )
        self.leader = make_staff(
            ward, "leader", username=f"{prefix}.lanhdao", full_name="Lê Hoàng Nam"
        )
        self.handler = make_staff(
            self.justice, "specialist", username=f"{prefix}.chuyenvien", full_name="Trần Văn Minh"
        )
        self.verifier = make_staff(
            self.economy, "specialist", username=f"{prefix}.kinhte", full_name="Phạm Quốc Bảo"
        )
        self.colleague = make_staff(
            self.justice, "specialist", username=f"{prefix}.dongnghiep", full_name="Lý Thu Hoa"
        )
        self.officer = make_staff(
            self.center,
            "one_stop_officer",
            username=f"{prefix}.motcua",
            full_name="Nguyễn Thị Thu Hà",
        )
        self.front_supervisor = make_staff(
            front, "front_supervisor", username=f"{prefix}.mttq", full_name="Đặng Thị Mai"
        )


@pytest.fixture
def p(ward_a):
    return People(ward_a, "a")


@pytest.fixture
def q(ward_b):
    return People(ward_b, "b")


@pytest.fixture
def reception_session(p):
    """Ward A's citizen-reception session on the morning of 19/11/2026, hosted by its leader."""
    return session_save(
        actor=p.leader,
        unit=p.ward,
        date=dt.date(2026, 11, 19),
        starts_at=dt.time(8),
        ends_at=dt.time(11),
        host=p.leader,
        host_title="Ông Lê Hoàng Nam — Phó Chủ tịch UBND phường",
        location="Phòng tiếp công dân",
    )
