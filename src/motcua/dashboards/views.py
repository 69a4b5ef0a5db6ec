"""Dashboards for leaders (back-office, scoped to their units) and for the public, the
publication of the indices, Excel exports and the PDF report. Read-only."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_htmx.http import HttpResponseClientRedirect
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from motcua.accounts.decorators import staff_required
from motcua.core.excel import workbook_response
from motcua.core.pdf import read_stored_pdf, stored_pdf_name
from motcua.dashboards import charts, selectors, tables
from motcua.dashboards.reports import report_file_name, report_html
from motcua.dashboards.tasks import render_report
from motcua.organisations.forms import UnitChoiceField
from motcua.par import selectors as par
from motcua.par.periods import Period
from motcua.par.service_index import BY_CODE
from motcua.surveys import selectors as surveys

ROLES = par.OVERSIGHT_ROLES


class FilterForm(forms.Form):
    don_vi = UnitChoiceField(
        label=gettext_lazy("Unit"), queryset=None, required=False, to_field_name="slug"
    )
    nam = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, required=False)
    quy = forms.TypedChoiceField(
        label=gettext_lazy("Quarter"),
        coerce=int,
        required=False,
        choices=[("", gettext_lazy("Whole year"))] + [(q, str(q)) for q in range(1, 5)],
    )
    thang = forms.TypedChoiceField(
        label=gettext_lazy("Month"),
        coerce=int,
        required=False,
        choices=[("", gettext_lazy("All months"))] + [(m, str(m)) for m in range(1, 13)],
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].queryset = units
        this_year = timezone.localdate().year
        self.fields["nam"].choices = [(y, str(y)) for y in range(this_year, this_year - 6, -1)]


def _filters(request, units, default):
    form = FilterForm(request.GET or None, units=units)
    cleaned = form.cleaned_data if form.is_valid() else {}
    unit = cleaned.get("don_vi") or default
    period = Period.parse(cleaned.get("nam"), cleaned.get("quy"), cleaned.get("thang"))
    if not request.GET:
        form = FilterForm(
            initial={"don_vi": unit.slug if unit else None, "nam": period.year}, units=units
        )
    return form, unit, period


def _dashboard_context(request, d, *, staff: bool) -> dict:
    query = request.GET.urlencode()
    return {
        "d": d,
        "charts": charts.chart_set(d),
        "tables": {t.key: t for t in tables.all_tables(d)},
        "staff": staff,
        "query": query,
    }


@staff_required(roles=ROLES)
def staff(request):
    """The leader's dashboard: their units, any period."""
    units = selectors.staff_units(request.user)
    form, unit, period = _filters(request, units, units.first())
    if unit is None:
        return render(request, "dashboards/no_unit.html")
    d = selectors.dashboard(unit, period)
    return render(
        request,
        "dashboards/staff.html",
        {"form": form, **_dashboard_context(request, d, staff=True)},
    )


def public(request):
    """The published indices: figures of the portal's unit or any unit below it."""
    units = selectors.public_units()
    form, unit, period = _filters(request, units, selectors.default_public_unit())
    if unit is None:
        raise Http404
    d = selectors.dashboard(unit, period)
    return render(
        request,
        "dashboards/public.html",
        {"form": form, **_dashboard_context(request, d, staff=False)},
    )


def _export(request, units, default):
    _form, unit, period = _filters(request, units, default)
    if unit is None:
        raise Http404
    d = selectors.dashboard(unit, period)
    wanted = request.GET.get("bang")
    sheets = [
        t.sheet(n)
        for n, t in enumerate(tables.all_tables(d), start=1)
        if not wanted or t.key == wanted
    ]
    if not sheets:
        raise Http404
    name = f"chi-so-{unit.slug}-{period.slug}{'-' + wanted if wanted else ''}.xlsx"
    return workbook_response(name, sheets)


@staff_required(roles=ROLES)
def staff_export(request):
    units = selectors.staff_units(request.user)
    return _export(request, units, units.first())


def public_export(request):
    return _export(request, selectors.public_units(), selectors.default_public_unit())


@staff_required(roles=ROLES)
def report(request):
    """The printable report of a unit and period for reporting upward (PDF): the stored copy
    when there is one; else the task worker renders it while the leader waits on
    ``report_ready`` (some 0.7 s of CPU that would hold a web worker)."""
    units = selectors.staff_units(request.user)
    _form, unit, period = _filters(request, units, units.first())
    if unit is None:
        raise Http404
    html = report_html(unit, period)
    name = stored_pdf_name(html)
    file_name = report_file_name(unit, period)
    if (pdf := read_stored_pdf(name)) is not None:
        return _pdf_response(pdf, file_name)
    task = render_report.enqueue(html)
    ticket = signing.dumps(
        {
            "user": request.user.pk,
            "pdf": name,
            "task": str(task.id),
            "file": file_name,
            "query": request.GET.urlencode(),
        },
        salt=REPORT_TICKET,
    )
    return redirect("dashboards:report-ready", ticket)


#: A leader's wait for a report ends with the day: the report carries its day's date.
REPORT_TICKET = "dashboards.report"
REPORT_TICKET_AGE = dt.timedelta(days=1)


@staff_required(roles=ROLES)
def report_ready(request, ticket: str):
    """The report a leader asked for, once the task worker has rendered it; until then a
    page that asks again every second (HTMX) and opens the report when it is there."""
    try:
        asked = signing.loads(ticket, salt=REPORT_TICKET, max_age=REPORT_TICKET_AGE)
    except signing.BadSignature:
        raise Http404 from None
    if asked["user"] != request.user.pk:  # a ticket is its leader's own
        raise Http404
    status = _task_status(asked["task"])  # before the file: a task may end in between
    if (pdf := read_stored_pdf(asked["pdf"])) is not None:
        if request.htmx:
            return HttpResponseClientRedirect(request.get_full_path())
        return _pdf_response(pdf, asked["file"])
    waiting = status in (TaskResultStatus.READY, TaskResultStatus.RUNNING)
    if waiting and request.htmx:
        return HttpResponse(status=204)  # nothing to change: HTMX asks again
    template = "dashboards/report_ready.html"
    return render(
        request,
        f"{template}#status" if request.htmx else template,
        {"waiting": waiting, "query": asked["query"]},
    )


def _task_status(task_id: str) -> str | None:
    try:
        return render_report.get_result(task_id).status
    except TaskResultDoesNotExist:  # removed from the task table
        return None


def _pdf_response(pdf: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{file_name}"'
    return response


@staff_required(roles=ROLES)
def drill(request, code: str, part: str):
    """The dossiers behind one number of the service index."""
    indicator = BY_CODE.get(code)
    if indicator is None or not indicator.drill or part not in ("tu-so", "mau-so"):
        raise Http404
    units = selectors.staff_units(request.user)
    _form, unit, period = _filters(request, units, units.first())
    if unit is None:
        raise Http404
    qs = (
        par.drill_down_for(
            request.user,
            unit,
            period.start,
            period.end,
            code,
            "numerator" if part == "tu-so" else "denominator",
        )
        .select_related("procedure_version__procedure", "unit")
        .order_by("-submitted_at")
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "dashboards/drill.html",
        {
            "indicator": indicator,
            "part": part,
            "unit": unit,
            "period": period,
            "page": page,
            "query_string": params.urlencode(),
        },
    )


# --- Publication ----------------------------------------------------------------------------


def par_ranking(request):
    """The published PAR index ranking of a year."""
    years = par.published_years()
    try:
        year = int(request.GET.get("nam") or (years[0] if years else 0))
    except ValueError:
        year = years[0] if years else 0
    rows = par.ranking(year) if year in years else []
    chart = charts.hbar(
        _("PAR index ranking %(year)s") % {"year": year},
        [(f"{r.rank}. {r.unit.name}", r.assessment.total) for r in rows],
        maximum=100,
    )
    return render(
        request,
        "dashboards/par_ranking.html",
        {"years": years, "year": year, "rows": rows, "chart": chart},
    )


def par_unit(request, year: int, slug: str):
    assessment = par.published_assessment(year, slug)
    if assessment is None:
        raise Http404
    domains = par.domain_points(assessment)
    chart = charts.hbar(
        _("Points by domain"),
        [(f"{c.code}. {c.title}", points) for c, points in domains],
    )
    return render(
        request,
        "dashboards/par_unit.html",
        {
            "assessment": assessment,
            "domains": domains,
            "tree": par.assessment_tree(assessment),
            "chart": chart,
        },
    )


def satisfaction_index(request):
    """The satisfaction index of each unit: ratings and SIPAS surveys."""
    units = selectors.public_units()
    form, unit, period = _filters(request, units, selectors.default_public_unit())
    if unit is None:
        raise Http404
    rows = par.satisfaction_by_unit(unit, period.start, period.end)
    chart = charts.hbar(
        _("Satisfaction rate by unit"),
        sorted(((u["name"], s.rate) for u, s in rows), key=lambda r: -(r[1] or 0)),
        maximum=100,
        suffix="%",
    )
    return render(
        request,
        "dashboards/satisfaction.html",
        {
            "form": form,
            "unit": unit,
            "period": period,
            "rows": rows,
            "chart": chart,
            "total": par.satisfaction(unit, period.start, period.end),
            "sipas": surveys.sipas_for_unit(unit, period.start, period.end),
            "campaigns": surveys.public_campaigns(unit)[:20],
        },
    )


def service_index_public(request):
    units = selectors.public_units()
    form, unit, period = _filters(request, units, selectors.default_public_unit())
    if unit is None:
        raise Http404
    index = par.service_index(unit, period.start, period.end)
    return render(
        request,
        "dashboards/service_index.html",
        {"form": form, "unit": unit, "period": period, "index": index, "staff": False},
    )


@staff_required(roles=ROLES)
def service_index_staff(request):
    units = selectors.staff_units(request.user)
    form, unit, period = _filters(request, units, units.first())
    if unit is None:
        return render(request, "dashboards/no_unit.html")
    index = par.service_index(unit, period.start, period.end)
    return render(
        request,
        "dashboards/service_index.html",
        {
            "form": form,
            "unit": unit,
            "period": period,
            "index": index,
            "staff": True,
            "query": request.GET.urlencode(),
        },
    )
