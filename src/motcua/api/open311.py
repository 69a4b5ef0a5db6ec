"""Open311 GeoReport v2 beside the main API: ``/open311/v2/``.

Services are the feedback categories (``service_code`` = category code); requests are feedback
reports (``service_request_id`` = tracking code). Every endpoint answers in JSON or XML by its
extension, with the specification's field names; errors are the specification's error list.
Reports are filed through ``feedback.services.report_submit`` like the web form. Photos can be
sent as a ``media`` file (multipart); ``media_url`` is not fetched (no outbound network).
``jurisdiction_id`` is the ward's id (as in ``/api/v1/units/``).
"""

from __future__ import annotations

import datetime as dt
import json
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from motcua.core.errors import DomainError
from motcua.core.ratelimit import RateLimit
from motcua.core.requestmeta import client_ip
from motcua.core.text import clean_text
from motcua.core.uploads import IMAGE_KINDS, UploadError, clean_upload
from motcua.feedback import selectors, services
from motcua.feedback.models import (
    Category,
    PhotoStage,
    Report,
    Status,
)
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit
from motcua.organisations.selectors import portal_unit

POST_RATE = RateLimit("open311-post", 20, 3600)
#: The longest text each posted field may carry: the columns it is stored in.
TEXT_LIMITS = {"description": 5000, "address_string": 300, "name": 200, "phone": 20, "email": 254}
CLOSED = frozenset({Status.ANSWERED, Status.CLOSED, Status.REJECTED})
MAX_RESULTS = 1000
DEFAULT_DAYS = 90

# --- Rendering --------------------------------------------------------------------------------


def _xml_value(parent: ET.Element, key: str, value) -> None:
    node = ET.SubElement(parent, key)
    if value is None:
        return
    if isinstance(value, bool):
        node.text = "true" if value else "false"
    elif isinstance(value, list):
        singular = {
            "attributes": "attribute",
            "values": "value",
            "endpoints": "endpoint",
            "formats": "format",
        }.get(key, "item")
        for item in value:
            if isinstance(item, dict):
                child = ET.SubElement(node, singular)
                for k, v in item.items():
                    _xml_value(child, k, v)
            else:
                ET.SubElement(node, singular).text = str(item)
    else:
        node.text = str(value)


def render(data, fmt: str, *, root: str, item: str, status: int = 200) -> HttpResponse:
    """``data`` is a list of dicts (or one dict) rendered as JSON, or as XML under ``root``."""
    if fmt == "xml":
        top = ET.Element(root)
        for row in data if isinstance(data, list) else [data]:
            element = ET.SubElement(top, item) if isinstance(data, list) else top
            for key, value in row.items():
                _xml_value(element, key, value)
        body = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(top, encoding="utf-8")
        return HttpResponse(body, content_type="text/xml; charset=utf-8", status=status)
    return HttpResponse(
        json.dumps(data, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
        status=status,
    )


def error(fmt: str, status: int, description: str) -> HttpResponse:
    return render(
        [{"code": status, "description": description}],
        fmt,
        root="errors",
        item="error",
        status=status,
    )


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return dt.datetime.combine(
        value, dt.time(17, 0), tzinfo=timezone.get_current_timezone()
    ).isoformat()


# --- Services ---------------------------------------------------------------------------------


def _service(category: Category) -> dict:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description or category.name,
        "metadata": bool(category.questions),
        "type": "realtime",
        "keywords": ",".join(filter(None, [category.parent.code if category.parent_id else ""])),
        "group": category.parent.name if category.parent_id else category.name,
    }


def services_list(request, fmt: str):
    data = [_service(c) for c in selectors.leaf_categories()]
    return render(data, fmt, root="services", item="service")


def service_definition(request, code: str, fmt: str):
    category = selectors.leaf_categories().filter(code=code).first()
    if category is None:
        return error(fmt, 404, _("No service has this code."))
    attributes = []
    for order, question in enumerate(category.questions or [], start=1):
        kind = question.get("type", "text")
        attribute = {
            "variable": True,
            "code": question["key"],
            "datatype": "singlevaluelist" if kind in ("choice", "yesno") else "string",
            "required": bool(question.get("required")),
            "datatype_description": "",
            "order": order,
            "description": question.get("label", question["key"]),
        }
        if kind == "choice":
            attribute["values"] = [{"key": c, "name": c} for c in question.get("choices", [])]
        elif kind == "yesno":
            attribute["values"] = [{"key": "yes", "name": _("Yes")}, {"key": "no", "name": _("No")}]
        attributes.append(attribute)
    return render(
        {"service_code": category.code, "attributes": attributes},
        fmt,
        root="service_definition",
        item="service_definition",
    )


# --- Requests ---------------------------------------------------------------------------------


def _status_notes(report: Report) -> str:
    if report.status in (Status.ANSWERED, Status.CLOSED) and report.answer:
        return report.answer
    if report.status == Status.REJECTED:
        return f"{report.get_status_display()}: {report.get_reject_reason_display()}"
    return str(report.get_status_display())


def _request(report: Report, request) -> dict:
    public = selectors.is_public(report)
    media = None
    if public:
        photo = next((p for p in report.photos.all() if p.stage == PhotoStage.REPORT), None)
        if photo is not None:
            media = request.build_absolute_uri(
                reverse("feedback:photo", args=[report.code, photo.public_id])
            )
    return {
        "service_request_id": report.code,
        "status": "closed" if report.status in CLOSED else "open",
        "status_notes": _status_notes(report),
        "service_name": report.category.name,
        "service_code": report.category.code,
        "description": report.public_description if public else None,
        "agency_responsible": report.handling_unit.name if report.handling_unit_id else None,
        "service_notice": None,
        "requested_datetime": _iso(report.received_at),
        "updated_datetime": _iso(report.status_changed_at),
        "expected_datetime": _iso(report.due_date) if report.status not in CLOSED else None,
        "address": report.public_address if public else None,
        "address_id": None,
        "zipcode": None,
        "lat": report.public_latitude if public else None,
        "long": report.public_longitude if public else None,
        "media_url": media,
    }


def _base_queryset():
    return Report.objects.select_related("category", "handling_unit", "unit").prefetch_related(
        "photos"
    )


def _parse_date(value: str) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def requests_list(request, fmt: str):
    qs = _base_queryset().public()
    ids = [i.strip() for i in request.GET.get("service_request_id", "").split(",") if i.strip()]
    if ids:
        return render(
            [_request(r, request) for r in qs.filter(code__in=ids[:MAX_RESULTS])],
            fmt,
            root="service_requests",
            item="request",
        )
    try:
        start = _parse_date(request.GET.get("start_date", ""))
        end = _parse_date(request.GET.get("end_date", ""))
    except ValueError:
        return error(fmt, 400, _("Dates must be in W3C format, e.g. 2026-11-20T00:00:00+07:00."))
    if start is None and end is None:
        start = timezone.now() - dt.timedelta(days=DEFAULT_DAYS)
    if start:
        qs = qs.filter(received_at__gte=start)
    if end:
        qs = qs.filter(received_at__lte=end)
    codes = [c for c in request.GET.get("service_code", "").split(",") if c]
    if codes:
        qs = qs.filter(category__code__in=codes)
    status = request.GET.get("status", "")
    if status == "open":
        qs = qs.exclude(status__in=CLOSED)
    elif status == "closed":
        qs = qs.filter(status__in=CLOSED)
    rows = [_request(r, request) for r in qs.order_by("-received_at")[:MAX_RESULTS]]
    return render(rows, fmt, root="service_requests", item="request")


def request_detail(request, request_id: str, fmt: str):
    report = _base_queryset().filter(code=services.normalise_code(request_id)).first()
    if report is None:
        return error(fmt, 404, _("No request has this id."))
    return render([_request(report, request)], fmt, root="service_requests", item="request")


def _ward(request) -> Unit | None:
    jurisdiction = request.POST.get("jurisdiction_id", "").strip()
    if jurisdiction:
        return (
            Unit.objects.active().filter(slug=jurisdiction, kind__in=ADMINISTRATIVE_KINDS).first()
        )
    top = portal_unit()
    if top is not None and top.depth > 0 and top.kind in ADMINISTRATIVE_KINDS:
        return top
    return None


def _float(value: str) -> float | None:
    return float(value) if value not in ("", None) else None


def request_create(request, fmt: str):
    if not POST_RATE.hit(client_ip(request) or "unknown"):
        return error(fmt, 429, _("Too many requests. Please wait a few minutes and try again."))
    data = request.POST
    category = selectors.leaf_categories().filter(code=data.get("service_code", "")).first()
    if category is None:
        return error(fmt, 400, _("service_code is missing or unknown."))
    unit = _ward(request)
    if unit is None:
        return error(fmt, 400, _("jurisdiction_id (the ward's id) is missing or unknown."))
    try:
        latitude, longitude = _float(data.get("lat", "")), _float(data.get("long", ""))
    except ValueError:
        return error(fmt, 400, _("lat and long must be numbers."))
    attributes = {
        key[len("attribute[") : -1]: value
        for key, value in data.items()
        if key.startswith("attribute[") and key.endswith("]")
    }
    photos = []
    for upload in request.FILES.getlist("media")[: services.MAX_PHOTOS]:
        try:
            photos.append(clean_upload(upload, kinds=IMAGE_KINDS))
        except UploadError as exc:
            return error(fmt, 400, str(exc.message))
    name = " ".join(filter(None, [data.get("last_name", ""), data.get("first_name", "")]))
    text = {field: clean_text(data.get(field, "")) for field in TEXT_LIMITS}
    text["name"] = clean_text(name)
    for field, limit in TEXT_LIMITS.items():
        if len(text[field]) > limit:
            return error(
                fmt,
                400,
                _("%(field)s is longer than %(limit)s characters.")
                % {"field": field, "limit": limit},
            )
    try:
        submission = services.report_submit(
            unit=unit,
            category=category,
            description=text["description"],
            details={key: clean_text(value) for key, value in attributes.items()},
            address=text["address_string"],
            latitude=latitude,
            longitude=longitude,
            reporter_name=text["name"],
            reporter_phone=text["phone"],
            reporter_email=text["email"],
            photos=photos,
            channel="api",
            idempotency_key=(request.headers.get("Idempotency-Key") or "")[:64] or None,
        )
    except DomainError as exc:
        field = f" ({exc.field})" if exc.field else ""
        return error(fmt, 400, f"{exc.message}{field}")
    row = {
        "service_request_id": submission.report.code,
        "service_notice": _("Keep the secret code to follow the request on the portal: %(secret)s")
        % {"secret": submission.secret}
        if submission.secret
        else "",
        "account_id": None,
    }
    return render([row], fmt, root="service_requests", item="request", status=201)


@csrf_exempt
def requests_endpoint(request, fmt: str):
    if request.method == "POST":
        return request_create(request, fmt)
    if request.method == "GET":
        return requests_list(request, fmt)
    return error(fmt, 405, _("Method not allowed."))


def only_get(view):
    def wrapped(request, *args, **kwargs):
        if request.method != "GET":
            return error(kwargs.get("fmt", "json"), 405, _("Method not allowed."))
        return view(request, *args, **kwargs)

    return wrapped


def discovery(request, fmt: str):
    base = request.build_absolute_uri("/open311/v2/")
    return render(
        {
            "changeset": "2026-11-01T00:00:00+07:00",
            "contact": _("See the portal's directory of units and hotlines."),
            "key_service": "",
            "endpoints": [
                {
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": base,
                    "changeset": "2026-11-01T00:00:00+07:00",
                    "type": "production",
                    "formats": ["application/json", "text/xml"],
                }
            ],
        },
        fmt,
        root="discovery",
        item="discovery",
    )
