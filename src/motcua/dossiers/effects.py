"""What each workflow action does to a dossier (called by ``workflow.dossier_transition`` with
the row locked). Each returns an :class:`~motcua.dossiers.workflow.Outcome`."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.models import User
from motcua.accounts.roles import RoleCode
from motcua.core.errors import DomainError
from motcua.core.templatetags.motcua import short_date
from motcua.dossiers import deadlines
from motcua.dossiers.models import Dossier, Payment, PaymentStatus, SlipKind, Stage, Status
from motcua.notifications.models import Channel
from motcua.notifications.services import Recipient, notify
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit
from motcua.organisations.selectors import roles_in
from motcua.workcalendar.selectors import add_working_days, is_working_day

from .workflow import Outcome


def lookup_url(dossier: Dossier) -> str:
    """The public status page, with the secret: what the receipt's QR code opens."""
    path = reverse("dossiers:status", args=[dossier.code])
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}?ma={dossier.secret}"


def desk_label(dossier: Dossier) -> str:
    return _("One-stop desk, %(unit)s") % {"unit": dossier.unit.name}


def _today(now: dt.datetime) -> dt.date:
    return timezone.localtime(now).date()


def _processing_step_due(dossier: Dossier) -> dt.date | None:
    """The department's and specialist's share: all but the last working day, kept for signing."""
    due = dossier.extended_due_date or dossier.due_date
    if due is None or dossier.clock_start is None:
        return due
    if dossier.procedure_version.processing_days < 2:
        return due
    return max(
        dossier.clock_start,
        add_working_days(dossier.clock_start, dossier.procedure_version.processing_days - 1),
    )


def _items(data: dict) -> list[str]:
    raw = data.get("items") or []
    items = [line.strip(" -•\t") for line in (raw.splitlines() if isinstance(raw, str) else raw)]
    items = [item for item in items if item]
    if not items:
        raise DomainError(
            _("List every missing document, one per line."), field="items", code="required"
        )
    return items


def _slip_base(dossier: Dossier, now: dt.datetime, actor) -> dict:
    unit = dossier.unit
    version = dossier.procedure_version
    return {
        "code": dossier.code,
        "issuer": f"Ủy ban nhân dân {unit.name.lower()}"
        if unit.kind in ADMINISTRATIVE_KINDS
        else unit.name,
        "issuer_parent": unit.parent.name if unit.parent_id else "",
        "unit_name": unit.name,
        "unit_address": unit.address,
        "unit_hotline": unit.hotline,
        "issued_at": timezone.localtime(now).isoformat(),
        "applicant_name": dossier.applicant_name,
        "organisation_name": dossier.organisation_name,
        "applicant_address": dossier.applicant_address,
        "applicant_phone": dossier.applicant_phone,
        "applicant_email": dossier.applicant_email,
        "procedure_name": version.procedure.name,
        "procedure_code": version.procedure.code,
        "officer": actor.get_full_name() if actor is not None and actor.is_authenticated else "",
        "lookup_url": lookup_url(dossier),
        "secret": dossier.secret,
    }


def receive(dossier: Dossier, *, actor, data, now) -> Outcome:
    version = dossier.procedure_version
    dossier.received_at = now
    dossier.clock_start = deadlines.counting_start(now, applies_cutoff=version.applies_cutoff)
    dossier.due_date = deadlines.due_from(dossier.clock_start, version.processing_days)
    dossier.extended_due_date = None
    dossier.stage = Stage.DESK
    dossier.supplement_stage, dossier.supplement_items = "", []
    documents = [
        {"name": d.name, "requirement": d.get_requirement_display(), "quantity": d.quantity}
        for d in version.documents.all()
        if not d.is_optional or dossier.documents.filter(requirement=d).exists()
    ]
    extra = [
        {"name": d.name, "requirement": "", "quantity": 1}
        for d in dossier.documents.filter(requirement__isnull=True)
    ]
    slip = {
        **_slip_base(dossier, now, actor),
        "documents": documents + extra,
        "received_at": timezone.localtime(now).isoformat(),
        "due_date": dossier.due_date.isoformat(),
        "processing_days": version.processing_days,
        "fee": str(dossier.fee_amount),
        "channel": dossier.get_channel_display(),
    }
    return Outcome(
        public_note=_("Your dossier was received. Appointment to collect the result: %(date)s.")
        % {"date": short_date(dossier.due_date)},
        holder_label=desk_label(dossier),
        step_due=dossier.clock_start,
        slip=(SlipKind.RECEIPT, slip),
        notify="dossier.received",
        audit={"due_date": dossier.due_date.isoformat()},
    )


def request_documents(dossier: Dossier, *, actor, data, now) -> Outcome:
    items = _items(data)
    dossier.supplement_stage, dossier.supplement_items = "reception", items
    dossier.stage = Stage.APPLICANT
    slip = {**_slip_base(dossier, now, actor), "items": items, "reason": data.get("note", "")}
    return Outcome(
        public_note=_("Your dossier is not complete yet. Please add: %(items)s.")
        % {"items": "; ".join(items)},
        holder_label=_("Applicant"),
        slip=(SlipKind.SUPPLEMENT, slip),
        notify="dossier.supplement_requested",
    )


def refuse(dossier: Dossier, *, actor, data, now) -> Outcome:
    dossier.closed_reason = data["reason"]
    dossier.stage = Stage.DESK
    slip = {**_slip_base(dossier, now, actor), "reason": data["reason"]}
    return Outcome(
        public_note=_("Your dossier was not received. Reason: %(reason)s")
        % {"reason": data["reason"]},
        slip=(SlipKind.REFUSAL, slip),
        notify="dossier.refused",
    )


def send_to_department(dossier: Dossier, *, actor, data, now) -> Outcome:
    department = data["department"]
    if not isinstance(department, Unit):
        department = Unit.objects.filter(public_id=department).first()
    if (
        department is None
        or not department.path.startswith(dossier.processing_unit.path)
        or department.kind in ADMINISTRATIVE_KINDS
    ):
        raise DomainError(
            _("Choose a department of the unit that processes the dossier."), field="department"
        )
    dossier.department = department
    dossier.stage = Stage.DEPARTMENT
    return Outcome(
        public_note=_("Your dossier is being processed by %(department)s.")
        % {"department": department.name},
        holder_label=department.name,
        step_due=_processing_step_due(dossier),
        audit={"department": department.name},
    )


def assign(dossier: Dossier, *, actor, data, now) -> Outcome:
    assignee = data["assignee"]
    if not isinstance(assignee, User):
        assignee = User.objects.filter(public_id=assignee, is_active=True).first()
    where = dossier.department or dossier.processing_unit
    if assignee is None or RoleCode.SPECIALIST not in roles_in(assignee, where):
        raise DomainError(_("Choose a specialist of the department in charge."), field="assignee")
    if RoleCode.LEADER not in roles_in(actor, dossier.processing_unit) and assignee != actor:
        raise DomainError(
            _("A specialist can only take a dossier for themselves."), field="assignee"
        )
    dossier.assignee = assignee
    dossier.stage = Stage.SPECIALIST
    return Outcome(
        holder_label=assignee.get_full_name(),
        step_due=_processing_step_due(dossier),
        audit={"assignee": assignee.username},
    )


def request_supplement(dossier: Dossier, *, actor, data, now) -> Outcome:
    today = _today(now)
    if dossier.clock_start is None or today > deadlines.supplement_deadline(dossier.clock_start):
        raise DomainError(
            _(
                "More documents can only be requested within 3 working days of reception (until %(date)s)."
            )
            % {
                "date": short_date(deadlines.supplement_deadline(dossier.clock_start))
                if dossier.clock_start
                else "—"
            },
            field="items",
            code="supplement_too_late",
        )
    items = _items(data)
    dossier.processing_supplements += 1
    dossier.supplement_stage, dossier.supplement_items = "processing", items
    dossier.stage = Stage.APPLICANT
    dossier.paused_on = today
    slip = {**_slip_base(dossier, now, actor), "items": items, "reason": data.get("note", "")}
    return Outcome(
        public_note=_(
            "Please add these documents; processing starts again from zero when they arrive: %(items)s."
        )
        % {"items": "; ".join(items)},
        holder_label=_("Applicant"),
        slip=(SlipKind.SUPPLEMENT, slip),
        notify="dossier.supplement_requested",
        audit={"items": items},
    )


def supplement_received(dossier: Dossier, *, actor, data, now) -> Outcome:
    items = dossier.supplement_items
    dossier.supplement_items = []
    dossier.paused_on = None
    if dossier.supplement_stage == "reception":
        dossier.status = Status.SUBMITTED
        dossier.stage = Stage.DESK
        dossier.supplement_stage = ""
        return Outcome(
            public_note=_(
                "The additional documents arrived; the desk will check the dossier again."
            ),
            holder_label=desk_label(dossier),
        )
    # During processing the clock restarts from zero with the complete dossier.
    version = dossier.procedure_version
    dossier.status = Status.PROCESSING
    dossier.supplement_stage = ""
    dossier.clock_start = deadlines.counting_start(now, applies_cutoff=version.applies_cutoff)
    dossier.due_date = deadlines.due_from(dossier.clock_start, version.processing_days)
    dossier.extended_due_date = None
    dossier.stage = Stage.SPECIALIST if dossier.assignee_id else Stage.DEPARTMENT
    holder = (
        dossier.assignee.get_full_name()
        if dossier.assignee_id
        else (dossier.department.name if dossier.department_id else "")
    )
    return Outcome(
        public_note=_("The additional documents arrived. New appointment date: %(date)s.")
        % {"date": short_date(dossier.due_date)},
        holder_label=holder,
        step_due=_processing_step_due(dossier),
        notify="dossier.supplement_completed",
        audit={"items": items, "due_date": dossier.due_date.isoformat()},
    )


def request_payment(dossier: Dossier, *, actor, data, now) -> Outcome:
    try:
        amount = Decimal(str(data["amount"]))
    except (InvalidOperation, ValueError) as error:
        raise DomainError(_("Enter an amount in dong."), field="amount") from error
    if amount <= 0:
        raise DomainError(_("Enter an amount in dong."), field="amount")
    dossier.fee_amount = amount
    dossier.fee_paid_at = None
    dossier.paused_on = _today(now)
    dossier.stage = Stage.APPLICANT
    return Outcome(
        public_note=_("Please pay %(amount)s dong to continue (at the desk or online).")
        % {"amount": f"{amount:,.0f}".replace(",", ".")},
        holder_label=_("Applicant"),
        notify="dossier.payment_requested",
        audit={"amount": str(amount)},
    )


def payment_received(dossier: Dossier, *, actor, data, now) -> Outcome:
    payment = data.get("payment")  # set when a payment provider confirmed an online payment
    if payment is None:
        payment = Payment.objects.create(
            dossier=dossier,
            amount=dossier.fee_amount,
            method="desk",
            reference=f"desk-{uuid.uuid4().hex[:12]}",
            status=PaymentStatus.PAID,
            paid_at=now,
            recorded_by=actor if actor is not None and actor.is_authenticated else None,
        )
    dossier.fee_paid_at = payment.paid_at or now
    today = _today(now)
    if dossier.paused_on:
        dossier.due_date = deadlines.resume_after_pause(dossier.due_date, dossier.paused_on, today)
        if dossier.extended_due_date:
            dossier.extended_due_date = deadlines.resume_after_pause(
                dossier.extended_due_date, dossier.paused_on, today
            )
    dossier.paused_on = None
    dossier.stage = Stage.SPECIALIST if dossier.assignee_id else Stage.DEPARTMENT
    return Outcome(
        public_note=_("Payment received; processing continues."),
        audit={"amount": str(payment.amount), "payment": payment.reference},
    )


def submit_for_approval(dossier: Dossier, *, actor, data, now) -> Outcome:
    dossier.stage = Stage.LEADER
    return Outcome(
        holder_label=_("Leader of %(unit)s") % {"unit": dossier.processing_unit.name},
        step_due=dossier.extended_due_date or dossier.due_date,
        internal_note=data.get("note", ""),
    )


def send_back(dossier: Dossier, *, actor, data, now) -> Outcome:
    dossier.stage = Stage.SPECIALIST
    return Outcome(
        holder_label=dossier.assignee.get_full_name() if dossier.assignee_id else "",
        step_due=dossier.extended_due_date or dossier.due_date,
        internal_note=data["note"],
    )


def approve(dossier: Dossier, *, actor, data, now) -> Outcome:
    dossier.stage = Stage.DESK
    dossier.finished_at = now
    return Outcome(
        public_note=_("The result is ready. Please come to collect it at %(desk)s.")
        % {"desk": desk_label(dossier)},
        holder_label=desk_label(dossier),
        step_due=dossier.extended_due_date or dossier.due_date,
        internal_note=data.get("note", ""),
        notify="dossier.result_ready",
    )


def transfer(dossier: Dossier, *, actor, data, now) -> Outcome:
    target = data["unit"]
    if not isinstance(target, Unit):
        target = Unit.objects.filter(public_id=target, is_active=True).first()
    if (
        target is None
        or target.kind not in ADMINISTRATIVE_KINDS
        or target.pk == dossier.processing_unit_id
    ):
        raise DomainError(_("Choose another administrative unit."), field="unit")
    dossier.processing_unit = target
    dossier.department = None
    dossier.assignee = None
    dossier.stage = Stage.DEPARTMENT
    return Outcome(
        public_note=_("Your dossier was transferred to %(unit)s for processing.")
        % {"unit": target.name},
        holder_label=target.name,
        step_due=_processing_step_due(dossier),
        internal_note=data["note"],
        audit={"to_unit": target.name},
    )


def apologize(dossier: Dossier, *, actor, data, now) -> Outcome:
    if dossier.extended_due_date:
        raise DomainError(
            _("A new appointment date can be set only once."),
            field="new_date",
            code="already_extended",
        )
    current = dossier.due_date
    today = _today(now)
    if current is None or today > deadlines.apology_deadline(current):
        raise DomainError(
            _(
                "The apology must be sent at least one working day before the appointment date (%(date)s)."
            )
            % {"date": short_date(current)},
            field="new_date",
            code="apology_too_late",
        )
    new_date = data["new_date"]
    if isinstance(new_date, str):
        try:
            new_date = dt.date.fromisoformat(new_date)
        except ValueError as error:
            raise DomainError(_("Enter a valid date."), field="new_date") from error
    if new_date <= current:
        raise DomainError(
            _("The new date must be after the current appointment date."), field="new_date"
        )
    if not is_working_day(new_date):
        raise DomainError(_("The new date must be a working day."), field="new_date")
    dossier.extended_due_date = new_date
    slip = {
        **_slip_base(dossier, now, actor),
        "reason": data["reason"],
        "old_date": current.isoformat(),
        "new_date": new_date.isoformat(),
    }
    return Outcome(
        public_note=_(
            "We apologise: your dossier needs more time (%(reason)s). New appointment date: %(date)s."
        )
        % {"reason": data["reason"], "date": short_date(new_date)},
        slip=(SlipKind.APOLOGY, slip),
        notify="dossier.apology",
        audit={"new_date": new_date.isoformat()},
    )


def return_result(dossier: Dossier, *, actor, data, now) -> Outcome:
    dossier.returned_at = now
    dossier.stage = Stage.APPLICANT
    return Outcome(
        public_note=_("The result was handed to you. Thank you."),
        holder_label=_("Applicant"),
        notify="dossier.returned",
    )


def withdraw(dossier: Dossier, *, actor, data, now) -> Outcome:
    dossier.closed_reason = data["reason"]
    dossier.paused_on = None
    return Outcome(
        public_note=_("The dossier was withdrawn at your request."), notify="dossier.withdrawn"
    )


def stop(dossier: Dossier, *, actor, data, now) -> Outcome:
    dossier.closed_reason = data["reason"]
    dossier.paused_on = None
    return Outcome(
        public_note=_("Processing was stopped. Reason: %(reason)s") % {"reason": data["reason"]},
        notify="dossier.stopped",
    )


def notify_applicant(dossier: Dossier, event: str, *, key: str, first: bool = False) -> None:
    """Tell the applicant by SMS and e-mail (``first``: see ``notify``)."""
    context = {
        "code": dossier.code,
        "name": dossier.applicant_name,
        "procedure": dossier.procedure_version.procedure.name,
        "unit": dossier.unit.name,
        "due_date": short_date(dossier.extended_due_date or dossier.due_date),
        "items": dossier.supplement_items,
        "reason": dossier.closed_reason,
        "amount": f"{dossier.fee_amount:,.0f}".replace(",", "."),
        "url": lookup_url(dossier),
    }
    notify(
        event=event,
        recipients=[
            Recipient(Channel.SMS, dossier.applicant_phone),
            Recipient(Channel.EMAIL, dossier.applicant_email),
        ],
        context=context,
        obj=dossier,
        unit_id=dossier.unit_id,
        key=key,
        first=first,
    )
