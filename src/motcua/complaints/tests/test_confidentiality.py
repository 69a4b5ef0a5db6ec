"""The denouncer's identity: only the handler and their leader see it, each view is recorded;
everyone else, the exports and the API get a redacted copy."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from motcua.audit.models import AuditEvent
from motcua.complaints.tests.factories import DENOUNCER, complaint, denunciation
from motcua.complaints.workflow import CaseAction, case_transition
from motcua.organisations.tests.helpers import sign_in

ROLES = ["handler", "leader", "verifier", "colleague", "officer", "front_supervisor"]
MAY_SEE = {"handler", "leader"}
IDENTITY = list(DENOUNCER.values())


@pytest.fixture
def case(p):
    case = denunciation(p)
    case = case_transition(case=case, action=CaseAction.ACCEPT, actor=p.leader)
    return case_transition(
        case=case,
        action=CaseAction.ASSIGN,
        actor=p.leader,
        handler=p.handler,
        verifiers=[p.verifier],
    )


def views_of(case):
    return AuditEvent.objects.filter(
        action="complaints.identity_view", object_id=str(case.public_id)
    )


def assert_redacted(text):
    for value in IDENTITY:
        assert value not in text


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_identity_per_role_in_the_back_office(client, p, case, role):
    user = getattr(p, role)
    sign_in(client, user)
    detail = client.get(reverse("complaints:case", args=[case.code]))
    assert detail.status_code == 200  # everyone here may work on the case...
    assert_redacted(detail.content.decode())  # ...but the page itself never shows the identity
    assert "[được bảo mật]" in detail.content.decode()
    identity = client.get(reverse("complaints:identity", args=[case.code]))
    if role in MAY_SEE:
        assert identity.status_code == 200
        html = identity.content.decode()
        for value in IDENTITY:
            assert value in html
        assert views_of(case).filter(actor=user).count() == 1
        client.get(reverse("complaints:identity", args=[case.code]))
        assert views_of(case).filter(actor=user).count() == 2  # every view is recorded
    else:
        assert identity.status_code == 404
        assert_redacted(identity.content.decode())
        assert not views_of(case).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_export_and_the_api_are_redacted_for_everyone(client, p, case, role):
    sign_in(client, getattr(p, role))
    export = client.get(reverse("complaints:export"))
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert case.code in cells
    assert "[được bảo mật]" in cells
    assert_redacted(cells)
    listing = client.get("/api/v1/complaints/cases").content.decode()
    one = client.get(f"/api/v1/complaints/cases/{case.code}").content.decode()
    assert case.code in listing
    assert_redacted(listing)
    assert_redacted(one)
    assert not views_of(case).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_notice_naming_the_denouncer_is_printed_only_by_handler_and_leader(
    client, p, case, role
):
    sign_in(client, getattr(p, role))
    response = client.get(reverse("complaints:document", args=[case.code, "thong-bao"]))
    if role in MAY_SEE:
        assert response.status_code == 200
        text = "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
        assert "Phạm Minh Khôi" in text
        assert views_of(case).count() == 1
    else:
        assert response.status_code == 404
        assert not views_of(case).exists()


@pytest.mark.django_db
def test_the_conclusion_document_never_names_the_denouncer(client, p, case):
    case = case_transition(
        case=case,
        action=CaseAction.CONCLUDE,
        actor=p.leader,
        outcome_number="15/KL-UBND",
        outcome_summary="Nội dung tố cáo đúng một phần; kiểm điểm cán bộ địa chính.",
    )
    sign_in(client, p.verifier)
    response = client.get(reverse("complaints:document", args=[case.code, "ket-qua"]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "KẾT LUẬN NỘI DUNG TỐ CÁO" in text
    assert "15/KL-UBND" in text
    assert "kiểm điểm cán bộ địa chính" in text
    assert "Phạm Minh Khôi" not in text


@pytest.mark.django_db
def test_the_audit_trail_of_recording_carries_no_identity(p, case):
    for event in AuditEvent.objects.filter(object_id=str(case.public_id)):
        assert_redacted(f"{event.before} {event.after} {event.reason} {event.object_repr}")


@pytest.mark.django_db
def test_a_complainants_identity_is_seen_by_the_officers_of_the_case(client, p):
    case = complaint(p)
    sign_in(client, p.verifier)
    assert (
        client.get(reverse("complaints:case", args=[case.code])).status_code == 404
    )  # not yet on it
    sign_in(client, p.officer)
    assert (
        "Trần Văn Hậu" in client.get(reverse("complaints:case", args=[case.code])).content.decode()
    )


@pytest.mark.django_db
def test_staff_of_another_ward_see_nothing(client, p, q, case):
    sign_in(client, q.leader)
    assert client.get(reverse("complaints:case", args=[case.code])).status_code == 404
    assert client.get(reverse("complaints:identity", args=[case.code])).status_code == 404
    assert case.code not in client.get(reverse("complaints:cases")).content.decode()
    assert client.get(f"/api/v1/complaints/cases/{case.code}").status_code == 404
    assert client.get("/api/v1/complaints/cases").json()["count"] == 0
