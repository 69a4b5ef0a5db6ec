"""The life of a survey campaign as data, and the one service that moves it.

draft --open--> open --close--> closed. Opening freezes the questionnaire, draws the sample
(random, reproducible from the campaign's seed) and sends the invitations; closing ends the
collection. Leaders of the unit and PAR assessors of the area run campaigns.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.dossiers.models import Dossier, Status
from motcua.surveys.models import Campaign, CampaignStatus, Invitation
from motcua.surveys.scoping import covers

RUNNERS = frozenset({RoleCode.LEADER, RoleCode.PAR_ASSESSOR})


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    source: str
    target: str
    roles: frozenset[str]


TRANSITIONS = {
    t.action: t
    for t in (
        Transition(
            "open",
            gettext_lazy("Draw the sample and send the invitations"),
            CampaignStatus.DRAFT,
            CampaignStatus.OPEN,
            RUNNERS,
        ),
        Transition(
            "close",
            gettext_lazy("Close the campaign"),
            CampaignStatus.OPEN,
            CampaignStatus.CLOSED,
            RUNNERS,
        ),
    )
}


def refusal(campaign: Campaign, action: str, actor) -> str | None:
    transition = TRANSITIONS.get(action)
    if transition is None:
        return _("Unknown action.")
    if campaign.status != transition.source:
        return _("This action is not possible in the campaign's current status.")
    if actor is None or not covers(actor, campaign.unit, transition.roles):
        return _("Your role does not allow this action for this unit.")
    return None


def available_actions(campaign: Campaign, actor) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if refusal(campaign, t.action, actor) is None]


def sample_population(campaign: Campaign) -> list[int]:
    """Ids of the dossiers the sample is drawn from: returned by the unit (or a unit below it)
    in the campaign's period, with a phone number or e-mail to send the invitation to."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(campaign.period_start, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(campaign.period_end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return list(
        Dossier.objects.filter(
            unit__path__startswith=campaign.unit.path,
            status=Status.RETURNED,
            returned_at__gte=start,
            returned_at__lt=end,
        )
        .exclude(applicant_phone="", applicant_email="")
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def draw_sample(population: list[int], *, size: int, seed: int) -> list[int]:
    """A reproducible random sample: the same seed on the same population gives the same ids."""
    if size >= len(population):
        return sorted(population)
    return sorted(random.Random(seed).sample(sorted(population), size))  # noqa: S311


def _open(campaign: Campaign, actor, now) -> dict:
    from motcua.surveys.effects import send_invitations

    if not campaign.questions.exists():
        raise DomainError(_("Add at least one question first."), code="no_questions")
    chosen = draw_sample(sample_population(campaign), size=campaign.sample_size, seed=campaign.seed)
    if not chosen:
        raise DomainError(
            _("No returned dossier with a phone number or e-mail in this period."),
            code="empty_sample",
        )
    invitations = Invitation.objects.bulk_create(
        [Invitation(campaign=campaign, dossier_id=pk) for pk in chosen]
    )
    campaign.opened_at = now
    send_invitations(campaign, [i.token for i in invitations], chosen)
    return {"invitations": len(chosen)}


def _close(campaign: Campaign, actor, now) -> dict:
    campaign.closed_at = now
    # Nothing links an unused invitation to the survey's results; forget who was invited.
    Invitation.objects.filter(campaign=campaign).update(dossier=None)
    return {"responses": campaign.responses.count()}


EFFECTS = {"open": _open, "close": _close}


def campaign_transition(
    *, campaign: Campaign, action: str, actor, now: dt.datetime | None = None
) -> Campaign:
    now = now or timezone.now()
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().select_related("unit").get(pk=campaign.pk)
        reason = refusal(locked, action, actor)
        if reason:
            transition = TRANSITIONS.get(action)
            if transition is not None and locked.status != transition.source:
                raise Conflict(reason)
            raise NotAllowed(reason)
        before = locked.status
        details = EFFECTS[action](locked, actor, now)
        locked.status = TRANSITIONS[action].target
        locked.save()
        audit_record(
            actor=actor,
            action=f"survey.{action}",
            obj=locked,
            unit_id=locked.unit_id,
            before={"status": before},
            after={"status": locked.status, **details},
        )
    return locked
