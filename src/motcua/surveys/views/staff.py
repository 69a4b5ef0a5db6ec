"""The back-office: the desk's rating kiosk, survey campaigns (design, sample, results)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.accounts.roles import RoleCode
from motcua.core.errors import Conflict, DomainError
from motcua.core.ratelimit import RateLimit, limit_by_ip
from motcua.dossiers.models import Dossier, Status
from motcua.surveys import selectors, services
from motcua.surveys.forms import CampaignForm, KioskSearchForm, RatingForm
from motcua.surveys.models import Campaign, RatingChannel
from motcua.surveys.scoping import units_in_area
from motcua.surveys.workflow import RUNNERS, TRANSITIONS, available_actions, campaign_transition

KIOSK_RATE = RateLimit("survey-kiosk", limit=60, window=900)
CAMPAIGN_ROLES = (RoleCode.LEADER, RoleCode.PAR_ASSESSOR, RoleCode.FRONT_SUPERVISOR)


@staff_required(roles=(RoleCode.ONE_STOP_OFFICER,))
def kiosk(request):
    """The officer picks the dossier just handed back; the tablet then shows the rating."""
    form = KioskSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    return render(
        request,
        "surveys/kiosk_choose.html",
        {
            "form": form,
            "dossiers": selectors.kiosk_dossiers(request.user, query=query),
            "query": query,
        },
    )


@staff_required(roles=(RoleCode.ONE_STOP_OFFICER,))
@limit_by_ip(KIOSK_RATE)
def kiosk_rate(request, code: str):
    dossier = get_object_or_404(
        Dossier.objects.visible_to(request.user).select_related(
            "procedure_version__procedure", "unit"
        ),
        code=code,
        status=Status.RETURNED,
    )
    existing = selectors.rating_of(dossier)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            services.rating_submit(
                dossier=dossier,
                level=form.cleaned_data["level"],
                reasons=form.cleaned_data["reasons"],
                comment=form.cleaned_data["comment"],
                channel=RatingChannel.KIOSK,
                actor=request.user,
            )
        except Conflict as error:
            form.add_error(None, error.message)
            existing = selectors.rating_of(dossier)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return render(request, "surveys/kiosk_thanks.html", {"dossier": dossier})
    return render(
        request,
        "surveys/kiosk_rate.html",
        {"dossier": dossier, "form": form, "existing": existing},
        status=400 if form.errors else 200,
    )


@staff_required(roles=CAMPAIGN_ROLES)
def campaigns(request):
    return render(
        request,
        "surveys/staff/campaigns.html",
        {
            "campaigns": selectors.campaigns_for_staff(request.user)[:200],
            "can_create": units_in_area(request.user, RUNNERS).exists(),
        },
    )


@staff_required(roles=tuple(RUNNERS))
def campaign_create(request):
    units = units_in_area(request.user, RUNNERS)
    form = CampaignForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, _("The campaign was created with the standard questionnaire.")
            )
            return redirect("surveys:campaign", campaign.public_id)
    return render(request, "surveys/staff/campaign_form.html", {"form": form})


def _campaign_or_404(request, public_id) -> Campaign:
    campaign = (
        Campaign.objects.visible_to(request.user)
        .select_related("unit")
        .filter(public_id=public_id)
        .first()
    )
    if campaign is None:
        raise Http404
    return campaign


@staff_required(roles=CAMPAIGN_ROLES)
def campaign_detail(request, public_id):
    """Design, sample and raw counts, results. The Front supervisor reads it all."""
    campaign = _campaign_or_404(request, public_id)
    questions = list(campaign.questions.select_related("show_if").order_by("position", "id"))
    counts = selectors.answer_counts(campaign)
    invitations = campaign.invitations.all()
    return render(
        request,
        "surveys/staff/campaign_detail.html",
        {
            "campaign": campaign,
            "questions": [
                (q, [(q.choice_label(v), n) for v, n in counts.get(q.pk, [])]) for q in questions
            ],
            "result": selectors.campaign_results(campaign),
            "invited": invitations.count(),
            "used": invitations.filter(used=True).count(),
            "texts": selectors.text_answers(campaign)[:100],
            "actions": available_actions(campaign, request.user),
        },
    )


@staff_required(roles=tuple(RUNNERS))
@require_POST
def campaign_act(request, public_id, action: str):
    campaign = _campaign_or_404(request, public_id)
    if action not in TRANSITIONS:
        raise Http404
    try:
        campaign_transition(campaign=campaign, action=action, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": TRANSITIONS[action].label})
    return redirect("surveys:campaign", campaign.public_id)
