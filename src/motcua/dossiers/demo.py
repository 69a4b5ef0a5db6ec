"""Demo dossiers: four months of activity in each demo ward, through the real services, so
every dossier has a consistent history, slips and deadlines — most returned on time, some
late, some overdue now, some waiting for documents or payment, some with an apology."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.core.errors import DomainError
from motcua.core.uploads import DOCUMENT_KINDS, clean_upload
from motcua.dossiers.models import Channel, Dossier
from motcua.dossiers.services import (
    Applicant,
    Attachment,
    dossier_receive_at_desk,
    dossier_submit_online,
    dossier_supplement,
)
from motcua.dossiers.workflow import dossier_transition
from motcua.notifications.services import muted
from motcua.organisations.demo import DEMO_WARDS
from motcua.organisations.models import Unit
from motcua.procedures.models import ImplementingLevel, Procedure
from motcua.procedures.selectors import current_version
from motcua.workcalendar.selectors import add_working_days, is_working_day

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DAYS_BACK = 120
ECONOMY_FIELDS = (
    "dat-dai",
    "xay-dung",
    "kinh-doanh",
    "ho-kinh-doanh",
    "thanh-lap-va-hoat-dong-cua-ho-kinh-doanh",
    "moi-truong",
)

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Đức", "Kim", "Gia", "Bảo"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
]
STREETS = {
    "binhthanh": ["Phan Đăng Lưu", "Nơ Trang Long", "Bạch Đằng", "Lê Quang Định", "Chu Văn An"],
    "giadinh": [
        "Lê Văn Duyệt",
        "Phan Văn Trị",
        "Nguyễn Văn Đậu",
        "Bùi Hữu Nghĩa",
        "Đinh Tiên Hoàng",
    ],
    "ankhanh": ["Trương Văn Bang", "Lương Định Của", "Trần Não", "Nguyễn Hoàng", "Song Hành"],
    "catlai": [
        "Nguyễn Thị Định",
        "Đồng Văn Cống",
        "Lê Văn Thịnh",
        "Nguyễn Duy Trinh",
        "Vũ Tông Phan",
    ],
}
DEMO_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _when(day: dt.date, rng: random.Random, start_hour: int = 7) -> dt.datetime:
    hour = rng.choice([h for h in range(start_hour, 17) if h not in (11, 12)] or [16])
    return dt.datetime(day.year, day.month, day.day, hour, rng.randrange(0, 60, 5), tzinfo=TZ)


def _later(moment: dt.datetime, working_days: int, rng: random.Random) -> dt.datetime:
    """A working time ``working_days`` after ``moment``, never before it. From a day off (an
    online filing on a Sunday) the next working day is the first."""
    start = timezone.localtime(moment)
    if is_working_day(start.date()):
        day = add_working_days(start.date(), max(working_days, 0))
        start_hour = start.hour if working_days == 0 else 7
    else:
        day, start_hour = add_working_days(start.date(), max(working_days, 1)), 7
    when = _when(day, rng, start_hour=start_hour)
    return max(when, moment + dt.timedelta(minutes=rng.randrange(5, 40)))


def _applicant(rng: random.Random, handle: str) -> Applicant:
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return Applicant(
        name=name,
        phone=f"09{rng.randrange(10**7, 10**8)}",
        email="" if rng.random() < 0.5 else f"demo{rng.randrange(10**6)}@example.vn",
        address=f"{rng.randrange(1, 400)} {rng.choice(STREETS[handle])}",
        id_number=f"0791{rng.randrange(10**7, 10**8)}",
    )


def _attachments(version) -> list[Attachment]:
    upload = clean_upload(SimpleUploadedFile("ban-scan.pdf", DEMO_PDF), kinds=DOCUMENT_KINDS)
    return [
        Attachment(upload=upload, requirement=document)
        for document in version.documents.all()
        if not document.is_optional
    ]


class _Story:
    """One dossier's life, played until the next step would be in the future."""

    def __init__(
        self, dossier: Dossier, staff: dict, department: Unit, now: dt.datetime, rng: random.Random
    ):
        self.dossier, self.staff, self.department, self.now, self.rng = (
            dossier,
            staff,
            department,
            now,
            rng,
        )

    def step(self, action: str, actor: str | None, at: dt.datetime, **data) -> bool:
        if at > self.now:
            return False
        self.dossier = dossier_transition(
            dossier=self.dossier,
            action=action,
            actor=self.staff.get(actor),
            data=data,
            as_applicant=actor is None,
            at=at,
        )
        return True

    def supplement(self, at: dt.datetime) -> bool:
        if at > self.now:
            return False
        self.dossier = dossier_supplement(
            dossier=self.dossier,
            attachments=_attachments(self.dossier.procedure_version)[:1],
            as_applicant=True,
        )
        return True

    def play(self, moment: dt.datetime) -> None:
        rng = self.rng
        days = self.dossier.procedure_version.processing_days
        if self.dossier.status == 1:  # online: the desk checks it within a working day
            moment = _later(moment, rng.choice([0, 0, 1]), rng)
            roll = rng.random()
            if roll < 0.04:
                self.step(
                    "refuse",
                    "officer",
                    moment,
                    reason="Hồ sơ không thuộc thẩm quyền giải quyết của phường.",
                )
                return
            if roll < 0.09:
                items = ["Ảnh chụp căn cước công dân của người yêu cầu bị mờ, đề nghị chụp lại."]
                if not self.step("request_documents", "officer", moment, items=items):
                    return
                moment = _later(moment, rng.randint(1, 4), rng)
                if not self.supplement(moment):
                    return
            if not self.step("receive", "officer", moment):
                return
        if rng.random() < 0.02:
            self.step(
                "withdraw",
                "officer",
                _later(moment, 1, rng),
                reason="Công dân có đơn xin rút hồ sơ.",
            )
            return
        if not self.step("send_to_department", "officer", moment, department=self.department):
            return
        if not self.step(
            "assign", "leader", _later(moment, 0, rng), assignee=self.staff["specialist"]
        ):
            return
        if days >= 3 and rng.random() < 0.08:
            asked = _later(moment, rng.randint(1, 2), rng)
            if not self.step(
                "request_supplement",
                "specialist",
                asked,
                items=["Bản sao giấy tờ chứng minh nơi cư trú"],
            ):
                return
            moment = _later(asked, rng.randint(1, 5), rng)
            if not self.supplement(moment):
                return
        late = rng.random() < 0.1
        due = self.dossier.due_date
        if late and days >= 2 and rng.random() < 0.5:
            before_due = _when(_previous_working_day(due), rng)
            reason = "Cần xác minh thêm thông tin với cơ quan liên quan."
            if before_due > moment and not self.step(
                "apologize", "leader", before_due, reason=reason, new_date=add_working_days(due, 3)
            ):
                return
        if late and self.now - moment < dt.timedelta(days=21):
            return  # still on the specialist's desk: overdue once its date passes
        work = max(0, round(days * rng.uniform(0.45, 0.9))) + (days // 2 + 2 if late else 0)
        submitted = _later(moment, work, rng)
        if not self.step("submit_for_approval", "specialist", submitted):
            return
        if not self.step("approve", "leader", _later(submitted, rng.choice([0, 0, 1]), rng)):
            return
        self.step(
            "return_result",
            "officer",
            _later(self.dossier.finished_at, rng.choice([0, 0, 1, 2]), rng),
        )


def _previous_working_day(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def _ward_dossiers(ward_data, procedures, now: dt.datetime, log, days_back: int) -> int:
    ward = Unit.objects.get(gso_code=ward_data.gso_code)
    if Dossier.objects.filter(unit=ward).exists():
        return 0
    rng = random.Random(f"motcua-demo-{ward_data.handle}")
    culture = Unit.objects.get(slug=f"{ward.slug}-culture")
    economy = Unit.objects.get(slug=f"{ward.slug}-economy")
    users = {
        u.username: u for u in User.objects.filter(username__startswith=f"{ward_data.handle}.")
    }
    officer, leader = users[f"{ward_data.handle}.motcua"], users[f"{ward_data.handle}.lanhdao"]
    created = 0
    today = timezone.localtime(now).date()
    for offset in range(days_back, -1, -1):
        day = today - dt.timedelta(days=offset)
        # The desk works on working days; citizens file online on any day.
        working = is_working_day(day)
        for _ in range(rng.choice([1, 2, 2, 3] if working else [0, 1])):
            procedure, version = rng.choice(procedures)
            if not (working or version.is_online):
                continue
            economic = procedure.field.code in ECONOMY_FIELDS
            department = economy if economic else culture
            staff = {
                "officer": officer,
                "leader": leader,
                "specialist": users[f"{ward_data.handle}.{'kinhte' if economic else 'chuyenvien'}"],
            }
            moment = _when(day, rng)
            if moment > now:
                continue
            applicant = _applicant(rng, ward_data.handle)
            try:
                with transaction.atomic():
                    if version.is_online and (not working or rng.random() < 0.55):
                        dossier, _new = dossier_submit_online(
                            version=version,
                            unit=ward,
                            applicant=applicant,
                            attachments=_attachments(version),
                            idempotency_key=f"demo-{ward.pk}-{created}",
                            at=moment,
                        )
                    else:
                        dossier = dossier_receive_at_desk(
                            version=version,
                            unit=ward,
                            applicant=applicant,
                            attachments=_attachments(version),
                            actor=officer,
                            outcome="receive",
                            channel=Channel.POSTAL if rng.random() < 0.05 else Channel.DESK,
                            fee_paid=True,
                            at=moment,
                        )
                    _Story(dossier, staff, department, now, rng).play(moment)
            except DomainError as error:  # a random path the rules refuse: skip that dossier
                log(f"  skipped a demo dossier: {error.message}")
                continue
            created += 1
    return created


def seed(log=print, days_back: int = DAYS_BACK) -> None:
    procedures = [
        (p, v)
        for p in Procedure.objects.filter(
            is_active=True, level=ImplementingLevel.WARD
        ).select_related("field")
        if (v := current_version(p)) is not None
    ]
    if not procedures:
        log("Demo dossiers: no procedure in the catalogue yet, skipped.")
        return
    now = timezone.now()
    with muted():
        total = sum(_ward_dossiers(ward, procedures, now, log, days_back) for ward in DEMO_WARDS)
    log(f"Demo dossiers: {total} created ({Dossier.objects.count()} in all).")
