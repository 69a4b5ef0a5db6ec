"""The dossier workflow as data: which role may move which status to which, and one service
that applies a transition.

Each action is its own form and endpoint. ``dossier_transition`` locks the row, checks that the
status is still the one the officer saw (``expected_status``), that the action is allowed for
this user on this dossier now, applies the action's effect, and writes the history event, the
official slip, the audit event and the notifications in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.dossiers.models import Dossier, DossierEvent, Slip, SlipKind, Stage, Status
from motcua.organisations.models import Unit
from motcua.organisations.selectors import roles_in

OFFICER = RoleCode.ONE_STOP_OFFICER
SPECIALIST = RoleCode.SPECIALIST
LEADER = RoleCode.LEADER
#: A pseudo-role: the applicant acting with the dossier's secret (lookup page, API).
APPLICANT = "applicant"


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: tuple[int, ...]
    roles: tuple[str, ...]
    #: Where the role must be held: the receiving unit ("unit", the desk's actions) or where the
    #: dossier is processed ("processing": its department, or the processing unit and above).
    where: str = "processing"
    stages: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    danger: bool = False


@dataclass
class Outcome:
    """What an action's effect reports back to the transition service."""

    public_note: str = ""
    internal_note: str = ""
    holder_label: str = ""
    step_due: dt.date | None = None
    slip: tuple[str, dict] | None = None
    notify: str = ""
    audit: dict = field(default_factory=dict)


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "receive",
            gettext_lazy("Receive and issue the receipt"),
            (Status.SUBMITTED,),
            (OFFICER,),
            where="unit",
        ),
        Transition(
            "request_documents",
            gettext_lazy("Ask for missing documents"),
            (Status.SUBMITTED,),
            (OFFICER,),
            where="unit",
            needs=("items",),
        ),
        Transition(
            "refuse",
            gettext_lazy("Refuse to receive"),
            (Status.SUBMITTED,),
            (OFFICER,),
            where="unit",
            needs=("reason",),
            danger=True,
        ),
        Transition(
            "send_to_department",
            gettext_lazy("Send to the department"),
            (Status.RECEIVED,),
            (OFFICER,),
            where="unit",
            needs=("department",),
        ),
        Transition(
            "assign",
            gettext_lazy("Assign to a specialist"),
            (Status.PROCESSING,),
            (LEADER, SPECIALIST),
            stages=(Stage.DEPARTMENT, Stage.SPECIALIST),
            needs=("assignee",),
        ),
        Transition(
            "request_supplement",
            gettext_lazy("Ask the applicant for more documents"),
            (Status.PROCESSING,),
            (SPECIALIST, LEADER),
            stages=(Stage.SPECIALIST, Stage.LEADER, Stage.DEPARTMENT),
            needs=("items",),
        ),
        Transition(
            "supplement_received",
            gettext_lazy("Record the additional documents"),
            (Status.SUPPLEMENT,),
            (OFFICER, APPLICANT),
            where="unit",
        ),
        Transition(
            "request_payment",
            gettext_lazy("Ask for payment of a financial obligation"),
            (Status.PROCESSING,),
            (SPECIALIST, LEADER),
            stages=(Stage.SPECIALIST, Stage.LEADER),
            needs=("amount",),
        ),
        Transition(
            "payment_received",
            gettext_lazy("Record the payment"),
            (Status.PAYMENT,),
            (OFFICER, APPLICANT),
            where="unit",
        ),
        Transition(
            "submit_for_approval",
            gettext_lazy("Submit to the leader"),
            (Status.PROCESSING,),
            (SPECIALIST,),
            stages=(Stage.SPECIALIST,),
        ),
        Transition(
            "send_back",
            gettext_lazy("Send back to the specialist"),
            (Status.PROCESSING,),
            (LEADER,),
            stages=(Stage.LEADER,),
            needs=("note",),
        ),
        Transition(
            "approve",
            gettext_lazy("Approve and sign the result"),
            (Status.PROCESSING,),
            (LEADER,),
            stages=(Stage.LEADER,),
        ),
        Transition(
            "transfer",
            gettext_lazy("Transfer to another unit"),
            (Status.PROCESSING,),
            (LEADER,),
            needs=("unit", "note"),
        ),
        Transition(
            "apologize",
            gettext_lazy("Apologise and set a new date"),
            (Status.PROCESSING, Status.PAYMENT),
            (LEADER,),
            needs=("reason", "new_date"),
        ),
        Transition(
            "return_result",
            gettext_lazy("Return the result"),
            (Status.RESULT_READY,),
            (OFFICER,),
            where="unit",
        ),
        Transition(
            "withdraw",
            gettext_lazy("Withdraw at the applicant's request"),
            (
                Status.SUBMITTED,
                Status.RECEIVED,
                Status.PROCESSING,
                Status.SUPPLEMENT,
                Status.PAYMENT,
            ),
            (OFFICER, APPLICANT),
            where="unit",
            needs=("reason",),
            danger=True,
        ),
        Transition(
            "stop",
            gettext_lazy("Stop processing"),
            (Status.PROCESSING, Status.SUPPLEMENT, Status.PAYMENT),
            (LEADER,),
            needs=("reason",),
            danger=True,
        ),
    )
}

#: The status each action leads to (None: decided by the effect).
TARGETS: dict[str, int | None] = {
    "receive": Status.RECEIVED,
    "request_documents": Status.SUPPLEMENT,
    "refuse": Status.REFUSED,
    "send_to_department": Status.PROCESSING,
    "assign": Status.PROCESSING,
    "request_supplement": Status.SUPPLEMENT,
    "supplement_received": None,
    "request_payment": Status.PAYMENT,
    "payment_received": Status.PROCESSING,
    "submit_for_approval": Status.PROCESSING,
    "send_back": Status.PROCESSING,
    "approve": Status.RESULT_READY,
    "transfer": Status.PROCESSING,
    "apologize": None,
    "return_result": Status.RETURNED,
    "withdraw": Status.WITHDRAWN,
    "stop": Status.STOPPED,
}


def _role_unit(dossier: Dossier, where: str) -> Unit:
    if where == "unit":
        return dossier.unit
    return dossier.department if dossier.department_id else dossier.processing_unit


def refusal(dossier: Dossier, action: str, actor, *, as_applicant: bool = False) -> str | None:
    """Why ``actor`` may not do ``action`` on ``dossier`` now (None when allowed)."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        return _("Unknown action.")
    if dossier.status not in transition.sources:
        return _("This action is not possible in the dossier's current status (%(status)s).") % {
            "status": dossier.get_status_display()
        }
    if transition.stages and dossier.stage not in transition.stages:
        return _("The dossier is not at the step where this action is done.")
    if as_applicant:
        return None if APPLICANT in transition.roles else _("Only staff can do this.")
    if actor is None or not actor.is_authenticated:
        return _("Sign in first.")
    held = roles_in(actor, _role_unit(dossier, transition.where)) & set(transition.roles)
    if not held:
        return _("Your role in this unit does not allow this action.")
    if (
        transition.stages == (Stage.SPECIALIST,)
        and held == {SPECIALIST}
        and dossier.assignee_id != actor.pk
    ):
        return _("Only the specialist in charge can do this.")
    if (
        action == "assign"
        and held == {SPECIALIST}
        and dossier.department_id
        and SPECIALIST not in roles_in(actor, dossier.department)
    ):
        return _("You do not work in the department in charge.")
    return None


def available_actions(dossier: Dossier, actor) -> list[Transition]:
    """The actions ``actor`` may take on ``dossier`` now, in table order."""
    return [t for t in TRANSITIONS.values() if refusal(dossier, t.action, actor) is None]


def _actor_label(actor, as_applicant: bool, dossier: Dossier) -> str:
    if as_applicant:
        return _("Applicant (%(name)s)") % {"name": dossier.applicant_name}
    return actor.get_full_name() if actor is not None else _("System")


def dossier_transition(
    *,
    dossier: Dossier,
    action: str,
    actor=None,
    data: dict | None = None,
    expected_status: int | None = None,
    as_applicant: bool = False,
    at: dt.datetime | None = None,
) -> Dossier:
    """Apply ``action`` to ``dossier``. Raises ``Conflict`` when someone else changed the dossier
    first, ``NotAllowed`` when the user may not, ``DomainError`` when the data is not valid."""
    from motcua.dossiers import effects

    data = data or {}
    now = at or timezone.now()
    # The history, slips and messages are official records: always written in Vietnamese.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if expected_status is not None and locked.status != int(expected_status):
            raise Conflict(
                _(
                    "Someone else has just changed this dossier (it is now: %(status)s). Reload the page to see the change."
                )
                % {"status": locked.get_status_display()}
            )
        reason = refusal(locked, action, actor, as_applicant=as_applicant)
        if reason:
            raise NotAllowed(reason)
        transition = TRANSITIONS[action]
        for name in transition.needs:
            if data.get(name) in (None, "", []):
                raise DomainError(_("This field is required."), field=name, code="required")
        from_status = locked.status
        effect: Callable[..., Outcome] = getattr(effects, action)
        outcome = effect(locked, actor=actor, data=data, now=now)
        if TARGETS[action] is not None:
            locked.status = TARGETS[action]
        locked.effective_due_date = locked.extended_due_date or locked.due_date
        locked.save()
        actor_user = (
            actor if (actor is not None and actor.is_authenticated and not as_applicant) else None
        )
        DossierEvent.objects.create(
            dossier=locked,
            at=now,
            action=action,
            actor=actor_user,
            actor_label=_actor_label(actor, as_applicant, locked),
            from_status=from_status,
            to_status=locked.status,
            stage=locked.stage,
            holder_label=outcome.holder_label,
            step_due=outcome.step_due,
            public_note=outcome.public_note,
            internal_note=outcome.internal_note,
        )
        if outcome.slip:
            kind, slip_data = outcome.slip
            Slip.objects.create(
                dossier=locked, kind=kind, issued_at=now, issued_by=actor_user, data=slip_data
            )
        audit_record(
            actor=actor_user,
            action=f"dossier.{action}",
            obj=locked,
            unit_id=locked.unit_id,
            before={"status": from_status},
            after={"status": locked.status, **outcome.audit},
            reason=str(data.get("reason") or data.get("note") or ""),
        )
        if outcome.notify:
            effects.notify_applicant(locked, outcome.notify, key=str(locked.events.count()))
    return locked


__all__ = [
    "TRANSITIONS",
    "SlipKind",
    "Transition",
    "available_actions",
    "dossier_transition",
    "refusal",
]
