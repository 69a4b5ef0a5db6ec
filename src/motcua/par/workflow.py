"""The yearly PAR assessment as data, and the one service that moves it.

self-assessment --submit--> appraisal --finish_appraisal--> Front review
--finish_front_review--> ready --publish--> published (locked)
appraisal --send_back--> self-assessment

The leader of the unit self-assesses; the PAR assessor of the area appraises and publishes;
the Fatherland Front supervisor of the area scores the Front's criteria. Publishing fills the
survey criteria from the year's satisfaction results, freezes the total and classification.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.par.models import Assessment, AssessmentEvent, AssessmentStatus
from motcua.surveys.scoping import covers

S = AssessmentStatus


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    source: str
    target: str
    role: str
    needs_note: bool = False


TRANSITIONS = {
    t.action: t
    for t in (
        Transition(
            "submit",
            gettext_lazy("Submit the self-assessment"),
            S.SELF_ASSESSMENT,
            S.APPRAISAL,
            RoleCode.LEADER,
        ),
        Transition(
            "send_back",
            gettext_lazy("Send back to the unit"),
            S.APPRAISAL,
            S.SELF_ASSESSMENT,
            RoleCode.PAR_ASSESSOR,
            needs_note=True,
        ),
        Transition(
            "finish_appraisal",
            gettext_lazy("Finish the appraisal"),
            S.APPRAISAL,
            S.FRONT_REVIEW,
            RoleCode.PAR_ASSESSOR,
        ),
        Transition(
            "finish_front_review",
            gettext_lazy("Finish the Front's review"),
            S.FRONT_REVIEW,
            S.READY,
            RoleCode.FRONT_SUPERVISOR,
        ),
        Transition(
            "publish",
            gettext_lazy("Publish the index"),
            S.READY,
            S.PUBLISHED,
            RoleCode.PAR_ASSESSOR,
        ),
    )
}

#: Which stage of scores may be written in which status, by which role.
SCORING = {
    S.SELF_ASSESSMENT: ("self", RoleCode.LEADER),
    S.APPRAISAL: ("appraisal", RoleCode.PAR_ASSESSOR),
    S.FRONT_REVIEW: ("front", RoleCode.FRONT_SUPERVISOR),
}


def may_act_for(user, assessment: Assessment, role: str) -> bool:
    """The leader acts for their own unit; assessors and Front supervisors for their area."""
    return user is not None and covers(user, assessment.unit, frozenset({role}))


def refusal(assessment: Assessment, action: str, actor) -> str | None:
    transition = TRANSITIONS.get(action)
    if transition is None:
        return _("Unknown action.")
    if assessment.status == S.PUBLISHED:
        return _("This assessment is published and can no longer be changed.")
    if assessment.status != transition.source:
        return _("This action is not possible in the assessment's current status.")
    if not may_act_for(actor, assessment, transition.role):
        return _("Your role does not allow this action for this unit.")
    return None


def available_actions(assessment: Assessment, actor) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if refusal(assessment, t.action, actor) is None]


def assessment_transition(
    *,
    assessment: Assessment,
    action: str,
    actor,
    note: str = "",
    expected_status: str | None = None,
    now: dt.datetime | None = None,
) -> Assessment:
    """Apply ``action``; the row is locked so that two people never move it at once."""
    from motcua.par import services

    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Assessment.objects.select_for_update()
            .select_related("unit", "framework")
            .get(pk=assessment.pk)
        )
        if expected_status is not None and locked.status != expected_status:
            raise Conflict(
                _("Someone else has just changed this assessment. Reload the page."),
                code="conflict",
            )
        reason = refusal(locked, action, actor)
        if reason:
            if locked.status == S.PUBLISHED:
                raise Conflict(reason, code="published")
            raise NotAllowed(reason)
        transition = TRANSITIONS[action]
        note = (note or "").strip()
        if transition.needs_note and not note:
            raise DomainError(_("Say what the unit must correct."), field="note", code="required")
        before = locked.status
        details: dict = {}
        if action == "finish_front_review" and note:
            locked.front_comment = note
        if action == "publish":
            details = services.finalise(locked, actor=actor, now=now)
        locked.status = transition.target
        locked.save()
        AssessmentEvent.objects.create(
            assessment=locked,
            at=now,
            action=action,
            actor=actor if actor is not None and actor.is_authenticated else None,
            from_status=before,
            to_status=locked.status,
            note=note,
        )
        audit_record(
            actor=actor,
            action=f"par.{action}",
            obj=locked,
            unit_id=locked.unit_id,
            before={"status": before},
            after={"status": locked.status, **details},
            reason=note,
        )
    return locked
