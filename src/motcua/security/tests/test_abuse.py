"""Abuse limits: every public form and lookup is rate limited, lookup codes cannot be
enumerated, sign-in is locked after failures, sessions are renewed at each sign-in step, forms
refuse a POST without the CSRF token, and every response carries the security headers."""

from __future__ import annotations

import os
import re
import secrets
import uuid
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp

from motcua.accounts.tests.factories import PASSWORD, UserFactory
from motcua.api.open311 import POST_RATE as OPEN311_RATE
from motcua.consultations.tests.factories import ConsultationFactory
from motcua.consultations.views.public import COMMENT_RATE
from motcua.contests.tests.factories import RoundFactory
from motcua.contests.views.public import ANSWER_RATE as CONTEST_ANSWER_RATE
from motcua.contests.views.public import START_RATE as CONTEST_START_RATE
from motcua.core.ratelimit import RateLimit
from motcua.core.testing import settings_in_new_process
from motcua.dossiers.tests.conftest import submit
from motcua.dossiers.views.public import LOOKUP_RATE as DOSSIER_LOOKUP_RATE
from motcua.dossiers.views.public import SUBMIT_RATE as DOSSIER_SUBMIT_RATE
from motcua.feedback import api as feedback_api
from motcua.feedback.tests.factories import SECRET, ReportFactory
from motcua.feedback.views import public as feedback_public
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.procedures.tests.factories import ProcedureVersionFactory
from motcua.search.views import SEARCH_RATE
from motcua.security.tests.test_authorisation_matrix import matrix_key, url_patterns
from motcua.surveys.views.public import ANSWER_RATE as SURVEY_ANSWER_RATE
from motcua.surveys.views.public import RATE_RATE as SURVEY_RATE_RATE


@dataclass(frozen=True)
class Limited:
    rate: RateLimit
    method: str = "POST"
    args: tuple = ()  # names of fixture values, in URL order
    query: str = ""  # may name fixture values, e.g. "?ma={dossier_secret}"
    refused: int = 429  # what the visitor gets once over the limit


#: Public pages with a form or a lookup, and the limit that protects each.
LIMITED_PAGES: dict[str, Limited] = {
    "dossiers:submit": Limited(DOSSIER_SUBMIT_RATE, args=("procedure_slug",)),
    "dossiers:lookup": Limited(DOSSIER_LOOKUP_RATE),
    # The receipt's QR link carries the secret; once over the limit even the right one fails.
    "dossiers:status": Limited(
        DOSSIER_LOOKUP_RATE, "GET", ("dossier_code",), "?ma={dossier_secret}", refused=404
    ),
    "feedback:new": Limited(feedback_public.SUBMIT_RATE),
    "feedback:lookup": Limited(feedback_public.LOOKUP_RATE),
    "feedback:rate": Limited(feedback_public.RATE_RATE, args=("report_code",)),
    "feedback:supply": Limited(feedback_public.RATE_RATE, args=("report_code",)),
    "feedback:suggest": Limited(feedback_public.SUGGEST_RATE),
    "consultations:detail": Limited(COMMENT_RATE, args=("consultation_slug",)),
    "contests:detail": Limited(CONTEST_START_RATE, args=("contest_slug",)),
    "contests:entry": Limited(CONTEST_ANSWER_RATE, args=("entry_id",)),
    "contests:entry-autosave": Limited(CONTEST_ANSWER_RATE, args=("entry_id",)),
    "surveys:start": Limited(SURVEY_RATE_RATE),
    "surveys:rate": Limited(SURVEY_RATE_RATE, args=("dossier_code",)),
    "surveys:answer": Limited(SURVEY_ANSWER_RATE, args=("token",)),
    "search:search": Limited(SEARCH_RATE, "GET", query="?q=khai+sinh"),
    r"^open311/v2/requests\.(?P<fmt>json|xml)$": Limited(OPEN311_RATE),
}

READS = "reads published data; no form"
PROVEN = "opens only for a visitor who proved the secret through a limited lookup"
#: Public pages without a rate limit, and why none is needed.
NOT_LIMITED: dict[str, str] = {
    "accounts:login": "failed sign-ins lock the account and the address (LoginForm)",
    "accounts:two-factor": "wrong codes lock the second factor (accounts.services.otp_limit)",
    "accounts:two-factor-setup": "for a signed-in staff member enrolling a new authenticator",
    "accounts:recovery-codes": "for a staff member past the second factor",
    "accounts:logout": "ends the visitor's own session",
    "set_language": "sets the visitor's own language cookie",
    "dossiers:submitted": PROVEN,
    "dossiers:supplement": PROVEN,
    "dossiers:withdraw": PROVEN,
    "dossiers:pay": PROVEN,
    "dossiers:slip": PROVEN,
    "dossiers:mine": "the signed-in citizen's own dossiers",
    "dossiers:test-gateway": "the embedded test payment provider; the reference is random",
    "surveys:thanks": PROVEN,
    "feedback:submitted": PROVEN,
    "feedback:track": PROVEN,
    "feedback:questions": READS,
    **dict.fromkeys(
        (
            "home",
            "sitemap",
            "healthz",
            "public-media",
            "organisations:directory",
            "organisations:unit",
            "procedures:catalogue",
            "procedures:kiosk",
            "procedures:kiosk-detail",
            "procedures:form",
            "procedures:detail",
            "procedures:print",
            "surveys:results",
            "dashboards:public",
            "dashboards:public-export",
            "dashboards:par-ranking",
            "dashboards:par-unit",
            "dashboards:satisfaction",
            "dashboards:service-index",
            "api:openapi-json",
            "api:openapi-view",
            "api:api-root",
            "feedback:list",
            "feedback:detail",
            "feedback:photo",
            "complaints:schedule",
            "news:list",
            "news:feed",
            "news:archive",
            "news:category",
            "news:category-feed",
            "news:article",
            "news:videos",
            "news:video",
            "news:documents",
            "news:document",
            "consultations:list",
            "contests:list",
            "contests:results",
            r"^open311/v2/discovery\.(?P<fmt>json|xml)$",
            r"^open311/v2/services\.(?P<fmt>json|xml)$",
            r"^open311/v2/services/(?P<code>[\w-]+)\.(?P<fmt>json|xml)$",
            r"^open311/v2/requests/(?P<request_id>[\w-]+)\.(?P<fmt>json|xml)$",
        ),
        READS,
    ),
}


def public_url_keys() -> set[str]:
    """Every page outside the back office and the Django admin (API operations apart)."""
    keys = set()
    for name, route, callback, namespace in url_patterns():
        key = matrix_key(name, route, callback, namespace)
        if key is not None and key != "admin:*" and not route.lstrip("^").startswith("can-bo/"):
            keys.add(key)
    return keys


def test_every_public_page_is_either_rate_limited_or_says_why_not():
    public = public_url_keys()
    listed = set(LIMITED_PAGES) | set(NOT_LIMITED)
    assert public - listed == set(), "new public pages: add them to LIMITED_PAGES or NOT_LIMITED"
    assert listed - public == set(), "these pages no longer exist"
    assert set(LIMITED_PAGES).isdisjoint(NOT_LIMITED)


@pytest.fixture
def targets(ward_a):
    version = ProcedureVersionFactory(procedure__name="Đăng ký khai sinh")
    dossier = submit(version, ward_a)
    round_ = RoundFactory(contest__unit=ward_a)
    return {
        "procedure_slug": version.procedure.slug,
        "dossier_code": dossier.code,
        "dossier_secret": dossier.secret,
        "report_code": ReportFactory(unit=ward_a).code,
        "consultation_slug": ConsultationFactory(unit=ward_a).slug,
        "contest_slug": round_.contest.slug,
        "entry_id": uuid.uuid4(),
        "token": "khong-co-loi-moi",
    }


def _path(key: str, limited: Limited, targets) -> str:
    if key.startswith("^open311"):
        return "/open311/v2/requests.json"
    return reverse(key, args=[targets[a] for a in limited.args]) + limited.query.format(**targets)


TEST_CLIENT_ADDRESS = "127.0.0.1"


def _use_up_all_but_one(rate: RateLimit) -> None:
    """Count ``limit - 1`` attempts from the test client's address, as that many requests
    would, so that the next request is the last one allowed."""
    for _ in range(rate.limit - 1):
        rate.hit(TEST_CLIENT_ADDRESS)


@pytest.mark.django_db
@pytest.mark.parametrize("key", LIMITED_PAGES)
def test_public_forms_and_lookups_refuse_an_address_over_its_limit(client, targets, key):
    limited = LIMITED_PAGES[key]
    path = _path(key, limited, targets)
    send = client.post if limited.method == "POST" else client.get
    _use_up_all_but_one(limited.rate)
    last_allowed = send(path)
    assert last_allowed.status_code != 429
    refused = send(path)
    assert refused.status_code == limited.refused
    if refused.status_code == 429:
        assert "Vui lòng đợi" in refused.content.decode()
    other_address = send(path, REMOTE_ADDR="203.0.113.9")
    assert other_address.status_code != 429, "the limit is per address"


#: Public API operations that write or look up, with a request the limit counts.
def _api_requests(targets):
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    return {
        "POST /api/v1/dossiers/": (
            DOSSIER_SUBMIT_RATE,
            lambda c: c.post(
                "/api/v1/dossiers/",
                {
                    "procedure_code": "khong-co",
                    "unit": "khong-co",
                    "applicant_name": "Nguyễn Văn An",
                    "applicant_phone": "0903123456",
                    "idempotency_key": str(uuid.uuid4()),
                    "documents": [pdf],
                },
            ),
        ),
        "GET /api/v1/dossiers/status": (
            DOSSIER_LOOKUP_RATE,
            lambda c: c.get(
                "/api/v1/dossiers/status", {"code": targets["dossier_code"], "secret": "sai"}
            ),
        ),
        "POST /api/v1/feedback/reports": (
            feedback_api.SUBMIT_RATE,
            lambda c: c.post(
                "/api/v1/feedback/reports",
                {"ward": "khong-co", "category": "khong-co", "description": "Rác"},
                content_type="application/json",
            ),
        ),
        "POST /api/v1/feedback/reports/{code}/lookup": (
            feedback_api.LOOKUP_RATE,
            lambda c: c.post(
                f"/api/v1/feedback/reports/{targets['report_code']}/lookup",
                {"secret": "SAI-MA"},
                content_type="application/json",
            ),
        ),
    }


API_LIMITED = (
    "POST /api/v1/dossiers/",
    "GET /api/v1/dossiers/status",
    "POST /api/v1/feedback/reports",
    "POST /api/v1/feedback/reports/{code}/lookup",
)


def test_every_public_api_write_or_lookup_is_rate_limited():
    from motcua.api.root import api

    schema = api.get_openapi_schema()
    public_writes_and_lookups = {
        f"{method.upper()} {path}"
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
        if not op.get("security")
        and (method == "post" or any(p["name"] == "secret" for p in op.get("parameters", [])))
    }
    assert public_writes_and_lookups == set(API_LIMITED)


@pytest.mark.django_db
@pytest.mark.parametrize("operation", API_LIMITED)
def test_public_api_refuses_an_address_over_its_limit_with_problem_json(client, targets, operation):
    rate, call = _api_requests(targets)[operation]
    _use_up_all_but_one(rate)
    assert call(client).status_code != 429
    refused = call(client)
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"


# --- lookup codes cannot be enumerated ---------------------------------------------------


def _without_tokens(html: str, *typed: str) -> str:
    """The page with what differs between two requests removed: CSRF tokens, typed values."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    for value in typed:
        html = html.replace(value, "")
    return html


@pytest.mark.django_db
def test_a_wrong_secret_answers_exactly_like_an_unknown_code(client, targets):
    dossier_code, report_code = targets["dossier_code"], targets["report_code"]
    unknown_dossier = dossier_code[:-4] + "9999"
    lookups = [
        (reverse("dossiers:lookup"), "code", "secret", dossier_code, unknown_dossier),
        (reverse("feedback:lookup"), "code", "secret", report_code, "PA26-T99999"),
    ]
    for path, code_field, secret_field, real, unknown in lookups:
        wrong = client.post(path, {code_field: real, secret_field: "SAI-MA"})
        missing = client.post(path, {code_field: unknown, secret_field: "SAI-MA"})
        assert wrong.status_code == missing.status_code
        assert _without_tokens(wrong.content.decode(), real) == _without_tokens(
            missing.content.decode(), unknown
        )
    api_wrong = client.get("/api/v1/dossiers/status", {"code": dossier_code, "secret": "x"})
    api_missing = client.get("/api/v1/dossiers/status", {"code": unknown_dossier, "secret": "x"})
    assert api_wrong.status_code == api_missing.status_code == 404
    assert api_wrong.json() == api_missing.json()
    report_path = "/api/v1/feedback/reports/{}/lookup"
    fb_wrong = client.post(
        report_path.format(report_code), {"secret": "SAI-MA"}, content_type="application/json"
    )
    fb_missing = client.post(
        report_path.format("PA26-T99999"), {"secret": "SAI-MA"}, content_type="application/json"
    )
    assert fb_wrong.status_code == fb_missing.status_code
    assert fb_wrong.json() == fb_missing.json()
    right = client.post(
        report_path.format(report_code), {"secret": SECRET}, content_type="application/json"
    )
    assert right.status_code == 200, "the test would prove nothing if the right secret failed"


def test_public_addresses_use_no_sequential_ids():
    """A public URL names things by code, slug or UUID: no ``<int:...id>`` or ``<int:pk>``."""
    numeric = re.compile(r"<int:(\w+)>")
    offenders = []
    for name, route, _callback, namespace in url_patterns():
        if route.lstrip("^").startswith("can-bo/") or namespace.split(":")[0] == "admin":
            continue
        offenders += [
            f"{name}: {field}"
            for field in numeric.findall(route)
            if field not in ("year", "number")  # a year, a round's number in its contest
        ]
    assert offenders == []


# --- sign-in: lockout and session renewal -----------------------------------------------


def _code(device) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):0{device.digits}d}"


@pytest.mark.django_db
@override_settings(LOGIN_FAILURE_LIMIT=2)
def test_one_address_trying_many_accounts_is_locked_out(client, ward_a):
    """Password spraying: a few tries on each of many accounts still trips the address lock."""
    users = [UserFactory(username=f"nguoidung{n}") for n in range(9)]
    for user in users[:8]:
        client.post(reverse("accounts:login"), {"username": user.username, "password": "sai"})
    response = client.post(
        reverse("accounts:login"), {"username": users[8].username, "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "Đăng nhập bị khóa" in response.content.decode()


@pytest.mark.django_db
def test_the_session_key_changes_at_sign_in_and_again_at_the_second_factor(client, ward_a):
    officer = make_staff(ward_a, "one_stop_officer", username="canbo")
    client.get(reverse("accounts:login"))
    client.session.save()
    planted = client.cookies["sessionid"].value  # a key an attacker could have planted
    client.post(reverse("accounts:login"), {"username": "canbo", "password": PASSWORD})
    after_password = client.cookies["sessionid"].value
    assert after_password != planted
    device = officer.totpdevice_set.get()
    response = client.post(reverse("accounts:two-factor"), {"token": _code(device)})
    assert response.status_code == 302
    after_code = client.cookies["sessionid"].value
    assert after_code != after_password
    assert client.get(reverse("organisations:staff-home")).status_code == 200
    stolen = Client()
    stolen.cookies["sessionid"] = after_password
    assert stolen.get(reverse("organisations:staff-home")).status_code == 302


# --- CSRF ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_forms_refuse_a_post_without_the_csrf_token(targets, ward_a):
    visitor = Client(enforce_csrf_checks=True)
    public = [
        reverse("accounts:login"),
        reverse("dossiers:lookup"),
        reverse("feedback:new"),
        reverse("feedback:lookup"),
        reverse("surveys:start"),
        reverse("consultations:detail", args=[targets["consultation_slug"]]),
        reverse("contests:detail", args=[targets["contest_slug"]]),
    ]
    for path in public:
        assert visitor.post(path, {}).status_code == 403, path

    officer = make_staff(ward_a, "one_stop_officer", username="canbo")
    staff = sign_in(Client(enforce_csrf_checks=True), officer)
    code = targets["dossier_code"]
    for path in (
        reverse("dossiers:act", args=[code, "receive"]),
        reverse("dossiers:note", args=[code]),
        reverse("accounts:logout"),
    ):
        assert staff.post(path, {}).status_code == 403, path
    api = staff.post(f"/api/v1/dossiers/{code}/receive", {}, content_type="application/json")
    assert api.status_code == 403, "a session call to the API needs the CSRF token"
    assert api.json()["code"] == "csrf_failed"
    assert "CSRF" in api.json()["detail"]

    # With the token the same form goes through: the refusals above are the CSRF check.
    staff.get(reverse("dossiers:staff-detail", args=[code]))
    token = staff.cookies["csrftoken"].value
    response = staff.post(
        reverse("dossiers:note", args=[code]), {"body": "Đã gọi", "csrfmiddlewaretoken": token}
    )
    assert response.status_code != 403


# --- security headers -------------------------------------------------------------------


@pytest.mark.django_db
def test_every_kind_of_response_carries_the_security_headers(client, targets, ward_a):
    officer = make_staff(ward_a, "one_stop_officer", username="canbo")
    staff = sign_in(Client(), officer)
    responses = {
        "portal page": client.get("/"),
        "form": client.get(reverse("feedback:new")),
        "not found": client.get("/khong-co-trang-nay/"),
        "API JSON": client.get("/api/v1/units/"),
        "API docs": client.get("/api/v1/docs"),
        "Open311": client.get("/open311/v2/services.json"),
        "back office": staff.get(reverse("dossiers:queue")),
        "sign-in": client.get(reverse("accounts:login")),
    }
    for what, response in responses.items():
        csp = response.get("Content-Security-Policy", "")
        script_src = re.search(r"script-src ([^;]*)", csp) or re.search(r"default-src ([^;]*)", csp)
        assert script_src is not None, what
        assert "'unsafe-inline'" not in script_src.group(1), what
        assert "'unsafe-eval'" not in csp, what
        assert "frame-ancestors 'none'" in csp or response["X-Frame-Options"] == "DENY", what
        assert response["X-Content-Type-Options"] == "nosniff", what
        assert response["Referrer-Policy"] in ("same-origin", "strict-origin-when-cross-origin")


def test_production_settings_force_https_and_hsts():
    """``check --deploy`` on these settings runs in core/tests/test_settings.py; this pins the
    values a reviewer looks for."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "motcua.conf.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "HTTPS": "1",
        "DJANGO_ALLOWED_HOSTS": "motcua.example.gov.vn",
    }
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
    ]
    values = settings_in_new_process(f"{{n: getattr(settings, n) for n in {names!r}}}", env)
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"]
    assert values["SESSION_COOKIE_SECURE"]
    assert values["CSRF_COOKIE_SECURE"]
    assert values["SESSION_COOKIE_HTTPONLY"]
