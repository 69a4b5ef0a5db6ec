"""Demo complaints, denunciations and citizen reception for the demo wards. Names of
petitioners are invented."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.complaints import services
from motcua.complaints.models import Case, Complexity, Kind, ReceivedVia, VisitOutcome, VisitTopic
from motcua.complaints.workflow import CaseAction, case_transition
from motcua.notifications.services import muted
from motcua.organisations.demo import DEMO_WARDS
from motcua.organisations.models import Unit
from motcua.workcalendar.selectors import add_working_days, is_working_day

CASES = [
    # (kind, subject, content, person, via, plan)
    (
        Kind.COMPLAINT,
        "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng",
        "Tôi khiếu nại Quyết định xử phạt vi phạm hành chính về việc xây dựng không phép đối với phần mái che trước nhà. "
        "Phần mái che là công trình tạm, được dựng từ trước khi có quy định mới; đề nghị xem xét hủy quyết định.",
        ("Trần Văn Hậu", "079080001234", "48/12 Nơ Trang Long", "0903456781"),
        ReceivedVia.DIRECT,
        ["accept", "assign", "conclude"],
    ),
    (
        Kind.COMPLAINT,
        "Khiếu nại về việc từ chối cấp bản sao trích lục hộ tịch",
        "Bộ phận một cửa từ chối cấp bản sao trích lục khai sinh cho tôi với lý do sổ gốc bị hư hỏng, "
        "nhưng không hướng dẫn thủ tục thay thế. Đề nghị phường xem xét, giải quyết.",
        ("Lê Thị Ngọc Hân", "079186004321", "15 Bùi Đình Túy", "0918765432"),
        ReceivedVia.RECEPTION,
        ["accept", "assign"],
    ),
    (
        Kind.DENUNCIATION,
        "Tố cáo cán bộ địa chính nhận tiền để hợp thức hóa công trình",
        "Tôi tố cáo một cán bộ địa chính phường đã nhận tiền của chủ công trình để bỏ qua vi phạm xây dựng "
        "trong hẻm. Tôi có chứng kiến việc giao nhận tiền và sẵn sàng cung cấp thông tin khi được bảo vệ bí mật.",
        ("Phạm Minh Khôi", "079085007788", "22/5 Vạn Kiếp", "0987654321"),
        ReceivedVia.DIRECT,
        ["accept", "assign", "extend"],
    ),
    (
        Kind.DENUNCIATION,
        "Tố cáo việc lập danh sách hộ nghèo không đúng đối tượng",
        "Tôi tố cáo việc tổ dân phố đưa người thân của cán bộ vào danh sách hộ nghèo để nhận hỗ trợ, "
        "trong khi nhiều hộ khó khăn thực sự không được xét.",
        ("Võ Thị Thanh Xuân", "079190002468", "9 Trần Quý Cáp", "0934567890"),
        ReceivedVia.MAIL,
        ["extend_initial"],
    ),
    (
        Kind.DENUNCIATION,
        "Tố cáo doanh nghiệp xả thải ra kênh",
        "Tôi tố cáo một cơ sở sản xuất xả nước thải chưa qua xử lý ra kênh vào ban đêm. Nội dung thuộc thẩm quyền "
        "của cơ quan quản lý môi trường thành phố.",
        ("Đỗ Quang Vinh", "079088003579", "120 Đồng Văn Cống", "0909112233"),
        ReceivedVia.ONLINE,
        ["transfer"],
    ),
    (
        Kind.DENUNCIATION,
        "Đơn không ký tên tố cáo cán bộ thu tiền ngoài quy định",
        "Người gửi không ghi họ tên, tố cáo cán bộ thu thêm tiền khi chứng thực giấy tờ.",
        ("", "", "", ""),
        ReceivedVia.MAIL,
        [],
    ),
]

VISITS = [
    (
        "Nguyễn Văn Tư",
        VisitTopic.PETITION,
        "Kiến nghị sửa chữa hẻm bị ngập nước mỗi khi mưa.",
        VisitOutcome.PENDING,
    ),
    (
        "Trần Thị Bích",
        VisitTopic.COMPLAINT,
        "Khiếu nại về việc chậm giải quyết hồ sơ đăng ký biến động đất đai.",
        VisitOutcome.CASE_OPENED,
    ),
    (
        "Lâm Quốc Thái",
        VisitTopic.OTHER,
        "Hỏi thủ tục đăng ký thường trú cho con.",
        VisitOutcome.ANSWERED,
    ),
    (
        "Huỳnh Văn Lợi",
        VisitTopic.DENUNCIATION,
        "Tố cáo việc xây dựng trái phép có sự bao che của cán bộ khu phố.",
        VisitOutcome.GUIDED,
    ),
]


def _thursdays(start: dt.date, count: int, *, forward: bool) -> list[dt.date]:
    days, day = [], start
    while len(days) < count:
        day += dt.timedelta(days=1 if forward else -1)
        if day.weekday() == 3 and is_working_day(day):
            days.append(day)
    return days


def _seed(log=print) -> None:
    if Case.objects.filter(unit__gso_code__in=[w.gso_code for w in DEMO_WARDS]).exists():
        log("Demo complaints and reception: already there.")
        return
    now = timezone.now()
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    total = 0
    for offset, ward_data in enumerate(DEMO_WARDS):
        ward = Unit.objects.get(gso_code=ward_data.gso_code)
        leader = User.objects.get(username=f"{ward_data.handle}.lanhdao")
        officer = User.objects.get(username=f"{ward_data.handle}.motcua")
        handler = User.objects.get(username=f"{ward_data.handle}.chuyenvien")
        verifier = User.objects.get(username=f"{ward_data.handle}.kinhte")
        for index, (kind, subject, content, person, via, plan) in enumerate(CASES):
            received_day = add_working_days(today - dt.timedelta(days=50 - 6 * index - offset), 0)
            received_at = dt.datetime.combine(received_day, dt.time(9, 15 + index), tzinfo=tz)
            name, id_number, address, phone = person
            case = services.case_create(
                actor=officer,
                kind=kind,
                unit=ward,
                subject=subject,
                content=content,
                received_via=via,
                person_name=name,
                person_id_number=id_number,
                person_address=f"{address}, {ward.name}" if address else "",
                person_phone=phone,
                remote_area=False,
                received_at=received_at,
            )
            t = received_at
            for action in plan:
                t = min(now, t + dt.timedelta(days=3, hours=2))
                kwargs = {"actor": leader, "now": t}
                if action == CaseAction.ASSIGN:
                    kwargs.update(handler=handler, verifiers=[verifier])
                elif action == CaseAction.CONCLUDE:
                    kwargs.update(
                        outcome_number=f"{120 + index}/QĐ-UBND",
                        outcome_summary="Giữ nguyên quyết định xử phạt; yêu cầu tháo dỡ phần mái che lấn chiếm vỉa hè trong 10 ngày. "
                        "Người khiếu nại có quyền khiếu nại lần hai hoặc khởi kiện vụ án hành chính theo quy định.",
                    )
                elif action == CaseAction.EXTEND:
                    kwargs.update(
                        complexity=Complexity.COMPLEX,
                        note="Cần xác minh tại nhiều nơi, vụ việc phức tạp.",
                        actor=leader,
                    )
                elif action == CaseAction.EXTEND_INITIAL:
                    kwargs.update(note="Cần xác minh tại nhiều địa điểm trước khi thụ lý.")
                elif action == CaseAction.TRANSFER:
                    kwargs.update(
                        transferred_to="Sở Nông nghiệp và Môi trường Thành phố Hồ Chí Minh",
                        note="Không thuộc thẩm quyền của phường.",
                    )
                case = case_transition(case=case, action=action, **kwargs)
            total += 1
        # The leader's weekly reception: past sessions with their visits, upcoming ones published.
        for day in _thursdays(today, 3, forward=False):
            session = services.session_save(
                actor=leader,
                unit=ward,
                date=day,
                starts_at=dt.time(8, 0),
                ends_at=dt.time(11, 0),
                host=leader,
                host_title=f"Ông {leader.full_name} — Phó Chủ tịch UBND phường",
                location=f"Phòng tiếp công dân, {ward.address}",
            )
            for name, topic, text, outcome in VISITS:
                visit = services.visit_record(
                    actor=officer,
                    session=session,
                    visitor_name=name,
                    topic=topic,
                    content=text,
                    outcome=outcome,
                    outcome_note="Đã hướng dẫn công dân."
                    if outcome == VisitOutcome.ANSWERED
                    else "",
                    visitor_address=ward.name,
                )
                if visit.reply_due and visit.reply_due < today - dt.timedelta(days=3):
                    services.visit_reply(
                        actor=leader,
                        visit=visit,
                        reply="Ủy ban nhân dân phường đã có văn bản trả lời công dân về nội dung kiến nghị.",
                    )
        for day in _thursdays(today - dt.timedelta(days=1), 6, forward=True):
            services.session_save(
                actor=leader,
                unit=ward,
                date=day,
                starts_at=dt.time(8, 0),
                ends_at=dt.time(11, 0),
                host=leader,
                host_title=f"Ông {leader.full_name} — Phó Chủ tịch UBND phường",
                location=f"Phòng tiếp công dân, {ward.address}",
                note="Công dân mang theo căn cước và giấy tờ liên quan.",
            )
    log(f"Demo complaints and reception: {total} petitions, reception schedule for 6 weeks.")


@transaction.atomic
def seed(log=print) -> None:
    """Load the demo data; loading it sends no message to anyone."""
    with muted():
        _seed(log)
