"""Helpers for tests that act as staff."""

from django_otp import DEVICE_ID_SESSION_KEY

from motcua.accounts.tests.factories import TOTPDeviceFactory
from motcua.organisations.tests.factories import MembershipFactory


def make_staff(unit, role: str = "one_stop_officer", **user_fields):
    """A staff user holding ``role`` in ``unit``, with a confirmed authenticator."""
    membership = MembershipFactory(
        unit=unit, role=role, **{f"user__{k}": v for k, v in user_fields.items()}
    )
    TOTPDeviceFactory(user=membership.user)
    return membership.user


def sign_in(client, user):
    """Sign ``user`` in as after password and second factor (for a staff user)."""
    client.force_login(user)
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
