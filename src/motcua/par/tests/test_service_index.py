"""The 766 service index on a hand-built quarter of a ward; every expected value is worked out
by hand in the comments."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.core.models import RuleValue
from motcua.dossiers.models import DossierDocument, Payment, PaymentStatus
from motcua.dossiers.tests.factories import DossierFactory
from motcua.organisations.tests.helpers import make_staff
from motcua.par.selectors import drill_down_for
from motcua.par.service_index import drill_down, service_index
from motcua.procedures.tests.factories import ProcedureVersionFactory
from motcua.surveys.models import Rating
from motcua.surveys.tests.factories import at, returned

START, END = dt.date(2026, 4, 1), dt.date(2026, 6, 30)
D = lambda day, month=4: dt.date(2026, month, day)  # noqa: E731


def scan(dossier):
    DossierDocument.objects.create(
        dossier=dossier,
        name="Tờ khai",
        file="dossiers/x.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
    )


def pay(dossier, method, day):
    Payment.objects.create(
        dossier=dossier,
        amount=50000,
        method=method,
        reference=f"{method}-{dossier.pk}",
        status=PaymentStatus.PAID,
        paid_at=at(day),
    )


def rate(dossier, level, day):
    Rating.objects.create(
        dossier=dossier, unit=dossier.unit, level=level, channel="link", rated_at=at(day, 16)
    )


@pytest.fixture
def quarter(ward_a, ward_b):
    online = ProcedureVersionFactory()  # fully online, two documents, legal basis: complete
    desk = ProcedureVersionFactory(desk_only=True, documents=[])  # not online, no documents listed
    d1 = returned(
        ward_a, received=D(1), due=D(6), finished=D(3), procedure_version=online, channel="online"
    )
    d2 = returned(
        ward_a,
        received=D(2),
        due=D(7),
        finished=D(7),
        returned_on=D(9),
        procedure_version=online,
        channel="desk",
    )
    d3 = returned(
        ward_a,
        received=D(3),
        due=D(8),
        finished=D(10),
        procedure_version=desk,
        channel="desk",
        extended_due_date=D(13),
    )
    d4 = returned(
        ward_a,
        received=D(6),
        due=D(9),
        finished=D(8),
        procedure_version=online,
        channel="online",
        processing_supplements=2,
    )
    d5 = DossierFactory(
        unit=ward_a,
        processing=True,
        procedure_version=desk,
        channel="desk",
        submitted_at=at(D(4, 5)),
        received_at=at(D(4, 5)),
    )
    for dossier in (d1, d2, d4, d5):
        scan(dossier)
    pay(d1, "test", D(1))
    pay(d2, "desk", D(2))
    pay(d3, "desk", D(3))
    rate(d1, "very_satisfied", D(3))
    rate(d2, "not_satisfied", D(9))
    rate(d4, "satisfied", D(8))
    # Outside the ward or the period: never counted.
    returned(ward_b, received=D(1), due=D(6), finished=D(20), channel="desk")
    returned(ward_a, received=D(2, 3), due=D(5, 3), finished=D(6, 3), channel="desk")
    return {"d1": d1, "d2": d2, "d3": d3, "d4": d4, "d5": d5}


def points(index, code):
    return index.indicator(code).points


def test_each_sub_indicator_against_its_target(quarter, ward_a, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        index = service_index(ward_a, START, END)
    result = {
        code: (index.indicator(code).numerator, index.indicator(code).denominator)
        for code in ("1.4", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2", "6.1")
    }
    assert result == {
        "1.4": (1, 2),  # of the two procedures used, only the online one lists its documents
        "2.1": (
            2,
            4,
        ),  # d1 early, d2 on the day; d3 late; d4 counts late (second supplement request)
        "2.2": (3, 4),  # d2 handed back two days after its appointment; d3 by its new date
        "2.3": (1, 2),  # late d3 and d4: only d3 has an apology
        "3.1": (1, 1),  # the one online procedure received online dossiers
        "3.2": (2, 3),  # d1, d2, d4 are of the online procedure; d1 and d4 were filed online
        "4.1": (1, 2),  # online payment for the online procedure only
        "4.2": (1, 3),  # one of three payments online
        "5.1": (2, 3),  # very satisfied + satisfied of three ratings
        "5.2": (3, 4),  # three of four returned dossiers rated
        "6.1": (4, 5),  # five received (d5 still processing), four scanned at reception
    }
    # points = max x min(1, rate / target)
    assert points(index, "1.4") == Decimal("2.00")  # 4 x 50/100
    assert points(index, "2.1") == Decimal("6.00")  # 12 x 50/100
    assert points(index, "2.2") == Decimal("3.00")  # 4 x 75/100
    assert points(index, "2.3") == Decimal("2.00")  # 4 x 50/100
    assert points(index, "3.1") == Decimal("4.00")  # 100% reaches the 80% target
    assert points(index, "3.2") == Decimal("6.67")  # 8 x 66.67/80
    assert points(index, "4.1") == Decimal("2.50")  # 4 x 50/80
    assert points(index, "4.2") == Decimal("2.50")  # 6 x 33.33/80
    assert points(index, "5.1") == Decimal("4.44")  # 6 x 66.67/90
    assert points(index, "5.2") == Decimal("4.00")  # 75% beyond the 50% target
    assert points(index, "6.1") == Decimal("6.40")  # 8 x 80/100
    for code in ("1.1", "1.2", "1.3", "5.3", "5.4", "6.2", "6.3"):
        assert not index.indicator(code).has_data, code  # no data: never invented
        assert index.indicator(code).points is None
    assert [g.points for g in index.groups] == [
        Decimal("2.00"),
        Decimal("11.00"),
        Decimal("10.67"),
        Decimal("5.00"),
        Decimal("8.44"),
        Decimal("6.40"),
    ]
    assert index.total == Decimal("43.51")
    assert index.max_points == 100
    assert index.max_with_data == 64  # 4 + 20 + 12 + 10 + 6 + 4 + 8


def test_the_dossiers_behind_a_number(quarter, ward_a):
    numerator = set(drill_down(ward_a, START, END, "2.1", "numerator"))
    denominator = set(drill_down(ward_a, START, END, "2.1", "denominator"))
    assert numerator == {quarter["d1"], quarter["d2"]}
    assert denominator == {quarter["d1"], quarter["d2"], quarter["d3"], quarter["d4"]}
    assert set(drill_down(ward_a, START, END, "4.2", "numerator")) == {quarter["d1"]}
    assert set(drill_down(ward_a, START, END, "5.1", "numerator")) == {quarter["d1"], quarter["d4"]}


def test_points_and_targets_are_declared_rules_an_administrator_can_change(quarter, ward_a):
    RuleValue.objects.create(
        key="index766.2.1",
        value={"points": 12, "target": 50},
        effective_from=dt.date(2026, 1, 1),
        legal_basis="Thử nghiệm",
    )
    index = service_index(ward_a, START, END)
    assert index.indicator("2.1").target == 50
    assert index.indicator("2.1").points == Decimal("12.00")  # 50% reaches a 50% target
    RuleValue.objects.create(
        key="index766.2.1", value={"points": 12, "target": 50}, effective_from=dt.date(2026, 12, 1)
    )
    assert (
        service_index(ward_a, START, END).indicator("2.1").target == 50
    )  # later values wait their date


def test_without_late_dossiers_the_apology_indicator_is_full_and_without_dossiers_there_is_no_data(
    ward_a,
):
    returned(ward_a, received=D(1), due=D(6), finished=D(3))
    index = service_index(ward_a, START, END)
    assert index.indicator("2.3").points == Decimal(4)  # nothing was late: nothing to apologise for
    empty = service_index(ward_a, dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert empty.indicator("2.1").points is None
    assert empty.total == 0


def test_a_number_of_a_wider_unit_lists_only_the_dossiers_the_user_may_see(quarter, city, ward_a):
    leader = make_staff(ward_a, "leader")
    everything = set(drill_down(city, START, END, "2.1", "denominator"))
    seen = set(drill_down_for(leader, city, START, END, "2.1", "denominator"))
    assert seen == {d for d in everything if d.unit_id == ward_a.pk}
    assert seen < everything  # the dossier of ward B resolved in the quarter stays hidden
    assert set(drill_down_for(leader, ward_a, START, END, "2.1", "denominator")) == seen
