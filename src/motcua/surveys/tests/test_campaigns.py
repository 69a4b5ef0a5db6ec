"""Survey campaigns: reproducible sampling, anonymous responses with display conditions,
SIPAS aggregation (per criterion, element, overall) checked against figures worked by hand."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.notifications.models import Notification
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.surveys.models import Campaign, CampaignStatus, Invitation, Question, Response
from motcua.surveys.selectors import campaign_results, sipas_for_unit
from motcua.surveys.services import campaign_create, response_submit
from motcua.surveys.tests.factories import returned
from motcua.surveys.workflow import campaign_transition, draw_sample, sample_population

START, END = dt.date(2026, 4, 1), dt.date(2026, 6, 30)
YES_NO = [
    {"value": "yes", "label": "Có", "satisfied": True},
    {"value": "no", "label": "Không", "satisfied": False},
]


@pytest.fixture
def leader(ward_a):
    return make_staff(ward_a, "leader", username="lanhdao.a")


@pytest.fixture
def population(ward_a, ward_b):
    inside = [
        returned(
            ward_a,
            received=START + dt.timedelta(days=i),
            due=END,
            finished=START + dt.timedelta(days=i + 1),
        )
        for i in range(10)
    ]
    returned(
        ward_a, received=START, due=END, finished=END + dt.timedelta(days=3)
    )  # after the period
    returned(ward_a, received=START, due=END, finished=START, applicant_phone="")  # no contact
    returned(ward_b, received=START, due=END, finished=START)  # another ward
    return inside


def test_the_sample_is_drawn_from_the_units_returned_dossiers_and_is_reproducible(
    population, ward_a, leader
):
    campaign = campaign_create(
        unit=ward_a,
        title="Quý II",
        period_start=START,
        period_end=END,
        sample_size=4,
        seed=7,
        actor=leader,
    )
    ids = sample_population(campaign)
    assert sorted(ids) == sorted(d.pk for d in population)
    first = draw_sample(ids, size=4, seed=7)
    assert first == draw_sample(ids, size=4, seed=7)
    assert len(first) == 4
    assert set(first) <= set(ids)
    assert draw_sample(ids, size=4, seed=8) != first
    assert draw_sample(ids, size=50, seed=7) == sorted(ids)


def test_opening_a_campaign_invites_the_sample_and_closing_forgets_who_was_invited(
    population, ward_a, leader
):
    campaign = campaign_create(
        unit=ward_a,
        title="Quý II",
        period_start=START,
        period_end=END,
        sample_size=4,
        seed=7,
        actor=leader,
    )
    assert campaign.questions.count() >= 10  # the standard SIPAS questionnaire
    campaign = campaign_transition(campaign=campaign, action="open", actor=leader)
    assert campaign.status == CampaignStatus.OPEN
    invitations = list(campaign.invitations.all())
    assert len(invitations) == 4
    assert all(i.dossier_id for i in invitations)
    assert Notification.objects.filter(event="survey.invitation").count() == 4  # one SMS each
    with pytest.raises(Conflict):
        campaign_transition(campaign=campaign, action="open", actor=leader)
    campaign_transition(campaign=campaign, action="close", actor=leader)
    assert not Invitation.objects.filter(campaign=campaign, dossier__isnull=False).exists()


def _campaign(unit):
    campaign = Campaign.objects.create(
        unit=unit, title="Thử", period_start=START, period_end=END, status=CampaignStatus.OPEN
    )
    q = {}
    q["q1"] = Question.objects.create(
        campaign=campaign,
        position=1,
        code="q1",
        element="access",
        measure="satisfaction",
        kind="scale",
        text="Nơi chờ",
    )
    q["q2"] = Question.objects.create(
        campaign=campaign,
        position=2,
        code="q2",
        element="access",
        measure="satisfaction",
        kind="single",
        text="Dễ tìm thông tin?",
        choices=YES_NO,
    )
    q["q3"] = Question.objects.create(
        campaign=campaign,
        position=3,
        code="q3",
        element="civil_servant",
        measure="satisfaction",
        kind="scale",
        text="Thái độ",
    )
    q["q4"] = Question.objects.create(
        campaign=campaign,
        position=4,
        code="q4",
        element="feedback",
        measure="opinion",
        kind="single",
        text="Có góp ý?",
        choices=YES_NO,
    )
    q["q5"] = Question.objects.create(
        campaign=campaign,
        position=5,
        code="q5",
        element="feedback",
        measure="satisfaction",
        kind="scale",
        text="Xử lý góp ý",
        show_if=q["q4"],
        show_if_values=["yes"],
    )
    q["q6"] = Question.objects.create(
        campaign=campaign,
        position=6,
        code="q6",
        element="result",
        measure="expectation",
        kind="text",
        text="Mong muốn",
        required=False,
    )
    tokens = [Invitation.objects.create(campaign=campaign).token for _ in range(4)]
    return campaign, q, tokens


def test_sipas_is_the_share_of_satisfied_answers_per_criterion_averaged_per_element_then_overall(
    ward_a,
):
    campaign, _q, tokens = _campaign(ward_a)
    response_submit(
        token=tokens[0], raw={"q1": "5", "q2": "yes", "q3": "4", "q4": "yes", "q5": "2"}
    )
    # q4 = no hides q5: the answer given to it anyway is dropped.
    response_submit(token=tokens[1], raw={"q1": "4", "q2": "yes", "q3": "4", "q4": "no", "q5": "5"})
    response_submit(
        token=tokens[2],
        raw={"q1": "2", "q2": "yes", "q3": "5", "q4": "yes", "q5": "4", "q6": "Thêm ghế"},
    )

    result = campaign_results(campaign)
    by_element = {e.element: e for e in result.elements}
    criteria = {c.question.code: c for e in result.elements for c in e.criteria}
    # By hand: q1 satisfied (>= 4) 2 of 3 = 66.7; q2 3 of 3 = 100.0 -> access (66.7 + 100.0) / 2 = 83.35 -> 83.4
    assert (criteria["q1"].satisfied, criteria["q1"].answered, criteria["q1"].index) == (
        2,
        3,
        Decimal("66.7"),
    )
    assert criteria["q2"].index == Decimal("100.0")
    assert by_element["access"].index == Decimal("83.4")
    # q3: 4, 4, 5 all satisfied -> 100.0; q5: 2 (no) and 4 (yes) -> 50.0
    assert by_element["civil_servant"].index == Decimal("100.0")
    assert (criteria["q5"].satisfied, criteria["q5"].answered) == (1, 2)
    assert by_element["feedback"].index == Decimal("50.0")
    # Overall: (83.4 + 100.0 + 50.0) / 3 = 77.8; opinion and expectation questions are no criteria.
    assert result.index == Decimal("77.8")
    assert "result" not in by_element
    assert result.responses == 3

    campaign.status = CampaignStatus.CLOSED
    campaign.save()
    assert sipas_for_unit(ward_a, START, END).index == Decimal("77.8")


def test_a_visible_required_question_must_be_answered_and_nothing_is_half_written(ward_a):
    _c, _q, tokens = _campaign(ward_a)
    with pytest.raises(DomainError) as error:
        response_submit(token=tokens[0], raw={"q1": "5", "q2": "yes", "q3": "4", "q4": "yes"})
    assert set(error.value.errors) == {"q5"}
    with pytest.raises(DomainError) as error:
        response_submit(token=tokens[0], raw={"q1": "9", "q2": "maybe", "q3": "4", "q4": "no"})
    assert set(error.value.errors) == {"q1", "q2"}
    assert not Response.objects.exists()
    assert not Invitation.objects.get(token=tokens[0]).used


def test_a_response_is_anonymous_and_an_invitation_is_used_once(ward_a):
    _c, _q, tokens = _campaign(ward_a)
    dossier = returned(ward_a, received=START, due=END, finished=START)
    Invitation.objects.filter(token=tokens[0]).update(dossier=dossier)
    response_submit(token=tokens[0], raw={"q1": "5", "q2": "yes", "q3": "4", "q4": "no"})
    invitation = Invitation.objects.get(token=tokens[0])
    assert invitation.used
    assert invitation.dossier is None
    related = {f.name for f in Response._meta.get_fields()}
    assert related == {"id", "campaign", "submitted_on", "answers"}
    with pytest.raises(Conflict):
        response_submit(token=tokens[0], raw={"q1": "1", "q2": "no", "q3": "1", "q4": "no"})
    assert Response.objects.count() == 1


def test_the_survey_page_collects_answers_and_then_refuses_the_used_link(client, ward_a):
    _c, _q, tokens = _campaign(ward_a)
    url = reverse("surveys:answer", args=[tokens[0]])
    page = client.get(url).content.decode()
    assert 'data-show-if="q4"' in page
    assert "không ghi tên" in page
    response = client.post(url, {"q1": "5", "q2": "yes", "q3": "4", "q4": "yes"})
    assert response.status_code == 400
    assert "Vui lòng trả lời câu hỏi này" in response.content.decode()
    response = client.post(
        url, {"q1": "5", "q2": "yes", "q3": "4", "q4": "yes", "q5": "4", "q6": "Tốt"}
    )
    assert "Xin cảm ơn Ông/Bà đã trả lời khảo sát" in response.content.decode()
    assert client.get(url).status_code == 410


def test_the_front_supervisor_sees_design_and_raw_counts_of_campaigns_in_their_area_only(
    client, ward_a, ward_b, leader
):
    campaign, _q, tokens = _campaign(ward_a)
    response_submit(token=tokens[0], raw={"q1": "5", "q2": "yes", "q3": "4", "q4": "no"})
    front_a = make_staff(ward_a, "front_supervisor")
    front_b = make_staff(ward_b, "front_supervisor")
    sign_in(client, front_a)
    assert campaign.title in client.get(reverse("surveys:campaigns")).content.decode()
    page = client.get(reverse("surveys:campaign", args=[campaign.public_id])).content.decode()
    assert "Nơi chờ" in page
    assert "Phiếu mời đã gửi" in page
    assert "Kết thúc đợt khảo sát" not in page  # no action for the Front
    response = client.post(reverse("surveys:campaign-act", args=[campaign.public_id, "close"]))
    assert response.status_code == 403
    with pytest.raises(NotAllowed):
        campaign_transition(campaign=campaign, action="close", actor=front_a)
    sign_in(client, front_b)
    assert client.get(reverse("surveys:campaign", args=[campaign.public_id])).status_code == 404
