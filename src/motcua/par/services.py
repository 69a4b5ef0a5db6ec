"""Writes on PAR assessments: start, score (each change audited), evidence, finalise on publish;
frameworks from data; refresh of the one-stop evaluations."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.core.uploads import CleanUpload
from motcua.organisations.models import Unit
from motcua.par.models import (
    DEFAULT_BANDS,
    Assessment,
    AssessmentStatus,
    Criterion,
    Evidence,
    Framework,
    Score,
)
from motcua.par.workflow import SCORING, may_act_for
from motcua.surveys import selectors as survey_selectors
from motcua.surveys.scoping import covers

CENT = Decimal("0.01")


def framework_from_data(*, year: int, name: str, legal_basis: str, tree: list[dict]) -> Framework:
    """Create a year's framework from nested data: ``{"code", "title", "points", "guidance",
    "evidence", "front", "survey", "children": [...]}``. A branch's points are its leaves' sum."""
    with transaction.atomic():
        framework = Framework.objects.create(
            year=year, name=name, legal_basis=legal_basis, bands=DEFAULT_BANDS
        )
        position = 0

        def add(node: dict, parent: Criterion | None) -> Decimal:
            nonlocal position
            position += 1
            criterion = Criterion.objects.create(
                framework=framework,
                parent=parent,
                code=node["code"],
                title=node["title"],
                max_points=Decimal(str(node.get("points", 0))),
                guidance=node.get("guidance", ""),
                evidence_required=node.get("evidence", ""),
                is_front=node.get("front", False),
                is_survey=node.get("survey", False),
                position=position,
            )
            children = node.get("children") or []
            if children:
                total = sum((add(child, criterion) for child in children), Decimal(0))
                criterion.max_points = total
                criterion.save(update_fields=["max_points"])
            return criterion.max_points

        for domain in tree:
            add(domain, None)
    return framework


def leaves(framework: Framework):
    return framework.criteria.filter(children__isnull=True).order_by("position")


def assessment_start(*, framework: Framework, unit: Unit, actor) -> Assessment:
    """Open the year's assessment of ``unit`` (one row per leaf criterion to score)."""
    if not covers(actor, unit, frozenset({RoleCode.PAR_ASSESSOR})):
        raise NotAllowed(_("Your role does not allow this action for this unit."))
    with transaction.atomic():
        if Assessment.objects.filter(framework=framework, unit=unit).exists():
            raise Conflict(_("This unit already has an assessment for this year."))
        assessment = Assessment.objects.create(framework=framework, unit=unit)
        Score.objects.bulk_create(
            [Score(assessment=assessment, criterion=c) for c in leaves(framework)]
        )
        audit_record(actor=actor, action="par.start", obj=assessment, unit_id=unit.pk)
    return assessment


def _points(value, criterion: Criterion) -> Decimal:
    try:
        points = Decimal(str(value).replace(",", ".")).quantize(CENT, ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as error:
        raise DomainError(_("Enter a number of points."), field="points") from error
    if points < 0 or points > criterion.max_points:
        raise DomainError(
            _("Enter between 0 and %(max)s points.") % {"max": criterion.max_points},
            field="points",
            code="out_of_range",
        )
    return points


FIELDS = {
    "self": ("self_points", "self_note"),
    "appraisal": ("appraised_points", "appraisal_reason"),
    "front": ("front_points", "front_comment"),
}


def score_set(
    *,
    assessment: Assessment,
    criterion: Criterion,
    actor,
    points,
    note: str = "",
) -> Score:
    """Write the points of one criterion at the assessment's current stage. The stage decides
    who may score and which field: the unit's leader (self-assessment), the PAR assessor
    (appraisal, with a reason when the points differ), the Front supervisor (the Front's
    criteria only). Survey criteria are never scored by hand. Every change is audited."""
    note = (note or "").strip()
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().select_related("unit").get(pk=assessment.pk)
        if locked.status not in SCORING:
            if locked.status == AssessmentStatus.PUBLISHED:
                raise Conflict(
                    _("This assessment is published and can no longer be changed."),
                    code="published",
                )
            raise Conflict(_("Scores cannot be changed at this step."), code="not_scoring")
        stage, role = SCORING[locked.status]
        if not may_act_for(actor, locked, role):
            raise NotAllowed(_("Your role does not allow scoring at this step."))
        if criterion.is_survey:
            raise NotAllowed(
                _("This criterion is filled from the satisfaction results."), code="survey"
            )
        if stage == "front" and not criterion.is_front:
            raise NotAllowed(
                _("The Fatherland Front scores only the criteria marked as the Front's."),
                code="not_front_criterion",
            )
        if stage == "appraisal" and criterion.is_front:
            raise NotAllowed(
                _("This criterion is scored by the Fatherland Front."), code="front_criterion"
            )
        score = Score.objects.select_related("criterion").get(
            assessment=locked, criterion=criterion
        )
        value = _points(points, criterion)
        points_field, note_field = FIELDS[stage]
        if stage == "appraisal" and value != score.self_points and not note:
            raise DomainError(
                _("Give the reason for changing the self-assessed points."),
                field="note",
                code="reason_required",
            )
        before = {
            points_field: _str(getattr(score, points_field)),
            note_field: getattr(score, note_field),
        }
        setattr(score, points_field, value)
        setattr(score, note_field, note)
        score.save(update_fields=[points_field, note_field])
        audit_record(
            actor=actor,
            action=f"par.score.{stage}",
            obj=locked,
            unit_id=locked.unit_id,
            before={"criterion": criterion.code, **before},
            after={"criterion": criterion.code, points_field: _str(value), note_field: note},
            reason=note,
        )
    return score


def _str(value) -> str | None:
    return None if value is None else str(value)


def evidence_add(
    *, assessment: Assessment, criterion: Criterion, actor, upload: CleanUpload, name: str = ""
) -> Evidence:
    """Attach a file to a self-assessed criterion (during self-assessment only)."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().select_related("unit").get(pk=assessment.pk)
        if locked.status != AssessmentStatus.SELF_ASSESSMENT:
            raise Conflict(_("Evidence is added during the self-assessment."), code="not_scoring")
        if not may_act_for(actor, locked, RoleCode.LEADER):
            raise NotAllowed(_("Your role does not allow this action for this unit."))
        score = Score.objects.get(assessment=locked, criterion=criterion)
        evidence = Evidence(
            score=score,
            name=(name or upload.name)[:300],
            content_type=upload.kind.content_type,
            size=upload.size,
            sha256=upload.sha256,
            uploaded_by=actor,
        )
        evidence.file.save(upload.name, upload.content, save=False)
        evidence.save()
        audit_record(
            actor=actor,
            action="par.evidence",
            obj=locked,
            unit_id=locked.unit_id,
            after={"criterion": criterion.code, "file": evidence.name, "sha256": upload.sha256},
        )
    return evidence


def survey_index_for(unit: Unit, year: int) -> tuple[Decimal | None, str]:
    """The satisfaction index of ``unit`` for ``year``: the SIPAS index of its closed survey
    campaigns, else the share of satisfied ratings of its dossiers; (None, "") without data."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    sipas = survey_selectors.sipas_for_unit(unit, start, end).index
    if sipas is not None:
        return sipas, "sipas"
    rate = survey_selectors.satisfaction(unit, start, end).rate
    if rate is not None:
        return rate, "ratings"
    return None, ""


def classify(total: Decimal, maximum: Decimal, bands: list[dict]) -> str:
    """The label of the first band whose minimum (percent of the maximum) ``total`` reaches."""
    if not maximum:
        return ""
    share = total * 100 / maximum
    for band in sorted(bands or DEFAULT_BANDS, key=lambda b: -Decimal(str(b["min"]))):
        if share >= Decimal(str(band["min"])):
            return band["label"]
    return ""


def totals(assessment: Assessment) -> tuple[Decimal, Decimal]:
    """(points, maximum) over the assessment's leaf criteria."""
    scores = assessment.scores.select_related("criterion")
    total = sum((s.final_points or Decimal(0) for s in scores), Decimal(0))
    maximum = sum((s.criterion.max_points for s in scores), Decimal(0))
    return total.quantize(CENT), maximum.quantize(CENT)


def finalise(assessment: Assessment, *, actor, now) -> dict:
    """Called by the publishing transition with the row locked: fill the survey criteria,
    freeze the total and the classification."""
    index, source = survey_index_for(assessment.unit, assessment.framework.year)
    for score in assessment.scores.select_related("criterion").filter(criterion__is_survey=True):
        before = _str(score.survey_points)
        score.survey_points = (
            (score.criterion.max_points * index / 100).quantize(CENT, ROUND_HALF_UP)
            if index is not None
            else Decimal(0)
        )
        score.save(update_fields=["survey_points"])
        audit_record(
            actor=actor,
            action="par.score.survey",
            obj=assessment,
            unit_id=assessment.unit_id,
            before={"criterion": score.criterion.code, "survey_points": before},
            after={
                "criterion": score.criterion.code,
                "survey_points": _str(score.survey_points),
                "index": _str(index),
                "source": source,
            },
        )
    total, maximum = totals(assessment)
    assessment.total = total
    assessment.classification = classify(total, maximum, assessment.framework.bands)
    assessment.survey_index = index
    assessment.survey_source = source
    assessment.published_at = now
    return {"total": str(total), "classification": assessment.classification}
