"""Online payment through a payment provider.

A provider turns a payment into a page where the applicant pays and calls us back with a
signed confirmation. Real gateways (the national portal's payment platform, banks) implement
:class:`PaymentProvider` and are chosen by the ``PAYMENT_PROVIDER`` setting. The embedded
set-up uses :class:`TestProvider`, whose "gateway" is a page of this site that simulates one.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from motcua.audit.services import audit_record
from motcua.core.errors import DomainError
from motcua.dossiers.models import Dossier, Payment, PaymentStatus, Status
from motcua.dossiers.workflow import dossier_transition


class PaymentProvider:
    name = "base"

    def start(self, payment: Payment) -> str:
        """Return the URL of the provider's page where the applicant pays."""
        raise NotImplementedError

    def verify(self, params: dict) -> bool:
        """Check the signature of a callback."""
        raise NotImplementedError


def _signature(reference: str, amount: str, result: str) -> str:
    message = f"{reference}|{amount}|{result}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


class TestProvider(PaymentProvider):
    """A stand-in gateway for the embedded set-up and the tests."""

    name = "test"

    def start(self, payment: Payment) -> str:
        return reverse("dossiers:test-gateway", args=[payment.reference])

    @staticmethod
    def sign(reference: str, amount: str, result: str) -> str:
        return _signature(reference, amount, result)

    def verify(self, params: dict) -> bool:
        expected = _signature(
            params.get("reference", ""), params.get("amount", ""), params.get("result", "")
        )
        return hmac.compare_digest(expected, params.get("signature", ""))


def provider() -> PaymentProvider:
    return import_string(settings.PAYMENT_PROVIDER)()


def payment_start(*, dossier: Dossier) -> str:
    """Create a pending payment for the amount due and return the provider's URL."""
    if dossier.status != Status.PAYMENT or not dossier.fee_amount:
        raise DomainError(_("There is nothing to pay."), code="nothing_to_pay")
    gateway = provider()
    with transaction.atomic():
        payment = Payment.objects.create(
            dossier=dossier,
            amount=dossier.fee_amount,
            method=gateway.name,
            reference=f"{gateway.name}-{uuid.uuid4().hex[:16]}",
        )
        audit_record(
            actor=None,
            action="dossier.payment_started",
            obj=dossier,
            unit_id=dossier.unit_id,
            after={"reference": payment.reference},
        )
    return gateway.start(payment)


def payment_confirm(*, params: dict) -> Payment:
    """Handle the provider's callback: idempotent (a repeated callback changes nothing)."""
    if not provider().verify(params):
        raise DomainError(_("The payment confirmation is not valid."), code="invalid_signature")
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update()
            .select_related("dossier")
            .get(reference=params["reference"])
        )
        if payment.status != PaymentStatus.PENDING:
            return payment
        if params.get("result") != "paid" or Decimal(params.get("amount", "0")) != payment.amount:
            payment.status = PaymentStatus.CANCELLED
            payment.save(update_fields=["status", "updated_at"])
            return payment
        payment.status = PaymentStatus.PAID
        payment.paid_at = timezone.now()
        payment.save(update_fields=["status", "paid_at", "updated_at"])
        if payment.dossier.status == Status.PAYMENT:
            dossier_transition(
                dossier=payment.dossier,
                action="payment_received",
                as_applicant=True,
                data={"payment": payment},
            )
    return payment
