"""Public pages: the intake form, the list and map of reports, a report's page, the reporter's
lookup (code + secret), rating and supplying information."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from motcua.core.errors import DomainError
from motcua.core.ratelimit import RateLimit, limit_by_ip
from motcua.feedback import classifier, selectors, services
from motcua.feedback.duplicates import duplicate_candidates
from motcua.feedback.forms import LookupForm, RatingForm, ReportForm, SupplyInfoForm
from motcua.feedback.models import Category, PhotoStage, Report, ReportPhoto, Status
from motcua.feedback.workflow import Action, report_transition
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit

SUBMIT_RATE = RateLimit("feedback-submit", 10, 3600)
LOOKUP_RATE = RateLimit("feedback-lookup", 10, 600)
SUGGEST_RATE = RateLimit("feedback-suggest", 120, 600)
RATE_RATE = RateLimit("feedback-rate", 20, 3600)
ACCESS_KEY = "feedback_access"
SECRET_KEY = "feedback_secret:{code}"


def _map_context(center=None) -> dict:
    lat, lng = center or settings.MAP_DEFAULT_CENTER
    return {"map_tile_url": settings.MAP_TILE_URL, "map_lat": lat, "map_lng": lng}


def _grant(request, code: str) -> None:
    codes = [c for c in request.session.get(ACCESS_KEY, []) if c != code]
    request.session[ACCESS_KEY] = [code, *codes][:20]


def _has_access(request, code: str) -> bool:
    return code in request.session.get(ACCESS_KEY, [])


def _filter_value(request, name: str, model, field: str):
    value = request.GET.get(name, "").strip()[:100]
    return model.objects.filter(**{field: value}).first() if value else None


def report_list(request):
    """Reports and their answers, in a list and on a map, without any personal data."""
    filters = selectors.PublicFilters(
        unit=_filter_value(request, "phuong", Unit, "slug"),
        category=_filter_value(request, "linh-vuc", Category, "code"),
        status=request.GET.get("tinh-trang", "")
        if request.GET.get("tinh-trang") in ("open", "answered")
        else "",
        query=request.GET.get("q", "").strip()[:100],
    )
    reports = selectors.public_reports(filters)
    page = Paginator(reports, 20).get_page(request.GET.get("page"))
    points = selectors.map_points(reports[:500])
    context = {
        "page": page,
        "filters": filters,
        "points": points,
        "groups": selectors.categories_tree(),
        "wards": selectors.intake_wards().filter(feedback_reports__isnull=False).distinct(),
        **_map_context(selectors.ward_center(filters.unit)),
    }
    page_query = request.GET.copy()
    page_query.pop("page", None)
    context["query_string"] = page_query.urlencode()
    template = "feedback/public/list.html#results" if request.htmx else "feedback/public/list.html"
    return render(request, template, context)


@limit_by_ip(SUBMIT_RATE)
def report_new(request):
    """The intake form: category, description, photos, map pin or address, ward, contact."""
    addressed_to = _filter_value(request, "don-vi", Unit, "slug")
    initial = {}
    if addressed_to is not None:
        ward = addressed_to.administrative_unit()
        if ward.kind in ADMINISTRATIVE_KINDS and ward.depth > 0:
            initial["unit"] = ward.slug
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.report_submit(**form.service_kwargs())
        except DomainError as error:
            form.add_service_error(error)
        else:
            code = submission.report.code
            if submission.secret:
                request.session[SECRET_KEY.format(code=code)] = submission.secret
            if submission.created or request.session.get(SECRET_KEY.format(code=code)):
                _grant(request, code)
            return redirect("feedback:submitted", code=code)
    ward_slug = form.data.get("unit") or initial.get("unit")
    ward = Unit.objects.filter(slug=ward_slug).first() if ward_slug else None
    return render(
        request,
        "feedback/public/new.html",
        {
            "form": form,
            "addressed_to": addressed_to,
            "ward_centers": selectors.ward_centers(),
            **_map_context(selectors.ward_center(ward)),
        },
        status=400 if request.method == "POST" else 200,
    )


def report_submitted(request, code: str):
    """The tracking code and secret, shown once after the submission."""
    if not _has_access(request, code):
        return redirect("feedback:detail", code=code)
    report = get_object_or_404(Report.objects.select_related("category", "unit"), code=code)
    secret = request.session.get(SECRET_KEY.format(code=code), "")
    return render(request, "feedback/public/submitted.html", {"report": report, "secret": secret})


def report_detail(request, code: str):
    report = selectors.public_report(code)
    if report is None:
        raise Http404
    return render(
        request,
        "feedback/public/detail.html",
        {
            "report": report,
            **_map_context(
                (report.public_latitude, report.public_longitude) if report.has_location else None
            ),
        },
    )


@require_GET
def report_photo(request, code: str, photo_id):
    """A photo of a published report, or of the reporter's own report, or for staff."""
    photo = get_object_or_404(
        ReportPhoto.objects.select_related("report__category"),
        public_id=photo_id,
        report__code=code,
    )
    report = photo.report
    allowed = (
        selectors.is_public(report)
        or _has_access(request, code)
        or (
            request.user.is_authenticated
            and request.user.is_staff
            and request.user.is_verified()
            and Report.objects.visible_to(request.user).filter(pk=report.pk).exists()
        )
    )
    if not allowed:
        raise Http404
    response = FileResponse(photo.image.open("rb"), content_type=photo.content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Disposition"] = "inline"
    return response


@limit_by_ip(LOOKUP_RATE)
def report_lookup(request):
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = selectors.report_for_reporter(
            form.cleaned_data["code"], form.cleaned_data["secret"]
        )
        if report is not None:
            _grant(request, report.code)
            return redirect("feedback:track", code=report.code)
        form.add_error(None, _("No report matches this code and secret code."))
    return render(
        request,
        "feedback/public/lookup.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _track_context(report: Report, **forms) -> dict:
    return {
        "report": report,
        "can_rate": services.can_rate(report),
        "rating_form": forms.get("rating_form") or RatingForm(),
        "supply_form": forms.get("supply_form") or SupplyInfoForm(),
        "window_end": services.rating_window_end(report),
        "photos": list(report.photos.all()),
        "events": report.public_events,
    }


def report_track(request, code: str):
    """The reporter's own view: status, history, answer, rating."""
    if not _has_access(request, code):
        return redirect(f"{reverse('feedback:lookup')}?code={code}")
    report = selectors.report_by_code(code)
    if report is None:
        raise Http404
    return render(request, "feedback/public/track.html", _track_context(report))


@require_POST
@limit_by_ip(RATE_RATE)
def report_rate(request, code: str):
    if not _has_access(request, code):
        return redirect("feedback:lookup")
    report = get_object_or_404(Report, code=code)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            report = services.report_rate(
                report=report,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except DomainError as error:
            form.add_error("rating", error.message)
        else:
            if report.status == Status.IN_PROGRESS:
                messages.success(
                    request,
                    _("Thank you. Your report has been reopened and will be handled again."),
                )
            else:
                messages.success(request, _("Thank you for your rating."))
            return redirect("feedback:track", code=code)
    report = selectors.report_by_code(code)
    return render(
        request, "feedback/public/track.html", _track_context(report, rating_form=form), status=400
    )


@require_POST
@limit_by_ip(RATE_RATE)
def report_supply(request, code: str):
    if not _has_access(request, code):
        return redirect("feedback:lookup")
    report = get_object_or_404(Report, code=code)
    form = SupplyInfoForm(request.POST)
    if form.is_valid():
        try:
            report_transition(
                report=report,
                action=Action.SUPPLY_INFO,
                as_reporter=True,
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error("note", error.message)
        else:
            messages.success(request, _("Thank you. The information was sent to the officer."))
            return redirect("feedback:track", code=code)
    report = selectors.report_by_code(code)
    return render(
        request, "feedback/public/track.html", _track_context(report, supply_form=form), status=400
    )


@require_GET
def intake_questions(request):
    """HTMX: the extra questions of the chosen category."""
    category = _filter_value(request, "category", Category, "code")
    form = ReportForm(initial={}, category=category)
    return render(request, "feedback/public/new.html#questions", {"form": form})


@require_POST
@limit_by_ip(SUGGEST_RATE)
def intake_suggest(request):
    """HTMX: a category suggested from the text, and similar published reports nearby."""
    description = request.POST.get("description", "")[:5000]
    suggestion = classifier.suggest_category(description)
    category = Category.objects.filter(code=request.POST.get("category", "")).first()
    similar = []
    if category is not None:
        try:
            latitude = float(request.POST["latitude"]) if request.POST.get("latitude") else None
            longitude = float(request.POST["longitude"]) if request.POST.get("longitude") else None
        except ValueError:
            latitude = longitude = None
        unit = Unit.objects.filter(slug=request.POST.get("unit", "")).first()
        similar = duplicate_candidates(
            category=category,
            description=description,
            unit=unit,
            latitude=latitude,
            longitude=longitude,
            address=request.POST.get("address", "")[:300],
            within=Report.objects.public(),
        )
    return render(
        request,
        "feedback/public/new.html#suggestions",
        {
            "suggestion": suggestion,
            "similar": similar,
            "chosen": category,
            "photo_stage": PhotoStage,
        },
    )
