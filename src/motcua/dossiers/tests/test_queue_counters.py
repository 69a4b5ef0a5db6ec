"""The work queues' tab counters are kept between pages: every change to a dossier shows on
them at the next page, and the lists they size show the dossier too."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from motcua.core.bulk import bulk_load
from motcua.dossiers.models import Status
from motcua.dossiers.tests.conftest import at_department, submit
from motcua.dossiers.tests.factories import DossierFactory
from motcua.dossiers.workflow import dossier_transition
from motcua.organisations.tests.helpers import make_staff, sign_in


class Desk:
    """A staff member's browser on the queue page."""

    def __init__(self, user):
        self.client = Client()
        sign_in(self.client, user)

    def page(self, queue: str) -> str:
        return self.client.get(reverse("dossiers:queue"), {"queue": queue}).content.decode()

    def count(self, queue: str) -> int:
        tab = re.search(
            rf'href="\?queue={queue}"[^>]*>[^<]*<span class="count">(\d+)<', self.page(queue)
        )
        return int(tab[1])


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what a write does after its transaction commits, as a server would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.django_db
def test_a_dossier_filed_online_is_counted_and_listed_at_once(office, version, committed):
    officer = Desk(office.officer)
    assert officer.count("to_receive") == 0
    assert "0 hồ sơ" in officer.page("all")
    with committed():
        dossier = submit(version, office.ward)
    assert officer.count("to_receive") == 1
    assert dossier.code in officer.page("to_receive")
    assert dossier.code in officer.page("all")  # the whole list, sized apart


@pytest.mark.django_db
def test_a_dossier_received_at_the_desk_is_counted_at_once(client, office, version, committed):
    from motcua.dossiers.tests.test_views import submission_data

    officer = Desk(office.officer)
    assert officer.count("open") == 0
    sign_in(client, office.officer)
    with committed():
        client.post(
            reverse("dossiers:desk-receive", args=[version.procedure.slug]),
            submission_data(version, office.ward, channel="desk", outcome="receive"),
        )
    assert officer.count("open") == 1


@pytest.mark.django_db
def test_a_transition_moves_the_dossier_between_counters(office, version, committed):
    with committed():
        dossier = submit(version, office.ward)
    officer = Desk(office.officer)
    assert (officer.count("to_receive"), officer.count("open")) == (1, 1)
    with committed():
        dossier_transition(dossier=dossier, action="receive", actor=office.officer)
    assert (officer.count("to_receive"), officer.count("open")) == (0, 1)


@pytest.mark.django_db
def test_assignment_and_transfer_show_on_the_specialists_and_the_new_units_counters(
    office, version, ward_b, committed
):
    with committed():
        dossier = at_department(submit(version, office.ward), office)
    specialist = Desk(office.specialist)
    other_leader = Desk(make_staff(ward_b, "leader", username="lanhdao.b"))
    assert (specialist.count("department"), specialist.count("mine")) == (1, 0)
    assert other_leader.count("open") == 0

    with committed():
        dossier = dossier_transition(
            dossier=dossier,
            action="assign",
            actor=office.leader,
            data={"assignee": office.specialist},
        )
    assert specialist.count("mine") == 1
    assert dossier.code in specialist.page("mine")

    with committed():
        dossier_transition(
            dossier=dossier,
            action="transfer",
            actor=office.leader,
            data={"unit": ward_b, "note": "Thuộc thẩm quyền phường Bình Đông"},
        )
    # The department the dossier left, which it is no longer recorded against.
    assert (specialist.count("department"), specialist.count("mine")) == (0, 0)
    assert other_leader.count("open") == 1
    assert dossier.code in other_leader.page("open")


@pytest.mark.django_db
def test_an_online_payment_puts_the_dossier_back_on_the_overdue_counter(client, office, committed):
    dossier = DossierFactory(
        unit=office.ward,
        overdue=True,
        status=Status.PAYMENT,
        paused_on=timezone.localdate(),
        department=office.department,
        assignee=office.specialist,
        fee_amount=30000,
    )
    leader = Desk(office.leader)
    assert leader.count("overdue") == 0
    client.post(reverse("dossiers:lookup"), {"code": dossier.code, "secret": dossier.secret})
    gateway = client.post(reverse("dossiers:pay", args=[dossier.code]))
    with committed():
        client.post(gateway["Location"], {"result": "paid"})
    assert leader.count("overdue") == 1


@pytest.mark.django_db
def test_a_dossier_due_today_is_counted_overdue_the_next_day(office):
    DossierFactory(
        unit=office.ward,
        processing=True,
        due_date=timezone.localdate(),
        effective_due_date=timezone.localdate(),
    )
    assert Desk(office.leader).count("overdue") == 0
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        assert Desk(office.leader).count("overdue") == 1


@pytest.mark.django_db
def test_dossiers_loaded_in_bulk_are_counted_once_the_load_ends(office, committed):
    leader = Desk(office.leader)
    assert leader.count("to_receive") == 0
    with committed(), bulk_load():
        DossierFactory.create_batch(3, unit=office.ward)
    assert leader.count("to_receive") == 3
