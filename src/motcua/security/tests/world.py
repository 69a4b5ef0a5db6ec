"""One ward's worth of data and one person for every role, for the authorisation matrix.

Everything belongs to ward A (its department, its desk). The "other unit" person is a leader
of ward B: the strongest role a stranger to ward A can hold short of administrator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.accounts.tests.factories import UserFactory
from motcua.complaints.models import ReceptionSession, ReceptionVisit
from motcua.complaints.tests.factories import complaint, denunciation
from motcua.consultations.tests.factories import CommentFactory, ConsultationFactory
from motcua.contests.services import entry_start
from motcua.contests.tests.factories import RoundFactory
from motcua.core.uploads import DOCUMENT_KINDS, clean_upload
from motcua.dossiers.tests.conftest import MINIMAL_PDF, submit
from motcua.dossiers.workflow import dossier_transition
from motcua.feedback.models import AnswerTemplate, RoutingRule
from motcua.feedback.tests.factories import ReportFactory, category
from motcua.news.models import ArticleImage
from motcua.news.tests.factories import ArticleFactory, DocumentFactory, VideoFactory
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff
from motcua.par.services import assessment_start, evidence_add, framework_from_data
from motcua.procedures.tests.factories import ProcedureVersionFactory
from motcua.surveys.models import Campaign, CampaignStatus, Invitation
from motcua.workcalendar.models import CalendarOverride, DayKind

#: The columns of the matrix, in the order a reviewer reads them.
ROLES = (
    "visitor",
    "citizen",
    "officer",
    "specialist",
    "leader",
    "editor",
    "front",
    "assessor",
    "admin",
    "other_unit",
)


@dataclass
class World:
    ward: object
    department: object
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError as error:
            raise AttributeError(name) from error


def build_world(city) -> World:
    ward = UnitFactory(parent=city, name="Phường An Lạc", slug="phuong-an-lac")
    ward.identifier_code = "000.31.26.H29"
    ward.save()
    department = UnitFactory(parent=ward, department=True, name="Phòng Văn hóa", slug="vh-a")
    ward_b = UnitFactory(parent=city, name="Phường Bình Đông", slug="phuong-binh-dong")
    users = {
        "visitor": None,
        "citizen": UserFactory(username="congdan"),
        "officer": make_staff(ward, "one_stop_officer", username="motcua"),
        "specialist": make_staff(department, "specialist", username="chuyenvien"),
        "leader": make_staff(ward, "leader", username="lanhdao"),
        "editor": make_staff(ward, "editor", username="bientap"),
        "front": make_staff(ward, "front_supervisor", username="mttq"),
        "assessor": make_staff(ward, "par_assessor", username="noivu"),
        "admin": make_staff(city, "administrator", username="quantri"),
        "other_unit": make_staff(ward_b, "leader", username="lanhdao.b"),
    }
    objects = {}

    version = ProcedureVersionFactory(procedure__name="Đăng ký khai sinh")
    objects["procedure"] = version.procedure
    dossier = submit(version, ward)
    dossier.department = department
    dossier.applicant_user = users["citizen"]
    dossier.save(update_fields=["department", "applicant_user"])
    objects["dossier"] = dossier
    objects["dossier_document"] = dossier.documents.first()
    dossier = dossier_transition(dossier=dossier, action="receive", actor=users["officer"])
    objects["slip"] = dossier.slips.first()

    objects["report"] = ReportFactory(unit=ward, accepted=True)
    objects["answer_template"] = AnswerTemplate.objects.create(
        category=objects["report"].category, title="Đã xử lý", body="Phường đã xử lý."
    )
    objects["rule"] = RoutingRule.objects.create(
        unit=ward, position=1, category=category(), handling_unit=department
    )

    p = type("People", (), {"officer": users["officer"], "ward": ward})
    objects["case"] = complaint(p)
    objects["denunciation"] = denunciation(p)
    session = ReceptionSession.objects.create(
        unit=ward,
        date=timezone.localdate() + dt.timedelta(days=3),
        starts_at=dt.time(8),
        ends_at=dt.time(11),
        host_title="Chủ tịch UBND phường",
        location="Trụ sở UBND phường",
    )
    objects["reception"] = session
    objects["visit"] = ReceptionVisit.objects.create(
        session=session,
        visitor_name="Trần Văn Hậu",
        topic="other",
        content="Hỏi về thủ tục.",
        outcome="guided",
    )

    objects["article"] = ArticleFactory(unit=ward)
    objects["article_image"] = ArticleImage.objects.create(
        article=objects["article"], image="public/news/1.jpg", caption="Ảnh"
    )
    objects["video"] = VideoFactory(unit=ward)
    objects["document"] = DocumentFactory(unit=ward)

    consultation = ConsultationFactory(unit=ward)
    objects["consultation"] = consultation
    objects["comment"] = CommentFactory(consultation=consultation, status="pending")

    objects["round"] = RoundFactory(contest__unit=ward)
    objects["contest"] = objects["round"].contest
    objects["entry"] = entry_start(
        round=objects["round"], full_name="Lê Văn Tám", phone="0903111222"
    )

    campaign = Campaign.objects.create(
        unit=ward,
        title="Khảo sát SIPAS",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 3, 31),
        status=CampaignStatus.CLOSED,
    )
    objects["campaign"] = campaign
    running = Campaign.objects.create(
        unit=ward,
        title="Khảo sát đang chạy",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 3, 31),
        status=CampaignStatus.OPEN,
    )
    objects["invitation"] = Invitation.objects.create(campaign=running)

    framework = framework_from_data(
        year=2026,
        name="Bộ chỉ số CCHC",
        legal_basis="",
        tree=[
            {
                "code": "1",
                "title": "Chỉ đạo",
                "children": [{"code": "1.1", "title": "Kế hoạch", "points": 10}],
            }
        ],
    )
    assessment = assessment_start(framework=framework, unit=ward, actor=users["assessor"])
    objects["assessment"] = assessment
    objects["evidence"] = evidence_add(
        assessment=assessment,
        criterion=framework.criteria.get(code="1.1"),
        actor=users["leader"],
        upload=clean_upload(SimpleUploadedFile("ke-hoach.pdf", MINIMAL_PDF), kinds=DOCUMENT_KINDS),
    )

    objects["override"] = CalendarOverride.objects.create(
        date=dt.date(2026, 12, 31), kind=DayKind.DAY_OFF, name="Nghỉ bù"
    )
    return World(ward=ward, department=department, users=users, objects=objects)
