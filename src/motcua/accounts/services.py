"""Second-factor enrolment and verification for staff (TOTP, with one-time recovery codes)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.audit.services import audit_record
from motcua.core.ratelimit import RateLimit

RECOVERY_CODE_COUNT = 10


def otp_limit() -> RateLimit:
    return RateLimit("otp", settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_LOCK_SECONDS)


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_pending_device(user) -> TOTPDevice:
    """The unconfirmed authenticator being enrolled (a new secret if there is none yet)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def recovery_codes_issue(*, user) -> list[str]:
    """Replace the user's recovery codes with new ones and return them (shown once)."""
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODE_COUNT)]
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name="recovery", defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
        audit_record(actor=user, action="account.recovery_codes_issued", obj=user)
    return codes


def totp_enrol_confirm(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm a new authenticator with a first code. Returns fresh recovery codes, or None
    when the code is wrong."""
    if not device.verify_token(token):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit_record(actor=device.user, action="account.2fa_enrolled", obj=device.user)
    otp_login(request, device)
    request.session.cycle_key()  # a session key seen before the second factor is worthless
    return recovery_codes_issue(user=device.user)


def second_factor_verify(*, request, token: str) -> bool:
    """Check a TOTP or recovery code for the signed-in user and mark the session verified."""
    user = request.user
    device = match_token(user, token)
    if device is None:
        audit_record(actor=user, action="account.2fa_failed", obj=user)
        return False
    otp_login(request, device)
    request.session.cycle_key()  # a session key seen before the second factor is worthless
    otp_limit().reset(str(user.pk))
    audit_record(
        actor=user,
        action="account.2fa_verified",
        obj=user,
        reason="recovery code" if isinstance(device, StaticDevice) else "",
    )
    return True
