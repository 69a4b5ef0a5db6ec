"""Two replies to one citizen-reception visit sent at once (PostgreSQL): the first is kept,
the second is refused instead of silently replacing it."""

import pytest

from motcua.complaints.models import ReceptionVisit, VisitOutcome, VisitTopic
from motcua.complaints.services import visit_record, visit_reply
from motcua.core.errors import DomainError
from motcua.core.testing import run_together

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_replies_to_one_visit_at_once(p, reception_session):
    visit = visit_record(
        actor=p.officer,
        session=reception_session,
        visitor_name="Nguyễn Văn Tư",
        topic=VisitTopic.PETITION,
        content="Kiến nghị sửa chữa hẻm ngập nước.",
        outcome=VisitOutcome.PENDING,
    )
    replies = ["Phường sẽ nâng cấp hẻm trong quý I.", "Phường đã chuyển kiến nghị lên quận."]
    results = run_together(
        [lambda text=text: visit_reply(actor=p.leader, visit=visit, reply=text) for text in replies]
    )
    kept = [r for r in results if isinstance(r, ReceptionVisit)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert (len(kept), len(refused)) == (1, 1), results
    assert ReceptionVisit.objects.get(pk=visit.pk).reply == kept[0].reply
