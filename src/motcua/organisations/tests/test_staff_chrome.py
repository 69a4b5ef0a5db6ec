"""The staff layout's top bar and menu are drawn once per user and kept, yet every page gets its
own CSRF token and return address, and a new name, unit or role shows at once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from motcua.organisations.tests.factories import MembershipFactory
from motcua.organisations.tests.helpers import make_staff, sign_in

pytestmark = pytest.mark.django_db

TOPBAR = "components/organisms/staff_topbar.html"


def drawn(response) -> set[str]:
    return {template.name for template in response.templates}


def selected_unit(html: str) -> str:
    return re.search(r'<option value="[^"]+" selected>([^<]+)</option>', html)[1]


def test_the_top_bar_is_drawn_once_and_each_page_gets_its_own_token_and_address(ward_a, ward_b):
    officer = make_staff(ward_a, full_name="Nguyễn Thị Thu Hà")
    MembershipFactory(user=officer, unit=ward_b)
    browser = sign_in(Client(enforce_csrf_checks=True), officer)
    queue = reverse("dossiers:queue")
    assert TOPBAR in drawn(browser.get(queue))
    response = browser.get(queue, {"queue": "mine"})
    html = response.content.decode()
    assert TOPBAR not in drawn(response)
    assert "Nguyễn Thị Thu Hà" in html
    assert re.findall(r'<a href="([^"]+)" aria-current="page"', html)[0] == queue
    assert re.search(r'name="next" value="([^"]+)"', html)[1] == f"{queue}?queue=mine"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    switched = browser.post(
        reverse("organisations:switch-unit"),
        {"unit": str(ward_b.public_id), "next": queue, "csrfmiddlewaretoken": token},
    )
    assert switched["Location"] == queue
    assert selected_unit(browser.get(queue).content.decode()) == ward_b.name


def test_each_user_gets_their_own_top_bar_and_a_new_name_or_role_shows_at_once(ward_a, city):
    officer = make_staff(ward_a, full_name="Nguyễn Thị Thu Hà")
    other = make_staff(ward_a, full_name="Trần Văn Minh")
    home = reverse("organisations:staff-home")
    assert "Trần Văn Minh" in sign_in(Client(), other).get(home).content.decode()
    browser = sign_in(Client(), officer)
    html = browser.get(home).content.decode()
    assert "Nguyễn Thị Thu Hà" in html
    assert "Trần Văn Minh" not in html
    assert "Nhật ký hệ thống" not in html  # the audit log: administrators only

    officer.full_name = "Nguyễn Thu Hà"
    officer.save()
    assert "<summary>Nguyễn Thu Hà</summary>" in browser.get(home).content.decode()
    MembershipFactory(user=officer, unit=city, role="administrator")
    assert "Nhật ký hệ thống" in browser.get(home).content.decode()


def test_with_the_page_cache_off_every_page_draws_its_top_bar(ward_a, settings):
    settings.PAGE_CACHE_SECONDS = 0
    browser = sign_in(Client(), make_staff(ward_a))
    for _ in range(2):
        assert TOPBAR in drawn(browser.get(reverse("organisations:staff-home")))
