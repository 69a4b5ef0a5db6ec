"""Back-office pages: the work queue, a report with its actions, staff entry of reports
received by phone, desk or mailbox, and the routing rules."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from motcua.accounts.decorators import staff_required
from motcua.accounts.roles import RoleCode
from motcua.core.errors import DomainError
from motcua.feedback import access, classifier, selectors, services
from motcua.feedback.duplicates import duplicate_candidates
from motcua.feedback.forms import (
    CorrectForm,
    NoteForm,
    RoutingRuleForm,
    StaffReportForm,
    TransitionForm,
)
from motcua.feedback.models import AnswerTemplate, Category, Report, RoutingRule, Status
from motcua.feedback.workflow import TRANSITIONS, Action, allowed_actions, due_state
from motcua.organisations.models import ADMINISTRATIVE_KINDS
from motcua.organisations.selectors import active_unit, has_role, staff_units

STAFF_ROLES = access.STAFF_ROLES
INTAKE_ROLES = (RoleCode.ONE_STOP_OFFICER, RoleCode.LEADER)


def _filters(request) -> selectors.StaffFilters:
    if not request.GET:  # the landing view: what is still open
        return selectors.StaffFilters(status="open")
    status = request.GET.get("status", "")
    due = request.GET.get("due", "")
    return selectors.StaffFilters(
        status=status if status in (*Status.values, "open") else "",
        category=Category.objects.filter(code=request.GET.get("category", "")).first(),
        due=due if due in ("overdue", "due_soon") else "",
        mine=request.GET.get("mine") == "1",
        query=request.GET.get("q", "").strip()[:100],
    )


@staff_required(roles=STAFF_ROLES)
def queue(request):
    """The reports this officer can see, soonest due first, with filters."""
    filters = _filters(request)
    page = Paginator(selectors.reports_for_staff(request.user, filters), 25).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "statuses": Status.choices,
        "groups": selectors.categories_tree(),
        "query_string": query.urlencode(),
        "can_enter": any(has_role(request.user, r) for r in INTAKE_ROLES),
    }
    template = "feedback/staff/queue.html#results" if request.htmx else "feedback/staff/queue.html"
    return render(request, template, context)


def _detail_context(request, report: Report, forms: dict | None = None) -> dict:
    actions = allowed_actions(report, request.user)
    action_forms = {
        action: (forms or {}).get(action) or TransitionForm(action=action, report=report)
        for action in actions
    }
    candidates = []
    if report.status in (Status.RECEIVED, Status.ACCEPTED):
        candidates = duplicate_candidates(
            category=report.category,
            description=report.description,
            unit=report.unit,
            latitude=report.latitude,
            longitude=report.longitude,
            address=report.address,
            within=Report.objects.visible_to(request.user),
            exclude=report,
            now=report.received_at,
        )
    suggestion = None
    if report.status in (Status.RECEIVED, Status.ACCEPTED):
        suggestion = classifier.suggest_category(report.description)
    correct_form = None
    if services.may_correct(request.user, report):
        correct_form = (forms or {}).get("correct") or CorrectForm(
            initial={
                "category": report.category.code,
                "address": report.address,
                "latitude": report.latitude,
                "longitude": report.longitude,
                "public_description": report.public_description,
                "is_public": report.is_public,
            }
        )
    return {
        "report": report,
        "action_forms": action_forms,
        "transitions": TRANSITIONS,
        "candidates": candidates,
        "suggestion": suggestion,
        "correct_form": correct_form,
        "note_form": (forms or {}).get("note") or NoteForm(),
        "due": due_state(report.step_due),
        "show_reporter": selectors.may_see_reporter(request.user, report),
        "templates": AnswerTemplate.objects.filter(
            category__in=[report.category_id, report.category.parent_id or 0], is_active=True
        ),
        "questions": [
            (q.get("label", q["key"]), report.details.get(q["key"]))
            for q in report.category.questions or []
            if report.details.get(q["key"])
        ],
    }


def _report_or_404(request, code: str) -> Report:
    report = selectors.report_for_staff(request.user, code)
    if report is None:
        raise Http404
    return report


@staff_required(roles=STAFF_ROLES)
def detail(request, code: str):
    report = _report_or_404(request, code)
    return render(request, "feedback/staff/detail.html", _detail_context(request, report))


@staff_required(roles=STAFF_ROLES)
@require_POST
def act(request, code: str, action: str):
    """Apply one workflow action (each action is its own form)."""
    report = _report_or_404(request, code)
    if action not in TRANSITIONS:
        raise Http404
    form = TransitionForm(request.POST, request.FILES or None, action=action, report=report)
    if form.is_valid():
        try:
            services.report_act(
                report=report,
                action=action,
                actor=request.user,
                photos=form.cleaned_data.get("photos") or [],
                **form.transition_kwargs(),
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                _("Done: %(action)s.") % {"action": Action(action).label},
            )
            return redirect("feedback:staff-detail", code=code)
    context = _detail_context(request, report, forms={action: form})
    context["open_action"] = action
    return render(request, "feedback/staff/detail.html", context, status=400)


@staff_required(roles=STAFF_ROLES)
@require_POST
def add_note(request, code: str):
    report = _report_or_404(request, code)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.report_add_note(
                report=report, actor=request.user, body=form.cleaned_data["body"]
            )
        except DomainError as error:
            form.add_error("body", error.message)
        else:
            messages.success(request, _("The note was added."))
            return redirect("feedback:staff-detail", code=code)
    return render(
        request,
        "feedback/staff/detail.html",
        _detail_context(request, report, forms={"note": form}),
        status=400,
    )


@staff_required(roles=INTAKE_ROLES)
@require_POST
def correct(request, code: str):
    report = _report_or_404(request, code)
    form = CorrectForm(request.POST)
    if form.is_valid():
        try:
            services.report_correct(report=report, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The report was corrected and routed again."))
            return redirect("feedback:staff-detail", code=code)
    return render(
        request,
        "feedback/staff/detail.html",
        _detail_context(request, report, forms={"correct": form}),
        status=400,
    )


@staff_required(roles=STAFF_ROLES)
@require_GET
def answer_template(request, code: str, template_id: int):
    """HTMX: the answer field filled with a template."""
    report = _report_or_404(request, code)
    template = get_object_or_404(
        AnswerTemplate,
        pk=template_id,
        is_active=True,
        category__in=[report.category_id, report.category.parent_id or 0],
    )
    form = TransitionForm(
        action=Action.SUBMIT_ANSWER, report=report, initial={"answer": template.body}
    )
    return render(request, "feedback/staff/detail.html#answer-field", {"field": form["answer"]})


@staff_required(roles=INTAKE_ROLES)
def staff_new(request):
    """Record a report received by hotline, at the desk or in the mailbox."""
    form = StaffReportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.report_submit(**form.service_kwargs(), actor=request.user)
        except DomainError as error:
            form.add_service_error(error)
        else:
            return render(
                request,
                "feedback/staff/created.html",
                {"report": submission.report, "secret": submission.secret},
            )
    return render(
        request,
        "feedback/staff/new.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


# --- Routing rules --------------------------------------------------------------------------


def _rules_unit(request):
    unit = active_unit(request)
    if unit is not None and unit.kind not in ADMINISTRATIVE_KINDS:
        unit = unit.administrative_unit()
    if unit is None or not services.may_manage_rules(request.user, unit):
        for candidate in staff_units(request.user):
            admin_unit = candidate.administrative_unit()
            if services.may_manage_rules(request.user, admin_unit):
                return admin_unit
        raise Http404
    return unit


@staff_required(roles=(RoleCode.LEADER, RoleCode.ADMINISTRATOR))
def rules(request):
    unit = _rules_unit(request)
    form = RoutingRuleForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            services.routing_rule_save(actor=request.user, unit=unit, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The rule was added."))
            return redirect("feedback:rules")
    rows = (
        RoutingRule.objects.filter(unit=unit)
        .select_related("category__parent", "handling_unit", "officer")
        .order_by("position", "id")
    )
    inherited = (
        RoutingRule.objects.filter(unit__in=unit.ancestors(), is_active=True)
        .select_related("unit", "category__parent", "handling_unit", "officer")
        .order_by("-unit__depth", "position")
    )
    return render(
        request,
        "feedback/staff/rules.html",
        {"unit": unit, "rules": rows, "inherited": inherited, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _rule_or_404(request, public_id) -> RoutingRule:
    rule = get_object_or_404(
        RoutingRule.objects.visible_to(request.user).select_related("unit"), public_id=public_id
    )
    if not services.may_manage_rules(request.user, rule.unit):
        raise Http404
    return rule


@staff_required(roles=(RoleCode.LEADER, RoleCode.ADMINISTRATOR))
def rule_edit(request, public_id):
    rule = _rule_or_404(request, public_id)
    form = RoutingRuleForm(request.POST or None, unit=rule.unit, rule=rule)
    if request.method == "POST" and form.is_valid():
        try:
            services.routing_rule_save(
                actor=request.user, unit=rule.unit, rule=rule, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The rule was saved."))
            return redirect("feedback:rules")
    return render(
        request,
        "feedback/staff/rule_edit.html",
        {"rule": rule, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@staff_required(roles=(RoleCode.LEADER, RoleCode.ADMINISTRATOR))
@require_POST
def rule_move(request, public_id, direction: str):
    rule = _rule_or_404(request, public_id)
    services.routing_rule_move(actor=request.user, rule=rule, up=direction == "len")
    return redirect("feedback:rules")


@staff_required(roles=(RoleCode.LEADER, RoleCode.ADMINISTRATOR))
@require_POST
def rule_delete(request, public_id):
    rule = _rule_or_404(request, public_id)
    services.routing_rule_delete(actor=request.user, rule=rule)
    messages.success(request, _("The rule was removed."))
    return redirect("feedback:rules")
