"""The life of a feedback report, as data, and the one service that moves it.

received ─┬─ reject ─> rejected (spam / out of scope / duplicate)
          └─ accept ─> accepted ─ assign ─> assigned ─ start ─> in progress
in progress ─ request_info ─> awaiting info ─ supply_info ─> in progress (the clock pauses)
in progress ─ submit_answer ─> awaiting approval ─ approve (leader) ─> answered ─ close ─> closed
awaiting approval ─ return_answer ─> in progress;  transfer: to another unit, at any open step
answered / closed ─ reopen (the reporter, "not satisfied", within the rating window) ─> in progress

Deadlines count working days (``workcalendar``); their defaults are the targets of Decision
766/QĐ-TTg, declared as rules an administrator can change from a date, and a category may set
its own.
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
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.core.rules import declare_rule, rule_value
from motcua.feedback.access import holds
from motcua.feedback.models import (
    Category,
    RejectReason,
    Report,
    ReportEvent,
    Status,
)
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Membership, Unit, UnitKind
from motcua.workcalendar.selectors import (
    add_working_days,
    due_date_from_reception,
    working_days_between,
)

BASIS_766 = "Quyết định 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số phục vụ người dân, doanh nghiệp)"
REJECT_DAYS = declare_rule(
    "feedback.reject_days",
    2,
    basis=BASIS_766,
    description="Working days to accept or reject a feedback report after it is received.",
)
INFO_DAYS = declare_rule(
    "feedback.request_info_days",
    5,
    basis=BASIS_766,
    description="Working days after acceptance within which more information may be requested.",
)
HANDLE_DAYS = declare_rule(
    "feedback.handle_days",
    15,
    basis=BASIS_766,
    description="Working days to handle a feedback report after acceptance.",
)
PUBLISH_DAYS = declare_rule(
    "feedback.publish_days",
    2,
    basis=BASIS_766,
    description="Working days to publish the answer once it is ready.",
)
RATING_WINDOW_DAYS = declare_rule(
    "feedback.rating_window_days",
    10,
    basis="Quy chế tiếp nhận, xử lý phản ánh, kiến nghị (mặc định của hệ thống)",
    description="Days after the answer during which the reporter may rate it and reopen it.",
)
#: A step is "due soon" when at most this many working days are left.
DUE_SOON_WORKING_DAYS = 1

_STEP_RULES = {
    "reject": ("reject_days", REJECT_DAYS),
    "info": ("info_days", INFO_DAYS),
    "handle": ("handle_days", HANDLE_DAYS),
    "publish": ("publish_days", PUBLISH_DAYS),
}


def step_days(category: Category, step: str, *, on: dt.date) -> int:
    """Working days allowed for ``step`` (reject, info, handle, publish): the category's own
    value, else its group's, else the rule in force on ``on``."""
    field, rule = _STEP_RULES[step]
    for candidate in (category, category.parent if category.parent_id else None):
        value = getattr(candidate, field, None) if candidate is not None else None
        if value is not None:
            return value
    return int(rule_value(rule, on=on))


class DueState(models.TextChoices):
    ON_TIME = "on_time", gettext_lazy("On time")
    DUE_SOON = "due_soon", gettext_lazy("Due soon")
    OVERDUE = "overdue", gettext_lazy("Overdue")


def due_state(step_due: dt.date | None, *, today: dt.date | None = None) -> str | None:
    if step_due is None:
        return None
    today = today or timezone.localdate()
    if step_due < today:
        return DueState.OVERDUE
    if working_days_between(today, step_due) <= DUE_SOON_WORKING_DAYS:
        return DueState.DUE_SOON
    return DueState.ON_TIME


def due_soon_limit(today: dt.date) -> dt.date:
    """The last due date that counts as "due soon" on ``today``."""
    return add_working_days(today, DUE_SOON_WORKING_DAYS)


# --- The transition table ---------------------------------------------------------------------

#: Who may act, besides staff roles: the reporter (proved by the tracking code and secret),
#: the officer the report is assigned to, and the platform itself (scheduled jobs).
REPORTER = "reporter"
ASSIGNEE = "assignee"
SYSTEM = "system"


class Action(models.TextChoices):
    ACCEPT = "accept", gettext_lazy("Accept")
    REJECT = "reject", gettext_lazy("Do not accept")
    ASSIGN = "assign", gettext_lazy("Assign an officer")
    TRANSFER = "transfer", gettext_lazy("Transfer to another unit")
    START = "start", gettext_lazy("Start handling")
    REQUEST_INFO = "request_info", gettext_lazy("Ask the reporter for more information")
    SUPPLY_INFO = "supply_info", gettext_lazy("Add the information received")
    SUBMIT_ANSWER = "submit_answer", gettext_lazy("Submit the answer for approval")
    RETURN_ANSWER = "return_answer", gettext_lazy("Return the answer for changes")
    APPROVE = "approve", gettext_lazy("Approve and publish the answer")
    CLOSE = "close", pgettext_lazy("workflow action", "Close")
    REOPEN = "reopen", gettext_lazy("Reopen")


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str | None  # None: decided by the action (transfer)
    actors: frozenset[str]


_TRIAGE = frozenset({RoleCode.ONE_STOP_OFFICER, RoleCode.LEADER})
_HANDLER = frozenset({ASSIGNEE, RoleCode.LEADER})
_OPEN_HANDLING = frozenset({Status.ACCEPTED, Status.ASSIGNED, Status.IN_PROGRESS})

TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(Action.ACCEPT, frozenset({Status.RECEIVED}), Status.ACCEPTED, _TRIAGE),
        Transition(Action.REJECT, frozenset({Status.RECEIVED}), Status.REJECTED, _TRIAGE),
        Transition(Action.ASSIGN, _OPEN_HANDLING, Status.ASSIGNED, _TRIAGE),
        Transition(
            Action.TRANSFER,
            frozenset({Status.RECEIVED, *_OPEN_HANDLING}),
            None,
            _TRIAGE,
        ),
        Transition(Action.START, frozenset({Status.ASSIGNED}), Status.IN_PROGRESS, _HANDLER),
        Transition(
            Action.REQUEST_INFO,
            frozenset({Status.ASSIGNED, Status.IN_PROGRESS}),
            Status.AWAITING_INFO,
            _HANDLER,
        ),
        Transition(
            Action.SUPPLY_INFO,
            frozenset({Status.AWAITING_INFO}),
            Status.IN_PROGRESS,
            frozenset({REPORTER, ASSIGNEE, RoleCode.ONE_STOP_OFFICER, RoleCode.LEADER}),
        ),
        Transition(
            Action.SUBMIT_ANSWER,
            frozenset({Status.IN_PROGRESS}),
            Status.AWAITING_APPROVAL,
            _HANDLER,
        ),
        Transition(
            Action.RETURN_ANSWER,
            frozenset({Status.AWAITING_APPROVAL}),
            Status.IN_PROGRESS,
            frozenset({RoleCode.LEADER}),
        ),
        Transition(
            Action.APPROVE,
            frozenset({Status.AWAITING_APPROVAL}),
            Status.ANSWERED,
            frozenset({RoleCode.LEADER}),
        ),
        Transition(
            Action.CLOSE,
            frozenset({Status.ANSWERED}),
            Status.CLOSED,
            frozenset({RoleCode.ONE_STOP_OFFICER, RoleCode.LEADER, REPORTER, SYSTEM}),
        ),
        Transition(
            Action.REOPEN,
            frozenset({Status.ANSWERED, Status.CLOSED}),
            Status.IN_PROGRESS,
            frozenset({REPORTER}),
        ),
    )
}


def _acting_units(report: Report) -> list[Unit]:
    units = [report.unit]
    if report.handling_unit_id and report.handling_unit_id != report.unit_id:
        units.append(report.handling_unit)
    return units


def may(
    user, action: str, report: Report, *, as_reporter: bool = False, as_system: bool = False
) -> bool:
    """Whether this actor may apply ``action`` to ``report`` (whatever its current status)."""
    actors = TRANSITIONS[action].actors
    if as_system:
        return SYSTEM in actors
    if as_reporter:
        return REPORTER in actors
    if user is None or not user.is_authenticated or not user.is_staff:
        return False
    if ASSIGNEE in actors and report.assigned_to_id == user.pk:
        return True
    staff_roles = actors - {REPORTER, ASSIGNEE, SYSTEM}
    return any(holds(user, role, unit) for unit in _acting_units(report) for role in staff_roles)


def allowed_actions(report: Report, user) -> list[str]:
    """The actions this staff user may take on the report now."""
    return [
        action
        for action, transition in TRANSITIONS.items()
        if report.status in transition.sources and may(user, action, report)
    ]


# --- Applying a transition --------------------------------------------------------------------


@dataclass
class _Step:
    """What an action passes on: the reporter's public note, an internal note, notifications."""

    note: str = ""
    is_public: bool = True
    target: str | None = None


def _require(value, message, field: str) -> None:
    if not value:
        raise DomainError(message, field=field)


def _officer_works_for(officer, report: Report) -> bool:
    """The officer works in the handling unit (or below it), or between the ward and it."""
    if officer is None or not officer.is_active or not officer.is_staff:
        return False
    if not report.handling_unit_id:
        return False
    handling = report.handling_unit.path
    ward = report.unit.path
    for path in (
        Membership.objects.active()
        .filter(user=officer, unit__is_active=True)
        .values_list("unit__path", flat=True)
    ):
        if path.startswith(handling) or (handling.startswith(path) and path.startswith(ward)):
            return True
    return False


def _accept(report, today, kw) -> _Step:
    report.accepted_at = kw["now"]
    report.info_due = add_working_days(today, step_days(report.category, "info", on=today))
    report.due_date = add_working_days(today, step_days(report.category, "handle", on=today))
    return _Step(note=kw["note"])


def _reject(report, today, kw) -> _Step:
    reason = kw["reason"]
    if reason not in RejectReason.values:
        raise DomainError(_("Choose why the report is not accepted."), field="reason")
    original = kw["duplicate_of"]
    if reason == RejectReason.DUPLICATE:
        _require(original, _("Choose the report this one duplicates."), "duplicate_of")
        while original.duplicate_of_id:  # follow to the report everyone follows
            original = original.duplicate_of
        if original.pk == report.pk:
            raise DomainError(_("A report cannot duplicate itself."), field="duplicate_of")
        report.duplicate_of = original
    elif reason == RejectReason.OUT_OF_SCOPE:
        _require(kw["note"], _("Explain why the report is out of scope."), "note")
    report.reject_reason = reason
    label = RejectReason(reason).label
    note = f"{label}: {kw['note']}" if kw["note"] else str(label)
    if report.duplicate_of_id:
        note = f"{note} ({report.duplicate_of.code})"
    return _Step(note=note)


def _assign(report, today, kw) -> _Step:
    officer = kw["officer"]
    _require(officer, _("Choose the officer who will handle the report."), "officer")
    if not _officer_works_for(officer, report):
        raise DomainError(
            _("This officer does not work in the handling unit of the report."), field="officer"
        )
    report.assigned_to = officer
    return _Step(note=kw["note"], is_public=False)


def _transfer(report, today, kw) -> _Step:
    from motcua.feedback.routing import route

    target: Unit | None = kw["unit"]
    _require(target, _("Choose the unit the report is transferred to."), "unit")
    _require(kw["note"], _("Explain why the report is transferred."), "note")
    if not target.is_active or target.pk == report.handling_unit_id:
        raise DomainError(_("Choose another unit."), field="unit")
    administrative = target.administrative_unit()
    if administrative.kind in (UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE):
        report.unit = administrative
    if target.kind in ADMINISTRATIVE_KINDS:
        routed = route(unit=report.unit, category=report.category, at=kw["now"])
        report.handling_unit, report.routed_officer, report.routing_rule = (
            routed.handling_unit,
            routed.officer,
            routed.rule,
        )
    else:
        report.handling_unit, report.routed_officer, report.routing_rule = target, None, None
    report.assigned_to = None
    status = Status.RECEIVED if report.status == Status.RECEIVED else Status.ACCEPTED
    return _Step(note=f"{target.name}: {kw['note']}", target=status)


def _start(report, today, kw) -> _Step:
    return _Step(note=kw["note"], is_public=False)


def _request_info(report, today, kw) -> _Step:
    _require(kw["note"], _("Write what information is needed."), "note")
    report.paused_at = kw["now"]
    return _Step(note=kw["note"])


def _supply_info(report, today, kw) -> _Step:
    _require(kw["note"], _("Write the information."), "note")
    if report.paused_at and report.due_date:
        paused = max(0, working_days_between(timezone.localdate(report.paused_at), today))
        report.due_date = add_working_days(report.due_date, paused)
    report.paused_at = None
    return _Step(note=kw["note"])


def _submit_answer(report, today, kw) -> _Step:
    answer = (kw["answer"] or "").strip()
    if len(answer) < 20:
        raise DomainError(_("Write the answer to the reporter (at least 20 characters)."), "answer")
    report.answer_draft = answer
    report.answer_by = kw["actor"]
    return _Step(note=kw["note"], is_public=False)


def _return_answer(report, today, kw) -> _Step:
    _require(kw["note"], _("Write what must be changed."), "note")
    return _Step(note=kw["note"], is_public=False)


def _approve(report, today, kw) -> _Step:
    answer = (kw["answer"] or report.answer_draft).strip()
    if len(answer) < 20:
        raise DomainError(_("Write the answer to the reporter (at least 20 characters)."), "answer")
    report.answer = answer
    report.answer_draft = answer
    report.answer_approved_by = kw["actor"]
    report.answered_at = kw["now"]
    return _Step()


def _close(report, today, kw) -> _Step:
    report.closed_at = kw["now"]
    return _Step(note=kw["note"])


def _reopen(report, today, kw) -> _Step:
    report.reopen_count += 1
    report.closed_at = None
    report.due_date = add_working_days(today, step_days(report.category, "handle", on=today))
    return _Step(note=kw["note"])


_EFFECTS = {
    Action.ACCEPT: _accept,
    Action.REJECT: _reject,
    Action.ASSIGN: _assign,
    Action.TRANSFER: _transfer,
    Action.START: _start,
    Action.REQUEST_INFO: _request_info,
    Action.SUPPLY_INFO: _supply_info,
    Action.SUBMIT_ANSWER: _submit_answer,
    Action.RETURN_ANSWER: _return_answer,
    Action.APPROVE: _approve,
    Action.CLOSE: _close,
    Action.REOPEN: _reopen,
}


def schedule(report: Report, *, today: dt.date) -> None:
    """Set the due date of the step the report is now in."""
    status = report.status
    if status == Status.RECEIVED:
        report.step_due = due_date_from_reception(
            report.received_at, step_days(report.category, "reject", on=today), apply_cutoff=False
        )
    elif status in (Status.ACCEPTED, Status.ASSIGNED, Status.IN_PROGRESS):
        report.step_due = report.due_date
    elif status == Status.AWAITING_APPROVAL:
        report.step_due = add_working_days(today, step_days(report.category, "publish", on=today))
    else:
        report.step_due = None


def report_transition(
    *,
    report: Report,
    action: str,
    actor=None,
    as_reporter: bool = False,
    as_system: bool = False,
    note: str = "",
    reason: str = "",
    officer=None,
    unit: Unit | None = None,
    answer: str = "",
    duplicate_of: Report | None = None,
    now: dt.datetime | None = None,
) -> Report:
    """Apply ``action`` to ``report`` for ``actor`` (a staff user), the reporter or the system.

    Locks the row, checks the actor and the current status, applies the action's effects,
    recomputes the deadline, writes the history and the audit event and schedules the
    notifications, all in one transaction. Raises ``NotAllowed``, ``Conflict`` or
    ``DomainError`` (bad input), leaving nothing half-written.
    """
    from motcua.feedback import notices

    transition = TRANSITIONS.get(action)
    if transition is None:
        raise DomainError(_("Unknown action."), code="unknown_action")
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        locked = (
            Report.objects.select_for_update(of=("self",))
            .select_related("category__parent", "unit", "handling_unit", "assigned_to")
            .get(pk=report.pk)
        )
        if not may(actor, action, locked, as_reporter=as_reporter, as_system=as_system):
            raise NotAllowed(_("You may not do this on this report."))
        if locked.status not in transition.sources:
            raise Conflict(
                _("The report is now “%(status)s”: this action no longer applies.")
                % {"status": locked.get_status_display()}
            )
        before = {
            "status": locked.status,
            "handling_unit": locked.handling_unit_id,
            "assigned_to": locked.assigned_to_id,
            "unit": locked.unit_id,
        }
        step = _EFFECTS[action](
            locked,
            today,
            {
                "now": now,
                "note": note.strip(),
                "reason": reason,
                "officer": officer,
                "unit": unit,
                "answer": answer,
                "duplicate_of": duplicate_of,
                "actor": actor,
            },
        )
        locked.status = step.target or transition.target
        locked.status_changed_at = now
        schedule(locked, today=today)
        locked.save()
        is_user = actor is not None and actor.is_authenticated
        ReportEvent.objects.create(
            report=locked,
            action=action,
            from_status=before["status"],
            to_status=locked.status,
            actor=actor if is_user else None,
            actor_label=actor.get_full_name() if is_user else "",
            note=step.note,
            is_public=step.is_public,
            created_at=now,
        )
        audit_record(
            actor=actor,
            action=f"feedback.{action}",
            obj=locked,
            unit_id=locked.unit_id,
            before=before,
            after={
                "status": locked.status,
                "handling_unit": locked.handling_unit_id,
                "assigned_to": locked.assigned_to_id,
                "unit": locked.unit_id,
                "by": REPORTER if as_reporter else SYSTEM if as_system else "staff",
            },
            reason=step.note[:1000],
        )
        notices.after_transition(locked, action, note=step.note)
    return locked
