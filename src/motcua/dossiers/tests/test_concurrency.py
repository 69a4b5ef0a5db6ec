"""Concurrent staff actions on PostgreSQL: row locks make exactly one officer win, and parallel
receptions get distinct consecutive codes."""

import pytest

from motcua.core.errors import Conflict, DomainError
from motcua.core.testing import run_together
from motcua.dossiers.models import Dossier, DossierEvent, Status
from motcua.dossiers.services import Applicant, Attachment, dossier_receive_at_desk
from motcua.dossiers.tests.conftest import pdf_upload, submit
from motcua.dossiers.workflow import dossier_transition
from motcua.organisations.tests.helpers import make_staff

pytestmark = [
    pytest.mark.postgres_only,
    # Commits for real; the rows migrations create are put back after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_officers_acting_on_one_dossier_at_once(office, version):
    dossier = submit(version, office.ward)
    second = make_staff(office.ward, "one_stop_officer", username="motcua.a2")
    results = run_together(
        [
            lambda: dossier_transition(
                dossier=dossier,
                action="receive",
                actor=office.officer,
                expected_status=Status.SUBMITTED,
            ),
            lambda: dossier_transition(
                dossier=dossier,
                action="refuse",
                actor=second,
                expected_status=Status.SUBMITTED,
                data={"reason": "Thiếu giấy tờ"},
            ),
        ]
    )
    winners = [r for r in results if isinstance(r, Dossier)]
    losers = [r for r in results if isinstance(r, DomainError)]
    assert len(winners) == 1
    assert len(losers) == 1
    assert isinstance(losers[0], Conflict)
    assert "vừa thay đổi hồ sơ này" in str(losers[0].message)
    dossier.refresh_from_db()
    assert dossier.status == winners[0].status
    assert list(DossierEvent.objects.filter(dossier=dossier).values_list("action", flat=True)) == [
        "submit",
        winners[0].events.last().action,
    ]


def test_twenty_parallel_receptions_get_twenty_consecutive_codes(office, version):
    attachments = [Attachment(upload=pdf_upload(), requirement=d) for d in version.documents.all()]

    def receive(n):
        return lambda: dossier_receive_at_desk(
            version=version,
            unit=office.ward,
            applicant=Applicant(name=f"Người nộp {n}"),
            attachments=attachments,
            actor=office.officer,
            outcome="receive",
        )

    results = run_together([receive(n) for n in range(20)])
    assert all(isinstance(r, Dossier) for r in results), results
    numbers = sorted(int(r.code.rsplit("-", 1)[1]) for r in results)
    assert numbers == list(range(1, 21))


def test_a_double_click_among_parallel_filings_makes_one_dossier_and_no_gap_in_the_codes(
    office, version
):
    # Ten forms, each sent twice at once: a dossier is numbered only after its insert, so the
    # repeat that loses on the form's key takes no number.
    results = run_together(
        [lambda key=f"form-{n // 2}": submit(version, office.ward, key=key) for n in range(20)]
    )
    assert all(isinstance(r, Dossier) for r in results), results
    codes = {r.idempotency_key: r.code for r in results}
    assert len(codes) == 10
    assert sorted(int(code.rsplit("-", 1)[1]) for code in codes.values()) == list(range(1, 11))
    stored = dict(Dossier.objects.values_list("idempotency_key", "code"))
    assert stored == codes
