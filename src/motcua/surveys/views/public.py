"""What applicants see: rating a returned dossier, answering a survey, a campaign's results."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from motcua.core.errors import Conflict, DomainError
from motcua.core.ratelimit import RateLimit, limit_by_ip
from motcua.core.requestmeta import client_ip
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.selectors import dossier_for_applicant
from motcua.surveys import selectors, services
from motcua.surveys.forms import CodeForm, RatingForm, ResponseForm
from motcua.surveys.models import Campaign, CampaignStatus, Invitation, RatingChannel

RATE_RATE = RateLimit("survey-rate", limit=20, window=900)
ANSWER_RATE = RateLimit("survey-answer", limit=20, window=900)
SESSION_KEY = "surveys_may_rate"


def _allow(request, dossier: Dossier) -> None:
    allowed = set(request.session.get(SESSION_KEY, []))
    allowed.add(dossier.code)
    request.session[SESSION_KEY] = sorted(allowed)[-20:]


def _allowed_dossier(request, code: str) -> Dossier:
    """The dossier, once this visitor proved with its secret (or phone) that it is theirs."""
    if code not in request.session.get(SESSION_KEY, []):
        raise Http404
    return get_object_or_404(
        Dossier.objects.select_related("procedure_version__procedure", "unit"), code=code
    )


@limit_by_ip(RATE_RATE)
def start(request):
    """Rate a dossier: the code and the lookup code printed on the receipt."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dossier = dossier_for_applicant(form.cleaned_data["code"], form.cleaned_data["secret"])
        if dossier is not None:
            _allow(request, dossier)
            return redirect("surveys:rate", dossier.code)
        form.add_error(
            None,
            _(
                "No dossier matches this code and lookup code or phone number. Check them on your receipt."
            ),
        )
    return render(request, "surveys/start.html", {"form": form})


@limit_by_ip(RATE_RATE)
def rate(request, code: str):
    """The rating form of one dossier. Links carry the secret in ``?ma=``, which the page
    checks once and then drops from the address."""
    secret = request.GET.get("ma")
    if secret is not None:
        if not RATE_RATE.hit(client_ip(request) or "unknown"):
            raise Http404
        dossier = dossier_for_applicant(code, secret)
        if dossier is None:
            raise Http404
        _allow(request, dossier)
        return redirect("surveys:rate", code)
    dossier = _allowed_dossier(request, code)
    existing = selectors.rating_of(dossier)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            services.rating_submit(
                dossier=dossier,
                level=form.cleaned_data["level"],
                reasons=form.cleaned_data["reasons"],
                comment=form.cleaned_data["comment"],
                channel=RatingChannel.LINK,
            )
        except Conflict as error:
            form.add_error(None, error.message)
            existing = selectors.rating_of(dossier)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return redirect("surveys:thanks", code)
    return render(
        request,
        "surveys/rate.html",
        {
            "dossier": dossier,
            "form": form,
            "existing": existing,
            "returned": dossier.status == Status.RETURNED,
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


def thanks(request, code: str):
    dossier = _allowed_dossier(request, code)
    return render(
        request,
        "surveys/thanks.html",
        {"dossier": dossier, "rating": selectors.rating_of(dossier)},
    )


@limit_by_ip(ANSWER_RATE)
def answer(request, token: str):
    """An anonymous survey opened from an invitation."""
    invitation = get_object_or_404(Invitation.objects.select_related("campaign__unit"), token=token)
    campaign = invitation.campaign
    if invitation.used or campaign.status != CampaignStatus.OPEN:
        return render(
            request,
            "surveys/answer_closed.html",
            {"campaign": campaign, "used": invitation.used},
            status=410,
        )
    questions = list(campaign.questions.select_related("show_if").order_by("position", "id"))
    form = ResponseForm(request.POST or None, questions=questions)
    if request.method == "POST":
        try:
            services.response_submit(token=token, raw=form.raw())
        except DomainError as error:
            for code, message in getattr(error, "errors", {}).items():
                form.add_error(code, message)
            if not getattr(error, "errors", None):
                form.add_error(None, error.message)
        else:
            return render(request, "surveys/answer_done.html", {"campaign": campaign})
    return render(
        request,
        "surveys/answer.html",
        {"campaign": campaign, "form": form},
        status=400 if form.errors else 200,
    )


def results(request, public_id):
    """A closed campaign's results, published."""
    campaign = get_object_or_404(
        Campaign.objects.select_related("unit"),
        public_id=public_id,
        status=CampaignStatus.CLOSED,
    )
    return render(
        request,
        "surveys/results_public.html",
        {"campaign": campaign, "result": selectors.campaign_results(campaign)},
    )
