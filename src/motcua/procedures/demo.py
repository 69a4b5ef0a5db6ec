"""Demo catalogue: about thirty procedures that the wards of Ho Chi Minh City handle since the
two-tier local government of 1 July 2025, and one of the city's.

National codes, fees and times that were not checked against the national procedure database
are marked: fees with ``fee_is_example`` and "(ví dụ)" in the fee note, times with "(ví dụ)" in
the processing note, codes in ``docs/procedures-import.md``. The forms to download are
illustrations generated from ``procedures/pdf/form.html``, not the official templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from motcua.core.pdf import render_pdf
from motcua.core.text import slugify_vi
from motcua.procedures.models import (
    ApplicantType,
    DocumentRequirement,
    FeeKind,
    ImplementingLevel,
    OnlineLevel,
    Procedure,
    ProcedureField,
    ProcedureVersion,
    RequiredDocument,
)
from motcua.procedures.transfer import FORM_FOLDER

TWO_TIER = dt.date(2025, 7, 1)  # wards took over the districts' procedures
HOTICH_LAW = dt.date(2016, 1, 1)  # Luật Hộ tịch 2014 in force
EXAMPLE = "(ví dụ)"

ORIGINAL = DocumentRequirement.ORIGINAL
COPY = DocumentRequirement.COPY
CERTIFIED = DocumentRequirement.CERTIFIED_COPY
EITHER = DocumentRequirement.ORIGINAL_OR_COPY
CITIZEN = [ApplicantType.CITIZEN]
BOTH = [ApplicantType.CITIZEN, ApplicantType.ORGANISATION]

FIELDS = [
    ("ho-tich", "Hộ tịch", 10),
    ("chung-thuc", "Chứng thực", 20),
    ("nuoi-con-nuoi", "Nuôi con nuôi", 30),
    ("ho-kinh-doanh", "Thành lập và hoạt động của hộ kinh doanh", 40),
    ("xay-dung", "Xây dựng", 50),
    ("dat-dai", "Đất đai", 60),
    ("bao-tro-xa-hoi", "Bảo trợ xã hội", 70),
    ("giam-ngheo", "Giảm nghèo", 80),
    ("hoa-giai-co-so", "Hòa giải ở cơ sở", 90),
    ("cu-tru", "Đăng ký, quản lý cư trú", 100),
    ("ly-lich-tu-phap", "Lý lịch tư pháp", 110),
]

# --- Legal bases ------------------------------------------------------------------------------
LUAT_HO_TICH = "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"
ND_123 = "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch"
TT_04_2020 = "Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP"
TT_85_2019 = "Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ Tài chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương"
NQ_HCMC_FEES = "Nghị quyết của Hội đồng nhân dân Thành phố Hồ Chí Minh quy định mức thu lệ phí trên địa bàn Thành phố"
LUAT_HNGD = "Luật Hôn nhân và gia đình số 52/2014/QH13 ngày 19/6/2014"
ND_23 = "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"
TT_01_2020_BTP = "Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ Tư pháp quy định chi tiết, hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP"
TT_226 = "Thông tư số 226/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực"
LUAT_NUOI_CON_NUOI = "Luật Nuôi con nuôi số 52/2010/QH12 ngày 17/6/2010"
ND_19_2011 = "Nghị định số 19/2011/NĐ-CP ngày 21/3/2011 quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi"
ND_01_2021 = "Nghị định số 01/2021/NĐ-CP ngày 04/01/2021 về đăng ký doanh nghiệp"
TT_01_2021_BKHDT = "Thông tư số 01/2021/TT-BKHĐT ngày 16/3/2021 của Bộ Kế hoạch và Đầu tư hướng dẫn về đăng ký doanh nghiệp"
LUAT_XAY_DUNG = "Luật Xây dựng số 50/2014/QH13, được sửa đổi, bổ sung bởi Luật số 62/2020/QH14"
ND_15_2021 = "Nghị định số 15/2021/NĐ-CP ngày 03/3/2021 quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng"
LUAT_DAT_DAI = "Luật Đất đai số 31/2024/QH15 ngày 18/01/2024"
ND_102_2024 = "Nghị định số 102/2024/NĐ-CP ngày 30/7/2024 quy định chi tiết thi hành một số điều của Luật Đất đai"
ND_20_2021 = "Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội"
ND_07_2021 = (
    "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 quy định chuẩn nghèo đa chiều giai đoạn 2021 - 2025"
)
QD_24_2021 = "Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm"
LUAT_HOA_GIAI = "Luật Hòa giải ở cơ sở số 35/2013/QH13 ngày 20/6/2013"
ND_15_2014 = "Nghị định số 15/2014/NĐ-CP ngày 27/02/2014 quy định chi tiết một số điều và biện pháp thi hành Luật Hòa giải ở cơ sở"
LUAT_CU_TRU = "Luật Cư trú số 68/2020/QH14 ngày 13/11/2020"
ND_62_2021 = (
    "Nghị định số 62/2021/NĐ-CP ngày 29/6/2021 quy định chi tiết một số điều của Luật Cư trú"
)
LUAT_LLTP = "Luật Lý lịch tư pháp số 28/2009/QH12 ngày 17/6/2009"
TT_244 = "Thông tư số 244/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp"


def basis(*texts: str) -> str:
    return "\n".join(texts)


# --- Steps ------------------------------------------------------------------------------------
RECEPTION = (
    "Người yêu cầu nộp hồ sơ tại Bộ phận Một cửa của Ủy ban nhân dân phường, "
    "trực tuyến trên Cổng Dịch vụ công hoặc qua dịch vụ bưu chính công ích."
)
CHECK = (
    "Cán bộ tiếp nhận kiểm tra hồ sơ: hồ sơ đầy đủ thì cấp Giấy tiếp nhận hồ sơ và hẹn trả "
    "kết quả; chưa đầy đủ thì hướng dẫn bổ sung một lần, đầy đủ các nội dung cần bổ sung."
)
RETURN = "Trả kết quả tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính công ích theo yêu cầu."


def steps(*middle: str) -> str:
    return "\n".join([RECEPTION, CHECK, *middle, RETURN])


HOTICH_STEPS = steps(
    "Công chức tư pháp - hộ tịch kiểm tra, xác minh (nếu cần), ghi vào Sổ hộ tịch và trình "
    "Chủ tịch Ủy ban nhân dân phường ký.",
)
CERTIFY_STEPS = "\n".join(
    [
        "Người yêu cầu chứng thực xuất trình giấy tờ tại Bộ phận Một cửa của Ủy ban nhân dân phường.",
        "Người thực hiện chứng thực kiểm tra giấy tờ; nếu đủ điều kiện thì thực hiện chứng thực, ghi vào sổ chứng thực.",
        "Người yêu cầu nộp phí và nhận kết quả.",
    ]
)
BUSINESS_STEPS = steps(
    "Phòng Kinh tế, Hạ tầng và Đô thị xem xét tính hợp lệ của hồ sơ, nhập thông tin vào Hệ thống "
    "thông tin quốc gia về đăng ký hộ kinh doanh.",
)
SOCIAL_STEPS = steps(
    "Công chức Văn hóa - Xã hội thẩm định, trình Hội đồng xét duyệt (nếu có) và niêm yết công khai theo quy định.",
    "Chủ tịch Ủy ban nhân dân phường xem xét, quyết định.",
)


# --- Declarations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    name: str
    requirement: str = ORIGINAL
    quantity: int = 1
    optional: bool = False
    note: str = ""
    form: str = ""  # key of FORMS


@dataclass(frozen=True)
class Version:
    effective_from: dt.date
    processing_days: int
    result: str
    legal_basis: str
    documents: tuple[Doc, ...]
    effective_to: dt.date | None = None
    applicant_types: tuple[str, ...] = tuple(CITIZEN)
    processing_note: str = ""
    applies_cutoff: bool = True
    steps: str = HOTICH_STEPS
    conditions: str = ""
    online: str = OnlineLevel.NONE
    fee_kind: str = FeeKind.FREE
    fee_amount: int = 0
    fee_first_pages: int = 0
    fee_later_amount: int = 0
    fee_cap: int | None = None
    fee_note: str = ""
    fee_is_example: bool = False


@dataclass(frozen=True)
class Demo:
    code: str
    name: str
    field: str
    versions: tuple[Version, ...]
    level: str = ImplementingLevel.WARD
    local_code: str | None = None  # default: the HCMC copy of the national code
    code_is_example: bool = False


def example_fee(amount: int, note: str = "", kind: str = FeeKind.FIXED) -> dict:
    text = f"{note} {EXAMPLE}".strip()
    return {"fee_kind": kind, "fee_amount": amount, "fee_note": text, "fee_is_example": True}


ID_PAPERS = Doc(
    "Hộ chiếu, căn cước hoặc giấy tờ tùy thân khác có ảnh của người đi đăng ký",
    note="Xuất trình khi nộp trực tiếp; không phải nộp khi người yêu cầu đã được xác thực qua tài khoản định danh điện tử.",
)
MANDATE = Doc(
    "Văn bản ủy quyền được chứng thực",
    CERTIFIED,
    optional=True,
    note="Trường hợp ủy quyền cho người khác đi đăng ký; ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột không cần văn bản ủy quyền.",
)


def hotich(days, result, docs, *, online, since=TWO_TIER, **more) -> Version:
    return Version(
        effective_from=since,
        processing_days=days,
        result=result,
        legal_basis=more.pop("legal_basis", basis(LUAT_HO_TICH, ND_123, TT_04_2020)),
        documents=tuple(docs),
        online=online,
        **more,
    )


DEMO_PROCEDURES: tuple[Demo, ...] = (
    # --- Hộ tịch ---------------------------------------------------------------------------
    Demo(
        "1.001193",
        "Đăng ký khai sinh",
        "ho-tich",
        (
            hotich(
                0,
                "Giấy khai sinh (bản chính); bản sao Giấy khai sinh nếu người yêu cầu đề nghị",
                [
                    Doc("Tờ khai đăng ký khai sinh theo mẫu", form="to-khai-khai-sinh"),
                    Doc(
                        "Giấy chứng sinh",
                        note="Không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; không có người làm chứng thì nộp giấy cam đoan về việc sinh.",
                    ),
                    MANDATE,
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                since=HOTICH_LAW,
                effective_to=TWO_TIER - dt.timedelta(days=1),
                processing_note="Ngay trong ngày tiếp nhận hồ sơ.",
                fee_note="Miễn lệ phí đăng ký khai sinh đúng hạn (Luật Hộ tịch, Điều 11).",
            ),
            hotich(
                0,
                "Giấy khai sinh (bản chính, bản điện tử); bản sao Giấy khai sinh nếu người yêu cầu đề nghị",
                [
                    Doc("Tờ khai đăng ký khai sinh theo mẫu", form="to-khai-khai-sinh"),
                    Doc(
                        "Giấy chứng sinh",
                        note="Không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; không có người làm chứng thì nộp giấy cam đoan về việc sinh.",
                    ),
                    MANDATE,
                    ID_PAPERS,
                ],
                online=OnlineLevel.FULL,
                processing_note="Ngay trong ngày tiếp nhận hồ sơ; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.",
                fee_note="Miễn lệ phí đăng ký khai sinh đúng hạn (Luật Hộ tịch, Điều 11).",
            ),
        ),
    ),
    Demo(
        "1.000894",
        "Đăng ký kết hôn",
        "ho-tich",
        (
            hotich(
                0,
                "Giấy chứng nhận kết hôn (02 bản chính, mỗi bên vợ, chồng một bản)",
                [
                    Doc("Tờ khai đăng ký kết hôn theo mẫu", form="to-khai-ket-hon"),
                    Doc(
                        "Giấy xác nhận tình trạng hôn nhân",
                        optional=True,
                        note="Khi đăng ký kết hôn tại nơi không phải nơi thường trú của một bên.",
                    ),
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                processing_note="Ngay trong ngày; trường hợp cần xác minh thì không quá 05 ngày làm việc. Hai bên nam, nữ phải có mặt khi trao Giấy chứng nhận kết hôn.",
                conditions="Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi; việc kết hôn do nam và nữ tự nguyện quyết định; không bị mất năng lực hành vi dân sự; không thuộc trường hợp cấm kết hôn (Luật Hôn nhân và gia đình, Điều 8).",
                legal_basis=basis(LUAT_HO_TICH, LUAT_HNGD, ND_123, TT_04_2020),
                fee_note="Miễn lệ phí đăng ký kết hôn (Luật Hộ tịch, Điều 11).",
            ),
        ),
    ),
    Demo(
        "1.000656",
        "Đăng ký khai tử",
        "ho-tich",
        (
            hotich(
                0,
                "Trích lục khai tử (bản chính)",
                [
                    Doc("Tờ khai đăng ký khai tử theo mẫu", form="to-khai-khai-tu"),
                    Doc(
                        "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử",
                        note="Do cơ sở y tế, cơ quan công an, tòa án hoặc Ủy ban nhân dân cấp xã cấp tùy trường hợp.",
                    ),
                    MANDATE,
                    ID_PAPERS,
                ],
                online=OnlineLevel.FULL,
                processing_note="Ngay trong ngày; trường hợp cần xác minh thì không quá 03 ngày làm việc.",
                fee_note="Miễn lệ phí đăng ký khai tử đúng hạn (Luật Hộ tịch, Điều 11).",
            ),
        ),
    ),
    Demo(
        "1.004873",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        "ho-tich",
        (
            hotich(
                3,
                "Giấy xác nhận tình trạng hôn nhân (bản chính), có giá trị 06 tháng kể từ ngày cấp",
                [
                    Doc(
                        "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu",
                        form="to-khai-xac-nhan-hon-nhan",
                    ),
                    Doc(
                        "Giấy tờ chứng minh việc đã ly hôn hoặc người kia đã chết",
                        CERTIFIED,
                        optional=True,
                        note="Trường hợp người yêu cầu đã có vợ, chồng nhưng đã ly hôn hoặc người kia đã chết.",
                    ),
                    MANDATE,
                    ID_PAPERS,
                ],
                online=OnlineLevel.FULL,
                legal_basis=basis(LUAT_HO_TICH, ND_123, TT_04_2020, TT_85_2019, NQ_HCMC_FEES),
                **example_fee(3000, "Lệ phí theo Nghị quyết của HĐND Thành phố;"),
            ),
        ),
    ),
    Demo(
        "1.004746",
        "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
        "ho-tich",
        (
            hotich(
                3,
                "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch (bản chính)",
                [
                    Doc(
                        "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu",
                        form="to-khai-cai-chinh",
                    ),
                    Doc("Bản chính giấy tờ hộ tịch cần thay đổi, cải chính, bổ sung"),
                    Doc(
                        "Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung",
                        CERTIFIED,
                        note="Ví dụ: giấy tờ tùy thân, học bạ, văn bằng có thông tin đúng.",
                    ),
                    MANDATE,
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                processing_note="Trường hợp cần xác minh thì kéo dài thêm không quá 03 ngày làm việc.",
                legal_basis=basis(LUAT_HO_TICH, ND_123, TT_04_2020, TT_85_2019, NQ_HCMC_FEES),
                **example_fee(15000, "Lệ phí theo Nghị quyết của HĐND Thành phố;"),
            ),
        ),
    ),
    Demo(
        "2.000635",
        "Cấp bản sao Trích lục hộ tịch",
        "ho-tich",
        (
            hotich(
                0,
                "Bản sao Trích lục hộ tịch",
                [
                    Doc("Tờ khai cấp bản sao Trích lục hộ tịch theo mẫu", form="to-khai-trich-luc"),
                    MANDATE,
                    ID_PAPERS,
                ],
                online=OnlineLevel.FULL,
                processing_note="Ngay trong ngày tiếp nhận yêu cầu.",
                legal_basis=basis(
                    LUAT_HO_TICH, ND_123, TT_04_2020, "Thông tư số 281/2016/TT-BTC của Bộ Tài chính"
                ),
                **example_fee(8000, "Phí cấp bản sao trích lục mỗi bản;", FeeKind.PER_COPY),
            ),
        ),
    ),
    Demo(
        "1.001022",
        "Đăng ký nhận cha, mẹ, con",
        "ho-tich",
        (
            hotich(
                3,
                "Trích lục đăng ký nhận cha, mẹ, con (bản chính)",
                [
                    Doc(
                        "Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", form="to-khai-nhan-cha-me-con"
                    ),
                    Doc(
                        "Văn bản xác nhận quan hệ cha, mẹ, con hoặc chứng cứ chứng minh quan hệ",
                        EITHER,
                        note="Văn bản của cơ quan y tế, giám định (ADN) hoặc thư từ, ảnh, tài liệu chứng minh; không có thì cam đoan và có ít nhất hai người làm chứng.",
                    ),
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                processing_note="Trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc. Các bên phải có mặt khi đăng ký.",
                legal_basis=basis(LUAT_HO_TICH, ND_123, TT_04_2020, TT_85_2019, NQ_HCMC_FEES),
                **example_fee(15000, "Lệ phí theo Nghị quyết của HĐND Thành phố;"),
            ),
        ),
    ),
    Demo(
        "1.004837",
        "Đăng ký giám hộ",
        "ho-tich",
        (
            hotich(
                3,
                "Trích lục đăng ký giám hộ (bản chính)",
                [
                    Doc("Tờ khai đăng ký giám hộ theo mẫu", form="to-khai-giam-ho"),
                    Doc(
                        "Văn bản cử người giám hộ hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên",
                        CERTIFIED,
                    ),
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                **example_fee(15000, "Lệ phí theo Nghị quyết của HĐND Thành phố;"),
            ),
        ),
    ),
    Demo(
        "1.004845",
        "Đăng ký chấm dứt giám hộ",
        "ho-tich",
        (
            hotich(
                2,
                "Trích lục đăng ký chấm dứt giám hộ (bản chính)",
                [
                    Doc("Tờ khai đăng ký chấm dứt giám hộ theo mẫu"),
                    Doc("Giấy tờ làm căn cứ chấm dứt việc giám hộ", CERTIFIED),
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                **example_fee(15000, "Lệ phí theo Nghị quyết của HĐND Thành phố;"),
            ),
        ),
        code_is_example=True,
    ),
    Demo(
        "1.004884",
        "Đăng ký lại khai sinh",
        "ho-tich",
        (
            hotich(
                5,
                'Giấy khai sinh (bản chính) có ghi "Đăng ký lại"',
                [
                    Doc("Tờ khai đăng ký lại khai sinh theo mẫu"),
                    Doc(
                        "Bản sao Giấy khai sinh trước đây hoặc giấy tờ, tài liệu có thông tin về nội dung khai sinh",
                        EITHER,
                        note="Ví dụ: căn cước, hộ chiếu, học bạ, văn bằng, hồ sơ cán bộ, công chức.",
                    ),
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                processing_note="Trường hợp phải xác minh thì kéo dài thêm không quá 05 ngày làm việc.",
                conditions="Việc khai sinh đã được đăng ký tại cơ quan có thẩm quyền của Việt Nam trước ngày 01/01/2016 nhưng Sổ hộ tịch và bản chính giấy tờ hộ tịch đều bị mất.",
                **example_fee(15000, "Lệ phí theo Nghị quyết của HĐND Thành phố;"),
            ),
        ),
        code_is_example=True,
    ),
    Demo(
        "1.000689",
        "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
        "ho-tich",
        (
            hotich(
                3,
                "Giấy khai sinh (bản chính) và Trích lục đăng ký nhận cha, mẹ, con",
                [
                    Doc("Tờ khai đăng ký khai sinh theo mẫu", form="to-khai-khai-sinh"),
                    Doc(
                        "Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", form="to-khai-nhan-cha-me-con"
                    ),
                    Doc("Giấy chứng sinh"),
                    Doc("Chứng cứ chứng minh quan hệ cha, mẹ, con", EITHER),
                    ID_PAPERS,
                ],
                online=OnlineLevel.PARTIAL,
                fee_note="Miễn lệ phí đăng ký khai sinh; lệ phí nhận cha, mẹ, con theo Nghị quyết của HĐND Thành phố (ví dụ).",
                fee_kind=FeeKind.FIXED,
                fee_amount=15000,
                fee_is_example=True,
            ),
        ),
        code_is_example=True,
    ),
    # --- Chứng thực --------------------------------------------------------------------------
    Demo(
        "2.000815",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
        "chung-thuc",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=0,
                processing_note="Trong ngày tiếp nhận yêu cầu; yêu cầu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.",
                result="Bản sao được chứng thực từ bản chính",
                legal_basis=basis(ND_23, TT_01_2020_BTP, TT_226),
                steps=CERTIFY_STEPS,
                documents=(
                    Doc("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"),
                    Doc(
                        "Bản sao cần chứng thực",
                        COPY,
                        optional=True,
                        note="Trường hợp người yêu cầu tự chuẩn bị bản chụp; nếu không, cơ quan chứng thực chụp từ bản chính.",
                    ),
                ),
                applicant_types=tuple(BOTH),
                online=OnlineLevel.PARTIAL,
                fee_kind=FeeKind.PER_PAGE,
                fee_amount=2000,
                fee_first_pages=2,
                fee_later_amount=1000,
                fee_cap=200000,
                fee_note="Mức thu tính cho mỗi bản sao.",
            ),
        ),
    ),
    Demo(
        "2.000884",
        "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cả trường hợp chứng thực điểm chỉ)",
        "chung-thuc",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=0,
                processing_note="Trong ngày tiếp nhận yêu cầu; yêu cầu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.",
                result="Giấy tờ, văn bản đã được chứng thực chữ ký",
                legal_basis=basis(ND_23, TT_01_2020_BTP, TT_226),
                steps=CERTIFY_STEPS,
                documents=(
                    Doc(
                        "Giấy tờ tùy thân còn giá trị sử dụng của người yêu cầu chứng thực", EITHER
                    ),
                    Doc("Giấy tờ, văn bản mà mình sẽ ký"),
                ),
                conditions="Người yêu cầu chứng thực phải ký trước mặt người thực hiện chứng thực.",
                online=OnlineLevel.NONE,
                fee_kind=FeeKind.FIXED,
                fee_amount=10000,
                fee_note="Mức thu cho mỗi trường hợp (một hoặc nhiều chữ ký trong một giấy tờ).",
            ),
        ),
    ),
    Demo(
        "2.001035",
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
        "chung-thuc",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=2,
                processing_note="Trong ngày hoặc ngày làm việc tiếp theo; hợp đồng phức tạp thì không quá 02 ngày làm việc.",
                result="Hợp đồng, giao dịch đã được chứng thực",
                legal_basis=basis(ND_23, TT_01_2020_BTP, TT_226),
                steps=CERTIFY_STEPS,
                documents=(
                    Doc(
                        "Phiếu yêu cầu chứng thực hợp đồng, giao dịch",
                        form="phieu-yeu-cau-chung-thuc",
                    ),
                    Doc("Dự thảo hợp đồng, giao dịch"),
                    Doc("Bản sao giấy tờ tùy thân của người yêu cầu chứng thực", COPY),
                    Doc(
                        "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng hoặc giấy tờ thay thế",
                        COPY,
                        note="Kèm bản chính để đối chiếu.",
                    ),
                ),
                applicant_types=tuple(BOTH),
                online=OnlineLevel.NONE,
                **example_fee(50000, "Mức thu mỗi hợp đồng, giao dịch;"),
            ),
        ),
    ),
    Demo(
        "2.001019",
        "Chứng thực di chúc",
        "chung-thuc",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=2,
                result="Di chúc đã được chứng thực",
                legal_basis=basis(ND_23, TT_01_2020_BTP, TT_226),
                steps=CERTIFY_STEPS,
                documents=(
                    Doc("Phiếu yêu cầu chứng thực", form="phieu-yeu-cau-chung-thuc"),
                    Doc("Dự thảo di chúc"),
                    Doc("Bản sao giấy tờ tùy thân của người lập di chúc", COPY),
                ),
                conditions="Người lập di chúc phải tự mình yêu cầu chứng thực, không ủy quyền cho người khác.",
                online=OnlineLevel.NONE,
                **example_fee(50000, "Mức thu mỗi di chúc;"),
            ),
        ),
        code_is_example=True,
    ),
    Demo(
        "2.001016",
        "Chứng thực văn bản thỏa thuận phân chia di sản",
        "chung-thuc",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=2,
                processing_note="Không tính thời gian niêm yết 15 ngày tại trụ sở Ủy ban nhân dân phường.",
                result="Văn bản thỏa thuận phân chia di sản đã được chứng thực",
                legal_basis=basis(ND_23, TT_01_2020_BTP, TT_226),
                steps=CERTIFY_STEPS,
                documents=(
                    Doc("Phiếu yêu cầu chứng thực", form="phieu-yeu-cau-chung-thuc"),
                    Doc("Dự thảo văn bản thỏa thuận phân chia di sản"),
                    Doc("Bản sao giấy tờ tùy thân của người yêu cầu chứng thực", COPY),
                    Doc(
                        "Bản sao giấy chứng tử hoặc trích lục khai tử của người để lại di sản", COPY
                    ),
                ),
                online=OnlineLevel.NONE,
                **example_fee(50000, "Mức thu mỗi văn bản;"),
            ),
        ),
        code_is_example=True,
    ),
    Demo(
        "2.001050",
        "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch",
        "chung-thuc",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=2,
                result="Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch đã được chứng thực",
                legal_basis=basis(ND_23, TT_01_2020_BTP, TT_226),
                steps=CERTIFY_STEPS,
                documents=(
                    Doc("Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"),
                    Doc("Bản sao giấy tờ tùy thân của người yêu cầu chứng thực", COPY),
                ),
                applicant_types=tuple(BOTH),
                online=OnlineLevel.NONE,
                **example_fee(30000, "Mức thu mỗi văn bản;"),
            ),
        ),
        code_is_example=True,
    ),
    # --- Nuôi con nuôi -------------------------------------------------------------------------
    Demo(
        "1.003005",
        "Đăng ký việc nuôi con nuôi trong nước",
        "nuoi-con-nuoi",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=30,
                processing_note="Luật Nuôi con nuôi quy định 30 ngày kể từ ngày nhận đủ hồ sơ; số ngày làm việc chưa được đối chiếu (ví dụ).",
                result="Giấy chứng nhận nuôi con nuôi",
                legal_basis=basis(LUAT_NUOI_CON_NUOI, ND_19_2011),
                documents=(
                    Doc("Đơn xin nhận con nuôi theo mẫu"),
                    Doc(
                        "Bản sao hộ chiếu, căn cước hoặc giấy tờ tùy thân của người nhận con nuôi",
                        COPY,
                    ),
                    Doc("Phiếu lý lịch tư pháp của người nhận con nuôi"),
                    Doc("Văn bản xác nhận tình trạng hôn nhân của người nhận con nuôi"),
                    Doc("Giấy khám sức khỏe do cơ quan y tế cấp huyện trở lên cấp"),
                    Doc("Giấy khai sinh của người được nhận làm con nuôi", COPY),
                    Doc(
                        "Hai ảnh toàn thân, nhìn thẳng của trẻ em, chụp không quá 06 tháng",
                        quantity=2,
                    ),
                ),
                online=OnlineLevel.NONE,
                applies_cutoff=False,
                **example_fee(400000, "Lệ phí đăng ký nuôi con nuôi trong nước;"),
            ),
        ),
        code_is_example=True,
    ),
    # --- Hộ kinh doanh -------------------------------------------------------------------------
    Demo(
        "1.001612",
        "Đăng ký thành lập hộ kinh doanh",
        "ho-kinh-doanh",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=3,
                result="Giấy chứng nhận đăng ký hộ kinh doanh",
                legal_basis=basis(ND_01_2021, TT_01_2021_BKHDT, TT_85_2019, NQ_HCMC_FEES),
                steps=BUSINESS_STEPS,
                documents=(
                    Doc("Giấy đề nghị đăng ký hộ kinh doanh", form="giay-de-nghi-ho-kinh-doanh"),
                    Doc(
                        "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh",
                        COPY,
                        optional=True,
                        note="Trường hợp các thành viên hộ gia đình đăng ký hộ kinh doanh.",
                    ),
                    Doc(
                        "Văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh",
                        COPY,
                        optional=True,
                    ),
                ),
                online=OnlineLevel.FULL,
                **example_fee(100000, "Lệ phí đăng ký hộ kinh doanh;"),
            ),
        ),
    ),
    Demo(
        "2.000720",
        "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
        "ho-kinh-doanh",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=3,
                result="Giấy chứng nhận đăng ký hộ kinh doanh (cấp mới theo nội dung thay đổi)",
                legal_basis=basis(ND_01_2021, TT_01_2021_BKHDT, TT_85_2019, NQ_HCMC_FEES),
                steps=BUSINESS_STEPS,
                documents=(
                    Doc("Thông báo thay đổi nội dung đăng ký hộ kinh doanh"),
                    Doc(
                        "Biên bản họp thành viên hộ gia đình về việc thay đổi",
                        COPY,
                        optional=True,
                    ),
                ),
                online=OnlineLevel.FULL,
                **example_fee(50000, "Lệ phí đăng ký thay đổi;"),
            ),
        ),
    ),
    Demo(
        "1.001570",
        "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh",
        "ho-kinh-doanh",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=3,
                processing_note="Thời hạn chưa được đối chiếu (ví dụ).",
                result="Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh",
                legal_basis=basis(ND_01_2021, TT_01_2021_BKHDT),
                steps=BUSINESS_STEPS,
                documents=(
                    Doc(
                        "Thông báo về việc tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn"
                    ),
                ),
                online=OnlineLevel.FULL,
                fee_note="Không thu lệ phí.",
            ),
        ),
    ),
    Demo(
        "1.001266",
        "Chấm dứt hoạt động hộ kinh doanh",
        "ho-kinh-doanh",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=3,
                processing_note="Thời hạn chưa được đối chiếu (ví dụ).",
                result="Thông báo về việc chấm dứt hoạt động hộ kinh doanh",
                legal_basis=basis(ND_01_2021, TT_01_2021_BKHDT),
                steps=BUSINESS_STEPS,
                documents=(
                    Doc("Thông báo về việc chấm dứt hoạt động hộ kinh doanh"),
                    Doc("Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế", COPY),
                    Doc("Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh"),
                ),
                online=OnlineLevel.FULL,
                fee_note="Không thu lệ phí.",
            ),
        ),
    ),
    # --- Xây dựng ------------------------------------------------------------------------------
    Demo(
        "1.009994",
        "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        "xay-dung",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=15,
                processing_note="Luật Xây dựng: không quá 15 ngày đối với nhà ở riêng lẻ.",
                result="Giấy phép xây dựng",
                legal_basis=basis(LUAT_XAY_DUNG, ND_15_2021, TT_85_2019, NQ_HCMC_FEES),
                steps=steps(
                    "Phòng Kinh tế, Hạ tầng và Đô thị thẩm định hồ sơ, kiểm tra thực địa (nếu cần) và trình Chủ tịch Ủy ban nhân dân phường cấp giấy phép.",
                ),
                documents=(
                    Doc(
                        "Đơn đề nghị cấp giấy phép xây dựng theo mẫu", form="don-giay-phep-xay-dung"
                    ),
                    Doc("Bản sao giấy tờ chứng minh quyền sử dụng đất", CERTIFIED),
                    Doc(
                        "Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)",
                        quantity=2,
                    ),
                    Doc(
                        "Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế",
                        optional=True,
                        note="Trường hợp công trình chưa được thẩm định thiết kế.",
                    ),
                ),
                online=OnlineLevel.PARTIAL,
                applies_cutoff=False,
                **example_fee(75000, "Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ;"),
            ),
        ),
        code_is_example=True,
    ),
    # --- Đất đai -------------------------------------------------------------------------------
    Demo(
        "1.012790",
        "Hòa giải tranh chấp đất đai",
        "dat-dai",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=30,
                processing_note="Luật Đất đai 2024: không quá 30 ngày kể từ ngày nhận được đơn; số ngày làm việc chưa được đối chiếu (ví dụ).",
                result="Biên bản hòa giải thành hoặc hòa giải không thành",
                legal_basis=basis(LUAT_DAT_DAI, ND_102_2024),
                steps=steps(
                    "Chủ tịch Ủy ban nhân dân phường thành lập Hội đồng hòa giải; Hội đồng thẩm tra, thu thập tài liệu và tổ chức họp hòa giải có mặt các bên.",
                ),
                documents=(
                    Doc("Đơn đề nghị hòa giải tranh chấp đất đai"),
                    Doc("Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp", COPY, optional=True),
                ),
                applicant_types=tuple(BOTH),
                online=OnlineLevel.NONE,
                applies_cutoff=False,
                fee_note="Không thu phí.",
            ),
        ),
        code_is_example=True,
    ),
    # --- Bảo trợ xã hội ------------------------------------------------------------------------
    Demo(
        "1.001776",
        "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
        "bao-tro-xa-hoi",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=20,
                processing_note="Gồm thời gian xét duyệt và niêm yết công khai; thời hạn chưa được đối chiếu (ví dụ).",
                result="Quyết định trợ cấp xã hội hằng tháng",
                legal_basis=basis(ND_20_2021),
                steps=SOCIAL_STEPS,
                documents=(
                    Doc("Tờ khai đề nghị trợ giúp xã hội theo mẫu", form="to-khai-tro-giup-xa-hoi"),
                    Doc(
                        "Giấy xác nhận khuyết tật",
                        COPY,
                        optional=True,
                        note="Đối với người khuyết tật.",
                    ),
                    Doc("Giấy khai sinh của trẻ em", COPY, optional=True, note="Đối với trẻ em."),
                ),
                online=OnlineLevel.PARTIAL,
                applies_cutoff=False,
                fee_note="Không thu phí.",
            ),
        ),
    ),
    Demo(
        "1.001731",
        "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
        "bao-tro-xa-hoi",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=3,
                result="Quyết định hỗ trợ chi phí mai táng",
                legal_basis=basis(ND_20_2021),
                steps=SOCIAL_STEPS,
                documents=(
                    Doc(
                        "Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu", form="to-khai-mai-tang"
                    ),
                    Doc("Giấy báo tử hoặc Trích lục khai tử", COPY),
                ),
                online=OnlineLevel.PARTIAL,
                applies_cutoff=False,
                fee_note="Không thu phí.",
            ),
        ),
    ),
    # --- Giảm nghèo ----------------------------------------------------------------------------
    Demo(
        "1.010825",
        "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm",
        "giam-ngheo",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=7,
                processing_note="Thời hạn chưa được đối chiếu (ví dụ).",
                result="Quyết định công nhận hộ nghèo, hộ cận nghèo và Giấy chứng nhận hộ nghèo, hộ cận nghèo",
                legal_basis=basis(ND_07_2021, QD_24_2021),
                steps=SOCIAL_STEPS,
                documents=(
                    Doc(
                        "Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo",
                        form="giay-de-nghi-ho-ngheo",
                    ),
                ),
                online=OnlineLevel.NONE,
                applies_cutoff=False,
                fee_note="Không thu phí.",
            ),
        ),
        code_is_example=True,
    ),
    Demo(
        "1.010826",
        "Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm",
        "giam-ngheo",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=7,
                processing_note="Thời hạn chưa được đối chiếu (ví dụ).",
                result="Quyết định công nhận hộ thoát nghèo, hộ thoát cận nghèo",
                legal_basis=basis(ND_07_2021, QD_24_2021),
                steps=SOCIAL_STEPS,
                documents=(Doc("Giấy đề nghị công nhận hộ thoát nghèo, hộ thoát cận nghèo"),),
                online=OnlineLevel.NONE,
                applies_cutoff=False,
                fee_note="Không thu phí.",
            ),
        ),
        code_is_example=True,
    ),
    # --- Hòa giải ở cơ sở -----------------------------------------------------------------------
    Demo(
        "2.000930",
        "Công nhận hòa giải viên",
        "hoa-giai-co-so",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=3,
                processing_note="Thời hạn chưa được đối chiếu (ví dụ).",
                result="Quyết định công nhận hòa giải viên",
                legal_basis=basis(LUAT_HOA_GIAI, ND_15_2014),
                steps=steps(
                    "Chủ tịch Ủy ban nhân dân phường xem xét kết quả bầu hòa giải viên và ra quyết định công nhận."
                ),
                documents=(
                    Doc(
                        "Văn bản đề nghị công nhận hòa giải viên của Trưởng ban công tác Mặt trận ở khu phố"
                    ),
                ),
                applicant_types=(ApplicantType.ORGANISATION,),
                online=OnlineLevel.NONE,
                applies_cutoff=False,
                fee_note="Không thu phí.",
            ),
        ),
        code_is_example=True,
    ),
    # --- Cư trú: Công an phường giải quyết -------------------------------------------------------
    Demo(
        "1.004194",
        "Đăng ký thường trú (do Công an phường giải quyết)",
        "cu-tru",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=7,
                result="Thông tin thường trú được cập nhật vào Cơ sở dữ liệu về cư trú",
                legal_basis=basis(LUAT_CU_TRU, ND_62_2021),
                steps="Người đăng ký nộp hồ sơ tại Công an phường hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng VNeID.\nCông an phường kiểm tra, cập nhật thông tin vào Cơ sở dữ liệu về cư trú và thông báo kết quả.",
                conditions="Thủ tục do Công an phường tiếp nhận và giải quyết; Bộ phận Một cửa của Ủy ban nhân dân phường không tiếp nhận hồ sơ này. Nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.",
                documents=(
                    Doc("Tờ khai thay đổi thông tin cư trú (CT01)"),
                    Doc("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", COPY),
                ),
                online=OnlineLevel.NONE,
                **example_fee(20000, "Lệ phí đăng ký cư trú, nộp trực tuyến được giảm;"),
            ),
        ),
        code_is_example=True,
    ),
    Demo(
        "1.004222",
        "Đăng ký tạm trú (do Công an phường giải quyết)",
        "cu-tru",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=3,
                result="Thông tin tạm trú được cập nhật vào Cơ sở dữ liệu về cư trú",
                legal_basis=basis(LUAT_CU_TRU, ND_62_2021),
                steps="Người đăng ký nộp hồ sơ tại Công an phường hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng VNeID.\nCông an phường kiểm tra, cập nhật thông tin vào Cơ sở dữ liệu về cư trú và thông báo kết quả.",
                conditions="Thủ tục do Công an phường tiếp nhận và giải quyết; Bộ phận Một cửa của Ủy ban nhân dân phường không tiếp nhận hồ sơ này. Nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.",
                documents=(
                    Doc("Tờ khai thay đổi thông tin cư trú (CT01)"),
                    Doc("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", COPY),
                ),
                online=OnlineLevel.NONE,
                **example_fee(15000, "Lệ phí đăng ký cư trú, nộp trực tuyến được giảm;"),
            ),
        ),
        code_is_example=True,
    ),
    # --- Cấp thành phố ----------------------------------------------------------------------------
    Demo(
        "2.000488",
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        "ly-lich-tu-phap",
        (
            Version(
                effective_from=TWO_TIER,
                processing_days=10,
                processing_note="Không quá 10 ngày; trường hợp phải xác minh thì không quá 15 ngày.",
                result="Phiếu lý lịch tư pháp",
                legal_basis=basis(LUAT_LLTP, TT_244),
                steps="Người yêu cầu nộp hồ sơ tại Sở Tư pháp, Trung tâm Phục vụ hành chính công Thành phố, trực tuyến trên Cổng Dịch vụ công hoặc ứng dụng VNeID.\nSở Tư pháp tra cứu, xác minh thông tin lý lịch tư pháp và cấp Phiếu.\nTrả kết quả trực tiếp, qua bưu chính hoặc bản điện tử.",
                documents=(
                    Doc("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"),
                    Doc("Bản chụp giấy tờ tùy thân của người được cấp Phiếu", COPY),
                ),
                online=OnlineLevel.FULL,
                fee_kind=FeeKind.FIXED,
                fee_amount=200000,
                fee_note="Sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng; một số đối tượng được miễn.",
            ),
        ),
        level=ImplementingLevel.PROVINCE,
        code_is_example=True,
    ),
)


# --- Forms to download ----------------------------------------------------------------------------

PLEDGE = "Tôi cam đoan nội dung đề nghị trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình."
REQUESTER = (
    "Người yêu cầu",
    [
        "Họ, chữ đệm, tên",
        "Nơi cư trú",
        "Giấy tờ tùy thân (loại, số, ngày cấp, nơi cấp)",
        "Quan hệ với người được đăng ký",
    ],
)
PERSON = [
    "Họ, chữ đệm, tên",
    "Ngày, tháng, năm sinh (ghi bằng số và bằng chữ)",
    "Giới tính",
    "Dân tộc",
    "Quốc tịch",
    "Nơi cư trú",
    "Số định danh cá nhân",
]
UBND = "Ủy ban nhân dân phường ........................................"
BASIS_HOTICH = "Thông tư số 04/2020/TT-BTP (đã được sửa đổi, bổ sung)"

FORMS: dict[str, dict] = {
    "to-khai-khai-sinh": {
        "title": "Tờ khai đăng ký khai sinh",
        "sections": [
            REQUESTER,
            (
                "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây",
                [
                    "Họ, chữ đệm, tên",
                    "Ngày, tháng, năm sinh (ghi bằng số và bằng chữ)",
                    "Giới tính",
                    "Dân tộc",
                    "Quốc tịch",
                    "Nơi sinh",
                    "Quê quán",
                ],
            ),
            (
                "Thông tin về người mẹ",
                ["Họ, chữ đệm, tên", "Năm sinh", "Dân tộc", "Quốc tịch", "Nơi cư trú"],
            ),
            (
                "Thông tin về người cha",
                ["Họ, chữ đệm, tên", "Năm sinh", "Dân tộc", "Quốc tịch", "Nơi cư trú"],
            ),
        ],
    },
    "to-khai-ket-hon": {
        "title": "Tờ khai đăng ký kết hôn",
        "sections": [
            ("Bên nữ", [*PERSON, "Kết hôn lần thứ mấy"]),
            ("Bên nam", [*PERSON, "Kết hôn lần thứ mấy"]),
        ],
        "pledge": "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam.",
        "signer": "Bên nữ                                        Bên nam",
    },
    "to-khai-khai-tu": {
        "title": "Tờ khai đăng ký khai tử",
        "sections": [
            REQUESTER,
            (
                "Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây",
                [
                    *PERSON,
                    "Đã chết vào lúc (giờ, phút, ngày, tháng, năm)",
                    "Nơi chết",
                    "Nguyên nhân chết",
                ],
            ),
            ("Giấy báo tử / giấy tờ thay thế", ["Số", "Ngày cấp", "Cơ quan cấp"]),
        ],
    },
    "to-khai-xac-nhan-hon-nhan": {
        "title": "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
        "sections": [
            REQUESTER,
            (
                "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây",
                [
                    *PERSON,
                    "Thời gian cư trú tại nơi đề nghị xác nhận",
                    "Tình trạng hôn nhân",
                    "Mục đích sử dụng Giấy xác nhận",
                ],
            ),
        ],
    },
    "to-khai-cai-chinh": {
        "title": "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
        "sections": [
            REQUESTER,
            (
                "Đề nghị đăng ký thay đổi, cải chính, bổ sung cho người có tên dưới đây",
                [
                    *PERSON,
                    "Đã đăng ký tại (cơ quan), ngày đăng ký, số",
                    "Nội dung đề nghị",
                    "Lý do",
                ],
            ),
        ],
    },
    "to-khai-trich-luc": {
        "title": "Tờ khai cấp bản sao Trích lục hộ tịch",
        "sections": [
            REQUESTER,
            (
                "Đề nghị cấp bản sao Trích lục hộ tịch",
                [
                    "Loại việc hộ tịch (khai sinh, kết hôn, khai tử...)",
                    "Họ, chữ đệm, tên người được cấp",
                    "Ngày đăng ký, số đăng ký",
                    "Số lượng bản sao đề nghị cấp",
                ],
            ),
        ],
    },
    "to-khai-nhan-cha-me-con": {
        "title": "Tờ khai đăng ký nhận cha, mẹ, con",
        "sections": [
            ("Người nhận", PERSON),
            ("Người được nhận là cha, mẹ, con", PERSON),
        ],
    },
    "to-khai-giam-ho": {
        "title": "Tờ khai đăng ký giám hộ",
        "sections": [
            ("Người giám hộ", PERSON),
            ("Người được giám hộ", PERSON),
            (
                "Căn cứ",
                ["Loại giám hộ (cử / đương nhiên)", "Văn bản cử người giám hộ (số, ngày, cơ quan)"],
            ),
        ],
    },
    "phieu-yeu-cau-chung-thuc": {
        "title": "Phiếu yêu cầu chứng thực hợp đồng, giao dịch",
        "basis": "Thông tư số 01/2020/TT-BTP",
        "sections": [
            (
                "Người yêu cầu chứng thực",
                [
                    "Họ, chữ đệm, tên",
                    "Địa chỉ liên hệ",
                    "Số điện thoại",
                    "Giấy tờ tùy thân (loại, số)",
                ],
            ),
            (
                "Yêu cầu",
                [
                    "Hợp đồng, giao dịch cần chứng thực",
                    "Các giấy tờ nộp kèm theo",
                    "Số bản chứng thực",
                ],
            ),
        ],
    },
    "giay-de-nghi-ho-kinh-doanh": {
        "title": "Giấy đề nghị đăng ký hộ kinh doanh",
        "addressee": "Phòng Kinh tế, Hạ tầng và Đô thị phường ........................",
        "basis": "Thông tư số 01/2021/TT-BKHĐT (đã được sửa đổi, bổ sung)",
        "sections": [
            ("Chủ hộ kinh doanh", [*PERSON, "Điện thoại", "Thư điện tử"]),
            (
                "Hộ kinh doanh",
                [
                    "Tên hộ kinh doanh",
                    "Địa chỉ trụ sở",
                    "Ngành, nghề kinh doanh",
                    "Vốn kinh doanh (đồng)",
                    "Số lượng lao động",
                ],
            ),
        ],
        "signer": "Chủ hộ kinh doanh",
    },
    "don-giay-phep-xay-dung": {
        "title": "Đơn đề nghị cấp giấy phép xây dựng (nhà ở riêng lẻ)",
        "basis": "Nghị định số 15/2021/NĐ-CP",
        "sections": [
            ("Chủ đầu tư", ["Họ, chữ đệm, tên", "Địa chỉ liên hệ", "Số điện thoại"]),
            (
                "Địa điểm xây dựng",
                [
                    "Lô đất số, diện tích (m²)",
                    "Tại (số nhà, đường, khu phố, phường)",
                    "Nguồn gốc đất",
                ],
            ),
            (
                "Nội dung đề nghị",
                [
                    "Loại công trình, cấp công trình",
                    "Diện tích xây dựng tầng 1 (m²)",
                    "Tổng diện tích sàn (m²)",
                    "Chiều cao công trình (m)",
                    "Số tầng",
                ],
            ),
            (
                "Đơn vị thiết kế",
                ["Tên đơn vị / chủ nhiệm thiết kế", "Chứng chỉ hành nghề (số, ngày cấp)"],
            ),
        ],
        "pledge": "Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin hoàn toàn chịu trách nhiệm và bị xử lý theo quy định của pháp luật.",
        "signer": "Người làm đơn",
    },
    "to-khai-tro-giup-xa-hoi": {
        "title": "Tờ khai đề nghị trợ giúp xã hội",
        "basis": "Nghị định số 20/2021/NĐ-CP",
        "sections": [
            (
                "Thông tin của đối tượng",
                [
                    *PERSON,
                    "Dạng khuyết tật, mức độ khuyết tật (nếu có)",
                    "Đang hưởng chế độ nào (nếu có)",
                ],
            ),
            (
                "Thông tin của người nuôi dưỡng, chăm sóc (nếu có)",
                ["Họ, chữ đệm, tên", "Quan hệ với đối tượng", "Nơi cư trú"],
            ),
        ],
    },
    "to-khai-mai-tang": {
        "title": "Tờ khai đề nghị hỗ trợ chi phí mai táng",
        "basis": "Nghị định số 20/2021/NĐ-CP",
        "sections": [
            (
                "Thông tin người chết được hỗ trợ chi phí mai táng",
                [
                    "Họ, chữ đệm, tên",
                    "Ngày, tháng, năm sinh",
                    "Nơi cư trú",
                    "Ngày, tháng, năm chết",
                    "Thuộc đối tượng",
                ],
            ),
            (
                "Cơ quan, tổ chức, cá nhân đứng ra tổ chức mai táng",
                ["Họ, chữ đệm, tên / tên cơ quan", "Địa chỉ", "Quan hệ với người chết"],
            ),
        ],
    },
    "giay-de-nghi-ho-ngheo": {
        "title": "Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo",
        "basis": "Quyết định số 24/2021/QĐ-TTg",
        "sections": [
            (
                "Chủ hộ",
                ["Họ, chữ đệm, tên", "Ngày, tháng, năm sinh", "Nơi cư trú", "Số định danh cá nhân"],
            ),
            (
                "Đề nghị",
                [
                    "Lý do đề nghị",
                    "Số nhân khẩu trong hộ",
                    "Thu nhập bình quân đầu người/tháng (đồng)",
                ],
            ),
        ],
        "signer": "Người viết giấy đề nghị",
    },
}


def _form_file(key: str, log) -> str:
    """The stored name of form ``key``, rendering it the first time."""
    path = f"{FORM_FOLDER}{key}.pdf"
    if default_storage.exists(path):
        return path
    spec = {
        "addressee": UBND,
        "basis": BASIS_HOTICH,
        "pledge": PLEDGE,
        "signer": "Người yêu cầu",
        **FORMS[key],
    }
    log(f"  form {key}.pdf")
    return default_storage.save(
        path, ContentFile(render_pdf("procedures/pdf/form.html", {"form": spec}))
    )


def _version_fields(version: Version) -> dict:
    return {
        "effective_to": version.effective_to,
        "applicant_types": list(version.applicant_types),
        "processing_days": version.processing_days,
        "processing_note": version.processing_note,
        "applies_cutoff": version.applies_cutoff,
        "steps": version.steps,
        "conditions": version.conditions,
        "result": version.result,
        "legal_basis": version.legal_basis,
        "online_level": version.online,
        "legacy_level": {OnlineLevel.FULL: 4, OnlineLevel.PARTIAL: 3}.get(version.online, 2),
        "fee_kind": version.fee_kind,
        "fee_amount": Decimal(version.fee_amount),
        "fee_first_pages": version.fee_first_pages,
        "fee_later_amount": Decimal(version.fee_later_amount),
        "fee_cap": Decimal(version.fee_cap) if version.fee_cap is not None else None,
        "fee_note": version.fee_note,
        "fee_is_example": version.fee_is_example,
    }


@transaction.atomic
def seed(log=print, *, with_forms: bool = True) -> None:
    fields = {}
    for code, name, order in FIELDS:
        fields[code], _created = ProcedureField.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": order}
        )
    forms: dict[str, str] = {}
    created = 0
    for demo in DEMO_PROCEDURES:
        procedure, is_new = Procedure.objects.get_or_create(
            code=demo.code,
            defaults={
                "name": demo.name,
                "slug": slugify_vi(demo.name)[:200].strip("-"),
                "field": fields[demo.field],
                "level": demo.level,
                "local_code": demo.local_code
                if demo.local_code is not None
                else f"{demo.code}.000.00.00.H29",
            },
        )
        created += is_new
        for version in demo.versions:
            row, new_version = ProcedureVersion.objects.get_or_create(
                procedure=procedure,
                effective_from=version.effective_from,
                defaults=_version_fields(version),
            )
            if not new_version:
                continue  # dossiers may refer to its documents: leave it as it is
            for order, doc in enumerate(version.documents):
                form = ""
                if doc.form and with_forms:
                    if doc.form not in forms:
                        forms[doc.form] = _form_file(doc.form, log)
                    form = forms[doc.form]
                RequiredDocument.objects.create(
                    version=row,
                    name=doc.name,
                    requirement=doc.requirement,
                    quantity=doc.quantity,
                    is_optional=doc.optional,
                    note=doc.note,
                    form_template=form,
                    sort_order=order,
                )
    log(
        f"Demo procedures: {Procedure.objects.count()} procedures ({created} new), "
        f"{ProcedureVersion.objects.count()} versions."
    )
