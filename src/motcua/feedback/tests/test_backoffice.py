"""Back-office pages render in every state, rules are managed from the back-office, the admin
lists the configuration."""

import pytest
from django.urls import reverse

from motcua.feedback.models import AnswerTemplate, RoutingRule, Status
from motcua.feedback.tests.factories import ReportFactory, category
from motcua.organisations.tests.helpers import sign_in


@pytest.mark.django_db
@pytest.mark.parametrize("status", Status.values)
def test_the_report_page_renders_in_every_state_with_the_actions_of_that_state(client, a, status):
    report = ReportFactory(
        unit=a.ward,
        handling_unit=a.economy,
        status=status,
        assigned_to=a.specialist,
        answer_draft="Dự thảo trả lời đủ dài để duyệt.",
    )
    sign_in(client, a.leader)
    html = client.get(reverse("feedback:staff-detail", args=[report.code])).content.decode()
    assert report.description in html
    expected = {
        Status.RECEIVED: "Tiếp nhận",
        Status.ACCEPTED: "Phân công cán bộ xử lý",
        Status.AWAITING_APPROVAL: "Duyệt và công khai trả lời",
        Status.ANSWERED: "Kết thúc",
    }.get(status)
    if expected:
        assert f"<summary>{expected}</summary>" in html


@pytest.mark.django_db
def test_an_answer_template_fills_the_answer(client, a):
    template = AnswerTemplate.objects.filter(category=category()).first()
    report = ReportFactory(
        unit=a.ward, handling_unit=a.economy, status=Status.IN_PROGRESS, assigned_to=a.specialist
    )
    sign_in(client, a.specialist)
    html = client.get(
        reverse("feedback:answer-template", args=[report.code, template.pk])
    ).content.decode()
    assert template.body[:40] in html


@pytest.mark.django_db
def test_a_leader_adds_a_rule_and_a_bad_window_is_explained(client, a):
    sign_in(client, a.leader)
    bad = client.post(
        reverse("feedback:rules"),
        {
            "category": category("tieng-on").pk,
            "handling_unit": a.office.pk,
            "starts_at": "22:00",
            "is_active": "on",
        },
    )
    assert bad.status_code == 400
    assert "Nhập đủ giờ bắt đầu và giờ kết thúc" in bad.content.decode()
    good = client.post(
        reverse("feedback:rules"),
        {
            "category": category("tieng-on").pk,
            "handling_unit": a.office.pk,
            "starts_at": "22:00",
            "ends_at": "06:00",
            "is_active": "on",
        },
    )
    assert good.status_code == 302
    rule = RoutingRule.objects.get()
    assert (rule.unit, rule.handling_unit) == (a.ward, a.office)
    assert "Văn phòng UBND" in client.get(reverse("feedback:rules")).content.decode()


@pytest.mark.django_db
def test_an_officer_may_not_manage_rules(client, a):
    sign_in(client, a.officer)
    assert client.get(reverse("feedback:rules")).status_code == 403


@pytest.mark.django_db
def test_the_admin_lists_categories_rules_and_reports(client, a, administrator):
    ReportFactory(unit=a.ward)
    sign_in(client, administrator)
    for model in ("category", "routingrule", "interioroffice", "report", "classifiermodel"):
        assert client.get(f"/admin/feedback/{model}/").status_code == 200, model
    for model in ("case", "receptionsession"):
        response = client.get(f"/admin/complaints/{model}/")
        assert response.status_code in (200, 404), model
