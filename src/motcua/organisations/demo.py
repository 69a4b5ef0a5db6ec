"""Demo organisation: Ho Chi Minh City with its current wards (imported from the national list),
four of them set up in full — two formed from the former Bình Thạnh district and two from the
former District 2, the districts of the 2018 seed pages — and one account per role.

Addresses, phone numbers and identifier codes of the demo wards are examples, not official data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts.models import User
from motcua.accounts.roles import RoleCode
from motcua.organisations.models import Unit, UnitKind
from motcua.organisations.services import membership_grant, units_import_vietnam

HCMC_CODE = "79"
DEMO_PASSWORD = "motcua-demo-2026"
#: One authenticator key shared by every demo staff account (hex, as django-otp stores it), so
#: that a tester adds it once to an authenticator app or runs ``manage.py demo_otp``.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"


@dataclass(frozen=True)
class DemoWard:
    gso_code: str
    handle: str  # prefix of the demo usernames
    identifier_code: str
    address: str
    hotline: str
    email: str
    saturday: bool


DEMO_WARDS = (
    DemoWard(
        "26929",
        "binhthanh",
        "000.31.26.H29",
        "6 Phan Đăng Lưu, Phường Bình Thạnh, TP. Hồ Chí Minh",
        "028 3841 1001",
        "phuongbinhthanh@tphcm.gov.vn",
        True,
    ),
    DemoWard(
        "26944",
        "giadinh",
        "000.32.26.H29",
        "99 Lê Văn Duyệt, Phường Gia Định, TP. Hồ Chí Minh",
        "028 3841 1002",
        "phuonggiadinh@tphcm.gov.vn",
        False,
    ),
    DemoWard(
        "27118",
        "ankhanh",
        "000.33.26.H29",
        "168 Trương Văn Bang, Phường An Khánh, TP. Hồ Chí Minh",
        "028 3740 2001",
        "phuongankhanh@tphcm.gov.vn",
        True,
    ),
    DemoWard(
        "27112",
        "catlai",
        "000.34.26.H29",
        "1 Nguyễn Thị Định, Phường Cát Lái, TP. Hồ Chí Minh",
        "028 3740 2002",
        "phuongcatlai@tphcm.gov.vn",
        False,
    ),
)

#: (short key, name template, kind) of the bodies inside each demo ward.
WARD_BODIES = (
    ("office", "Văn phòng HĐND và UBND {ward}", UnitKind.DEPARTMENT),
    ("economy", "Phòng Kinh tế, Hạ tầng và Đô thị {ward}", UnitKind.DEPARTMENT),
    ("culture", "Phòng Văn hóa - Xã hội {ward}", UnitKind.DEPARTMENT),
    ("center", "Trung tâm Phục vụ hành chính công {ward}", UnitKind.SERVICE_CENTER),
    ("police", "Công an {ward}", UnitKind.POLICE),
    ("front", "Ủy ban Mặt trận Tổ quốc Việt Nam {ward}", UnitKind.FRONT),
)

#: (username suffix, role, where: "ward" or a body key, full name, title)
WARD_STAFF = (
    (
        "motcua",
        RoleCode.ONE_STOP_OFFICER,
        "ward",
        "Nguyễn Thị Thu Hà",
        "Cán bộ Trung tâm Phục vụ hành chính công",
    ),
    (
        "chuyenvien",
        RoleCode.SPECIALIST,
        "culture",
        "Trần Văn Minh",
        "Chuyên viên tư pháp - hộ tịch",
    ),
    ("kinhte", RoleCode.SPECIALIST, "economy", "Phạm Quốc Bảo", "Chuyên viên địa chính - xây dựng"),
    ("lanhdao", RoleCode.LEADER, "ward", "Lê Hoàng Nam", "Phó Chủ tịch UBND phường"),
    ("bientap", RoleCode.EDITOR, "office", "Võ Ngọc Lan", "Chuyên viên Văn phòng"),
    ("mttq", RoleCode.FRONT_SUPERVISOR, "ward", "Đặng Thị Mai", "Phó Chủ tịch Ủy ban MTTQ phường"),
)

#: City-level accounts: (username, role, unit key, full name, title)
CITY_STAFF = (
    ("noivu", RoleCode.PAR_ASSESSOR, "home_affairs", "Hoàng Minh Tuấn", "Chuyên viên Sở Nội vụ"),
    ("quantri", RoleCode.ADMINISTRATOR, "city", "Bùi Thanh Sơn", "Quản trị hệ thống"),
)


def _body(parent: Unit, key: str, name: str, kind: str) -> Unit:
    slug = f"{parent.slug}-{key}"
    unit, _created = Unit.objects.get_or_create(
        slug=slug, defaults={"parent": parent, "name": name, "kind": kind}
    )
    return unit


def _account(username: str, full_name: str, *, staff: bool) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "email": f"{username}@demo.motcua.vn", "is_staff": staff},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if staff and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name="demo", key=DEMO_TOTP_KEY, confirmed=True)
    return user


@transaction.atomic
def seed(log=print) -> None:
    units_import_vietnam(province_codes=[int(HCMC_CODE)])
    city = Unit.objects.get(gso_code=HCMC_CODE, kind=UnitKind.PROVINCE)
    city.short_name = "TP.HCM"
    city.identifier_code = "000.00.00.H29"
    city.address = "86 Lê Thánh Tôn, Phường Sài Gòn, TP. Hồ Chí Minh"
    city.hotline = "1022"
    city.email = "ubnd@tphcm.gov.vn"
    city.feedback_mailbox = "https://1022.tphcm.gov.vn"
    city.save()
    city_units = {
        "city": city,
        "home_affairs": _body(
            city, "so-noi-vu", "Sở Nội vụ Thành phố Hồ Chí Minh", UnitKind.DEPARTMENT
        ),
    }

    for ward_data in DEMO_WARDS:
        ward = Unit.objects.get(gso_code=ward_data.gso_code)
        ward.identifier_code = ward_data.identifier_code
        ward.address, ward.hotline, ward.email = (
            ward_data.address,
            ward_data.hotline,
            ward_data.email,
        )
        ward.feedback_mailbox = f"hopthugopy.{ward_data.handle}@tphcm.gov.vn"
        ward.receives_saturday_morning = ward_data.saturday
        ward.sort_order = 1  # the demo wards first in the directory
        ward.save()
        bodies = {"ward": ward}
        short = ward.name.replace("Phường ", "phường ")
        for key, template, kind in WARD_BODIES:
            bodies[key] = _body(ward, key, template.format(ward=short), kind)
            if kind in (UnitKind.SERVICE_CENTER, UnitKind.FRONT):
                bodies[key].address = ward.address
                bodies[key].receives_saturday_morning = ward.receives_saturday_morning
                bodies[key].hotline = ward.hotline
                bodies[key].save()
        for suffix, role, where, full_name, title in WARD_STAFF:
            user = _account(f"{ward_data.handle}.{suffix}", full_name, staff=True)
            membership_grant(actor=None, user=user, unit=bodies[where], role_code=role, title=title)
            if role == RoleCode.LEADER and ward.leader_id is None:
                ward.leader = user
                ward.save(update_fields=["leader"])

    for username, role, where, full_name, title in CITY_STAFF:
        user = _account(username, full_name, staff=True)
        membership_grant(actor=None, user=user, unit=city_units[where], role_code=role, title=title)

    _account("congdan", "Nguyễn Văn An", staff=False)
    log(f"Demo organisation: {Unit.objects.count()} units, {User.objects.count()} accounts.")
