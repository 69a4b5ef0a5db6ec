"""The two-level categories of citizens' feedback, their extra questions and starting answer
templates. Administrators edit them afterwards (Django admin); codes are the Open311
service codes."""

import uuid

from django.db import migrations

Q_TIME = {"key": "thoi_gian", "label": "Thời gian thường xảy ra", "type": "text"}

CATEGORIES = [
    # (code, name, parent code, is_conduct, questions)
    ("trat-tu-do-thi", "Trật tự đô thị", None, False, []),
    (
        "lan-chiem-long-le-duong",
        "Lấn chiếm lòng đường, lề đường, vỉa hè",
        "trat-tu-do-thi",
        False,
        [
            {
                "key": "hinh_thuc",
                "label": "Hình thức lấn chiếm",
                "type": "choice",
                "choices": ["Buôn bán", "Để xe", "Dựng mái che, bảng hiệu", "Để vật liệu, hàng hóa", "Khác"],
            },
            Q_TIME,
        ],
    ),
    (
        "xay-dung-trai-phep",
        "Xây dựng trái phép, sai phép",
        "trat-tu-do-thi",
        False,
        [
            {
                "key": "giai_doan",
                "label": "Công trình đang",
                "type": "choice",
                "choices": ["Đang thi công", "Đã xây xong"],
            },
            {
                "key": "bang_giay_phep",
                "label": "Có treo bảng thông tin giấy phép xây dựng không?",
                "type": "yesno",
            },
        ],
    ),
    ("quang-cao-rao-vat", "Quảng cáo, rao vặt sai quy định", "trat-tu-do-thi", False, []),
    ("ve-sinh-rac-thai", "Vệ sinh môi trường, rác thải", None, False, []),
    (
        "thu-gom-rac",
        "Thu gom rác sinh hoạt",
        "ve-sinh-rac-thai",
        False,
        [{"key": "so_ngay", "label": "Rác chưa được thu gom bao nhiêu ngày?", "type": "text"}],
    ),
    ("do-rac-trai-phep", "Đổ rác, xà bần trái phép", "ve-sinh-rac-thai", False, [Q_TIME]),
    ("duong-sa", "Đường sá, giao thông", None, False, []),
    ("hu-hong-mat-duong", "Hư hỏng mặt đường, ổ gà", "duong-sa", False, []),
    ("via-he-hu-hong", "Vỉa hè hư hỏng", "duong-sa", False, []),
    (
        "den-tin-hieu-bien-bao",
        "Đèn tín hiệu, biển báo giao thông",
        "duong-sa",
        False,
        [],
    ),
    (
        "chieu-sang",
        "Chiếu sáng công cộng",
        None,
        False,
        [{"key": "so_tru", "label": "Số hiệu trụ đèn (nếu thấy)", "type": "text"}],
    ),
    ("thoat-nuoc-ngap", "Thoát nước, ngập nước", None, False, []),
    (
        "ngap-nuoc",
        "Ngập nước khi mưa, triều cường",
        "thoat-nuoc-ngap",
        False,
        [
            {
                "key": "do_sau",
                "label": "Mức ngập",
                "type": "choice",
                "choices": ["Dưới 10 cm", "Từ 10 đến 30 cm", "Trên 30 cm"],
            }
        ],
    ),
    ("cong-ranh-ho-ga", "Cống, rãnh, hố ga hư hỏng hoặc tắc", "thoat-nuoc-ngap", False, []),
    (
        "tieng-on",
        "Tiếng ồn",
        None,
        False,
        [
            {
                "key": "nguon",
                "label": "Nguồn gây ồn",
                "type": "choice",
                "choices": ["Karaoke, loa kéo", "Công trình xây dựng", "Cơ sở kinh doanh, sản xuất", "Khác"],
                "required": True,
            },
            Q_TIME,
        ],
    ),
    ("moi-truong", "Môi trường", None, False, []),
    ("khoi-bui-mui-hoi", "Khói, bụi, mùi hôi", "moi-truong", False, [Q_TIME]),
    ("cay-xanh", "Cây xanh gãy đổ, cần cắt tỉa", "moi-truong", False, []),
    ("o-nhiem-kenh-rach", "Ô nhiễm kênh rạch, nguồn nước", "moi-truong", False, []),
    ("can-bo", "Thái độ, tác phong của cán bộ, công chức", None, True, []),
    (
        "thai-do-phuc-vu",
        "Thái độ phục vụ chưa đúng mực",
        "can-bo",
        True,
        [
            {"key": "thoi_diem", "label": "Thời điểm xảy ra", "type": "text"},
            {"key": "can_bo", "label": "Họ tên hoặc chức danh cán bộ (nếu biết)", "type": "text"},
        ],
    ),
    (
        "nhung-nhieu-phien-ha",
        "Nhũng nhiễu, gây phiền hà, vòi vĩnh",
        "can-bo",
        True,
        [
            {"key": "thoi_diem", "label": "Thời điểm xảy ra", "type": "text"},
            {"key": "can_bo", "label": "Họ tên hoặc chức danh cán bộ (nếu biết)", "type": "text"},
        ],
    ),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính", None, False, []),
    (
        "tre-han-ho-so",
        "Hồ sơ giải quyết trễ hẹn",
        "thu-tuc-hanh-chinh",
        False,
        [{"key": "ma_ho_so", "label": "Mã hồ sơ (trên giấy tiếp nhận)", "type": "text"}],
    ),
    (
        "quy-dinh-thu-tuc",
        "Quy định, giấy tờ, quy trình thủ tục",
        "thu-tuc-hanh-chinh",
        False,
        [],
    ),
    ("khac", "Vấn đề khác", None, False, []),
]

TEMPLATES = {
    "lan-chiem-long-le-duong": (
        "Đã ra quân giải tỏa lấn chiếm",
        "Ủy ban nhân dân phường đã chỉ đạo lực lượng trật tự đô thị kiểm tra vị trí Ông/Bà phản "
        "ánh, nhắc nhở và yêu cầu các hộ kinh doanh tháo dỡ, trả lại lòng đường, vỉa hè thông "
        "thoáng; trường hợp tái phạm sẽ bị xử phạt vi phạm hành chính theo quy định. Phường sẽ "
        "tiếp tục theo dõi, kiểm tra thường xuyên tại khu vực này.",
    ),
    "thu-gom-rac": (
        "Đã yêu cầu đơn vị thu gom",
        "Ủy ban nhân dân phường đã làm việc với đơn vị thu gom rác dân lập phụ trách khu vực, "
        "yêu cầu thu gom dứt điểm lượng rác tồn đọng và bảo đảm thu gom đúng giờ, đúng tuyến. "
        "Cảm ơn Ông/Bà đã phản ánh.",
    ),
    "hu-hong-mat-duong": (
        "Đã chuyển đơn vị quản lý đường",
        "Ủy ban nhân dân phường đã kiểm tra hiện trạng và đề nghị đơn vị quản lý, duy tu hạ tầng "
        "giao thông sửa chữa mặt đường. Trong thời gian chờ sửa chữa, phường đã bố trí biển cảnh "
        "báo để bảo đảm an toàn cho người tham gia giao thông.",
    ),
    "chieu-sang": (
        "Đã sửa chữa đèn chiếu sáng",
        "Đơn vị quản lý hệ thống chiếu sáng công cộng đã kiểm tra, thay thế bóng đèn và thiết bị "
        "hư hỏng; hệ thống đèn tại vị trí Ông/Bà phản ánh đã hoạt động bình thường.",
    ),
    "ngap-nuoc": (
        "Đã nạo vét, khơi thông",
        "Ủy ban nhân dân phường đã phối hợp đơn vị thoát nước nạo vét hố ga, khơi thông dòng chảy "
        "tại khu vực. Phường tiếp tục đề xuất cải tạo tuyến cống để giảm ngập lâu dài.",
    ),
    "tieng-on": (
        "Đã kiểm tra, nhắc nhở",
        "Công an phường đã kiểm tra, lập biên bản nhắc nhở cơ sở gây tiếng ồn, yêu cầu chấm dứt "
        "hoạt động gây ồn sau 22 giờ. Trường hợp tái phạm sẽ bị xử phạt theo quy định.",
    ),
    "thai-do-phuc-vu": (
        "Đã kiểm điểm cán bộ",
        "Qua xác minh, Ủy ban nhân dân phường đã tổ chức kiểm điểm, nhắc nhở cán bộ có liên quan "
        "và chấn chỉnh tác phong, thái độ phục vụ người dân. Phường xin tiếp thu ý kiến của "
        "Ông/Bà.",
    ),
    "tre-han-ho-so": (
        "Đã giải quyết và xin lỗi",
        "Ủy ban nhân dân phường đã kiểm tra hồ sơ của Ông/Bà, chỉ đạo bộ phận chuyên môn giải "
        "quyết dứt điểm và gửi văn bản xin lỗi do giải quyết trễ hẹn.",
    ),
}


def create(apps, schema_editor):
    Category = apps.get_model("feedback", "Category")
    AnswerTemplate = apps.get_model("feedback", "AnswerTemplate")
    made = {}
    for order, (code, name, parent, conduct, questions) in enumerate(CATEGORIES, start=1):
        made[code], _created = Category.objects.get_or_create(
            code=code,
            defaults={
                "public_id": uuid.uuid4(),
                "name": name,
                "parent": made.get(parent),
                "is_conduct": conduct,
                "questions": questions,
                "sort_order": order,
            },
        )
    for code, (title, body) in TEMPLATES.items():
        AnswerTemplate.objects.get_or_create(category=made[code], title=title, defaults={"body": body})


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
