"""Public catalogue, procedure pages, the lobby kiosk, and the administrators' import/export."""

from __future__ import annotations

import datetime as dt
import mimetypes
from pathlib import PurePath

import segno
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.decorators import staff_required
from motcua.core.pagecache import cached_page
from motcua.procedures import selectors, services, transfer
from motcua.procedures.fees import describe_fee
from motcua.procedures.forms import CatalogueForm, ImportForm
from motcua.workcalendar.selectors import reception_cutoff

PAGE_SIZE = 20
KIOSK_PAGE_SIZE = 10


def _catalogue_form(request, fields, *, with_units: bool = True) -> CatalogueForm:
    units = selectors.implementing_units() if with_units else []
    return CatalogueForm(request.GET or None, fields=fields, units=units)


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def catalogue(request):
    """Search and filter the procedures (accent-insensitive, by name or code)."""
    form = _catalogue_form(request, selectors.fields_with_counts())
    filters = form.filters()
    page = Paginator(selectors.catalogue(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    template = "procedures/catalogue.html#results" if request.htmx else "procedures/catalogue.html"
    return render(
        request,
        template,
        {"form": form, "filters": filters, "page": page, "query_string": _query_string(request)},
    )


def _day(value: str | None) -> dt.date | None:
    """The ``ngay`` parameter: a day to show the version in force on (YYYY-MM-DD)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(
        scale=6, border=2, omitsize=True, title=_("QR code: open this procedure on your phone")
    )


def _public_url(request, path: str) -> str:
    """The address citizens use, for QR codes and printed pages: ``PUBLIC_BASE_URL`` when the
    site sets it (a lobby kiosk may reach the server by an internal name), else this request's."""
    base = getattr(settings, "PUBLIC_BASE_URL", "")
    return f"{base.rstrip('/')}{path}" if base else request.build_absolute_uri(path)


def _procedure_context(request, slug: str) -> dict:
    procedure = get_object_or_404(selectors.public_procedures(), slug=slug)
    page = selectors.procedure_page(procedure, on=_day(request.GET.get("ngay")))
    public_url = _public_url(request, reverse("procedures:detail", args=[procedure.slug]))
    return {
        "procedure": procedure,
        "page": page,
        "version": page.version,
        "fee": describe_fee(page.version) if page.version else None,
        "cutoff": reception_cutoff(page.on),
        "other_day": page.on != timezone.localdate(),
        "public_url": public_url,
    }


def procedure_detail(request, slug: str):
    """Everything a citizen needs to know before applying (cached for visitors)."""
    return cached_page(
        request,
        lambda holes: render(
            request, "procedures/detail.html", {**_procedure_context(request, slug), **holes}
        ),
        holes={},
    )


def procedure_print(request, slug: str):
    """The procedure page laid out for paper, with a QR code back to the page."""
    context = _procedure_context(request, slug)
    context["qr_svg"] = _qr_svg(context["public_url"])
    context["printed_on"] = timezone.localdate()
    return render(request, "procedures/print.html", context)


def form_download(request, name: str):
    """A form to fill in (tờ khai), for a document of an active procedure."""
    document = selectors.document_with_form(transfer.FORM_FOLDER + PurePath(name).name)
    if document is None:
        raise Http404
    try:
        handle = document.form_template.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)


# --- Kiosk ------------------------------------------------------------------------------------


def _kiosk_context() -> dict:
    return {"idle_seconds": settings.KIOSK_IDLE_SECONDS, "kiosk_home": reverse("procedures:kiosk")}


def kiosk(request):
    """The lobby screen: fields as big buttons and a search box; results in large type."""
    fields = selectors.fields_with_counts()
    form = _catalogue_form(request, fields, with_units=False)
    filters = form.filters()
    searching = bool(filters.query or filters.field)
    page = None
    if searching:
        page = Paginator(selectors.catalogue(filters), KIOSK_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
    chosen_field = next((f for f in fields if f.code == filters.field), None)
    return render(
        request,
        "procedures/kiosk/home.html",
        {
            **_kiosk_context(),
            "form": form,
            "filters": filters,
            "fields": fields,
            "page": page,
            "chosen_field": chosen_field,
            "query_string": _query_string(request),
        },
    )


def kiosk_detail(request, slug: str):
    context = _procedure_context(request, slug)
    context["qr_svg"] = _qr_svg(context["public_url"])
    return render(request, "procedures/kiosk/detail.html", {**_kiosk_context(), **context})


# --- Back-office: import and export -------------------------------------------------------------


@staff_required(admin=True)
def transfer_page(request):
    """Administrators upload a JSON or CSV file of procedures, or download the catalogue."""
    form = ImportForm(request.POST or None, request.FILES or None)
    result = problems = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = services.procedures_import(
                actor=request.user,
                data=upload.content.read(),
                fmt=upload.kind.extension,
                dry_run=form.cleaned_data["dry_run"],
                source=upload.name,
            )
        except transfer.ImportInvalid as error:
            problems = error.problems
            form.add_error("file", error.message)
        else:
            if result.dry_run:
                messages.info(request, _("The file is correct. Nothing was written."))
            elif result.changed:
                messages.success(request, _("The file was imported."))
            else:
                messages.info(request, _("The catalogue already held this data; nothing changed."))
    return render(
        request,
        "procedures/staff/transfer.html",
        {"form": form, "result": result, "problems": problems},
    )


@staff_required(admin=True)
def export_download(request, fmt: str):
    procedures = selectors.procedures_for_export()
    stamp = timezone.localdate().strftime("%Y%m%d")
    if fmt == "csv":
        response = HttpResponse(
            transfer.export_csv(procedures), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            transfer.export_json(procedures), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="thu-tuc-hanh-chinh-{stamp}.{fmt}"'
    return response
