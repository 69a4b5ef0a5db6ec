"""Feedback test data. Categories come from the data migration (``category("code")``)."""

import datetime as dt

import factory
from django.utils import timezone

from motcua.feedback.models import Category, Channel, Report, Status
from motcua.feedback.services import _hash_secret

SECRET = "ABCD-EFGH"


def category(code: str = "lan-chiem-long-le-duong") -> Category:
    return Category.objects.select_related("parent").get(code=code)


class ReportFactory(factory.django.DjangoModelFactory):
    """A report in any state. ``status`` sets the state; the traits fill what that state
    implies (``assigned``, ``answered``...)."""

    class Meta:
        model = Report

    code = factory.Sequence(lambda n: f"PA26-T{n:05d}")
    secret_hash = factory.LazyAttribute(lambda r: _hash_secret(r.code, SECRET))
    category = factory.LazyFunction(category)
    description = "Quán cà phê bày bàn ghế chiếm hết vỉa hè, người đi bộ phải xuống lòng đường."
    public_description = factory.LazyAttribute(lambda r: r.description)
    address = "120 Nơ Trang Long"
    public_address = "Nơ Trang Long"
    latitude = 10.8105
    longitude = 106.7011
    channel = Channel.WEB
    reporter_phone = "0903123456"
    received_at = factory.LazyFunction(timezone.now)
    status_changed_at = factory.LazyAttribute(lambda r: r.received_at)
    handling_unit = factory.LazyAttribute(lambda r: r.unit)
    status = Status.RECEIVED
    step_due = factory.LazyAttribute(
        lambda r: timezone.localdate(r.received_at) + dt.timedelta(days=2)
    )

    class Params:
        accepted = factory.Trait(
            status=Status.ACCEPTED,
            accepted_at=factory.LazyFunction(timezone.now),
            due_date=factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=21)),
            step_due=factory.SelfAttribute("due_date"),
        )
        answered = factory.Trait(
            status=Status.ANSWERED,
            accepted_at=factory.LazyFunction(timezone.now),
            answered_at=factory.LazyFunction(timezone.now),
            answer="Phường đã kiểm tra, yêu cầu quán dọn bàn ghế, trả lại vỉa hè thông thoáng.",
            step_due=None,
        )
