"""PAR assessments: frameworks as data, the workflow by role, the Front's criteria, totals and
ranking worked out by hand, locking on publication, every score change audited."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.audit.models import AuditEvent
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.core.uploads import DOCUMENT_KINDS, clean_upload
from motcua.organisations.models import UnitKind
from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.par.models import Assessment, AssessmentStatus, Evidence
from motcua.par.selectors import ranking
from motcua.par.services import assessment_start, evidence_add, framework_from_data, score_set
from motcua.par.workflow import TRANSITIONS, assessment_transition, refusal
from motcua.surveys.models import Rating
from motcua.surveys.tests.factories import at, returned

TREE = [
    {
        "code": "1",
        "title": "Chỉ đạo, điều hành",
        "children": [
            {"code": "1.1", "title": "Kế hoạch CCHC", "points": 10},
            {"code": "1.2", "title": "Tuyên truyền CCHC", "points": 5, "front": True},
        ],
    },
    {
        "code": "2",
        "title": "Tác động",
        "children": [
            {"code": "2.1", "title": "Sự hài lòng", "points": 20, "survey": True},
            {
                "code": "2.2",
                "title": "Công vụ",
                "children": [
                    {"code": "2.2.1", "title": "Kỷ luật, kỷ cương", "points": 15},
                    {
                        "code": "2.2.2",
                        "title": "Giám sát đạo đức công vụ",
                        "points": 10,
                        "front": True,
                    },
                ],
            },
        ],
    },
]


@pytest.fixture
def people(city, ward_a, ward_b):
    interior = UnitFactory(
        parent=city, kind=UnitKind.DEPARTMENT, name="Sở Nội vụ", slug="so-noi-vu", gso_code=""
    )
    front_body = UnitFactory(
        parent=ward_a, kind=UnitKind.FRONT, name="Ủy ban MTTQ phường", slug="mttq-a", gso_code=""
    )
    return {
        "leader": make_staff(ward_a, "leader", username="lanhdao.a"),
        "assessor": make_staff(interior, "par_assessor", username="noivu"),
        "front": make_staff(front_body, "front_supervisor", username="mttq.a"),
        "front_b": make_staff(ward_b, "front_supervisor", username="mttq.b"),
        "leader_b": make_staff(ward_b, "leader", username="lanhdao.b"),
    }


@pytest.fixture
def framework(db):
    return framework_from_data(year=2026, name="Bộ chỉ số thử", legal_basis="", tree=TREE)


@pytest.fixture
def assessment(framework, ward_a, people):
    return assessment_start(framework=framework, unit=ward_a, actor=people["assessor"])


def crit(framework, code):
    return framework.criteria.get(code=code)


def test_a_framework_is_data_whose_branches_add_up_their_leaves(framework):
    points = {c.code: c.max_points for c in framework.criteria.all()}
    assert points == {
        "1": Decimal(15),
        "1.1": Decimal(10),
        "1.2": Decimal(5),
        "2": Decimal(45),
        "2.1": Decimal(20),
        "2.2": Decimal(25),
        "2.2.1": Decimal(15),
        "2.2.2": Decimal(10),
    }


ROLES = ("leader", "assessor", "front", "front_b", "leader_b")


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [
        (AssessmentStatus.SELF_ASSESSMENT, "submit", {"leader"}),
        (AssessmentStatus.APPRAISAL, "send_back", {"assessor"}),
        (AssessmentStatus.APPRAISAL, "finish_appraisal", {"assessor"}),
        (AssessmentStatus.FRONT_REVIEW, "finish_front_review", {"front"}),
        (AssessmentStatus.READY, "publish", {"assessor"}),
        (AssessmentStatus.SELF_ASSESSMENT, "publish", set()),
        (AssessmentStatus.PUBLISHED, "send_back", set()),
    ],
)
def test_who_may_move_the_assessment(assessment, people, status, action, allowed):
    assessment.status = status
    may = {role for role in ROLES if refusal(assessment, action, people[role]) is None}
    assert may == allowed


def test_the_whole_year_totals_and_classification_by_hand(assessment, framework, people, ward_a):
    leader, assessor, front = people["leader"], people["assessor"], people["front"]
    for code, value in (("1.1", "8"), ("1.2", "4"), ("2.2.1", "12"), ("2.2.2", "9")):
        score_set(
            assessment=assessment, criterion=crit(framework, code), actor=leader, points=value
        )
    with pytest.raises(NotAllowed):
        score_set(
            assessment=assessment, criterion=crit(framework, "2.1"), actor=leader, points="20"
        )
    assessment_transition(assessment=assessment, action="submit", actor=leader)

    with pytest.raises(DomainError) as error:  # a change needs its reason
        score_set(
            assessment=assessment, criterion=crit(framework, "1.1"), actor=assessor, points="7"
        )
    assert error.value.code == "reason_required"
    score_set(
        assessment=assessment,
        criterion=crit(framework, "1.1"),
        actor=assessor,
        points="7",
        note="Thiếu minh chứng",
    )
    with pytest.raises(NotAllowed):  # the Front's criteria are the Front's
        score_set(
            assessment=assessment,
            criterion=crit(framework, "1.2"),
            actor=assessor,
            points="1",
            note="x",
        )
    with pytest.raises(NotAllowed):  # not the Front's turn yet
        score_set(assessment=assessment, criterion=crit(framework, "1.2"), actor=front, points="5")
    assessment_transition(assessment=assessment, action="finish_appraisal", actor=assessor)

    with pytest.raises(NotAllowed) as error:
        score_set(
            assessment=assessment, criterion=crit(framework, "2.2.1"), actor=front, points="15"
        )
    assert error.value.code == "not_front_criterion"
    with pytest.raises(NotAllowed):
        score_set(
            assessment=assessment,
            criterion=crit(framework, "1.2"),
            actor=people["front_b"],
            points="5",
        )
    score_set(
        assessment=assessment,
        criterion=crit(framework, "1.2"),
        actor=front,
        points="5",
        note="Tuyên truyền tốt",
    )
    score_set(
        assessment=assessment,
        criterion=crit(framework, "2.2.2"),
        actor=front,
        points="6",
        note="Còn phản ánh",
    )
    assessment_transition(
        assessment=assessment, action="finish_front_review", actor=front, note="Thống nhất"
    )

    # Satisfaction of the year: 2 satisfied ratings of 3 -> 66.7%; no survey campaign.
    for level in ("very_satisfied", "satisfied", "not_satisfied"):
        dossier = returned(
            ward_a,
            received=dt.date(2026, 5, 4),
            due=dt.date(2026, 5, 7),
            finished=dt.date(2026, 5, 6),
        )
        Rating.objects.create(
            dossier=dossier,
            unit=ward_a,
            level=level,
            channel="link",
            rated_at=at(dt.date(2026, 5, 6)),
        )
    published = assessment_transition(assessment=assessment, action="publish", actor=assessor)

    scores = {s.criterion.code: s for s in published.scores.select_related("criterion")}
    assert scores["2.1"].survey_points == Decimal("13.34")  # 20 x 66.7%
    # 7 (appraised) + 5 (Front) + 13.34 (survey) + 12 (self) + 6 (Front) = 43.34 of 60 = 72.2% -> Khá
    assert published.total == Decimal("43.34")
    assert published.classification == "Khá"
    assert (published.survey_index, published.survey_source) == (Decimal("66.7"), "ratings")
    assert published.front_comment == "Thống nhất"
    # Every score change is in the audit trail: 4 self, 1 appraisal, 2 Front, 1 survey.
    changes = AuditEvent.objects.filter(
        action__startswith="par.score.", object_id=str(assessment.public_id)
    )
    assert changes.count() == 8
    appraisal = changes.get(action="par.score.appraisal")
    assert appraisal.before["appraised_points"] is None
    assert appraisal.after["appraised_points"] == "7.00"
    assert appraisal.reason == "Thiếu minh chứng"


def test_a_published_assessment_cannot_be_edited(assessment, framework, people, client):
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.PUBLISHED, total=50)
    for role, code in (("leader", "1.1"), ("assessor", "1.1"), ("front", "1.2")):
        with pytest.raises(Conflict) as error:
            score_set(
                assessment=assessment,
                criterion=crit(framework, code),
                actor=people[role],
                points="1",
            )
        assert error.value.code == "published"
    for action in TRANSITIONS:
        with pytest.raises(Conflict):
            assessment_transition(assessment=assessment, action=action, actor=people["assessor"])
    sign_in(client, people["assessor"])
    response = client.post(
        reverse("par:score", args=[assessment.public_id, "1.1"]),
        {f"c{crit(framework, '1.1').pk}-points": "1"},
        follow=True,
    )
    assert "đã công bố, không thể sửa đổi" in response.content.decode()
    assert Assessment.objects.get(pk=assessment.pk).total == 50


def test_the_front_supervisor_scores_a_front_criterion_from_the_page_and_not_another(
    assessment, framework, people, client
):
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.FRONT_REVIEW)
    sign_in(client, people["front"])
    page = client.get(reverse("par:assessment", args=[assessment.public_id])).content.decode()
    front_criterion, other = crit(framework, "1.2"), crit(framework, "1.1")
    assert f'action="{reverse("par:score", args=[assessment.public_id, "1.2"])}"' in page
    assert f'action="{reverse("par:score", args=[assessment.public_id, "1.1"])}"' not in page
    response = client.post(
        reverse("par:score", args=[assessment.public_id, "1.2"]),
        {f"c{front_criterion.pk}-points": "4,5", f"c{front_criterion.pk}-note": "Tốt"},
    )
    assert response.status_code == 302
    assert assessment.scores.get(criterion=front_criterion).front_points == Decimal("4.5")
    response = client.post(
        reverse("par:score", args=[assessment.public_id, "1.1"]),
        {f"c{other.pk}-points": "10"},
        follow=True,
    )
    assert "chỉ chấm điểm các tiêu chí thuộc phần Mặt trận" in response.content.decode()
    too_much = client.post(
        reverse("par:score", args=[assessment.public_id, "1.2"]),
        {f"c{front_criterion.pk}-points": "9"},
    )
    assert too_much.status_code == 400
    assert "từ 0 đến 5.00 điểm" in too_much.content.decode()


def test_evidence_is_sniffed_and_attached_during_self_assessment(assessment, framework, people):
    pdf = clean_upload(
        SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4\n%%EOF\n"), kinds=DOCUMENT_KINDS
    )
    evidence_add(
        assessment=assessment,
        criterion=crit(framework, "1.1"),
        actor=people["leader"],
        upload=pdf,
        name="Kế hoạch CCHC",
    )
    assert Evidence.objects.get().name == "Kế hoạch CCHC"
    with pytest.raises(DomainError):
        clean_upload(SimpleUploadedFile("ke-hoach.pdf", b"MZ not a pdf"), kinds=DOCUMENT_KINDS)
    with pytest.raises(NotAllowed):
        evidence_add(
            assessment=assessment,
            criterion=crit(framework, "1.1"),
            actor=people["leader_b"],
            upload=pdf,
        )


def test_ranking_across_units_shares_ranks_on_equal_totals(framework, city):
    units = [UnitFactory(parent=city) for _ in range(4)]
    for unit, total in zip(units, ("80", "75.5", "75.5", "60"), strict=True):
        Assessment.objects.create(
            framework=framework, unit=unit, status=AssessmentStatus.PUBLISHED, total=Decimal(total)
        )
    Assessment.objects.create(
        framework=framework, unit=UnitFactory(parent=city), total=Decimal(99)
    )  # not published
    rows = ranking(2026)
    assert [(r.rank, r.assessment.total) for r in rows] == [
        (1, Decimal("80")),
        (2, Decimal("75.5")),
        (2, Decimal("75.5")),
        (4, Decimal("60")),
    ]


def test_staff_of_another_area_do_not_see_the_assessment(assessment, people, client):
    sign_in(client, people["leader_b"])
    assert client.get(reverse("par:assessment", args=[assessment.public_id])).status_code == 404
    sign_in(client, people["assessor"])
    assert client.get(reverse("par:assessment", args=[assessment.public_id])).status_code == 200
