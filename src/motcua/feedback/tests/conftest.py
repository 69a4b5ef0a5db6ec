"""A ward with its bodies and one member per role, for feedback tests."""

import pytest

from motcua.feedback.models import InteriorOffice
from motcua.organisations.models import UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff


class Ward:
    """Ward A's bodies and staff."""

    def __init__(self, ward, city, prefix):
        self.ward = ward
        self.economy = UnitFactory(
            parent=ward, department=True, name=f"Phòng Kinh tế {ward.name}", slug=f"{prefix}-kt"
        )
        self.office = UnitFactory(
            parent=ward, department=True, name=f"Văn phòng UBND {ward.name}", slug=f"{prefix}-vp"
        )
        self.center = UnitFactory(
            parent=ward,
            kind=UnitKind.SERVICE_CENTER,
            gso_code="",
            name=f"Trung tâm PVHCC {ward.name}",
            slug=f"{prefix}-tt",
        )
        self.front = UnitFactory(
            parent=ward,
            kind=UnitKind.FRONT,
            gso_code="",
            name=f"MTTQ {ward.name}",
            slug=f"{prefix}-mt",
        )
        InteriorOffice.objects.create(area=ward, office=self.office)
        self.officer = make_staff(
            self.center,
            "one_stop_officer",
            username=f"{prefix}.motcua",
            full_name="Nguyễn Thị Thu Hà",
        )
        self.specialist = make_staff(
            self.economy, "specialist", username=f"{prefix}.kinhte", full_name="Phạm Quốc Bảo"
        )
        self.other_specialist = make_staff(
            self.economy, "specialist", username=f"{prefix}.kinhte2", full_name="Lý Thị Hoa"
        )
        self.leader = make_staff(
            ward, "leader", username=f"{prefix}.lanhdao", full_name="Lê Hoàng Nam"
        )
        self.editor = make_staff(self.office, "editor", username=f"{prefix}.bientap")
        self.interior_officer = make_staff(
            self.office, "specialist", username=f"{prefix}.noivu-phuong"
        )
        self.front_supervisor = make_staff(
            self.front, "front_supervisor", username=f"{prefix}.mttq"
        )
        self.par_assessor = make_staff(city, "par_assessor", username=f"{prefix}.noivu")


@pytest.fixture
def a(ward_a, city):
    return Ward(ward_a, city, "a")


@pytest.fixture
def b(ward_b, city):
    return Ward(ward_b, city, "b")
