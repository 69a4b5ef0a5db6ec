"""Complaints and denunciations: the statutory deadlines as declared rules, the transition table,
and the one service that applies a transition.

complaint:     received ─ accept (≤ 10 days) ─> accepted ─ assign ─> verifying ─ conclude ─> concluded ─ close ─> closed
               (resolve ≤ 30 days, complex ≤ 45; remote area 45, complex 60)
denunciation:  received ─ accept (initial processing ≤ 7 working days, ≤ 10 when extended) ─> accepted ...
               ─ transfer (≤ 5 working days) ─> transferred; resolve ≤ 30 days, +30 once if complex,
               +30 twice if very complex
either:        received ─ reject ─> rejected
An anonymous denunciation is recorded (status "recorded") but not processed as a denunciation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.complaints.models import Case, CaseEvent, CaseStatus, Complexity, Kind
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.core.rules import declare_rule, rule_value
from motcua.organisations.models import Membership
from motcua.organisations.selectors import has_role
from motcua.workcalendar.selectors import add_working_days

LAW_COMPLAINTS = "Luật Khiếu nại 2011"
LAW_DENUNCIATIONS = "Luật Tố cáo 2018"

COMPLAINT_ACCEPT_DAYS = declare_rule(
    "complaints.complaint_accept_days",
    10,
    basis=f"{LAW_COMPLAINTS}, Điều 27",
    description="Days from receipt to accept (thụ lý) a complaint.",
)
COMPLAINT_RESOLVE_DAYS = declare_rule(
    "complaints.complaint_resolve_days",
    30,
    basis=f"{LAW_COMPLAINTS}, Điều 28",
    description="Days from acceptance to resolve a first complaint.",
)
COMPLAINT_RESOLVE_COMPLEX_DAYS = declare_rule(
    "complaints.complaint_resolve_complex_days",
    45,
    basis=f"{LAW_COMPLAINTS}, Điều 28",
    description="Days to resolve a complex first complaint.",
)
COMPLAINT_RESOLVE_REMOTE_DAYS = declare_rule(
    "complaints.complaint_resolve_remote_days",
    45,
    basis=f"{LAW_COMPLAINTS}, Điều 28",
    description="Days to resolve a first complaint in a remote or disadvantaged area.",
)
COMPLAINT_RESOLVE_REMOTE_COMPLEX_DAYS = declare_rule(
    "complaints.complaint_resolve_remote_complex_days",
    60,
    basis=f"{LAW_COMPLAINTS}, Điều 28",
    description="Days to resolve a complex first complaint in a remote area.",
)
DENUNCIATION_INITIAL_DAYS = declare_rule(
    "complaints.denunciation_initial_working_days",
    7,
    basis=f"{LAW_DENUNCIATIONS}, Điều 24",
    description="Working days from receipt for the initial processing of a denunciation.",
)
DENUNCIATION_INITIAL_EXTENDED_DAYS = declare_rule(
    "complaints.denunciation_initial_extended_working_days",
    10,
    basis=f"{LAW_DENUNCIATIONS}, Điều 24",
    description="Working days for the initial processing when verification in several places is needed.",
)
DENUNCIATION_TRANSFER_DAYS = declare_rule(
    "complaints.denunciation_transfer_working_days",
    5,
    basis=f"{LAW_DENUNCIATIONS}, Điều 24",
    description="Working days from receipt to transfer a denunciation to the competent body.",
)
DENUNCIATION_RESOLVE_DAYS = declare_rule(
    "complaints.denunciation_resolve_days",
    30,
    basis=f"{LAW_DENUNCIATIONS}, Điều 30",
    description="Days from acceptance to resolve a denunciation.",
)
DENUNCIATION_EXTENSION_DAYS = declare_rule(
    "complaints.denunciation_extension_days",
    30,
    basis=f"{LAW_DENUNCIATIONS}, Điều 30",
    description="Days added by each extension of a denunciation's resolution.",
)
DENUNCIATION_EXTENSIONS_COMPLEX = declare_rule(
    "complaints.denunciation_extensions_complex",
    1,
    basis=f"{LAW_DENUNCIATIONS}, Điều 30",
    description="Extensions allowed for a complex denunciation.",
)
DENUNCIATION_EXTENSIONS_VERY_COMPLEX = declare_rule(
    "complaints.denunciation_extensions_very_complex",
    2,
    basis=f"{LAW_DENUNCIATIONS}, Điều 30",
    description="Extensions allowed for a very complex denunciation.",
)
RECEPTION_REPLY_DAYS = declare_rule(
    "complaints.reception_reply_working_days",
    10,
    basis="Luật Tiếp công dân 2013, Điều 28",
    description="Working days to reply in writing to what a citizen raised at a reception.",
)


def _days(rule: str, on: dt.date) -> int:
    return int(rule_value(rule, on=on))


def intake_deadlines(case: Case) -> None:
    """Deadlines from receipt: accepting a complaint; the initial processing and the transfer
    of a denunciation."""
    received = timezone.localdate(case.received_at)
    if case.kind == Kind.COMPLAINT:
        case.accept_due = received + dt.timedelta(days=_days(COMPLAINT_ACCEPT_DAYS, received))
        case.transfer_due = None
    else:
        rule = (
            DENUNCIATION_INITIAL_EXTENDED_DAYS
            if case.initial_extended
            else DENUNCIATION_INITIAL_DAYS
        )
        case.accept_due = add_working_days(received, _days(rule, received))
        case.transfer_due = add_working_days(received, _days(DENUNCIATION_TRANSFER_DAYS, received))


def resolution_days(case: Case, *, on: dt.date) -> int:
    if case.kind == Kind.COMPLAINT:
        complex_ = case.complexity != Complexity.NORMAL
        if case.remote_area:
            rule = (
                COMPLAINT_RESOLVE_REMOTE_COMPLEX_DAYS if complex_ else COMPLAINT_RESOLVE_REMOTE_DAYS
            )
        else:
            rule = COMPLAINT_RESOLVE_COMPLEX_DAYS if complex_ else COMPLAINT_RESOLVE_DAYS
        return _days(rule, on)
    return _days(DENUNCIATION_RESOLVE_DAYS, on) + case.extensions * _days(
        DENUNCIATION_EXTENSION_DAYS, on
    )


def allowed_extensions(case: Case, *, on: dt.date) -> int:
    if case.complexity == Complexity.COMPLEX:
        return _days(DENUNCIATION_EXTENSIONS_COMPLEX, on)
    if case.complexity == Complexity.VERY_COMPLEX:
        return _days(DENUNCIATION_EXTENSIONS_VERY_COMPLEX, on)
    return 0


# --- Transitions ------------------------------------------------------------------------------

HANDLER = "handler"


class CaseAction(models.TextChoices):
    ACCEPT = "accept", gettext_lazy("Accept for resolution")
    REJECT = "reject", gettext_lazy("Do not accept")
    TRANSFER = "transfer", gettext_lazy("Transfer to the competent body")
    EXTEND_INITIAL = "extend_initial", gettext_lazy("Extend the initial processing")
    ASSIGN = "assign", gettext_lazy("Assign the handler")
    EXTEND = "extend", gettext_lazy("Extend (complex case)")
    CONCLUDE = "conclude", gettext_lazy("Issue the decision or conclusion")
    CLOSE = "close", pgettext_lazy("workflow action", "Close")


@dataclass(frozen=True)
class CaseTransition:
    action: str
    sources: frozenset[str]
    target: str | None  # None: unchanged
    actors: frozenset[str]
    kinds: frozenset[str] = frozenset(Kind.values)


_LEADER = frozenset({RoleCode.LEADER})
_LEADER_OR_HANDLER = frozenset({RoleCode.LEADER, HANDLER})
_OPEN = frozenset({CaseStatus.ACCEPTED, CaseStatus.VERIFYING})

CASE_TRANSITIONS: dict[str, CaseTransition] = {
    t.action: t
    for t in (
        CaseTransition(
            CaseAction.ACCEPT, frozenset({CaseStatus.RECEIVED}), CaseStatus.ACCEPTED, _LEADER
        ),
        CaseTransition(
            CaseAction.REJECT, frozenset({CaseStatus.RECEIVED}), CaseStatus.REJECTED, _LEADER
        ),
        CaseTransition(
            CaseAction.TRANSFER,
            frozenset({CaseStatus.RECEIVED}),
            CaseStatus.TRANSFERRED,
            _LEADER_OR_HANDLER,
        ),
        CaseTransition(
            CaseAction.EXTEND_INITIAL,
            frozenset({CaseStatus.RECEIVED}),
            None,
            _LEADER,
            frozenset({Kind.DENUNCIATION}),
        ),
        CaseTransition(
            CaseAction.ASSIGN,
            frozenset({CaseStatus.RECEIVED, *_OPEN}),
            None,
            _LEADER,
        ),
        CaseTransition(CaseAction.EXTEND, _OPEN, None, _LEADER),
        CaseTransition(
            CaseAction.CONCLUDE, frozenset({CaseStatus.VERIFYING}), CaseStatus.CONCLUDED, _LEADER
        ),
        CaseTransition(
            CaseAction.CLOSE,
            frozenset({CaseStatus.CONCLUDED}),
            CaseStatus.CLOSED,
            _LEADER_OR_HANDLER,
        ),
    )
}


def is_leader_for(user, case: Case) -> bool:
    """A leader of the case's handling unit (or of the receiving authority)."""
    units = [case.unit] + ([case.handling_unit] if case.handling_unit_id else [])
    return any(has_role(user, RoleCode.LEADER, unit) for unit in units)


def may(user, action: str, case: Case) -> bool:
    transition = CASE_TRANSITIONS[action]
    if case.kind not in transition.kinds:
        return False
    if user is None or not user.is_authenticated or not user.is_staff:
        return False
    if HANDLER in transition.actors and case.handler_id == user.pk:
        return True
    return RoleCode.LEADER in transition.actors and is_leader_for(user, case)


def allowed_case_actions(case: Case, user) -> list[str]:
    return [
        action
        for action, t in CASE_TRANSITIONS.items()
        if case.status in t.sources and may(user, action, case)
    ]


def _require(value, message, field):
    if not value:
        raise DomainError(message, field=field)


def case_transition(
    *,
    case: Case,
    action: str,
    actor,
    note: str = "",
    handler=None,
    verifiers=(),
    complexity: str = "",
    transferred_to: str = "",
    outcome_number: str = "",
    outcome_summary: str = "",
    now: dt.datetime | None = None,
) -> Case:
    transition = CASE_TRANSITIONS.get(action)
    if transition is None:
        raise DomainError(_("Unknown action."), code="unknown_action")
    now = now or timezone.now()
    today = timezone.localdate(now)
    note = (note or "").strip()
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("unit", "handling_unit")
            .get(pk=case.pk)
        )
        if not may(actor, action, locked):
            raise NotAllowed(_("You may not do this on this case."))
        if locked.status not in transition.sources:
            raise Conflict(
                _("The case is now “%(status)s”: this action no longer applies.")
                % {"status": locked.get_status_display()}
            )
        before = {
            "status": locked.status,
            "handler": locked.handler_id,
            "resolve_due": str(locked.resolve_due or ""),
            "extensions": locked.extensions,
        }
        if action == CaseAction.ACCEPT:
            locked.accepted_at = now
            locked.resolve_due = today + dt.timedelta(days=resolution_days(locked, on=today))
        elif action == CaseAction.REJECT:
            _require(note, _("Give the reason for not accepting."), "note")
            locked.reject_reason = note
        elif action == CaseAction.TRANSFER:
            _require(transferred_to.strip(), _("Name the competent body."), "transferred_to")
            locked.transferred_to = transferred_to.strip()[:300]
        elif action == CaseAction.EXTEND_INITIAL:
            if locked.initial_extended:
                raise DomainError(_("The initial processing was already extended."), field="note")
            _require(note, _("Give the reason for the extension."), "note")
            locked.initial_extended = True
            intake_deadlines(locked)
        elif action == CaseAction.ASSIGN:
            _require(handler, _("Choose the handler."), "handler")
            if not (
                handler.is_active
                and handler.is_staff
                and Membership.objects.active()
                .filter(user=handler, unit__path__startswith=locked.unit.path)
                .exists()
            ):
                raise DomainError(_("The handler must work in this unit."), field="handler")
            locked.handler = handler
            locked.handling_unit = (
                Membership.objects.active()
                .filter(user=handler, unit__path__startswith=locked.unit.path)
                .select_related("unit")
                .order_by("-unit__depth")
                .first()
                .unit
            )
        elif action == CaseAction.EXTEND:
            _require(note, _("Give the reason for the extension."), "note")
            if locked.kind == Kind.COMPLAINT:
                if locked.complexity != Complexity.NORMAL:
                    raise DomainError(_("The case is already treated as complex."), field="note")
                locked.complexity = Complexity.COMPLEX
            else:
                if complexity in (Complexity.COMPLEX, Complexity.VERY_COMPLEX):
                    locked.complexity = complexity
                if locked.extensions >= allowed_extensions(locked, on=today):
                    raise DomainError(
                        _("No further extension is allowed for this case."), field="complexity"
                    )
                locked.extensions += 1
            accepted = timezone.localdate(locked.accepted_at) if locked.accepted_at else today
            locked.resolve_due = accepted + dt.timedelta(days=resolution_days(locked, on=accepted))
        elif action == CaseAction.CONCLUDE:
            _require(
                outcome_number.strip(), _("Give the number of the document."), "outcome_number"
            )
            _require(
                outcome_summary.strip(),
                _("Write the decision or conclusion."),
                "outcome_summary",
            )
            locked.outcome_number = outcome_number.strip()[:60]
            locked.outcome_summary = outcome_summary.strip()
            locked.concluded_at = now
        elif action == CaseAction.CLOSE:
            locked.closed_at = now
        target = transition.target
        if action == CaseAction.ASSIGN and locked.status == CaseStatus.ACCEPTED:
            target = CaseStatus.VERIFYING
        locked.status = target or locked.status
        locked.save()
        if action == CaseAction.ASSIGN:
            locked.verifiers.set([v for v in verifiers if v.pk != handler.pk])
        is_user = actor is not None and actor.is_authenticated
        CaseEvent.objects.create(
            case=locked,
            action=action,
            from_status=before["status"],
            to_status=locked.status,
            actor=actor if is_user else None,
            actor_label=actor.get_full_name() if is_user else "",
            note=note or transferred_to or outcome_number,
            created_at=now,
        )
        audit_record(
            actor=actor,
            action=f"complaints.{action}",
            obj=locked,
            unit_id=locked.unit_id,
            before=before,
            after={
                "status": locked.status,
                "handler": locked.handler_id,
                "resolve_due": str(locked.resolve_due or ""),
                "extensions": locked.extensions,
            },
            reason=note[:1000],
        )
    return locked
