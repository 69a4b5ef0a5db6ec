"""The monthly dossier statistics stay equal to a live count of the dossiers through a dossier's
whole life (services only, across months), and the rebuild finds the same slices."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import TruncDate
from django.test.utils import CaptureQueriesContext

from motcua.core.bulk import bulk_load
from motcua.dossiers.models import Dossier, DossierDocument, Payment, PaymentStatus, Status
from motcua.dossiers.payments import TestProvider, payment_confirm, payment_start
from motcua.dossiers.services import Applicant, Attachment, dossier_receive_at_desk
from motcua.dossiers.tests.conftest import Office, pdf_upload, submit
from motcua.dossiers.workflow import dossier_transition
from motcua.organisations.models import UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff
from motcua.par.models import DossierMonth, DossierProcedureMonth
from motcua.par.periods import Period, bounds
from motcua.par.rollup import MEASURES, months_of, procedure_months_of
from motcua.par.stats import dossier_figures
from motcua.procedures.tests.factories import ProcedureVersionFactory
from motcua.surveys.models import Rating
from motcua.surveys.services import rating_submit
from motcua.workcalendar.selectors import add_working_days

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MONTHS = [Period(2026, month=m) for m in range(2, 7)]


def live(unit, period: Period) -> dict:
    """The measures counted straight from the dossiers, as the figures were before the rollup."""
    low, high = bounds(period.start, period.end)
    submitted = Q(submitted_at__gte=low, submitted_at__lt=high)
    resolved = Q(finished_at__gte=low, finished_at__lt=high)
    returned = Q(status=Status.RETURNED, returned_at__gte=low, returned_at__lt=high)
    intake = Q(received_at__gte=low, received_at__lt=high)
    on_time = Q(finished_on__lte=F("due_date"), processing_supplements__lt=2)
    late = resolved & ~on_time
    counts = (
        Dossier.objects.filter(unit__path__startswith=unit.path)
        .annotate(
            finished_on=TruncDate("finished_at"),
            returned_on=TruncDate("returned_at"),
            scanned=Exists(DossierDocument.objects.filter(dossier=OuterRef("pk"), round=0)),
            rated=Exists(Rating.objects.filter(dossier=OuterRef("pk"))),
        )
        .aggregate(
            submitted_desk=Count("pk", filter=submitted & Q(channel="desk")),
            submitted_online=Count("pk", filter=submitted & Q(channel="online")),
            submitted_postal=Count("pk", filter=submitted & Q(channel="postal")),
            received=Count(
                "pk", filter=submitted & ~Q(status__in=(Status.SUBMITTED, Status.REFUSED))
            ),
            resolved=Count("pk", filter=resolved),
            on_time=Count("pk", filter=resolved & on_time),
            early=Count(
                "pk",
                filter=resolved & Q(finished_on__lt=F("due_date"), processing_supplements__lt=2),
            ),
            late=Count("pk", filter=late),
            late_extended=Count("pk", filter=late & Q(extended_due_date__isnull=False)),
            returned=Count("pk", filter=returned),
            returned_on_time=Count(
                "pk", filter=returned & Q(returned_on__lte=F("effective_due_date"))
            ),
            returned_rated=Count("pk", filter=returned & Q(rated=True)),
            intake=Count("pk", filter=intake),
            intake_online=Count("pk", filter=intake & Q(channel="online")),
            intake_scanned=Count("pk", filter=intake & Q(scanned=True)),
        )
    )
    counts.update(
        Rating.objects.filter(
            unit__path__startswith=unit.path, rated_at__gte=low, rated_at__lt=high
        ).aggregate(
            **{
                f"rated_{level}": Count("pk", filter=Q(level=level))
                for level in ("very_satisfied", "satisfied", "not_satisfied")
            }
        )
    )
    counts.update(
        Payment.objects.filter(
            dossier__unit__path__startswith=unit.path,
            status=PaymentStatus.PAID,
            paid_at__gte=low,
            paid_at__lt=high,
        ).aggregate(paid=Count("pk"), paid_online=Count("pk", filter=~Q(method="desk")))
    )
    return counts


def kept(unit, period: Period) -> dict:
    sums = {name: Sum(name, default=0) for name in MEASURES}
    by_month = months_of(unit, period.start, period.end).aggregate(**sums)
    assert procedure_months_of(unit, period.start, period.end).aggregate(**sums) == by_month
    return by_month


def assert_in_step(unit):
    for period in [*MONTHS, Period(2026)]:
        assert kept(unit, period) == live(unit, period), period.label


def slices() -> set:
    return {
        (
            type(row).__name__,
            row.unit_id,
            row.month,
            getattr(row, "procedure_version_id", None),
            *(getattr(row, m) for m in MEASURES),
        )
        for model in (DossierMonth, DossierProcedureMonth)
        for row in model.objects.all()
        if any(getattr(row, m) for m in MEASURES)
    }


@pytest.fixture
def office(ward_a):
    ward_a.identifier_code = "000.31.26.H29"
    ward_a.save()
    department = UnitFactory(
        parent=ward_a, kind=UnitKind.DEPARTMENT, name="Phòng Văn hóa - Xã hội", slug="vhxh-a"
    )
    return Office(
        ward=ward_a,
        department=department,
        officer=make_staff(ward_a, "one_stop_officer", username="motcua.a"),
        specialist=make_staff(department, "specialist", username="chuyenvien.a"),
        leader=make_staff(ward_a, "leader", username="lanhdao.a"),
        other_specialist=None,
        front=None,
    )


def travel(month: int, day: int, hour: int = 10):
    return time_machine.travel(dt.datetime(2026, month, day, hour, tzinfo=TZ), tick=False)


def test_the_statistics_follow_a_dossier_through_its_life(office):
    version = ProcedureVersionFactory(processing_days=3)
    ward = office.ward

    def act(dossier, action, actor, **data):
        return dossier_transition(dossier=dossier, action=action, actor=actor, data=data)

    with travel(2, 26):  # filed online on the last working days of February
        dossier = submit(version, ward)
        late = submit(version, ward, key="k2")
        assert_in_step(ward)
    with travel(3, 2):  # received in March (scanned at filing)
        dossier = act(dossier, "receive", office.officer)
        late = act(late, "receive", office.officer)
        refused = dossier_receive_at_desk(
            version=version,
            unit=ward,
            applicant=Applicant(name="Trần Thị Bình"),
            attachments=[],
            actor=office.officer,
            outcome="refuse",
            reason="Sai thẩm quyền",
        )
        for each in (dossier, late):
            each = act(each, "send_to_department", office.officer, department=office.department)
            act(each, "assign", office.leader, assignee=office.specialist)
        assert_in_step(ward)
    with travel(3, 3):  # the other one will be late: an apology and a new date
        dossier = act(dossier, "request_payment", office.specialist, amount="50000")
        late = act(
            late,
            "apologize",
            office.leader,
            reason="Chờ xác minh",
            new_date=add_working_days(late.due_date, 5),
        )
        assert refused.status == Status.REFUSED
        assert_in_step(ward)
    with travel(3, 4):  # paid online
        payment_start(dossier=Dossier.objects.get(pk=dossier.pk))
        payment = Payment.objects.get(dossier=dossier)
        amount = str(payment.amount)
        payment_confirm(
            params={
                "reference": payment.reference,
                "amount": amount,
                "result": "paid",
                "signature": TestProvider.sign(payment.reference, amount, "paid"),
            }
        )
        dossier = act(Dossier.objects.get(pk=dossier.pk), "submit_for_approval", office.specialist)
        dossier = act(dossier, "approve", office.leader)  # result ready, on time
        assert_in_step(ward)
    with travel(3, 20):  # late even for its new date
        late = act(late, "submit_for_approval", office.specialist)
        late = act(late, "approve", office.leader)
        assert_in_step(ward)
    with travel(4, 1):  # both handed back in April, after the appointment date
        dossier = act(dossier, "return_result", office.officer)
        late = act(late, "return_result", office.officer)
        assert_in_step(ward)
    with travel(5, 5):  # a rating in May counts for the month the result was handed back
        rating = rating_submit(dossier=dossier, level="satisfied")
        assert_in_step(ward)
    year = kept(ward, Period(2026))
    assert (year["resolved"], year["late_extended"], year["returned_rated"]) == (2, 1, 1)
    assert (year["intake_scanned"], year["paid_online"]) == (2, 1)
    rating.delete()
    assert_in_step(ward)

    figures = dossier_figures(ward, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert (figures.received, figures.resolved, figures.on_time) == (0, 2, 1)
    maintained = slices()
    call_command("rebuild_dossier_statistics", stdout=io.StringIO())
    assert slices() == maintained


def test_a_deleted_dossier_leaves_the_statistics(office):
    version = ProcedureVersionFactory(processing_days=3)
    with travel(3, 2):
        dossier = submit(version, office.ward)
        dossier = dossier_transition(dossier=dossier, action="receive", actor=office.officer)
    assert kept(office.ward, Period(2026))["intake_scanned"] == 1
    dossier.delete()
    assert_in_step(office.ward)
    assert not slices()


def test_a_dossier_filed_with_its_documents_is_counted_once_at_the_end_of_the_filing(office):
    version = ProcedureVersionFactory(processing_days=3, fixed_fee=True)  # two documents required
    with travel(3, 2), CaptureQueriesContext(connection) as context:
        dossier_receive_at_desk(
            version=version,
            unit=office.ward,
            applicant=Applicant(name="Trần Thị Bình"),
            attachments=[
                Attachment(upload=pdf_upload(), requirement=doc) for doc in version.documents.all()
            ],
            actor=office.officer,
            outcome="receive",
            fee_paid=True,
        )
    writes = [q["sql"] for q in context.captured_queries if "par_dossiermonth" in q["sql"]]
    assert len(writes) == 1  # the dossier, its two documents, its reception and its fee: one write
    figures = kept(office.ward, Period(2026))
    assert (figures["intake"], figures["intake_scanned"], figures["paid"]) == (1, 1, 1)
    assert_in_step(office.ward)


def test_a_dossier_filed_online_is_counted_without_being_read_again(office):
    version = ProcedureVersionFactory(processing_days=3)  # two documents required
    with travel(3, 2), CaptureQueriesContext(connection) as context:
        submit(version, office.ward)
    reads = [
        q["sql"]
        for q in context.captured_queries
        if q["sql"].startswith("SELECT") and 'FROM "dossiers_dossier" ' in q["sql"]
    ]
    assert not reads  # what it counts for is known from what the filing wrote
    assert kept(office.ward, Period(2026))["submitted_online"] == 1
    assert_in_step(office.ward)
    maintained = slices()
    call_command("rebuild_dossier_statistics", stdout=io.StringIO())
    assert slices() == maintained


def test_a_bulk_load_skips_the_upkeep_and_rebuilds_the_statistics_at_its_end(office):
    version = ProcedureVersionFactory(processing_days=3)
    with travel(3, 2), bulk_load():
        dossier = submit(version, office.ward)
        dossier_transition(dossier=dossier, action="receive", actor=office.officer)
        submit(version, office.ward, key="k2")
        assert not slices()  # nothing kept while loading...
    assert kept(office.ward, Period(2026))["intake"] == 1  # ...everything once it is done
    assert_in_step(office.ward)
