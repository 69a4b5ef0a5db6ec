"""Demo consultations: one open for comment, one closed with its answers, the Fatherland
Front's opinion and the published summary report. Texts are examples written for the demo."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.consultations import services
from motcua.consultations.models import Comment, Consultation, ConsultationStatus
from motcua.core.pdf import render_pdf
from motcua.core.uploads import PDF, clean_upload
from motcua.organisations.models import Unit

HCM = ZoneInfo("Asia/Ho_Chi_Minh")

OPEN_DRAFT = """Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;
Căn cứ các quy định của Ủy ban nhân dân Thành phố về quản lý và sử dụng tạm thời một phần lòng đường, vỉa hè;
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc quản lý, sử dụng tạm thời một phần vỉa hè ngoài mục đích giao thông trên địa bàn phường Bình Thạnh.
Điều 2. Đối tượng áp dụng
Hộ gia đình, cá nhân, tổ chức có nhu cầu sử dụng tạm thời một phần vỉa hè; cơ quan, đơn vị liên quan đến quản lý vỉa hè trên địa bàn phường.
Điều 3. Nguyên tắc sử dụng vỉa hè
Phần vỉa hè dành cho người đi bộ có chiều rộng tối thiểu 1,5 mét; không sử dụng vỉa hè trước cổng trường học, cơ sở y tế, trụ sở cơ quan nhà nước.
Điều 4. Thời gian được sử dụng
Việc sử dụng tạm thời vỉa hè để kinh doanh, buôn bán được thực hiện từ 17 giờ đến 22 giờ hằng ngày; việc để xe được thực hiện theo vị trí kẻ vạch của phường.
Điều 5. Trách nhiệm của Ủy ban nhân dân phường
Công khai danh mục tuyến đường được sử dụng tạm thời vỉa hè; tiếp nhận phản ánh của người dân qua đường dây nóng và Cổng thông tin điện tử phường."""

CLOSED_DRAFT = """Điều 1. Mục tiêu
Đến năm 2030, 100% hồ sơ thủ tục hành chính của phường được tiếp nhận, giải quyết trên môi trường điện tử; 80% người dân trưởng thành có tài khoản định danh điện tử mức độ 2.
Điều 2. Nhiệm vụ trọng tâm
Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; phát triển Tổ công nghệ số cộng đồng ở từng khu phố; triển khai thanh toán không dùng tiền mặt đối với phí, lệ phí.
Điều 3. Kinh phí thực hiện
Kinh phí thực hiện từ ngân sách phường và các nguồn hợp pháp khác theo quy định.
Điều 4. Tổ chức thực hiện
Văn phòng HĐND và UBND phường là cơ quan thường trực, theo dõi, tổng hợp và báo cáo kết quả hằng năm."""


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _unit(handle: str, key: str) -> Unit:
    from motcua.organisations.demo import DEMO_WARDS

    code = next(w.gso_code for w in DEMO_WARDS if w.handle == handle)
    ward = Unit.objects.get(gso_code=code)
    return ward if key == "ward" else Unit.objects.get(slug=f"{ward.slug}-{key}")


@transaction.atomic
def seed(log=print) -> None:
    now = timezone.now()
    created = 0
    if not Consultation.objects.filter(
        title__startswith="Quy chế quản lý, sử dụng tạm thời"
    ).exists():
        consultation = services.consultation_save(
            actor=_user("binhthanh.kinhte"),
            unit=_unit("binhthanh", "economy"),
            title="Quy chế quản lý, sử dụng tạm thời một phần vỉa hè trên địa bàn phường Bình Thạnh",
            document_type="Dự thảo Quyết định",
            summary=(
                "Dự thảo nhằm bảo đảm lối đi cho người đi bộ, đồng thời tạo điều kiện cho các hộ "
                "kinh doanh nhỏ sử dụng vỉa hè có thời gian, có trả phí. Ủy ban nhân dân phường "
                "mong nhận được ý kiến của người dân, hộ kinh doanh và các tổ chức."
            ),
            opens_at=now - dt.timedelta(days=5),
            closes_at=now + dt.timedelta(days=25),
            draft_text=OPEN_DRAFT,
        )
        consultation = services.consultation_publish(
            actor=_user("binhthanh.lanhdao"), consultation=consultation
        )
        sections = {s.position: s for s in consultation.sections.all()}
        moderator = _user("binhthanh.kinhte")
        for position, name, body, publish in (
            (
                4,
                "Nguyễn Thị Thu",
                "Đề nghị cho phép buôn bán buổi sáng từ 6 giờ đến 9 giờ đối với các hộ bán đồ ăn sáng, vì đây là nguồn thu nhập chính của nhiều gia đình.",
                True,
            ),
            (
                3,
                "Trần Quốc Huy",
                "Chiều rộng 1,5 mét là hợp lý, nhưng cần quy định rõ việc xử lý khi hộ kinh doanh lấn ra phần dành cho người đi bộ.",
                True,
            ),
            (
                None,
                "",
                "Dự thảo nên có bản đồ các tuyến đường được phép sử dụng vỉa hè để người dân dễ theo dõi.",
                True,
            ),
            (
                5,
                "Lê Minh",
                "Đề nghị công bố số điện thoại đường dây nóng ngay trên biển báo tại mỗi tuyến đường.",
                False,
            ),
        ):
            comment = services.comment_submit(
                consultation=consultation,
                section=sections.get(position),
                body=body,
                author_name=name,
            )
            if publish:
                services.comment_moderate(actor=moderator, comment=comment, publish=True)
        created += 1

    if not Consultation.objects.filter(
        title__startswith="Kế hoạch chuyển đổi số phường An Khánh"
    ).exists():
        opens, closes = (
            dt.datetime(2026, 3, 2, 8, 0, tzinfo=HCM),
            dt.datetime(2026, 3, 31, 17, 0, tzinfo=HCM),
        )
        consultation = services.consultation_save(
            actor=_user("ankhanh.bientap"),
            unit=_unit("ankhanh", "office"),
            title="Kế hoạch chuyển đổi số phường An Khánh giai đoạn 2026 – 2030",
            document_type="Dự thảo Kế hoạch",
            summary="Lấy ý kiến về mục tiêu, nhiệm vụ và kinh phí chuyển đổi số của phường đến năm 2030.",
            opens_at=opens,
            closes_at=closes,
            draft_text=CLOSED_DRAFT,
        )
        consultation = services.consultation_publish(
            actor=_user("ankhanh.lanhdao"),
            consultation=consultation,
            now=opens - dt.timedelta(days=1),
        )
        sections = {s.position: s for s in consultation.sections.all()}
        editor, leader = _user("ankhanh.bientap"), _user("ankhanh.lanhdao")
        answers = []
        for position, name, body, answer, explanation in (
            (
                1,
                "Phạm Thị Lan",
                "Mục tiêu 80% người dân có tài khoản định danh mức độ 2 nên đạt sớm hơn, vào năm 2027.",
                "partly",
                "Tiếp thu một phần: điều chỉnh mục tiêu 80% vào năm 2028, phù hợp với lộ trình của Thành phố.",
            ),
            (
                2,
                "Võ Văn Tài",
                "Cần tổ chức lớp hướng dẫn kỹ năng số cho người cao tuổi vào cuối tuần.",
                "accepted",
                "Đã bổ sung vào Điều 2: mỗi khu phố tổ chức ít nhất một buổi hướng dẫn mỗi quý vào ngày nghỉ.",
            ),
            (
                3,
                "",
                "Đề nghị miễn toàn bộ lệ phí khi nộp hồ sơ trực tuyến.",
                "not_accepted",
                "Mức thu lệ phí do Hội đồng nhân dân Thành phố quyết định, vượt thẩm quyền của phường; phường sẽ chuyển kiến nghị đến cơ quan có thẩm quyền.",
            ),
        ):
            comment = services.comment_submit(
                consultation=consultation, section=sections.get(position), body=body,
                author_name=name, now=opens + dt.timedelta(days=3),
            )  # fmt: skip
            services.comment_moderate(actor=editor, comment=comment, publish=True)
            answers.append((comment, answer, explanation))
        front = _user("ankhanh.mttq")
        pdf = render_pdf(
            "news/pdf/document.html",
            {
                "issuer": "Ban Thường trực Ủy ban MTTQ Việt Nam phường An Khánh",
                "issuer_parent": "Ủy ban MTTQ Việt Nam TP. Hồ Chí Minh",
                "number_line": "Số: 18/PBXH-MTTQ",
                "place_and_date": "An Khánh, ngày 25 tháng 3 năm 2026",
                "kind_label": "Văn bản phản biện xã hội",
                "number": "18/PBXH-MTTQ",
                "title": "Về dự thảo Kế hoạch chuyển đổi số phường An Khánh giai đoạn 2026 – 2030",
                "paragraphs": [
                    "Ban Thường trực Ủy ban MTTQ Việt Nam phường cơ bản thống nhất với mục tiêu của dự thảo.",
                    "Đề nghị bổ sung chỉ tiêu về tỷ lệ người dân hài lòng khi sử dụng dịch vụ công trực tuyến và cơ chế để Mặt trận tham gia giám sát việc thực hiện.",
                ],
                "signer_title": "TM. Ban Thường trực",
                "signer": "Đặng Thị Mai",
            },
        )
        opinion = services.opinion_submit(
            actor=front,
            consultation=consultation,
            title="Văn bản phản biện xã hội đối với dự thảo Kế hoạch chuyển đổi số",
            number="18/PBXH-MTTQ",
            summary="Thống nhất mục tiêu; đề nghị bổ sung chỉ tiêu hài lòng và cơ chế giám sát của Mặt trận.",
            document=clean_upload(
                SimpleUploadedFile("phan-bien.pdf", pdf, content_type="application/pdf"),
                kinds=frozenset({PDF}),
            ),
            now=opens + dt.timedelta(days=23),
        )
        answered_at = closes + dt.timedelta(days=5)
        for comment, answer, explanation in answers:
            services.answer_record(
                actor=leader, item=comment, answer=answer, explanation=explanation, now=answered_at
            )
        services.answer_record(
            actor=leader, item=opinion, answer="accepted",
            explanation="Đã bổ sung chỉ tiêu 95% người dân hài lòng và giao Ủy ban MTTQ phường chủ trì giám sát hằng năm.",
            now=answered_at,
        )  # fmt: skip
        services.report_publish(
            actor=leader,
            consultation=consultation,
            summary="Sau 30 ngày lấy ý kiến, Ủy ban nhân dân phường nhận được 3 ý kiến của người dân và 1 văn bản phản biện xã hội của Ủy ban MTTQ Việt Nam phường; đã tiếp thu 2 ý kiến, tiếp thu một phần 1 ý kiến và giải trình 1 ý kiến.",
            now=closes + dt.timedelta(days=7),
        )
        created += 1
    log(
        f"Demo consultations: {created} new ({Consultation.objects.count()} in all, "
        f"{Comment.objects.count()} comments, "
        f"{Consultation.objects.filter(status=ConsultationStatus.REPORTED).count()} reported)."
    )
