"""Demo feedback: routing rules and Interior offices for the demo wards, and a few hundred
reports of the last two months in every state, placed in the wards, each taken through the real
workflow (so histories, deadlines, escalations and ratings are consistent). Then the category
classifier is trained on them.

Streets are real streets of the wards; house numbers, people and events are invented.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.feedback import services
from motcua.feedback.forms import officers_for
from motcua.feedback.models import (
    AnswerTemplate,
    Category,
    InteriorOffice,
    Rating,
    RejectReason,
    Report,
    RoutingRule,
)
from motcua.feedback.workflow import Action, report_transition
from motcua.notifications.services import muted
from motcua.organisations.demo import DEMO_WARDS, HCMC_CODE
from motcua.organisations.models import Unit, UnitKind
from motcua.workcalendar.selectors import add_working_days

REPORTS_PER_WARD = 80

#: (latitude range, longitude range, streets) of each demo ward.
GEOGRAPHY = {
    "binhthanh": (
        (10.800, 10.812),
        (106.697, 106.710),
        [
            "Phan Đăng Lưu",
            "Bùi Đình Túy",
            "Nơ Trang Long",
            "Lê Quang Định",
            "Chu Văn An",
            "Nguyễn Văn Đậu",
            "Bùi Hữu Nghĩa",
            "Vạn Kiếp",
        ],
    ),
    "giadinh": (
        (10.808, 10.820),
        (106.690, 106.700),
        [
            "Lê Văn Duyệt",
            "Phan Văn Trị",
            "Vũ Tùng",
            "Trần Quý Cáp",
            "Nguyễn Thượng Hiền",
            "Hoàng Hoa Thám",
            "Phan Đăng Lưu",
            "Lê Quang Định",
        ],
    ),
    "ankhanh": (
        (10.776, 10.790),
        (106.720, 106.742),
        [
            "Trương Văn Bang",
            "Lương Định Của",
            "Trần Não",
            "Nguyễn Cơ Thạch",
            "Mai Chí Thọ",
            "Song Hành",
            "Đường số 12",
            "Nguyễn Thanh Sơn",
        ],
    ),
    "catlai": (
        (10.770, 10.786),
        (106.756, 106.780),
        [
            "Nguyễn Thị Định",
            "Đồng Văn Cống",
            "Nguyễn Duy Trinh",
            "Võ Chí Công",
            "Lưu Đình Lễ",
            "Bát Nàn",
            "Đường số 6",
            "Nguyễn Trung Nguyệt",
        ],
    ),
}

PLACES = [
    "trước cổng chợ",
    "gần trường tiểu học",
    "đầu hẻm",
    "gần ngã ba",
    "đối diện công viên",
    "cạnh nhà văn hóa khu phố",
    "gần trạm y tế",
    "cuối hẻm",
    "gần chân cầu",
    "trước siêu thị mini",
]

ENDINGS = [
    "",
    "",
    " Đề nghị phường kiểm tra, xử lý dứt điểm.",
    " Tình trạng này kéo dài đã lâu.",
    " Mong chính quyền sớm vào cuộc.",
    " Tôi đã báo tổ dân phố nhưng chưa được giải quyết.",
    " Rất mong được phản hồi sớm.",
]

TEXTS = {
    "lan-chiem-long-le-duong": [
        "Các hộ kinh doanh trên đường {street} {place} bày bàn ghế, hàng hóa lấn chiếm hết vỉa hè, người đi bộ phải đi xuống lòng đường rất nguy hiểm.",
        "Quán nhậu {place} đường {street} kê bàn ghế tràn ra lòng đường từ chiều đến khuya, gây ùn tắc giao thông.",
        "Nhiều xe máy của quán cà phê đậu kín vỉa hè và một phần lòng đường {street}, {place}, xe cộ lưu thông rất khó khăn.",
        "Xe bán hàng rong dừng đỗ dưới lòng đường {street} {place} vào giờ tan học, gây kẹt xe và mất an toàn cho học sinh.",
        "Hộ dân dựng mái che, bảng hiệu lấn ra vỉa hè đường {street} {place}, che khuất tầm nhìn của người đi đường.",
    ],
    "xay-dung-trai-phep": [
        "Công trình nhà ở {place} đường {street} đang xây thêm tầng, không thấy treo bảng thông tin giấy phép xây dựng.",
        "Hộ dân {place} đường {street} cơi nới lấn ra hẻm chung, làm hẻm bị thu hẹp, xe cứu hỏa không vào được.",
        "Có công trình xây dựng không phép trên đất nông nghiệp gần {place} đường {street}, thi công cả ban đêm.",
        "Nhà {place} đường {street} đập phá kết cấu, xây dựng sai so với giấy phép, vật liệu rơi xuống nhà bên cạnh.",
    ],
    "quang-cao-rao-vat": [
        "Tờ rơi quảng cáo khoan cắt bê tông, cho vay tiền dán chi chít trên trụ điện và tường nhà dọc đường {street}.",
        "Băng rôn quảng cáo căng ngang đường {street} {place} không phép, bị gió giật rách có thể rơi xuống người đi đường.",
        "Bảng quảng cáo của cửa hàng {place} đường {street} đặt trên vỉa hè, chắn hết lối đi.",
    ],
    "thu-gom-rac": [
        "Rác sinh hoạt tại điểm tập kết {place} đường {street} không được thu gom {days} ngày nay, bốc mùi hôi thối, ruồi nhặng nhiều.",
        "Xe thu gom rác dân lập đến không đúng giờ, có hôm bỏ sót cả hẻm {place} đường {street}.",
        "Thùng rác công cộng {place} đường {street} bị đầy tràn, rác vương vãi ra lòng đường.",
        "Đề nghị bố trí thêm thùng rác {place} đường {street}, người dân phải để túi rác trên vỉa hè.",
    ],
    "do-rac-trai-phep": [
        "Có người đổ trộm xà bần, vật liệu xây dựng {place} đường {street} vào ban đêm, đống xà bần ngày càng lớn.",
        "Bãi đất trống {place} đường {street} bị người dân xung quanh vứt rác bừa bãi thành bãi rác tự phát.",
        "Xe ba gác chở rác đổ trộm xuống kênh gần {place} đường {street} vào khoảng {time}.",
    ],
    "hu-hong-mat-duong": [
        "Mặt đường {street} đoạn {place} xuất hiện nhiều ổ gà sâu, trời mưa đọng nước, đã có người đi xe máy bị té ngã.",
        "Sau khi đào đường lắp đặt ống nước, đơn vị thi công tái lập mặt đường {street} {place} không đạt, lún sụt và bong tróc.",
        "Nắp hố ga trên đường {street} {place} bị lún thấp hơn mặt đường, xe đi qua rất dễ gây tai nạn.",
        "Đường {street} đoạn {place} bị sụt lún, nứt toác mặt đường, đề nghị sớm sửa chữa.",
    ],
    "via-he-hu-hong": [
        "Vỉa hè đường {street} {place} bị bong gạch, nhiều chỗ lồi lõm, người đi bộ dễ vấp ngã.",
        "Đan bê tông trên vỉa hè {place} đường {street} bị vỡ, lộ hố ga bên dưới rất nguy hiểm cho trẻ em.",
        "Bó vỉa {place} đường {street} bị xe tải cán vỡ, gạch vỡ văng ra lòng đường.",
    ],
    "den-tin-hieu-bien-bao": [
        "Đèn tín hiệu giao thông tại ngã tư {street} {place} bị hỏng, chỉ nhấp nháy vàng vào giờ cao điểm gây ùn tắc.",
        "Biển báo cấm dừng đỗ trên đường {street} {place} bị cây che khuất, tài xế không nhìn thấy.",
        "Đèn đếm lùi tại giao lộ {street} {place} hiển thị sai thời gian so với đèn tín hiệu.",
    ],
    "chieu-sang": [
        "Đèn đường trên tuyến {street} đoạn {place} không sáng đã {days} ngày, buổi tối rất tối, tiềm ẩn nguy cơ trộm cắp.",
        "Cả dãy đèn chiếu sáng trong hẻm {place} đường {street} bị tắt, người dân đi lại ban đêm rất khó khăn.",
        "Đèn đường {place} đường {street} chập chờn lúc sáng lúc tắt, có tiếng nổ lách tách ở tủ điện.",
        "Trụ đèn chiếu sáng {place} đường {street} bị nghiêng sau cơn mưa lớn, có nguy cơ ngã đổ.",
    ],
    "ngap-nuoc": [
        "Mỗi khi mưa lớn đường {street} đoạn {place} ngập sâu, nước tràn vào nhà dân, xe máy chết máy hàng loạt.",
        "Triều cường dâng cao, nước ngập đường {street} {place} vào buổi chiều, học sinh đi học rất vất vả.",
        "Khu vực {place} đường {street} ngập nước kéo dài nhiều giờ sau mưa, nước rút rất chậm.",
    ],
    "cong-ranh-ho-ga": [
        "Hố ga {place} đường {street} bị tắc nghẽn rác, nước không thoát được, bốc mùi hôi.",
        "Nắp cống thoát nước {place} đường {street} bị mất, để lộ miệng cống rất nguy hiểm.",
        "Mương thoát nước {place} đường {street} bị bồi lắng, cỏ mọc um tùm, nước tù đọng sinh muỗi.",
    ],
    "tieng-on": [
        "Nhà {place} đường {street} hát karaoke bằng loa kéo công suất lớn đến khuya, ảnh hưởng giấc ngủ của người già và trẻ nhỏ.",
        "Công trình xây dựng {place} đường {street} thi công đổ bê tông, khoan cắt cả ban đêm gây ồn ào.",
        "Quán nhậu {place} đường {street} mở nhạc lớn, khách hò hét đến hơn 23 giờ đêm.",
        "Xưởng cơ khí trong khu dân cư {place} đường {street} hoạt động gây tiếng ồn lớn từ sáng sớm.",
    ],
    "khoi-bui-mui-hoi": [
        "Xe chở vật liệu xây dựng không che chắn, làm rơi vãi đất cát trên đường {street}, bụi mù mịt.",
        "Cơ sở {place} đường {street} đốt rác, khói bay vào nhà dân gây khó thở.",
        "Mùi hôi thối bốc lên từ khu vực {place} đường {street}, nghi cơ sở chế biến xả thải không qua xử lý.",
    ],
    "cay-xanh": [
        "Cây xanh {place} đường {street} có nhiều cành khô, mục, mùa mưa bão rất dễ gãy rơi trúng người đi đường.",
        "Cây xanh {place} đường {street} bị ngã đổ sau cơn mưa chiều qua, chắn một phần lòng đường.",
        "Tán cây {place} đường {street} phủ kín đèn chiếu sáng và vướng vào dây điện, đề nghị cắt tỉa.",
    ],
    "o-nhiem-kenh-rach": [
        "Kênh gần {place} đường {street} nổi đầy rác và lục bình, nước đen bốc mùi hôi nồng nặc.",
        "Cống xả {place} đường {street} xả nước thải màu đen ra kênh, cá chết nổi trắng.",
        "Bờ kè {place} đường {street} bị người dân đổ rác xuống kênh, làm ô nhiễm nguồn nước.",
    ],
    "thai-do-phuc-vu": [
        "Khi tôi đến nộp hồ sơ tại bộ phận một cửa, cán bộ tiếp nhận có thái độ cáu gắt, không hướng dẫn mà yêu cầu tôi tự tìm hiểu.",
        "Cán bộ tiếp dân nói chuyện điện thoại riêng trong giờ làm việc, để người dân chờ rất lâu.",
        "Cán bộ tại phường trả lời qua loa, thiếu tôn trọng người cao tuổi khi tôi hỏi về thủ tục.",
        "Tôi gọi điện đến đường dây nóng nhiều lần nhưng cán bộ nghe máy trả lời cộc lốc rồi cúp máy.",
    ],
    "nhung-nhieu-phien-ha": [
        "Cán bộ yêu cầu nộp thêm nhiều giấy tờ không có trong quy định và gợi ý phải bồi dưỡng thì hồ sơ mới nhanh.",
        "Hồ sơ của tôi bị trả lại nhiều lần, mỗi lần cán bộ chỉ ra một lỗi nhỏ khác nhau, gây phiền hà cho người dân.",
        "Có người tự xưng quen cán bộ phường nhận làm nhanh giấy tờ với chi phí cao, đề nghị kiểm tra.",
    ],
    "tre-han-ho-so": [
        "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất của tôi đã quá hẹn trả kết quả gần một tháng mà chưa có thông báo.",
        "Tôi nộp hồ sơ đăng ký hộ kinh doanh, đến ngày hẹn lên lấy thì cán bộ báo chưa có kết quả, không nói rõ lý do.",
        "Hồ sơ xin giấy phép xây dựng bị trễ hẹn, tôi không nhận được văn bản xin lỗi hay hẹn lại.",
    ],
    "quy-dinh-thu-tuc": [
        "Đề nghị niêm yết công khai đầy đủ thủ tục và lệ phí chứng thực tại bộ phận một cửa, hiện nay bảng niêm yết đã cũ, khó đọc.",
        "Thủ tục đăng ký khai sinh trực tuyến vẫn yêu cầu nộp bản giấy, đề nghị hướng dẫn rõ ràng hơn.",
        "Đề nghị bố trí thêm ghế chờ và máy lấy số tự động tại trung tâm phục vụ hành chính công, người dân phải đứng chờ lâu.",
    ],
    "khac": [
        "Đề nghị lắp đặt camera an ninh {place} đường {street}, khu vực này thường xảy ra trộm cắp xe máy.",
        "Chó thả rông không rọ mõm {place} đường {street}, đã có trẻ em bị chó cắn.",
        "Đề nghị bố trí thêm dụng cụ tập thể dục tại công viên {place} đường {street}.",
    ],
}

#: How often each category comes up (urban order, trash and roads dominate, as in practice).
WEIGHTS = {
    "lan-chiem-long-le-duong": 9,
    "xay-dung-trai-phep": 6,
    "quang-cao-rao-vat": 3,
    "thu-gom-rac": 7,
    "do-rac-trai-phep": 5,
    "hu-hong-mat-duong": 6,
    "via-he-hu-hong": 4,
    "den-tin-hieu-bien-bao": 3,
    "chieu-sang": 6,
    "ngap-nuoc": 5,
    "cong-ranh-ho-ga": 4,
    "tieng-on": 7,
    "khoi-bui-mui-hoi": 3,
    "cay-xanh": 4,
    "o-nhiem-kenh-rach": 3,
    "thai-do-phuc-vu": 3,
    "nhung-nhieu-phien-ha": 2,
    "tre-han-ho-so": 3,
    "quy-dinh-thu-tuc": 2,
    "khac": 3,
}

SPAM = [
    "Cần bán gấp nhà mặt tiền giá rẻ, sổ hồng riêng, liên hệ chính chủ để xem nhà.",
    "Nhận làm bằng lái xe, giấy tờ các loại nhanh gọn, giá rẻ, bảo đảm uy tín.",
    "Tuyển cộng tác viên bán hàng online tại nhà, thu nhập hấp dẫn mỗi ngày.",
]
OUT_OF_SCOPE = [
    (
        "hu-hong-mat-duong",
        "Đường liên xã ở quê tôi tại tỉnh Bến Tre hư hỏng nặng nhiều năm nay, đề nghị sửa chữa.",
    ),
    (
        "khac",
        "Đề nghị Nhà nước giảm thuế thu nhập cá nhân cho người làm công ăn lương vì giá cả tăng cao.",
    ),
]

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Thu", "Đức", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Khoa",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Ngân",
    "Phúc",
    "Quân",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
]

GENERIC_ANSWERS = {
    "trat-tu-do-thi": "Ủy ban nhân dân phường đã chỉ đạo Phòng Kinh tế, Hạ tầng và Đô thị phối hợp Công an phường kiểm tra, lập biên bản và yêu cầu khắc phục vi phạm; phường sẽ tiếp tục theo dõi, xử lý nếu tái phạm.",
    "ve-sinh-rac-thai": "Ủy ban nhân dân phường đã yêu cầu đơn vị thu gom và tổ dân phố khắc phục, dọn dẹp vệ sinh khu vực; đồng thời tăng cường kiểm tra, xử phạt hành vi xả rác không đúng nơi quy định.",
    "duong-sa": "Ủy ban nhân dân phường đã kiểm tra hiện trạng và có văn bản đề nghị đơn vị quản lý hạ tầng giao thông sửa chữa; trong thời gian chờ sửa chữa đã bố trí cảnh báo bảo đảm an toàn.",
    "thoat-nuoc-ngap": "Ủy ban nhân dân phường đã phối hợp đơn vị thoát nước kiểm tra, nạo vét, khơi thông hệ thống thoát nước tại khu vực Ông/Bà phản ánh.",
    "moi-truong": "Ủy ban nhân dân phường đã kiểm tra, yêu cầu cơ sở liên quan khắc phục và phối hợp cơ quan chuyên môn tiếp tục theo dõi chất lượng môi trường tại khu vực.",
    "can-bo": "Ủy ban nhân dân phường đã xác minh nội dung phản ánh, tổ chức kiểm điểm cán bộ có liên quan và chấn chỉnh tác phong, lề lối làm việc.",
    "thu-tuc-hanh-chinh": "Ủy ban nhân dân phường đã kiểm tra, chỉ đạo bộ phận chuyên môn giải quyết và tiếp thu ý kiến để cải tiến quy trình phục vụ người dân.",
    "khac": "Ủy ban nhân dân phường ghi nhận ý kiến của Ông/Bà và đã giao bộ phận chuyên môn nghiên cứu, đề xuất giải pháp phù hợp.",
}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _phone(rng: random.Random) -> str:
    return f"09{rng.randint(0, 9)}{rng.randint(1000000, 9999999)}"


def _moment(rng: random.Random, day: dt.date, *, hours=(7, 18)) -> dt.datetime:
    tz = timezone.get_current_timezone()
    return dt.datetime.combine(
        day, dt.time(rng.randint(*hours), rng.randint(0, 59), rng.randint(0, 59)), tzinfo=tz
    )


def _later(rng: random.Random, moment: dt.datetime, working_days: int) -> dt.datetime:
    day = add_working_days(timezone.localdate(moment), working_days)
    later = _moment(rng, day, hours=(8, 16))
    return later if later > moment else moment + dt.timedelta(minutes=rng.randint(20, 180))


def _bodies(ward: Unit) -> dict[str, Unit]:
    return {
        key: Unit.objects.get(slug=f"{ward.slug}-{key}")
        for key in ("office", "economy", "culture", "center", "police")
    }


def _rules(
    ward: Unit, bodies: dict[str, Unit], handle: str, categories: dict[str, Category]
) -> None:
    if RoutingRule.objects.filter(unit=ward).exists():
        return
    kinhte = User.objects.filter(username=f"{handle}.kinhte").first()
    motcua = User.objects.filter(username=f"{handle}.motcua").first()
    rows = [
        ("tieng-on", "police", None, dt.time(22, 0), dt.time(6, 0)),
        ("tieng-on", "culture", None, None, None),
        ("trat-tu-do-thi", "economy", kinhte, None, None),
        ("ve-sinh-rac-thai", "economy", kinhte, None, None),
        ("duong-sa", "economy", kinhte, None, None),
        ("chieu-sang", "economy", kinhte, None, None),
        ("thoat-nuoc-ngap", "economy", kinhte, None, None),
        ("moi-truong", "economy", kinhte, None, None),
        ("can-bo", "office", None, None, None),
        ("thu-tuc-hanh-chinh", "center", motcua, None, None),
        ("khac", "office", None, None, None),
    ]
    for position, (code, body, officer, starts, ends) in enumerate(rows, start=1):
        RoutingRule.objects.create(
            unit=ward,
            position=position,
            category=categories[code],
            handling_unit=bodies[body],
            officer=officer,
            starts_at=starts,
            ends_at=ends,
        )


def _answer(
    rng: random.Random, report: Report, templates: dict[int, list[str]], day: dt.date
) -> str:
    bodies = templates.get(report.category_id) or []
    body = rng.choice(bodies) if bodies else GENERIC_ANSWERS[report.category.group.code]
    where = f" tại {report.public_address}" if report.public_address else ""
    return f"Ngày {day:%d/%m/%Y}, {report.handling_unit.name} đã kiểm tra thực tế{where}. {body}"


class Simulation:
    """Takes one report through the workflow with plausible delays, stopping at the present."""

    def __init__(self, rng, now, staff, templates):
        self.rng, self.now, self.staff, self.templates = rng, now, staff, templates
        self.stall = None

    def step(self, report, action, at, **kwargs) -> bool:
        if at >= self.now or action == self.stall:
            return False
        report_transition(report=report, action=action, now=at, **kwargs)
        report.refresh_from_db()
        return True

    def run(self, report: Report, *, slow: bool, fate: str, original: Report | None) -> None:
        rng, staff = self.rng, self.staff
        # Some reports stall at a step (forgotten, waiting on another body): they become late.
        self.stall = (
            rng.choice([Action.ACCEPT, Action.START, Action.SUBMIT_ANSWER])
            if rng.random() < 0.1
            else None
        )
        t = report.received_at
        officer, leader = staff["officer"], staff["leader"]
        triage = _later(rng, t, rng.choice([0, 0, 1, 1, 2] + ([3, 4] if slow else [])))
        if fate == "spam":
            self.step(
                report,
                Action.REJECT,
                triage,
                actor=officer,
                reason=RejectReason.SPAM,
                note="Nội dung quảng cáo, không phải phản ánh.",
            )
            return
        if fate == "out_of_scope":
            self.step(
                report,
                Action.REJECT,
                triage,
                actor=officer,
                reason=RejectReason.OUT_OF_SCOPE,
                note="Nội dung không thuộc thẩm quyền giải quyết của phường; đề nghị gửi đến cơ quan có thẩm quyền.",
            )
            return
        if fate == "duplicate" and original is not None:
            self.step(
                report,
                Action.REJECT,
                triage,
                actor=officer,
                reason=RejectReason.DUPLICATE,
                duplicate_of=original,
                note="Đã có phản ánh cùng nội dung đang được xử lý.",
            )
            return
        if not self.step(
            report, Action.ACCEPT, triage, actor=rng.choice([officer, officer, leader])
        ):
            return
        t = triage
        candidates = list(officers_for(report))
        preferred = (
            [u for u in candidates if u.pk == report.routed_officer_id]
            or [u for u in candidates if u.username.endswith((".kinhte", ".chuyenvien", ".motcua"))]
            or candidates
        )
        assignee = rng.choice(preferred) if preferred else leader
        t = _later(rng, t, rng.choice([0, 1]))
        if not self.step(
            report,
            Action.ASSIGN,
            t,
            actor=officer,
            officer=assignee,
            note="Đề nghị kiểm tra thực tế, báo cáo kết quả.",
        ):
            return
        t = _later(rng, t, rng.choice([0, 1, 2]))
        if not self.step(report, Action.START, t, actor=assignee):
            return
        if rng.random() < 0.12:
            t = _later(rng, t, rng.choice([1, 2, 3]))
            if not self.step(
                report,
                Action.REQUEST_INFO,
                t,
                actor=assignee,
                note="Đề nghị Ông/Bà cho biết vị trí cụ thể (số nhà gần nhất) và thời điểm thường xảy ra.",
            ):
                return
            t = _later(rng, t, rng.choice([1, 2, 4, 8]))
            if not self.step(
                report,
                Action.SUPPLY_INFO,
                t,
                as_reporter=True,
                note="Vị trí ở gần số nhà 35, thường xảy ra từ 18 giờ đến 22 giờ hằng ngày.",
            ):
                return
        t = _later(rng, t, rng.choice([3, 5, 7, 9, 11] + ([16, 18, 20] if slow else [])))
        answer = _answer(rng, report, self.templates, timezone.localdate(t))
        if not self.step(report, Action.SUBMIT_ANSWER, t, actor=assignee, answer=answer):
            return
        if rng.random() < 0.1:
            t = _later(rng, t, 1)
            if not self.step(
                report,
                Action.RETURN_ANSWER,
                t,
                actor=leader,
                note="Bổ sung kết quả kiểm tra cụ thể, thời gian khắc phục.",
            ):
                return
            t = _later(rng, t, 1)
            if not self.step(
                report,
                Action.SUBMIT_ANSWER,
                t,
                actor=assignee,
                answer=answer + " Thời gian hoàn thành khắc phục: trong tuần này.",
            ):
                return
        t = _later(rng, t, rng.choice([0, 1, 1, 2] + ([3, 4] if slow else [])))
        if not self.step(report, Action.APPROVE, t, actor=leader):
            return
        roll = rng.random()
        t = _later(rng, t, rng.choice([1, 2, 3, 5]))
        if t >= self.now:
            return
        if roll < 0.55:
            services.report_rate(
                report=report,
                rating=Rating.SATISFIED,
                comment=rng.choice(
                    ["", "Cảm ơn phường đã xử lý nhanh.", "Đã được khắc phục, cảm ơn."]
                ),
                now=t,
            )
        elif roll < 0.67:
            services.report_rate(
                report=report,
                rating=Rating.NOT_SATISFIED,
                comment="Tình trạng vẫn tiếp diễn sau khi phường kiểm tra.",
                now=t,
            )
            report.refresh_from_db()
            t = _later(rng, t, rng.choice([3, 5, 8]))
            if not self.step(
                report,
                Action.SUBMIT_ANSWER,
                t,
                actor=assignee,
                answer=answer
                + " Sau khi Ông/Bà phản ánh lại, phường đã tổ chức kiểm tra đột xuất và xử phạt hành vi tái phạm.",
            ):
                return
            t = _later(rng, t, 1)
            self.step(report, Action.APPROVE, t, actor=leader)
        elif roll < 0.8:
            self.step(
                report,
                Action.CLOSE,
                t,
                actor=officer,
                note="Đã trả lời, người phản ánh không có ý kiến thêm.",
            )


def _reports(rng: random.Random, now: dt.datetime, categories: dict[str, Category]) -> int:
    templates: dict[int, list[str]] = {}
    for template in AnswerTemplate.objects.filter(is_active=True):
        templates.setdefault(template.category_id, []).append(template.body)
    codes = list(WEIGHTS)
    weights = [WEIGHTS[c] for c in codes]
    created = 0
    for ward_data in DEMO_WARDS:
        ward = Unit.objects.get(gso_code=ward_data.gso_code)
        (lat0, lat1), (lng0, lng1), streets = GEOGRAPHY[ward_data.handle]
        staff = {
            "officer": User.objects.get(username=f"{ward_data.handle}.motcua"),
            "leader": User.objects.get(username=f"{ward_data.handle}.lanhdao"),
        }
        simulation = Simulation(rng, now, staff, templates)
        earlier: list[Report] = []
        for _ in range(REPORTS_PER_WARD):
            age = rng.choice(
                [rng.randint(0, 6), rng.randint(0, 20), rng.randint(0, 60), rng.randint(0, 60)]
            )
            day = timezone.localdate(now) - dt.timedelta(days=age)
            received = _moment(rng, day, hours=(6, 21))
            if received >= now:
                received = now - dt.timedelta(minutes=rng.randint(30, 600))
            fate, original = "normal", None
            roll = rng.random()
            if roll < 0.04:
                fate = "spam"
                code, text = "khac", rng.choice(SPAM)
            elif roll < 0.06:
                fate = "out_of_scope"
                code, text = rng.choice(OUT_OF_SCOPE)
            elif roll < 0.12 and earlier:
                fate = "duplicate"
                original = rng.choice(earlier)
                code = original.category.code
                text = (
                    original.description.replace("Đề nghị", "Kính đề nghị")
                    + " Tôi cũng thấy tình trạng này."
                )
            else:
                code = rng.choices(codes, weights)[0]
                text = rng.choice(TEXTS[code]) + rng.choice(ENDINGS)
            street = rng.choice(streets)
            text = text.format(
                street=street,
                place=rng.choice(PLACES),
                days=rng.choice(["ba", "bốn", "năm", "gần một tuần"]),
                time=rng.choice(["22 giờ", "23 giờ", "4 giờ sáng"]),
            )
            category = categories[code]
            if original is not None:
                latitude = (
                    original.latitude + rng.uniform(-0.0003, 0.0003) if original.latitude else None
                )
                longitude = (
                    original.longitude + rng.uniform(-0.0003, 0.0003)
                    if original.longitude
                    else None
                )
                address = original.address
            else:
                latitude = round(rng.uniform(lat0, lat1), 6) if rng.random() < 0.85 else None
                longitude = round(rng.uniform(lng0, lng1), 6) if latitude is not None else None
                alley = (
                    f"{rng.randint(10, 400)}/{rng.randint(1, 60)}"
                    if rng.random() < 0.4
                    else str(rng.randint(1, 500))
                )
                address = f"{alley} {street}, {ward.name}"
            if category.is_conduct or category.group.code == "thu-tuc-hanh-chinh":
                address = ward.address if rng.random() < 0.5 else ""
                if not address:
                    latitude = latitude or round(rng.uniform(lat0, lat1), 6)
                    longitude = longitude or round(rng.uniform(lng0, lng1), 6)
            details = {}
            for question in category.questions or []:
                if question.get("type") == "choice":
                    details[question["key"]] = rng.choice(question["choices"])
                elif question.get("type") == "yesno":
                    details[question["key"]] = rng.choice(["yes", "no"])
                elif question.get("required") or rng.random() < 0.4:
                    details[question["key"]] = rng.choice(
                        ["Buổi tối", "Từ 18 giờ đến 22 giờ", "Cả ngày", "Sáng sớm"]
                    )
            channel = rng.choices(
                ["web", "web", "web", "hotline", "desk", "mailbox"], [5, 5, 5, 2, 1, 1]
            )[0]
            actor = staff["officer"] if channel != "web" else None
            report = services.report_submit(
                unit=ward,
                category=category,
                description=text,
                details=details,
                address=address,
                latitude=latitude,
                longitude=longitude,
                official_unit=_bodies(ward)["center"] if category.is_conduct else None,
                channel=channel,
                actor=actor,
                is_public=rng.random() < 0.92,
                now=received,
            ).report
            simulation.run(report, slow=rng.random() < 0.2, fate=fate, original=original)
            if fate == "normal":
                earlier.append(report)
            created += 1
    return created


def _contacts(rng: random.Random) -> None:
    """Names and contacts come last, so that the simulated past sends no messages."""
    for report in Report.objects.filter(
        unit__gso_code__in=[w.gso_code for w in DEMO_WARDS]
    ).order_by("pk"):
        roll = rng.random()
        if roll < 0.2:
            continue  # anonymous
        name = _name(rng)
        phone = _phone(rng) if roll < 0.85 else ""
        email = f"nguoidan{report.pk}@example.vn" if roll > 0.7 else ""
        Report.objects.filter(pk=report.pk).update(
            reporter_name=name, reporter_phone=phone, reporter_email=email
        )


def _seed(log=print) -> None:
    rng = random.Random(2026)
    categories = {c.code: c for c in Category.objects.select_related("parent")}
    city = Unit.objects.get(gso_code=HCMC_CODE, kind=UnitKind.PROVINCE)
    home_affairs = Unit.objects.filter(parent=city, slug__endswith="so-noi-vu").first()
    if home_affairs is not None:
        InteriorOffice.objects.get_or_create(area=city, defaults={"office": home_affairs})
    for ward_data in DEMO_WARDS:
        ward = Unit.objects.get(gso_code=ward_data.gso_code)
        bodies = _bodies(ward)
        InteriorOffice.objects.get_or_create(area=ward, defaults={"office": bodies["office"]})
        _rules(ward, bodies, ward_data.handle, categories)
    if Report.objects.filter(unit__gso_code__in=[w.gso_code for w in DEMO_WARDS]).exists():
        log("Demo feedback: already there.")
        return
    now = timezone.now()
    created = _reports(rng, now, categories)
    _contacts(rng)
    escalated = services.escalate_overdue(now=now)
    try:
        model = services.classifier_retrain()
        accuracy = f"{model.accuracy:.0%}" if model.accuracy is not None else "n/a"
    except Exception as error:  # too little data is not a reason to fail the demo
        accuracy = f"not trained ({error})"
    log(
        f"Demo feedback: {created} reports, {len(escalated)} late steps escalated, "
        f"category classifier accuracy {accuracy}."
    )


@transaction.atomic
def seed(log=print) -> None:
    """Load the demo data; loading it sends no message to anyone."""
    with muted():
        _seed(log)
