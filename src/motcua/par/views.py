"""The back-office of the PAR index (self-assessment, appraisal, the Front's review,
publication) and of the one-stop evaluation."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.accounts.roles import RoleCode
from motcua.audit.selectors import AuditFilters, audit_events
from motcua.core.errors import DomainError
from motcua.par import onestop as evaluation
from motcua.par import selectors, services
from motcua.par.forms import EvidenceForm, OnestopFilterForm, ScoreForm, StartForm, TransitionForm
from motcua.par.models import Assessment, Evidence
from motcua.par.workflow import (
    SCORING,
    TRANSITIONS,
    assessment_transition,
    available_actions,
    may_act_for,
)
from motcua.surveys.scoping import units_in_area

ROLES = selectors.OVERSIGHT_ROLES
NOTE_LABELS = {
    "self": _("Explanation"),
    "appraisal": _("Reason for the change"),
    "front": _("The Front's comment"),
}


@staff_required(roles=ROLES)
def assessments(request):
    assessor_units = units_in_area(request.user, frozenset({RoleCode.PAR_ASSESSOR}))
    form = StartForm(request.POST or None, units=assessor_units)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_start(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The assessment was opened for self-assessment."))
            return redirect("par:assessment", assessment.public_id)
    return render(
        request,
        "par/assessments.html",
        {
            "assessments": selectors.assessments_for_staff(request.user)[:300],
            "start_form": form if assessor_units.exists() else None,
        },
    )


def _assessment_or_404(request, public_id) -> Assessment:
    assessment = (
        Assessment.objects.visible_to(request.user)
        .select_related("unit", "framework")
        .filter(public_id=public_id)
        .first()
    )
    if assessment is None:
        raise Http404
    return assessment


def _context(request, assessment, forms=None) -> dict:
    forms = forms or {}
    stage, role = SCORING.get(assessment.status, ("", ""))
    can_score = bool(stage) and may_act_for(request.user, assessment, role)
    rows = []
    for root in selectors.assessment_tree(assessment):
        for depth, node in root.walk():
            criterion = node.criterion
            editable = (
                can_score
                and node.score is not None
                and not criterion.is_survey
                and (criterion.is_front if stage == "front" else True)
                and not (stage == "appraisal" and criterion.is_front)
            )
            form = None
            if editable:
                form = forms.get(criterion.code) or ScoreForm(
                    prefix=f"c{criterion.pk}",
                    note_label=NOTE_LABELS[stage],
                    initial=_initial(node.score, stage),
                )
            rows.append(
                {
                    "depth": depth,
                    "node": node,
                    "form": form,
                    "evidence_form": forms.get(f"evidence-{criterion.code}")
                    or (
                        EvidenceForm(prefix=f"e{criterion.pk}")
                        if editable and stage == "self"
                        else None
                    ),
                }
            )
    total, maximum = services.totals(assessment)
    history = audit_events(
        AuditFilters(object_type="par.assessment", object_id=str(assessment.public_id))
    )[:100]
    return {
        "assessment": assessment,
        "rows": rows,
        "stage": stage,
        "total": assessment.total if assessment.total is not None else total,
        "maximum": maximum,
        "actions": [
            (t, TransitionForm(initial={"expected_status": assessment.status}))
            for t in available_actions(assessment, request.user)
        ],
        "events": assessment.events.select_related("actor"),
        "history": history,
        "survey_preview": _survey_preview(assessment),
    }


def _survey_preview(assessment) -> tuple:
    index, source = services.survey_index_for(assessment.unit, assessment.framework.year)
    labels = {"sipas": _("SIPAS surveys"), "ratings": _("ratings of dossiers")}
    return index, labels.get(source, "")


def _initial(score, stage: str) -> dict:
    points_field, note_field = services.FIELDS[stage]
    points = getattr(score, points_field)
    if points is None and stage == "appraisal":
        points = score.self_points
    return {"points": points if points is not None else "", "note": getattr(score, note_field)}


@staff_required(roles=ROLES)
def detail(request, public_id):
    assessment = _assessment_or_404(request, public_id)
    return render(request, "par/assessment.html", _context(request, assessment))


@staff_required(roles=ROLES)
@require_POST
def score(request, public_id, code: str):
    assessment = _assessment_or_404(request, public_id)
    criterion = get_object_or_404(assessment.framework.criteria, code=code)
    stage = SCORING.get(assessment.status, ("self", ""))[0]
    form = ScoreForm(request.POST, prefix=f"c{criterion.pk}", note_label=NOTE_LABELS[stage])
    if form.is_valid():
        try:
            services.score_set(
                assessment=assessment,
                criterion=criterion,
                actor=request.user,
                points=form.cleaned_data["points"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            if error.field in form.fields:
                form.add_error(error.field, error.message)
            else:
                messages.error(request, error.message)
                return redirect("par:assessment", assessment.public_id)
        else:
            messages.success(
                request, _("Points of criterion %(code)s saved.") % {"code": criterion.code}
            )
            return redirect(f"{request.path.rsplit('/diem/', 1)[0]}/#c-{criterion.pk}")
    return render(
        request,
        "par/assessment.html",
        _context(request, assessment, {criterion.code: form}),
        status=400,
    )


@staff_required(roles=(RoleCode.LEADER,))
@require_POST
def add_evidence(request, public_id, code: str):
    assessment = _assessment_or_404(request, public_id)
    criterion = get_object_or_404(assessment.framework.criteria, code=code)
    form = EvidenceForm(request.POST, request.FILES, prefix=f"e{criterion.pk}")
    if form.is_valid():
        try:
            services.evidence_add(
                assessment=assessment,
                criterion=criterion,
                actor=request.user,
                upload=form.cleaned_data["file"],
                name=form.cleaned_data["name"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Evidence added."))
        return redirect("par:assessment", assessment.public_id)
    return render(
        request,
        "par/assessment.html",
        _context(request, assessment, {f"evidence-{criterion.code}": form}),
        status=400,
    )


@staff_required(roles=ROLES)
def evidence(request, public_id, evidence_id):
    assessment = _assessment_or_404(request, public_id)
    item = get_object_or_404(Evidence, public_id=evidence_id, score__assessment=assessment)
    return FileResponse(
        item.file.open("rb"),
        content_type=item.content_type,
        filename=item.file.name.rsplit("/", 1)[-1],
    )


@staff_required(roles=ROLES)
@require_POST
def act(request, public_id, action: str):
    assessment = _assessment_or_404(request, public_id)
    if action not in TRANSITIONS:
        raise Http404
    form = TransitionForm(request.POST)
    form.is_valid()
    try:
        assessment_transition(
            assessment=assessment,
            action=action,
            actor=request.user,
            note=form.cleaned_data.get("note", ""),
            expected_status=form.cleaned_data.get("expected_status") or None,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": TRANSITIONS[action].label})
    return redirect("par:assessment", assessment.public_id)


@staff_required(roles=ROLES)
def onestop(request):
    """Averages of the nine indices per quarter and for the year, with the classification."""
    units = units_in_area(request.user)
    form = OnestopFilterForm(request.GET or None, units=units)
    cleaned = form.cleaned_data if form.is_valid() else {}
    unit = cleaned.get("unit") or units.first()
    year = cleaned.get("nam") or timezone.localdate().year
    if not request.GET:
        form = OnestopFilterForm(
            initial={"unit": unit.slug if unit else None, "nam": year}, units=units
        )
    if request.method == "POST" and unit is not None:
        count = evaluation.evaluations_refresh(unit=unit)
        messages.success(request, _("%(count)d dossier(s) evaluated.") % {"count": count})
        return redirect(f"{request.path}?unit={unit.slug}&nam={year}")
    context = {"form": form, "unit": unit, "year": year}
    if unit is not None:
        quarters = evaluation.quarterly_averages(unit, year)
        whole = evaluation.unit_average(unit, dt.date(year, 1, 1), dt.date(year, 12, 31))
        columns = [avg for _q, avg in quarters] + [whole]
        context.update(
            quarters=[q for q, _avg in quarters],
            rows=[
                (f"{n}. {label}", [avg.indices[key] for avg in columns])
                for n, (key, label) in enumerate(evaluation.INDICES, start=1)
            ],
            scores=[avg.score for avg in columns],
            bands=[avg.band[1] for avg in columns],
            counts=[avg.dossiers for avg in columns],
        )
    return render(request, "par/onestop.html", context)
