import pytest
from django.urls import reverse

from motcua.organisations.tests.factories import MembershipFactory
from motcua.organisations.tests.helpers import sign_in


@pytest.mark.django_db
def test_staff_home_lists_the_roles_of_the_officer(client, officer_a, ward_a):
    sign_in(client, officer_a)
    html = client.get(reverse("organisations:staff-home")).content.decode()
    assert "Phường An Lạc" in html
    assert "Cán bộ một cửa" in html


@pytest.mark.django_db
def test_unit_switcher_offers_only_the_users_own_units(client, officer_a, ward_a, ward_b):
    MembershipFactory(user=officer_a, unit=ward_b, role="editor")
    sign_in(client, officer_a)
    client.post(reverse("organisations:switch-unit"), {"unit": str(ward_b.public_id)})
    assert (
        "Bạn đang làm việc tại Phường Bình Đông."
        in client.get(reverse("organisations:staff-home")).content.decode()
    )


@pytest.mark.django_db
def test_unit_switcher_ignores_a_unit_the_user_does_not_belong_to(
    client, officer_a, ward_a, ward_b
):
    sign_in(client, officer_a)
    client.post(reverse("organisations:switch-unit"), {"unit": str(ward_b.public_id)})
    assert (
        "Bạn đang làm việc tại Phường An Lạc."
        in client.get(reverse("organisations:staff-home")).content.decode()
    )


@pytest.mark.django_db
def test_administrator_sees_admin_menu_entries_and_officer_does_not(
    client, officer_a, administrator
):
    sign_in(client, officer_a)
    assert (
        "Nhật ký hệ thống" not in client.get(reverse("organisations:staff-home")).content.decode()
    )
    sign_in(client, administrator)
    assert "Nhật ký hệ thống" in client.get(reverse("organisations:staff-home")).content.decode()
