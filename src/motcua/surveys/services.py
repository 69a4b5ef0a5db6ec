"""Writes: a rating of a returned dossier, a campaign from the standard questionnaire, an
anonymous response to a campaign."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.audit.services import audit_record
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.dossiers.models import Dossier, Status
from motcua.organisations.models import Unit
from motcua.surveys.models import (
    Answer,
    Campaign,
    CampaignStatus,
    Invitation,
    Level,
    Question,
    QuestionKind,
    Rating,
    RatingChannel,
    Reason,
    Response,
)
from motcua.surveys.questionnaire import STANDARD
from motcua.surveys.scoping import covers
from motcua.surveys.workflow import RUNNERS

ALREADY_RATED = "already_rated"


def already_rated_message() -> str:
    return _("This dossier has already been rated. Each dossier can be rated only once.")


def rating_submit(
    *,
    dossier: Dossier,
    level: str,
    reasons: list[str] | None = None,
    comment: str = "",
    channel: str = RatingChannel.LINK,
    actor=None,
    at: dt.datetime | None = None,
) -> Rating:
    """Record the applicant's rating of a returned dossier (once per dossier)."""
    if level not in Level.values:
        raise DomainError(_("Choose how satisfied you are."), field="level", code="required")
    reasons = list(dict.fromkeys(reasons or []))
    if any(reason not in Reason.values for reason in reasons):
        raise DomainError(_("Choose reasons from the list."), field="reasons")
    comment = (comment or "").strip()
    if len(comment) > 1000:
        raise DomainError(_("Keep the comment under 1,000 characters."), field="comment")
    if channel not in RatingChannel.values:
        raise DomainError(_("Unknown channel."), field="channel")
    now = at or timezone.now()
    try:
        with transaction.atomic():
            locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
            if locked.status != Status.RETURNED:
                raise NotAllowed(
                    _("A dossier can be rated once its result has been returned."),
                    code="not_returned",
                )
            if Rating.objects.filter(dossier=locked).exists():
                raise Conflict(already_rated_message(), code=ALREADY_RATED)
            rating = Rating.objects.create(
                dossier=locked,
                unit_id=locked.unit_id,
                level=level,
                reasons=reasons,
                comment=comment,
                channel=channel,
                rated_at=now,
            )
            audit_record(
                actor=actor,
                action="survey.rating",
                obj=rating,
                unit_id=locked.unit_id,
                after={"dossier": locked.code, "level": level, "channel": channel},
            )
    except IntegrityError as error:  # two submissions at the same moment: the constraint wins
        raise Conflict(already_rated_message(), code=ALREADY_RATED) from error
    return rating


def campaign_create(
    *,
    unit: Unit,
    title: str,
    period_start: dt.date,
    period_end: dt.date,
    sample_size: int,
    seed: int,
    actor,
    introduction: str = "",
) -> Campaign:
    """A new campaign for ``unit`` with the standard SIPAS questionnaire, ready to edit."""
    if not covers(actor, unit, RUNNERS):
        raise NotAllowed(_("Your role does not allow this action for this unit."))
    if period_end < period_start:
        raise DomainError(_("The end of the period is before its start."), field="period_end")
    if sample_size < 1:
        raise DomainError(_("Invite at least one applicant."), field="sample_size")
    with transaction.atomic():
        campaign = Campaign.objects.create(
            unit=unit,
            title=title.strip(),
            introduction=introduction.strip(),
            period_start=period_start,
            period_end=period_end,
            sample_size=sample_size,
            seed=seed,
            created_by=actor,
        )
        by_code = {}
        for position, row in enumerate(STANDARD):
            code, element, measure, kind, text, required, choices, show_if, values = row
            by_code[code] = Question.objects.create(
                campaign=campaign,
                position=position,
                code=code,
                element=element,
                measure=measure,
                kind=kind,
                text=text,
                required=required,
                choices=choices,
                show_if=by_code.get(show_if),
                show_if_values=values,
            )
        audit_record(
            actor=actor,
            action="survey.create",
            obj=campaign,
            unit_id=unit.pk,
            after={"period": f"{period_start}–{period_end}", "sample_size": sample_size},
        )
    return campaign


def _values(question: Question, raw) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list | tuple) else [raw]
    return [str(item).strip() for item in items if str(item).strip()]


def visible_questions(questions: list[Question], raw: dict) -> list[Question]:
    """The questions shown for these answers (a question whose condition is not met is not)."""
    by_id = {q.pk: q for q in questions}
    shown = []
    for question in questions:
        if question.show_if_id:
            parent = by_id.get(question.show_if_id)
            if parent is None or parent not in shown:
                continue
            if not set(_values(parent, raw.get(parent.code))) & set(question.show_if_values):
                continue
        shown.append(question)
    return shown


def _answers_for(question: Question, values: list[str]) -> list[Answer]:
    """Validated answers for one question; raises ``DomainError`` naming the question."""
    if question.kind == QuestionKind.TEXT:
        text = " ".join(values)[:2000]
        return [Answer(question=question, text=text)] if text else []
    if question.kind == QuestionKind.SCALE:
        if len(values) > 1:
            raise DomainError(_("Choose one value."), field=question.code)
        answers = []
        for value in values:
            try:
                number = int(value)
            except ValueError as error:
                raise DomainError(_("Choose one value."), field=question.code) from error
            if not 1 <= number <= question.scale_max:
                raise DomainError(_("Choose one value."), field=question.code)
            satisfied = number >= question.satisfied_from if question.is_criterion else None
            answers.append(Answer(question=question, scale=number, satisfied=satisfied))
        return answers
    known = {c["value"]: c for c in question.choices}
    if any(value not in known for value in values):
        raise DomainError(_("Choose from the list."), field=question.code)
    if question.kind == QuestionKind.SINGLE and len(values) > 1:
        raise DomainError(_("Choose one answer."), field=question.code)
    return [
        Answer(
            question=question,
            choice=value,
            satisfied=bool(known[value].get("satisfied")) if question.is_criterion else None,
        )
        for value in values
    ]


def response_submit(*, token: str, raw: dict, today: dt.date | None = None) -> Response:
    """Record an anonymous response through an invitation, once. ``raw`` maps question codes
    to a value or a list of values. The invitation is marked used and forgets its dossier."""
    today = today or timezone.localdate()
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("campaign")
            .filter(token=token)
            .first()
        )
        if invitation is None:
            raise NotAllowed(_("This survey link is not valid."), code="invalid_invitation")
        if invitation.used:
            raise Conflict(
                _("This invitation has already been used. Thank you for your answers."),
                code="invitation_used",
            )
        campaign = invitation.campaign
        if campaign.status != CampaignStatus.OPEN:
            raise Conflict(_("This survey is closed."), code="campaign_closed")
        questions = list(campaign.questions.order_by("position", "id"))
        errors: dict[str, str] = {}
        answers: list[Answer] = []
        for question in visible_questions(questions, raw):
            values = _values(question, raw.get(question.code))
            if question.required and not values:
                errors[question.code] = _("Please answer this question.")
                continue
            try:
                answers.extend(_answers_for(question, values))
            except DomainError as error:
                errors[question.code] = str(error.message)
        if errors:
            error = DomainError(_("Please answer the questions marked below."), code="invalid")
            error.errors = errors
            raise error
        response = Response.objects.create(campaign=campaign, submitted_on=today)
        for answer in answers:
            answer.response = response
        Answer.objects.bulk_create(answers)
        invitation.used = True
        invitation.dossier = None
        invitation.save(update_fields=["used", "dossier"])
        # No audit event: it would tie the response to a time and an address.
    return response
