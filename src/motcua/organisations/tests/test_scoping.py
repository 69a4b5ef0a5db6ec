"""One scoping mechanism: a user sees the units of their memberships and below; nothing else."""

import pytest

from motcua.organisations.models import Unit
from motcua.organisations.scoping import UnitScope
from motcua.organisations.tests.factories import MembershipFactory, UnitFactory
from motcua.organisations.tests.helpers import make_staff


@pytest.fixture
def two_wards(ward_a, ward_b):
    dept_a = UnitFactory(
        parent=ward_a, department=True, name="Phòng Văn hóa - Xã hội A", slug="vhxh-a"
    )
    dept_b = UnitFactory(
        parent=ward_b, department=True, name="Phòng Văn hóa - Xã hội B", slug="vhxh-b"
    )
    return dept_a, dept_b


@pytest.mark.django_db
def test_officer_of_ward_a_sees_ward_a_and_its_departments_and_nothing_of_ward_b(
    officer_a, ward_a, ward_b, two_wards
):
    dept_a, dept_b = two_wards
    visible = set(Unit.objects.visible_to(officer_a))
    assert visible == {ward_a, dept_a}
    assert ward_b not in visible
    assert dept_b not in visible
    assert not UnitScope.of(officer_a).contains(dept_b)


@pytest.mark.django_db
def test_administrator_sees_both_wards(administrator, ward_a, ward_b, two_wards):
    dept_a, dept_b = two_wards
    assert {ward_a, ward_b, dept_a, dept_b} <= set(Unit.objects.visible_to(administrator))


@pytest.mark.django_db
def test_specialist_of_a_department_does_not_see_the_rest_of_the_ward(ward_a, two_wards):
    dept_a, _dept_b = two_wards
    specialist = make_staff(dept_a, "specialist")
    assert set(Unit.objects.visible_to(specialist)) == {dept_a}


@pytest.mark.django_db
def test_user_with_memberships_in_two_wards_sees_both(ward_a, ward_b):
    user = make_staff(ward_a, "leader")
    MembershipFactory(user=user, unit=ward_b, role="editor")
    assert set(Unit.objects.visible_to(user)) == {ward_a, ward_b}


@pytest.mark.django_db
def test_revoked_membership_and_anonymous_users_see_nothing(officer_a, ward_a):
    officer_a.memberships.update(is_active=False)
    officer_a.refresh_from_db()
    assert not Unit.objects.visible_to(officer_a).exists()
    from django.contrib.auth.models import AnonymousUser

    assert not Unit.objects.visible_to(AnonymousUser()).exists()


@pytest.mark.django_db
def test_scoping_costs_one_query_for_the_scope_and_one_for_the_list(
    officer_a, ward_a, two_wards, django_assert_num_queries
):
    officer_a.refresh_from_db()
    with django_assert_num_queries(2):
        list(Unit.objects.visible_to(officer_a))
    with django_assert_num_queries(1):
        list(Unit.objects.visible_to(officer_a))
