"""Writes on complaints, denunciations and citizen reception. Status changes go through
``workflow.case_transition``."""

from __future__ import annotations

import datetime as dt
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.complaints.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Kind,
    ReceivedVia,
    ReceptionSession,
    ReceptionVisit,
    VisitOutcome,
    VisitTopic,
)
from motcua.complaints.workflow import RECEPTION_REPLY_DAYS, intake_deadlines
from motcua.core.errors import DomainError, NotAllowed
from motcua.core.rules import rule_value
from motcua.core.text import squash_spaces
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit
from motcua.organisations.selectors import has_role
from motcua.workcalendar.selectors import add_working_days

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
INTAKE_ROLES = (RoleCode.LEADER, RoleCode.ONE_STOP_OFFICER, RoleCode.SPECIALIST)


def may_record(user, unit: Unit) -> bool:
    """Leaders and specialists of the unit, and its one-stop desk (which may sit in a body
    inside the ward: the same ward-wide rule as for feedback)."""
    from motcua.feedback.access import holds

    return any(holds(user, role, unit) for role in INTAKE_ROLES)


def _new_code(kind: str, now: dt.datetime) -> str:
    prefix = "KN" if kind == Kind.COMPLAINT else "TC"
    while True:
        code = f"{prefix}{timezone.localtime(now):%y}-" + "".join(
            secrets.choice(ALPHABET) for _ in range(6)
        )
        if not Case.objects.filter(code=code).exists():
            return code


def case_create(
    *,
    actor,
    kind: str,
    unit: Unit,
    subject: str,
    content: str,
    received_via: str = ReceivedVia.DIRECT,
    person_name: str = "",
    person_id_number: str = "",
    person_address: str = "",
    person_phone: str = "",
    person_email: str = "",
    remote_area: bool = False,
    received_at: dt.datetime | None = None,
) -> Case:
    """Record a complaint or a denunciation. A denunciation without the denouncer's name is
    recorded only: it is not processed as a denunciation (Law on Denunciations, art. 25)."""
    if kind not in Kind.values:
        raise DomainError(_("Choose complaint or denunciation."), field="kind")
    if unit.kind not in ADMINISTRATIVE_KINDS or not unit.is_active:
        raise DomainError(_("Choose the receiving authority."), field="unit")
    if not may_record(actor, unit):
        raise NotAllowed(_("You may not record petitions for this unit."))
    subject, content = squash_spaces(subject or "")[:300], (content or "").strip()
    if not subject:
        raise DomainError(_("Give a short subject."), field="subject")
    if len(content) < 20:
        raise DomainError(_("Write the content of the petition."), field="content")
    if received_via not in ReceivedVia.values:
        raise DomainError(_("Choose how the petition was received."), field="received_via")
    person_name = squash_spaces(person_name or "")[:200]
    if kind == Kind.COMPLAINT and not person_name:
        raise DomainError(_("A complaint must give the complainant's name."), field="person_name")
    now = timezone.now()
    received_at = received_at or now
    anonymous = not person_name
    with transaction.atomic():
        case = Case(
            code=_new_code(kind, received_at),
            kind=kind,
            unit=unit,
            status=CaseStatus.RECORDED if anonymous else CaseStatus.RECEIVED,
            received_at=received_at,
            received_via=received_via,
            subject=subject,
            content=content,
            person_name=person_name,
            person_id_number=squash_spaces(person_id_number or "")[:20],
            person_address=squash_spaces(person_address or "")[:300],
            person_phone=squash_spaces(person_phone or "")[:20],
            person_email=(person_email or "").strip()[:254],
            is_anonymous=anonymous,
            remote_area=remote_area,
            created_by=actor,
        )
        if not anonymous:
            intake_deadlines(case)
        case.save()
        CaseEvent.objects.create(
            case=case,
            action="receive",
            to_status=case.status,
            actor=actor,
            actor_label=actor.get_full_name(),
            note=_("Anonymous: recorded, not processed as a denunciation.") if anonymous else "",
            created_at=received_at,
        )
        # The audit trail carries no identity: only what kind of record this is.
        audit_record(
            actor=actor,
            action="complaints.receive",
            obj=case,
            unit_id=unit.pk,
            after={"kind": kind, "status": case.status, "anonymous": anonymous},
        )
    return case


# --- Citizen reception ----------------------------------------------------------------------


def may_manage_reception(user, unit: Unit) -> bool:
    from motcua.feedback.access import holds

    return holds(user, RoleCode.LEADER, unit) or holds(user, RoleCode.ONE_STOP_OFFICER, unit)


def session_save(
    *,
    actor,
    unit: Unit,
    date: dt.date,
    starts_at: dt.time,
    ends_at: dt.time,
    host_title: str,
    location: str,
    host=None,
    is_leader_session: bool = True,
    is_published: bool = True,
    note: str = "",
    session: ReceptionSession | None = None,
) -> ReceptionSession:
    if not may_manage_reception(actor, unit):
        raise NotAllowed(_("You may not plan reception sessions for this unit."))
    if ends_at <= starts_at:
        raise DomainError(_("The session must end after it starts."), field="ends_at")
    if not host_title.strip():
        raise DomainError(_("Say who receives citizens."), field="host_title")
    with transaction.atomic():
        session = session or ReceptionSession(unit=unit)
        session.date, session.starts_at, session.ends_at = date, starts_at, ends_at
        session.host, session.host_title = host, host_title.strip()[:300]
        session.location = location.strip()[:300]
        session.is_leader_session, session.is_published = is_leader_session, is_published
        session.note = note.strip()
        session.save()
        audit_record(
            actor=actor,
            action="complaints.session_save",
            obj=session,
            unit_id=unit.pk,
            after={"date": date.isoformat(), "published": is_published},
        )
    return session


def visit_record(
    *,
    actor,
    session: ReceptionSession,
    visitor_name: str,
    topic: str,
    content: str,
    outcome: str,
    outcome_note: str = "",
    visitor_id_number: str = "",
    visitor_address: str = "",
    visitor_phone: str = "",
    group_size: int = 1,
) -> ReceptionVisit:
    """Log one visit. Unless answered on the spot, a written reply is due within 10 working
    days of the session."""
    if not (
        may_manage_reception(actor, session.unit)
        or session.host_id == getattr(actor, "pk", None)
        or has_role(actor, RoleCode.SPECIALIST, session.unit)
    ):
        raise NotAllowed(_("You may not record visits of this session."))
    if not visitor_name.strip():
        raise DomainError(_("Give the visitor's name."), field="visitor_name")
    if topic not in VisitTopic.values:
        raise DomainError(_("Choose the topic."), field="topic")
    if outcome not in VisitOutcome.values:
        raise DomainError(_("Choose the outcome."), field="outcome")
    if len((content or "").strip()) < 10:
        raise DomainError(_("Write what the citizen raised."), field="content")
    if group_size < 1:
        raise DomainError(_("At least one person."), field="group_size")
    reply_due = None
    if outcome != VisitOutcome.ANSWERED:
        reply_due = add_working_days(
            session.date, int(rule_value(RECEPTION_REPLY_DAYS, on=session.date))
        )
    with transaction.atomic():
        visit = ReceptionVisit.objects.create(
            session=session,
            visitor_name=squash_spaces(visitor_name)[:200],
            visitor_id_number=squash_spaces(visitor_id_number)[:20],
            visitor_address=squash_spaces(visitor_address)[:300],
            visitor_phone=squash_spaces(visitor_phone)[:20],
            group_size=group_size,
            topic=topic,
            content=content.strip(),
            outcome=outcome,
            outcome_note=outcome_note.strip(),
            reply_due=reply_due,
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action="complaints.visit_record",
            obj=visit,
            unit_id=session.unit_id,
            after={"topic": topic, "outcome": outcome},
        )
    return visit


def visit_reply(*, actor, visit: ReceptionVisit, reply: str) -> ReceptionVisit:
    if not (
        may_manage_reception(actor, visit.session.unit)
        or has_role(actor, RoleCode.SPECIALIST, visit.session.unit)
    ):
        raise NotAllowed(_("You may not reply for this unit."))
    if len((reply or "").strip()) < 10:
        raise DomainError(_("Write the reply."), field="reply")
    with transaction.atomic():
        # Locked and checked inside the transaction: of two replies sent at once, the second
        # is refused instead of silently replacing the first.
        visit = (
            ReceptionVisit.objects.select_for_update(of=("self",))
            .select_related("session")
            .get(pk=visit.pk)
        )
        if visit.replied_at:
            raise DomainError(_("This visit was already replied to."), field="reply")
        visit.reply, visit.replied_at = reply.strip(), timezone.now()
        visit.save(update_fields=["reply", "replied_at", "updated_at"])
        audit_record(
            actor=actor, action="complaints.visit_reply", obj=visit, unit_id=visit.session.unit_id
        )
    return visit
