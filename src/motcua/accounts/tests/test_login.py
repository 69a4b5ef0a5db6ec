"""Staff sign-in: password, then a TOTP code; enrolment with a QR code; recovery codes; locks."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts.tests.factories import PASSWORD, UserFactory
from motcua.audit.models import AuditEvent
from motcua.organisations.tests.factories import MembershipFactory


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


def password_login(client, username, password=PASSWORD, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data)


@pytest.fixture
def new_officer(ward_a):
    return MembershipFactory(unit=ward_a, role="one_stop_officer", user__username="moi.vao").user


@pytest.mark.django_db
def test_first_sign_in_enrols_an_authenticator_then_shows_recovery_codes(client, new_officer):
    response = password_login(client, "moi.vao")
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    html = response.content.decode()
    assert "Thiết lập xác thực hai lớp" in html
    assert "<svg" in html, "the QR code is drawn inline"
    device = TOTPDevice.objects.get(user=new_officer, confirmed=False)

    wrong = client.post(reverse("accounts:two-factor-setup"), {"token": "000000"})
    assert "Mã không đúng hoặc đã hết hạn." in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=new_officer, confirmed=True).exists()

    # django-otp throttles a device for a moment after a wrong code, as a person retyping would see.
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5)):
        done = client.post(reverse("accounts:two-factor-setup"), {"token": current_code(device)})
    codes = re.findall(r"<code>(\d{8})</code>", done.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get(reverse("organisations:staff-home")).status_code == 200
    assert AuditEvent.objects.filter(
        action="account.2fa_enrolled", object_id=str(new_officer.public_id)
    ).exists()


@pytest.mark.django_db
def test_enrolled_officer_needs_the_code_before_the_back_office(client, officer_a):
    device = officer_a.totpdevice_set.get()
    response = password_login(client, "officer.a", next_url=reverse("organisations:staff-home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor"))
    # Without the second factor the back-office stays closed.
    blocked = client.get(reverse("organisations:staff-home"))
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(reverse("accounts:two-factor"))

    response = client.post(
        reverse("accounts:two-factor"),
        {"token": current_code(device), "next": reverse("organisations:staff-home")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:staff-home")
    assert "Xin chào" in client.get(reverse("organisations:staff-home")).content.decode()


@pytest.mark.django_db
def test_a_recovery_code_works_once(client, officer_a):
    from motcua.accounts.services import recovery_codes_issue

    codes = recovery_codes_issue(user=officer_a)
    password_login(client, "officer.a")
    assert client.post(reverse("accounts:two-factor"), {"token": codes[0]}).status_code == 302
    client.logout()
    password_login(client, "officer.a")
    again = client.post(reverse("accounts:two-factor"), {"token": codes[0]})
    assert again.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn." in again.content.decode()


@pytest.mark.django_db
@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_repeated_wrong_passwords_lock_the_account_even_with_the_right_password(client, officer_a):
    for _ in range(3):
        response = password_login(client, "officer.a", password="sai mật khẩu")
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    locked = password_login(client, "officer.a")
    assert locked.status_code == 200
    assert "Đăng nhập bị khóa" in locked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_repeated_wrong_codes_lock_the_second_factor(client, officer_a):
    device = officer_a.totpdevice_set.get()
    password_login(client, "officer.a")
    for _ in range(3):
        client.post(reverse("accounts:two-factor"), {"token": "123456"})
    response = client.post(reverse("accounts:two-factor"), {"token": current_code(device)})
    assert response.status_code == 200
    assert "Nhập sai mã quá nhiều lần" in response.content.decode()
    assert AuditEvent.objects.filter(action="account.2fa_failed").count() == 3


@pytest.mark.django_db
def test_citizen_signs_in_without_a_second_factor(client):
    UserFactory(username="cong.dan")
    response = password_login(client, "cong.dan")
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.is_authenticated
    assert client.get(reverse("organisations:staff-home")).status_code == 403


@pytest.mark.django_db
def test_sign_in_refuses_an_open_redirect(client, officer_a):
    response = password_login(client, "officer.a", next_url="https://evil.example/")
    assert "evil.example" not in response["Location"]


@pytest.mark.django_db
def test_sign_out_ends_the_session_and_is_audited(client, officer_a):
    from motcua.organisations.tests.helpers import sign_in

    sign_in(client, officer_a)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("organisations:staff-home")).status_code == 302
    assert AuditEvent.objects.filter(action="account.logout").exists()
