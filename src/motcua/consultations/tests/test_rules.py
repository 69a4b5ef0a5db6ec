import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from motcua.audit.models import AuditEvent
from motcua.consultations import services
from motcua.consultations.models import Comment, ConsultationStatus, FormalOpinion
from motcua.consultations.tests.factories import CommentFactory, ConsultationFactory
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.core.uploads import PDF, clean_upload
from motcua.organisations.tests.helpers import make_staff, sign_in

pytestmark = pytest.mark.django_db


def test_sections_are_split_at_articles_of_the_pasted_draft():
    text = (
        "Căn cứ Luật...\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định...\n"
        "Điều 2. Đối tượng áp dụng\nPhần vỉa hè còn lại dành cho người đi bộ.\nCác hộ kinh doanh."
    )
    sections = services.split_sections(text)
    headings = [heading for heading, _ in sections]
    assert len(headings) == 3  # the preamble, then one section per article
    assert headings[1:] == ["Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng"]
    assert sections[-1][1] == "Phần vỉa hè còn lại dành cho người đi bộ.\nCác hộ kinh doanh."


@pytest.mark.parametrize(
    ("opens", "closes", "accepted"),
    [
        (-5, 25, True),  # open
        (-40, -1, False),  # closed yesterday
        (3, 30, False),  # not open yet
    ],
)
def test_comments_are_accepted_only_between_opening_and_closing(ward_a, opens, closes, accepted):
    now = timezone.now()
    consultation = ConsultationFactory(
        unit=ward_a,
        opens_at=now + dt.timedelta(days=opens),
        closes_at=now + dt.timedelta(days=closes),
    )
    if accepted:
        comment = services.comment_submit(
            consultation=consultation, body="Đề nghị làm rõ khái niệm."
        )
        assert comment.status == "pending"
    else:
        with pytest.raises(DomainError):
            services.comment_submit(consultation=consultation, body="Đề nghị làm rõ khái niệm.")
        assert not Comment.objects.exists()


def test_closing_time_is_exact_to_the_second(ward_a):
    consultation = ConsultationFactory(unit=ward_a)
    with pytest.raises(DomainError) as error:
        services.comment_submit(
            consultation=consultation, body="Ý kiến gửi đúng lúc đóng.", now=consultation.closes_at
        )
    assert error.value.code == "closed"
    just_before = consultation.closes_at - dt.timedelta(seconds=1)
    services.comment_submit(consultation=consultation, body="Ý kiến gửi kịp lúc.", now=just_before)


def test_citizen_comments_on_a_section_and_sees_it_only_after_moderation(client, ward_a):
    consultation = ConsultationFactory(unit=ward_a)
    section = consultation.sections.get(position=2)
    response = client.post(
        consultation.get_absolute_url(),
        {
            "section": str(section.public_id),
            "body": "Đề nghị quy định rõ giờ đóng cửa chợ.",
            "author_name": "Nguyễn Văn An",
            "contact": "0909123456",
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.section == section
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "giờ đóng cửa chợ" not in page

    services.comment_moderate(actor=make_staff(ward_a, "editor"), comment=comment, publish=True)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert "giờ đóng cửa chợ" in page
    assert "0909123456" not in page  # contact details are never published


def test_comment_form_keeps_the_text_and_explains_when_the_consultation_closed(client, ward_a):
    consultation = ConsultationFactory(unit=ward_a)
    consultation.closes_at = timezone.now() - dt.timedelta(minutes=1)
    consultation.save()
    response = client.post(consultation.get_absolute_url(), {"body": "Ý kiến của tôi về dự thảo."})
    assert response.status_code == 200
    assert not Comment.objects.exists()


def test_comments_are_rate_limited(client, ward_a):
    consultation = ConsultationFactory(unit=ward_a)
    for n in range(5):
        client.post(consultation.get_absolute_url(), {"body": f"Ý kiến thứ {n} về dự thảo."})
    response = client.post(consultation.get_absolute_url(), {"body": "Ý kiến thứ sáu về dự thảo."})
    assert response.status_code == 429
    assert Comment.objects.count() == 5


def test_rejecting_a_comment_needs_a_reason(ward_a):
    comment = CommentFactory(consultation=ConsultationFactory(unit=ward_a), status="pending")
    with pytest.raises(DomainError):
        services.comment_moderate(
            actor=make_staff(ward_a, "editor"), comment=comment, publish=False
        )


def test_answers_only_after_closing_and_explained_unless_accepted(ward_a):
    leader = make_staff(ward_a, "leader")
    open_comment = CommentFactory(consultation=ConsultationFactory(unit=ward_a))
    with pytest.raises(DomainError) as error:
        services.answer_record(actor=leader, item=open_comment, answer="accepted", explanation="")
    assert error.value.code == "not_closed"
    closed_comment = CommentFactory(consultation=ConsultationFactory(unit=ward_a, closed=True))
    with pytest.raises(DomainError):
        services.answer_record(
            actor=leader, item=closed_comment, answer="not_accepted", explanation=""
        )
    services.answer_record(actor=leader, item=closed_comment, answer="partly",
                           explanation="Tiếp thu phần giờ mở cửa; giờ đóng cửa giữ như dự thảo.")  # fmt: skip
    closed_comment.refresh_from_db()
    assert closed_comment.answer == "partly"
    assert AuditEvent.objects.filter(action="consultations.answer").count() == 1


def test_staff_of_another_unit_cannot_answer(ward_a, ward_b):
    comment = CommentFactory(consultation=ConsultationFactory(unit=ward_a, closed=True))
    with pytest.raises(NotAllowed):
        services.answer_record(actor=make_staff(ward_b, "leader"), item=comment,
                               answer="accepted", explanation="")  # fmt: skip


def pdf_upload():
    return clean_upload(
        SimpleUploadedFile(
            "y-kien.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF", content_type="application/pdf"
        ),
        kinds=frozenset({PDF}),
    )


def test_the_fatherland_front_submits_a_formal_opinion_while_open(ward_a):
    consultation = ConsultationFactory(unit=ward_a)
    front = make_staff(ward_a, "front_supervisor")
    opinion = services.opinion_submit(actor=front, consultation=consultation,
                                      title="Văn bản phản biện xã hội", document=pdf_upload())  # fmt: skip
    assert opinion.organisation == ward_a
    assert opinion.file.name.startswith("public/consultations/opinions/")
    with pytest.raises(NotAllowed):
        services.opinion_submit(actor=make_staff(ward_a, "specialist"), consultation=consultation,
                                title="Ý kiến", document=pdf_upload())  # fmt: skip
    closed = ConsultationFactory(unit=ward_a, closed=True)
    with pytest.raises(DomainError):
        services.opinion_submit(
            actor=front, consultation=closed, title="Muộn", document=pdf_upload()
        )


def test_summary_report_needs_every_answer_then_is_published_as_pdf(client, ward_a):
    consultation = ConsultationFactory(unit=ward_a, closed=True)
    leader = make_staff(ward_a, "leader")
    comment = CommentFactory(consultation=consultation, body="Đề nghị bổ sung bãi giữ xe.")
    CommentFactory(consultation=consultation, status="rejected", body="Nội dung không liên quan.")
    with pytest.raises(DomainError):
        services.report_publish(actor=leader, consultation=consultation, summary="Tổng hợp.")
    services.answer_record(
        actor=leader, item=comment, answer="accepted", explanation="Đã bổ sung Điều 5."
    )
    consultation = services.report_publish(
        actor=leader, consultation=consultation, summary="Đã tiếp thu 1 ý kiến."
    )
    assert consultation.status == ConsultationStatus.REPORTED
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(consultation.report_pdf.read())).pages
    )
    assert "tiếp thu, giải trình" in text
    assert "bãi giữ xe" in text
    assert "Nội dung không liên quan" not in text
    with pytest.raises(Conflict):
        services.answer_record(actor=leader, item=comment, answer="partly", explanation="Đổi ý.")
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert consultation.report_pdf.url in page


def test_report_before_closing_is_refused(ward_a):
    consultation = ConsultationFactory(unit=ward_a)
    with pytest.raises(DomainError):
        services.report_publish(
            actor=make_staff(ward_a, "leader"), consultation=consultation, summary="x"
        )


def test_editor_prepares_and_publishes_a_draft_from_the_back_office(client, ward_a):
    editor = make_staff(ward_a, "editor")
    sign_in(client, editor)
    now = timezone.localtime()
    response = client.post(
        reverse("consultations:staff-create"),
        {
            "title": "Quy chế quản lý chợ Bà Chiểu",
            "document_type": "Dự thảo Quyết định",
            "opens_at": (now + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + dt.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
            "draft_text": "Điều 1. Phạm vi\nQuy chế này...\nĐiều 2. Giờ hoạt động\nChợ mở cửa...",
        },
    )
    assert response.status_code == 302
    manage = client.get(response["Location"]).content.decode()
    assert "Điều 2. Giờ hoạt động" in manage
    from motcua.consultations.models import Consultation

    consultation = Consultation.objects.get()
    client.post(reverse("consultations:staff-publish", args=[consultation.public_id]))
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.PUBLISHED
    assert FormalOpinion.objects.count() == 0


def test_dates_in_the_wrong_order_are_refused_next_to_the_field(client, ward_a):
    sign_in(client, make_staff(ward_a, "editor"))
    response = client.post(
        reverse("consultations:staff-create"),
        {
            "title": "Dự thảo",
            "document_type": "Dự thảo Quyết định",
            "opens_at": "2026-12-10T08:00",
            "closes_at": "2026-12-01T08:00",
        },
    )
    assert response.status_code == 200
    assert "field__error" in response.content.decode()
    assert "Dự thảo" in response.content.decode()
