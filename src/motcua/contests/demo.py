"""Demo contest: a law quiz on administrative reform with a finished first round (results
published) and a second round open for entries. Questions follow the texts they cite;
entrants are fictitious."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.contests import services
from motcua.contests.models import Contest, Entry, Round
from motcua.organisations.models import Unit

HCM = ZoneInfo("Asia/Ho_Chi_Minh")

QUESTIONS = (
    # (question, [answers, the correct one first], explanation)
    ("Cơ chế một cửa trong giải quyết thủ tục hành chính là gì?",
     ["Phương thức tiếp nhận hồ sơ, giải quyết và trả kết quả thủ tục hành chính tại một đầu mối là Bộ phận Một cửa",
      "Việc mỗi cơ quan chỉ giải quyết một loại thủ tục hành chính",
      "Việc người dân chỉ được nộp hồ sơ một lần trong năm",
      "Việc giải quyết thủ tục hành chính chỉ qua mạng"],
     "Nghị định số 61/2018/NĐ-CP của Chính phủ."),
    ("Hồ sơ được tiếp nhận sau 15 giờ thì thời hạn giải quyết được tính từ khi nào?",
     ["Từ ngày làm việc tiếp theo", "Từ ngay thời điểm tiếp nhận", "Từ ngày thứ ba kể từ ngày tiếp nhận", "Từ thứ Hai của tuần sau"],
     "Quy định về thời điểm tiếp nhận hồ sơ của cơ chế một cửa."),
    ("Khi hồ sơ giải quyết quá hạn, cơ quan giải quyết phải làm gì?",
     ["Gửi văn bản xin lỗi tổ chức, cá nhân và hẹn lại thời gian trả kết quả", "Trả lại hồ sơ cho người dân", "Yêu cầu người dân nộp lại hồ sơ mới", "Không phải làm gì thêm"],
     "Nghị định số 61/2018/NĐ-CP."),
    ("Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 – 2030 được ban hành kèm theo văn bản nào?",
     ["Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", "Luật Cán bộ, công chức", "Nghị định số 61/2018/NĐ-CP", "Quyết định số 225/QĐ-TTg"],
     "Nghị quyết số 76/NQ-CP ngày 15/7/2021."),
    ("Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 – 2030 có bao nhiêu nội dung cải cách?",
     ["6 nội dung", "4 nội dung", "5 nội dung", "8 nội dung"],
     "Thể chế; thủ tục hành chính; tổ chức bộ máy; chế độ công vụ; tài chính công; Chính phủ điện tử, Chính phủ số."),
    ("Chỉ số đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước có tên viết tắt là gì?",
     ["SIPAS", "PAR INDEX", "PAPI", "PCI"],
     "SIPAS được khảo sát và công bố hằng năm."),
    ("Chỉ số cải cách hành chính của các bộ, tỉnh có tên viết tắt là gì?",
     ["PAR INDEX", "SIPAS", "PCI", "ICT INDEX"],
     "PAR INDEX do Bộ Nội vụ công bố hằng năm."),
    ("Mô hình chính quyền địa phương hai cấp chính thức vận hành trên cả nước từ ngày nào?",
     ["01/7/2025", "01/01/2025", "01/01/2026", "02/9/2025"],
     "Luật Tổ chức chính quyền địa phương năm 2025."),
    ("Theo Luật Tổ chức chính quyền địa phương năm 2025, chính quyền địa phương gồm những cấp nào?",
     ["Cấp tỉnh và cấp xã", "Cấp tỉnh, cấp huyện và cấp xã", "Cấp huyện và cấp xã", "Chỉ có cấp tỉnh"],
     "Luật Tổ chức chính quyền địa phương năm 2025."),
    ("Ứng dụng định danh điện tử quốc gia do Bộ Công an quản lý có tên là gì?",
     ["VNeID", "VssID", "Zalo", "eTax"],
     "Tài khoản định danh điện tử mức độ 2 dùng để đăng nhập Cổng dịch vụ công."),
    ("Cán bộ, công chức tại Bộ phận Một cửa không được làm việc nào sau đây?",
     ["Yêu cầu người dân bổ sung giấy tờ ngoài quy định", "Hướng dẫn người dân kê khai hồ sơ", "Cấp giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Tiếp nhận hồ sơ trong giờ hành chính"],
     "Các hành vi không được làm theo Nghị định số 61/2018/NĐ-CP."),
    ("Cá nhân, tổ chức phản ánh, kiến nghị về quy định hành chính theo văn bản nào?",
     ["Nghị định số 20/2008/NĐ-CP", "Luật Khiếu nại", "Luật Tố cáo", "Bộ luật Dân sự"],
     "Nghị định số 20/2008/NĐ-CP về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính."),
    ("Người dân có thể theo dõi tình trạng giải quyết hồ sơ bằng cách nào?",
     ["Tra cứu bằng mã hồ sơ trên giấy tiếp nhận", "Chỉ có thể hỏi trực tiếp tại trụ sở", "Gửi thư qua bưu điện", "Không thể theo dõi"],
     "Mã hồ sơ được ghi trên giấy tiếp nhận và hẹn trả kết quả."),
    ("Tổ công nghệ số cộng đồng có nhiệm vụ chính là gì?",
     ["Hướng dẫn người dân sử dụng dịch vụ công trực tuyến và kỹ năng số", "Thu phí, lệ phí", "Cấp giấy phép kinh doanh", "Xử phạt vi phạm hành chính"],
     "Tổ công nghệ số cộng đồng được thành lập ở từng khu phố, ấp."),
)  # fmt: skip

ENTRANTS = (
    "Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Long", "Phạm Thu Trang", "Hoàng Minh Đức",
    "Võ Thị Hạnh", "Đặng Quốc Khánh", "Bùi Ngọc Mai", "Đỗ Thanh Tùng", "Huỳnh Thị Lan",
    "Ngô Gia Bảo", "Dương Thị Thảo", "Lý Văn Phúc", "Trương Mỹ Linh", "Phan Anh Tuấn",
    "Vũ Thị Hồng", "Đinh Công Minh", "Mai Thị Yến", "Tạ Quang Huy", "Châu Ngọc Hân",
    "Lâm Văn Sang", "Kiều Thị Vân", "La Minh Nhật", "Quách Thị Diễm",
)  # fmt: skip


def _ward(handle: str) -> Unit:
    from motcua.organisations.demo import DEMO_WARDS

    return Unit.objects.get(gso_code=next(w.gso_code for w in DEMO_WARDS if w.handle == handle))


@transaction.atomic
def seed(log=print) -> None:
    title = "Cuộc thi trực tuyến tìm hiểu pháp luật về cải cách hành chính năm 2026"
    if Contest.objects.filter(title=title).exists():
        log("Demo contest: already there.")
        return
    office = Unit.objects.get(slug=f"{_ward('binhthanh').slug}-office")
    organiser = User.objects.get(username="binhthanh.bientap")
    contest = Contest.objects.create(
        unit=office,
        title=title,
        slug=services.unique_slug(title),
        description=(
            "Cuộc thi giúp cán bộ, công chức và người dân hiểu rõ hơn về cải cách hành chính, "
            "cơ chế một cửa và dịch vụ công trực tuyến. Mỗi lượt thi gồm 10 câu hỏi trắc nghiệm "
            "chọn ngẫu nhiên và một câu hỏi dự đoán."
        ),
        rules=(
            "Mỗi số điện thoại được dự thi một lần trong mỗi vòng. Thời gian làm bài 15 phút.\n"
            "Xếp hạng theo số câu trả lời đúng; nếu bằng nhau, người dự đoán gần đúng nhất số "
            "người trả lời đúng tất cả các câu hỏi xếp trên; nếu vẫn bằng nhau, người làm bài "
            "nhanh hơn xếp trên.\nGiải thưởng mỗi vòng: 1 giải Nhất, 2 giải Nhì, 3 giải Ba."
        ),
        is_published=True,
    )
    for text, answers, explanation in QUESTIONS:
        services.question_add(
            actor=organiser, contest=contest, text=text, choices=list(answers), correct=0,
            explanation=explanation,
        )  # fmt: skip
    first = Round.objects.create(
        contest=contest,
        number=1,
        title="Tháng 6/2026",
        opens_at=dt.datetime(2026, 6, 1, 8, 0, tzinfo=HCM),
        closes_at=dt.datetime(2026, 6, 30, 17, 0, tzinfo=HCM),
        question_count=10,
        time_limit_minutes=15,
    )
    now = timezone.now()
    Round.objects.create(
        contest=contest,
        number=2,
        title="Vòng đang mở",
        opens_at=now - dt.timedelta(days=2),
        closes_at=now + dt.timedelta(days=28),
        question_count=10,
        time_limit_minutes=15,
    )
    rng = random.Random(2026)
    wards = list(Unit.objects.filter(gso_code__in=["26929", "26944", "27118", "27112"]))
    for name in ENTRANTS:
        started = first.opens_at + dt.timedelta(days=rng.randint(0, 27), hours=rng.randint(0, 8))
        entry = services.entry_start(
            round=first, full_name=name, phone=f"09{rng.randint(10000000, 99999999)}",
            ward=rng.choice(wards), now=started,
        )  # fmt: skip
        rows = list(entry.answers.select_related("question"))
        right = rng.choices([10, 9, 8, 7, 6], weights=[3, 4, 3, 2, 1])[0]
        answers = {}
        for i, row in enumerate(rows):
            choices = list(row.question.choices.all())
            pick = (
                next(c for c in choices if c.is_correct)
                if i < right
                else rng.choice([c for c in choices if not c.is_correct])
            )
            answers[str(row.question.public_id)] = str(pick.public_id)
        services.entry_submit(
            entry=entry, answers=answers, guess=rng.randint(3, 12),
            now=started + dt.timedelta(seconds=rng.randint(180, 840)),
        )  # fmt: skip
    services.results_publish(
        actor=User.objects.get(username="binhthanh.lanhdao"),
        round=first,
        now=first.closes_at + dt.timedelta(days=3),
    )
    log(
        f"Demo contest: {Entry.objects.filter(round=first).count()} entries in round 1, results published."
    )
