"""Pages: online submission, lookup, the staff queue and dossier page, slips as PDF, scoping."""

import datetime as dt
import io
import re

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from motcua.accounts.tests.factories import UserFactory
from motcua.audit.models import AuditEvent
from motcua.core.testing import hidden_fields
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.tests.conftest import MINIMAL_PDF, at_department, submit
from motcua.dossiers.tests.factories import DossierFactory
from motcua.dossiers.views import public
from motcua.dossiers.workflow import dossier_transition
from motcua.notifications.models import Notification
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.procedures.tests.factories import RequiredDocumentFactory


def submission_data(version, unit, **overrides):
    data = {
        "unit": unit.pk,
        "applicant_type": "citizen",
        "name": "Trần Thị Bích",
        "phone": "0912 345 678",
        "email": "bich@example.vn",
        "address": "12 Nơ Trang Long",
        "id_number": "079190001234",
        "idempotency_key": "key-1",
        "consent": "on",
    }
    for document in version.documents.all():
        data[f"document_{document.pk}"] = SimpleUploadedFile(
            f"{document.pk}.pdf", MINIMAL_PDF, content_type="application/pdf"
        )
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_citizen_submits_online_and_gets_a_code(client, office, version):
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    page = client.get(url).content.decode()
    for document in version.documents.all():
        assert document.name in page
    response = client.post(url, submission_data(version, office.ward))
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:submitted", args=[dossier.code])
    confirmation = client.get(response["Location"]).content.decode()
    assert dossier.code in confirmation
    assert dossier.secret in confirmation
    assert dossier.code.startswith("000.31.26.H29-")
    assert dossier.status == Status.SUBMITTED
    assert dossier.documents.count() == 2
    assert dossier.applicant_phone == "0912345678"
    # The dossier is numbered inside its filing, before the rows that show its code.
    audit = AuditEvent.objects.get(action="dossier.submit", object_id=dossier.public_id)
    assert audit.object_repr == dossier.code
    messages = Notification.objects.filter(event="dossier.submitted")
    assert sorted(messages.values_list("channel", flat=True)) == ["email", "sms"]
    assert all(dossier.code in message.body for message in messages)


@pytest.mark.django_db
def test_an_online_filing_writes_everything_in_few_queries(
    client, office, version, django_assert_num_queries
):
    submit(version, office.ward, key="earlier")  # the ward's counter of the day exists
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    client.get(url)  # the procedure and its documents, kept beside the cached pages from now on
    data = submission_data(version, office.ward)
    # The ward; the savepoint; the dossier, its two documents, its event, the day's number and
    # the code written into the dossier, the audit row, the messages by SMS and e-mail (one
    # insert returning their ids) and their two delivery tasks, the statistics (two upserts);
    # the release. No look-up of kept files: the form showed none.
    with django_assert_num_queries(15):
        response = client.post(url, data)
    assert response.status_code == 302
    dossier = Dossier.objects.get(idempotency_key="key-1")
    assert dossier.documents.count() == 2
    assert AuditEvent.objects.filter(action="dossier.submit", object_id=dossier.public_id).exists()
    assert dossier.events.get().action == "submit"


@pytest.mark.django_db
def test_a_change_to_the_procedure_shows_at_once_on_the_filing_form(
    client, office, version, django_capture_on_commit_callbacks
):
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    assert client.get(url).status_code == 200  # kept beside the cached pages
    with django_capture_on_commit_callbacks(execute=True):
        RequiredDocumentFactory(version=version, name="Giấy xác nhận cư trú")
    assert "Giấy xác nhận cư trú" in client.get(url).content.decode()
    procedure = version.procedure
    procedure.is_active = False
    with django_capture_on_commit_callbacks(execute=True):
        procedure.save()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_link_from_a_ward_chooses_that_ward_on_the_form(client, office, ward_b, version):
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    chosen = f'<option value="{ward_b.pk}" selected>'
    assert chosen not in client.get(url).content.decode()
    assert chosen in client.get(url, {"don-vi": ward_b.slug}).content.decode()
    assert client.get(url, {"don-vi": "khong-co"}).status_code == 200


@pytest.mark.django_db
def test_a_double_click_makes_one_dossier(client, office, version):
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    client.post(url, submission_data(version, office.ward))
    client.post(url, submission_data(version, office.ward))
    assert Dossier.objects.count() == 1


@pytest.mark.django_db
def test_bad_input_is_explained_in_vietnamese_and_what_was_typed_is_kept(client, office, version):
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    response = client.post(
        url, submission_data(version, office.ward, phone="12ab", id_number="123")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nhập số điện thoại Việt Nam" in html
    assert "Nhập 12 chữ số của căn cước công dân" in html
    assert 'value="Trần Thị Bích"' in html
    assert 'value="12 Nơ Trang Long"' in html
    assert not Dossier.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_a_document_is_refused(client, office, version):
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    first = version.documents.first()
    data = submission_data(version, office.ward)
    data[f"document_{first.pk}"] = SimpleUploadedFile(
        "giay.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    html = client.post(url, data).content.decode()
    assert "Loại tệp này không được chấp nhận" in html
    assert not Dossier.objects.exists()


@pytest.mark.django_db
def test_lookup_needs_the_secret_and_reveals_nothing_without_it(client, submitted):
    wrong = client.post(reverse("dossiers:lookup"), {"code": submitted.code, "secret": "WRONG123"})
    assert "Không tìm thấy hồ sơ" in wrong.content.decode()
    assert submitted.applicant_name not in wrong.content.decode()
    assert client.get(reverse("dossiers:status", args=[submitted.code])).status_code == 404
    right = client.post(
        reverse("dossiers:lookup"), {"code": submitted.code, "secret": submitted.secret.lower()}
    )
    assert right.status_code == 302
    page = client.get(right["Location"]).content.decode()
    assert "Mới đăng ký, chưa kiểm tra" in page or "Mới" in page
    assert submitted.applicant_name in page


@pytest.mark.django_db
def test_the_cached_lookup_form_gives_each_visitor_a_token_that_works(submitted):
    Client().get(reverse("dossiers:lookup"))  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    form = visitor.get(reverse("dossiers:lookup")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    found = visitor.post(
        reverse("dossiers:lookup"),
        {"code": submitted.code, "secret": submitted.secret, "csrfmiddlewaretoken": token},
    )
    assert found.status_code == 302
    assert found["Location"] == reverse("dossiers:status", args=[submitted.code])


@pytest.mark.django_db
def test_a_browser_keeps_the_twenty_dossiers_looked_up_last(client, office):
    """Someone helping neighbours looks up many dossiers, newest codes first."""
    dossiers = sorted(
        (DossierFactory(unit=office.ward) for _ in range(21)), key=lambda d: d.code, reverse=True
    )
    for dossier in dossiers:
        response = client.post(
            reverse("dossiers:lookup"), {"code": dossier.code, "secret": dossier.secret}
        )
        assert client.get(response["Location"]).status_code == 200
    assert client.get(reverse("dossiers:status", args=[dossiers[-1].code])).status_code == 200
    assert client.get(reverse("dossiers:status", args=[dossiers[0].code])).status_code == 404


@pytest.mark.django_db
def test_lookup_with_the_applicants_phone(client, submitted):
    response = client.post(
        reverse("dossiers:lookup"), {"code": submitted.code, "secret": "0903123456"}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_receipt_qr_link_opens_the_status_page_and_drops_the_secret_from_the_address(
    client, submitted, office, django_assert_num_queries
):
    dossier_transition(dossier=submitted, action="receive", actor=office.officer)
    response = client.get(
        reverse("dossiers:status", args=[submitted.code]), {"ma": submitted.secret}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:status", args=[submitted.code])
    client.get(reverse("dossiers:lookup"))  # the page chrome's own reads, cached from now on
    with django_assert_num_queries(3):  # the dossier, its history, its slips
        page = client.get(response["Location"]).content.decode()
    assert "Hồ sơ của bạn đã được tiếp nhận" in page


def waiting_for_documents(version, office, item: str) -> Dossier:
    """A dossier filed online that the desk asked to complete with ``item``."""
    return dossier_transition(
        dossier=submit(version, office.ward, key=item),
        action="request_documents",
        actor=office.officer,
        data={"items": [item]},
    )


@pytest.mark.django_db
def test_the_status_page_shows_the_dossier_its_history_and_slips_in_few_queries(
    client, office, version, django_assert_num_queries
):
    dossier = waiting_for_documents(version, office, "Tờ khai có xác nhận")
    client.get(reverse("dossiers:lookup"))  # the page chrome's own reads, cached from now on
    with django_assert_num_queries(1):  # the code and secret; nothing is written
        found = client.post(
            reverse("dossiers:lookup"), {"code": dossier.code, "secret": dossier.secret}
        )
    with django_assert_num_queries(3):  # the dossier, its history, its slips
        page = client.get(found["Location"]).content.decode()
    assert dossier.procedure.name in page
    assert "Yêu cầu bổ sung" in page  # the status
    assert dossier.applicant_name in page
    assert office.ward.name in page
    assert "<li>Tờ khai có xác nhận</li>" in page  # the documents to add
    assert "Hồ sơ của bạn chưa đầy đủ" in page  # the history, in words for the applicant
    slip = dossier.slips.get()
    assert reverse("dossiers:slip", args=[dossier.code, slip.public_id]) in page
    assert "Phiếu yêu cầu bổ sung" in page
    assert 'action="{}"'.format(reverse("dossiers:withdraw", args=[dossier.code])) in page


def look_up(client, dossier) -> str:
    """The status page's address after a lookup with the code and secret."""
    response = client.post(
        reverse("dossiers:lookup"), {"code": dossier.code, "secret": dossier.secret}
    )
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.django_db
def test_a_lookup_unlocks_only_what_was_looked_up_and_cannot_be_forged(client, office):
    looked_up, other = DossierFactory(unit=office.ward), DossierFactory(unit=office.ward)
    status = look_up(client, looked_up)
    assert not Session.objects.exists()  # a lookup writes nothing
    assert client.get(status).status_code == 200
    assert client.get(reverse("dossiers:status", args=[other.code])).status_code == 404
    # The cookie lists the codes it opens, signed: one code changed breaks the signature.
    value = client.cookies[public.UNLOCK_COOKIE].value
    payload = signing.loads(value, salt=public.UNLOCK_SALT)
    payload[1] = [other.code]
    forged = signing.dumps(payload, salt=public.UNLOCK_SALT).rsplit(":", 1)[0]
    client.cookies[public.UNLOCK_COOKIE] = f"{forged}:{value.rsplit(':', 1)[1]}"
    assert client.get(reverse("dossiers:status", args=[other.code])).status_code == 404
    assert client.get(status).status_code == 404


@pytest.mark.django_db
def test_a_lookup_ends_with_signing_in_or_out_and_after_a_working_day(client, office):
    dossier = DossierFactory(unit=office.ward)
    citizen = UserFactory()
    status = look_up(client, dossier)
    client.force_login(citizen)
    assert client.get(status).status_code == 404  # signing in: a new visitor
    status = look_up(client, dossier)
    assert client.get(status).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(status).status_code == 404  # signing out closes the dossier again
    status = look_up(client, dossier)
    lifetime = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with time_machine.travel(timezone.now() + lifetime - dt.timedelta(minutes=1)):
        assert client.get(status).status_code == 200
    with time_machine.travel(timezone.now() + lifetime + dt.timedelta(minutes=1)):
        assert client.get(status).status_code == 404


@pytest.mark.django_db
def test_lookups_are_rate_limited(client, submitted):
    for _ in range(30):
        client.post(reverse("dossiers:lookup"), {"code": submitted.code, "secret": "AAAAAAAA"})
    assert (
        client.post(
            reverse("dossiers:lookup"), {"code": submitted.code, "secret": submitted.secret}
        ).status_code
        == 429
    )


@pytest.mark.django_db
def test_receipt_pdf_has_the_code_applicant_documents_and_appointment_date(
    client, submitted, office, version
):
    dossier = dossier_transition(dossier=submitted, action="receive", actor=office.officer)
    sign_in(client, office.officer)
    slip = dossier.slips.get(kind="01")
    response = client.get(reverse("dossiers:staff-slip", args=[dossier.code, slip.public_id]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text.upper()
    assert dossier.code in text
    assert "Nguyễn Văn An" in text
    for document in version.documents.all():
        assert document.name in text
    assert f"ngày {dossier.due_date:%d/%m/%Y}" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


@pytest.mark.django_db
def test_officer_of_another_ward_can_neither_list_open_act_nor_download(
    client, submitted, office, ward_b
):
    dossier = dossier_transition(dossier=submitted, action="receive", actor=office.officer)
    outsider = make_staff(ward_b, "one_stop_officer", username="motcua.b")
    sign_in(client, outsider)
    assert dossier.code not in client.get(reverse("dossiers:queue")).content.decode()
    assert client.get(reverse("dossiers:staff-detail", args=[dossier.code])).status_code == 404
    response = client.post(
        reverse("dossiers:act", args=[dossier.code, "send_to_department"]),
        {"send_to_department-expected_status": 2},
    )
    assert response.status_code == 404
    document = dossier.documents.first()
    assert (
        client.get(
            reverse("dossiers:document", args=[dossier.code, document.public_id])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("dossiers:staff-slip", args=[dossier.code, dossier.slips.first().public_id])
        ).status_code
        == 404
    )
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED


@pytest.mark.django_db
def test_staff_act_from_the_dossier_page(client, submitted, office):
    sign_in(client, office.officer)
    page = client.get(reverse("dossiers:staff-detail", args=[submitted.code])).content.decode()
    assert "Tiếp nhận và cấp phiếu hẹn" in page
    response = client.post(
        reverse("dossiers:act", args=[submitted.code, "receive"]), {"receive-expected_status": 1}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.RECEIVED


@pytest.mark.django_db
def test_a_stale_page_gets_a_clear_conflict_message(client, submitted, office):
    dossier_transition(dossier=submitted, action="receive", actor=office.officer)
    sign_in(client, office.officer)
    response = client.post(
        reverse("dossiers:act", args=[submitted.code, "refuse"]),
        {"refuse-expected_status": 1, "refuse-reason": "Thiếu giấy"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "vừa thay đổi hồ sơ này" in html
    assert "Thiếu giấy" in html


@pytest.mark.django_db
def test_document_downloads_are_audited(client, submitted, office):
    sign_in(client, office.officer)
    document = submitted.documents.first()
    response = client.get(reverse("dossiers:document", args=[submitted.code, document.public_id]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert AuditEvent.objects.filter(action="dossier.document_view", actor=office.officer).exists()


@pytest.mark.django_db
def test_queue_query_count_does_not_grow_with_the_list(
    client, office, django_assert_max_num_queries
):
    sign_in(client, office.leader)
    for _ in range(3):
        DossierFactory(unit=office.ward, processing=True)
    client.get(reverse("dossiers:queue"))
    with django_assert_max_num_queries(12) as captured:  # the tab counters: from the cache
        client.get(reverse("dossiers:queue"))
    few = len(captured)
    for _ in range(20):
        DossierFactory(unit=office.ward, processing=True)
    with django_assert_max_num_queries(few):
        client.get(reverse("dossiers:queue"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("queue", "listed"),
    [
        ("open", {"submitted", "processing", "overdue", "result_ready", "other_ward_leader"}),
        ("to_receive", {"submitted"}),
        ("overdue", {"overdue"}),
        ("to_return", {"result_ready"}),
        ("supplement", set()),
    ],
)
def test_each_queue_lists_as_many_dossiers_as_its_tab_counts(client, office, queue, listed):
    dossiers = {
        "submitted": DossierFactory(unit=office.ward),
        "processing": DossierFactory(unit=office.ward, processing=True),
        "overdue": DossierFactory(unit=office.ward, overdue=True),
        "result_ready": DossierFactory(unit=office.ward, result_ready=True),
        "other_ward_leader": DossierFactory(unit=office.ward, processing=True),
    }
    sign_in(client, office.leader)
    html = client.get(reverse("dossiers:queue"), {"queue": queue}).content.decode()
    shown = {name for name, dossier in dossiers.items() if dossier.code in html}
    assert shown == listed
    tab = re.search(rf'href="\?queue={queue}"[^>]*>[^<]*<span class="count">(\d+)<', html)
    assert int(tab[1]) == len(listed)


@pytest.mark.django_db
def test_the_filters_form_shows_each_search_and_its_error(client, office):
    """The form is drawn once per language and query string and kept."""
    sign_in(client, office.leader)
    url = reverse("dossiers:queue")
    assert 'value="Nguyễn"' in client.get(url, {"q": "Nguyễn"}).content.decode()
    html = client.get(url, {"q": "Trần"}).content.decode()
    assert 'value="Trần"' in html
    assert 'value="Nguyễn"' not in html
    assert "field--invalid" in client.get(url, {"received_from": "ngày mai"}).content.decode()
    assert "field--invalid" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_status_filter_narrows_the_queue_and_the_form_shows_it(client, office):
    processing = DossierFactory(unit=office.ward, processing=True)
    submitted = DossierFactory(unit=office.ward)
    sign_in(client, office.leader)

    def listed(**params) -> tuple[set[str], str]:
        html = client.get(reverse("dossiers:queue"), params).content.decode()
        return {d.code for d in (processing, submitted) if d.code in html}, html

    shown, html = listed(queue="open", status=Status.PROCESSING)
    assert shown == {processing.code}
    assert f'<option value="{Status.PROCESSING}" selected>' in html
    shown, html = listed(queue="open", status=Status.SUBMITTED)
    assert shown == {submitted.code}
    assert f'<option value="{Status.SUBMITTED}" selected>' in html
    assert listed(queue="to_receive", status=Status.PROCESSING)[0] == set()
    assert listed(queue="all", status=Status.PROCESSING)[0] == {processing.code}


@pytest.mark.django_db
def test_overdue_queue_lists_overdue_dossiers(client, office):
    late = DossierFactory(unit=office.ward, overdue=True)
    fine = DossierFactory(unit=office.ward, processing=True)
    sign_in(client, office.leader)
    html = client.get(reverse("dossiers:queue"), {"queue": "overdue"}).content.decode()
    assert late.code in html
    assert fine.code not in html


@pytest.mark.django_db
def test_register_exports_to_excel(client, office):
    DossierFactory(unit=office.ward, processing=True, applicant_name="=HYPERLINK(1)")
    sign_in(client, office.leader)
    response = client.get(reverse("dossiers:register"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B1"].value == "Mã hồ sơ"
    assert sheet["D2"].value == "=HYPERLINK(1)"
    assert sheet["D2"].data_type == "s"


@pytest.mark.django_db
def test_desk_reception_issues_a_receipt(client, office, version):
    sign_in(client, office.officer)
    url = reverse("dossiers:desk-receive", args=[version.procedure.slug])
    data = submission_data(version, office.ward, channel="desk", outcome="receive")
    response = client.post(url, data)
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert dossier.status == Status.RECEIVED
    assert dossier.channel == "desk"
    assert dossier.slips.filter(kind="01").exists()


@pytest.mark.django_db
def test_desk_reception_asks_for_missing_documents_in_one_list(client, office, version):
    sign_in(client, office.officer)
    url = reverse("dossiers:desk-receive", args=[version.procedure.slug])
    data = submission_data(
        version,
        office.ward,
        channel="desk",
        outcome="request_documents",
        items="Tờ khai\nGiấy chứng sinh",
    )
    for document in version.documents.all():
        data.pop(f"document_{document.pk}")
    client.post(url, data)
    dossier = Dossier.objects.get()
    assert dossier.status == Status.SUPPLEMENT
    assert dossier.slips.get(kind="02").data["items"] == ["Tờ khai", "Giấy chứng sinh"]


@pytest.mark.django_db
def test_applicant_sends_the_supplement_from_the_status_page(client, office, version):
    dossier = waiting_for_documents(version, office, "Tờ khai")
    client.post(reverse("dossiers:lookup"), {"code": dossier.code, "secret": dossier.secret})
    response = client.post(
        reverse("dossiers:supplement", args=[dossier.code]),
        {"files": SimpleUploadedFile("to-khai.pdf", MINIMAL_PDF)},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    assert dossier.documents.filter(round=1).count() == 1


@pytest.mark.django_db
def test_online_payment_through_the_test_provider(client, submitted, office):
    dossier = at_department(submitted, office)
    dossier = dossier_transition(
        dossier=dossier, action="assign", actor=office.leader, data={"assignee": office.specialist}
    )
    dossier = dossier_transition(
        dossier=dossier, action="request_payment", actor=office.specialist, data={"amount": "30000"}
    )
    client.post(reverse("dossiers:lookup"), {"code": dossier.code, "secret": dossier.secret})
    gateway = client.post(reverse("dossiers:pay", args=[dossier.code]))
    assert gateway.status_code == 302
    client.post(gateway["Location"], {"result": "paid"})
    client.post(gateway["Location"], {"result": "paid"})  # a repeated callback changes nothing
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.payments.filter(status="paid").count() == 1


@pytest.mark.django_db
def test_leader_assigns_several_dossiers_at_once(client, office):
    waiting = [
        DossierFactory(
            unit=office.ward, processing=True, stage="department", department=office.department
        )
        for _ in range(2)
    ]
    closed = DossierFactory(unit=office.ward, status=Status.RETURNED, stage="applicant")
    sign_in(client, office.leader)
    assert 'form="bulk"' in client.get(reverse("dossiers:queue")).content.decode()
    response = client.post(
        reverse("dossiers:bulk-assign"),
        {"codes": [d.code for d in waiting] + [closed.code], "assignee": office.specialist.pk},
        follow=True,
    )
    html = response.content.decode()
    assert "Đã phân công 2 hồ sơ." in html
    assert closed.code in html, "the dossier that could not be assigned is reported"
    assert all(Dossier.objects.get(pk=d.pk).assignee == office.specialist for d in waiting)


@pytest.mark.django_db
def test_officers_do_not_get_bulk_assignment(client, office):
    sign_in(client, office.officer)
    assert 'form="bulk"' not in client.get(reverse("dossiers:queue")).content.decode()
    assert client.post(reverse("dossiers:bulk-assign"), {"codes": ["x"]}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "by_officer", "extra"),
    [
        pytest.param("dossiers:submit", False, {}, id="a citizen filing online"),
        pytest.param(
            "dossiers:desk-receive",
            True,
            {"channel": "desk", "outcome": "receive"},
            id="an officer recording a dossier at the desk",
        ),
    ],
)
def test_files_already_attached_are_kept_when_another_field_is_wrong(
    client, office, version, page, by_officer, extra
):
    if by_officer:
        sign_in(client, office.officer)
    url = reverse(page, args=[version.procedure.slug])
    first = client.post(url, submission_data(version, office.ward, phone="12ab", **extra))
    html = first.content.decode()
    assert html.count("đã được đính kèm") == 2
    assert not Dossier.objects.exists()
    # The phone number corrected, the form is sent again without choosing the files again
    # (the page carries the form's key and that it shows kept files).
    data = submission_data(version, office.ward, **extra)
    for document in version.documents.all():
        data.pop(f"document_{document.pk}")
    data.update(hidden_fields(html))
    response = client.post(url, data)
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.documents.count() == 2
    assert b"".join(dossier.documents.first().file.open("rb").read().splitlines()) == b"".join(
        MINIMAL_PDF.splitlines()
    )
    from motcua.core.models import PendingUpload

    assert not PendingUpload.objects.exists(), "kept files are cleared once the dossier is filed"


@pytest.mark.django_db
def test_kept_files_belong_to_one_form_only(client, office, version):
    url = reverse("dossiers:submit", args=[version.procedure.slug])
    client.post(
        url, submission_data(version, office.ward, phone="12ab", idempotency_key="form-one")
    )
    # Another form that claims to show kept files.
    data = submission_data(version, office.ward, idempotency_key="form-two", files_kept="1")
    for document in version.documents.all():
        data.pop(f"document_{document.pk}")
    html = client.post(url, data).content.decode()
    assert "Trường này là bắt buộc." in html or "This field is required." in html
    assert not Dossier.objects.exists()
