"""Ordered first-match routing, re-run on correction; conduct reports reach the official's unit
and the Interior office and the Front's supervisor of the area."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.feedback.models import Report, RoutingRule, Status
from motcua.feedback.routing import route
from motcua.feedback.services import report_correct, report_submit, routing_rule_move
from motcua.feedback.tests.factories import ReportFactory, category
from motcua.organisations.tests.factories import UnitFactory

TZ = timezone.get_current_timezone()


def at(hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, 18, hour, 30, tzinfo=TZ)


@pytest.fixture
def rules(a, city):
    police = UnitFactory(parent=a.ward, department=True, name="Công an phường", slug="a-ca")
    city_works = UnitFactory(parent=city, department=True, name="Sở Xây dựng", slug="so-xd")
    return {
        "night_noise": RoutingRule.objects.create(
            unit=a.ward,
            position=1,
            category=category("tieng-on"),
            starts_at=dt.time(22),
            ends_at=dt.time(6),
            handling_unit=police,
        ),
        "noise": RoutingRule.objects.create(
            unit=a.ward, position=2, category=category("tieng-on"), handling_unit=a.office
        ),
        "urban": RoutingRule.objects.create(
            unit=a.ward,
            position=3,
            category=category("trat-tu-do-thi"),  # the group covers its sub-categories
            handling_unit=a.economy,
            officer=a.specialist,
        ),
        "city_roads": RoutingRule.objects.create(
            unit=city, position=1, category=category("duong-sa"), handling_unit=city_works
        ),
        "police": police,
        "city_works": city_works,
    }


@pytest.mark.django_db
def test_the_first_matching_rule_wins_with_its_time_window(a, rules):
    noise = category("tieng-on")
    assert route(unit=a.ward, category=noise, at=at(23)).handling_unit == rules["police"]
    assert route(unit=a.ward, category=noise, at=at(3)).handling_unit == rules["police"]
    assert route(unit=a.ward, category=noise, at=at(14)).handling_unit == a.office


@pytest.mark.django_db
def test_a_group_rule_covers_its_sub_categories_and_suggests_the_officer(a, rules):
    routed = route(unit=a.ward, category=category("xay-dung-trai-phep"), at=at(9))
    assert routed.handling_unit == a.economy
    assert routed.officer == a.specialist
    assert routed.rule == rules["urban"]


@pytest.mark.django_db
def test_the_wards_rules_come_before_the_citys_and_the_ward_is_the_fallback(a, b, rules):
    assert (
        route(unit=a.ward, category=category("hu-hong-mat-duong")).handling_unit
        == rules["city_works"]
    )
    assert (
        route(unit=b.ward, category=category("hu-hong-mat-duong")).handling_unit
        == rules["city_works"]
    )
    assert route(unit=b.ward, category=category("tieng-on")).handling_unit == b.ward
    RoutingRule.objects.create(
        unit=b.ward, position=1, category=category("duong-sa"), handling_unit=b.economy
    )
    assert route(unit=b.ward, category=category("hu-hong-mat-duong")).handling_unit == b.economy


@pytest.mark.django_db
def test_reordering_changes_which_rule_wins(a, rules):
    routing_rule_move(actor=a.leader, rule=rules["noise"], up=True)
    assert route(unit=a.ward, category=category("tieng-on"), at=at(23)).handling_unit == a.office


@pytest.mark.django_db
def test_correcting_the_category_routes_the_report_again(a, rules):
    report = report_submit(
        unit=a.ward,
        category=category("khac"),
        description="Quán karaoke hát lớn đến khuya mỗi ngày, cả xóm không ngủ được.",
        address="45 Nơ Trang Long",
        now=at(14),
    ).report
    assert report.handling_unit == a.ward
    report_correct(
        report=report,
        actor=a.officer,
        category=category("lan-chiem-long-le-duong"),
        address=report.address,
        latitude=None,
        longitude=None,
        public_description=report.public_description,
        is_public=True,
    )
    report.refresh_from_db()
    assert report.handling_unit == a.economy
    assert report.routed_officer == a.specialist
    assert report.events.filter(action="correct").exists()


@pytest.mark.django_db
def test_a_conduct_report_reaches_the_officials_unit_the_interior_office_and_the_front(
    client, a, b
):
    from motcua.organisations.tests.helpers import sign_in

    conduct = report_submit(
        unit=a.ward,
        category=category("thai-do-phuc-vu"),
        description="Cán bộ tiếp nhận hồ sơ có thái độ cáu gắt, không hướng dẫn người dân.",
        address="Trụ sở UBND phường",
        official_unit=a.center,
        reporter_name="Trần Thị Bình",
        reporter_phone="0912345678",
    ).report
    assert conduct.official_unit == a.center
    assert conduct.interior_unit == a.office
    ordinary = ReportFactory(unit=a.ward, handling_unit=a.economy)
    other_ward_conduct = ReportFactory(unit=b.ward, category=category("thai-do-phuc-vu"))

    front = set(Report.objects.visible_to(a.front_supervisor))
    assert front == {conduct}  # conduct reports of the area only
    assert conduct in Report.objects.visible_to(a.interior_officer)
    assert ordinary not in Report.objects.visible_to(a.interior_officer)
    assert not Report.objects.visible_to(a.editor).exists()  # news editors: no reports
    assert other_ward_conduct not in Report.objects.visible_to(a.front_supervisor)

    sign_in(client, a.front_supervisor)
    page = client.get(f"/can-bo/phan-anh/{conduct.code}/").content.decode()
    assert conduct.description in page
    assert "Trần Thị Bình" not in page  # who complained about an official stays with the handlers
    assert "0912345678" not in page
    assert client.get(f"/can-bo/phan-anh/{ordinary.code}/").status_code == 404
    queue = client.get("/can-bo/phan-anh/").content.decode()
    assert conduct.code in queue
    assert ordinary.code not in queue
    sign_in(client, a.leader)
    assert "Trần Thị Bình" in client.get(f"/can-bo/phan-anh/{conduct.code}/").content.decode()


@pytest.mark.django_db
def test_a_transfer_to_another_ward_routes_by_that_wards_rules(a, b):
    from motcua.feedback.workflow import Action, report_transition

    RoutingRule.objects.create(
        unit=b.ward,
        position=1,
        category=category("lan-chiem-long-le-duong"),
        handling_unit=b.economy,
    )
    report = ReportFactory(unit=a.ward, handling_unit=a.economy, status=Status.ACCEPTED)
    report_transition(
        report=report,
        action=Action.TRANSFER,
        actor=a.officer,
        unit=b.ward,
        note="Địa điểm thuộc phường Bình Đông.",
    )
    report.refresh_from_db()
    assert report.unit == b.ward
    assert report.handling_unit == b.economy
    assert report.status == Status.ACCEPTED
    assert report not in Report.objects.visible_to(a.officer)
    assert report in Report.objects.visible_to(b.officer)
