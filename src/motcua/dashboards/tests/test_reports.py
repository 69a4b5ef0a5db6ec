"""The dashboards' PDF report: rendered by the task worker while the leader waits, once per
content, and kept; rendered ahead each night."""

import datetime as dt
import io
import logging
import os

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from motcua.core.pdf import STORE
from motcua.core.testing import run_tasks
from motcua.dashboards.reports import periods_ahead
from motcua.dashboards.tests.test_dashboards import some_dossiers
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.par.periods import Period

NOON = dt.datetime(2026, 5, 11, 12, 0, tzinfo=dt.UTC)
REPORT = reverse("dashboards:report")
HTMX = {"HTTP_HX_REQUEST": "true"}


def text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def stored() -> list[str]:
    try:
        folders, _ = default_storage.listdir(STORE)
    except FileNotFoundError:
        return []
    return sorted(
        f"{STORE}/{folder}/{name}"
        for folder in folders
        for name in default_storage.listdir(f"{STORE}/{folder}")[1]
    )


def download(client, params) -> bytes:
    """A report as a leader gets it: at once when stored, else after the worker renders it."""
    response = client.get(REPORT, params)
    if response.status_code == 302:
        assert run_tasks() == 1
        response = client.get(response["Location"])
    assert response["Content-Type"] == "application/pdf"
    return response.content


@pytest.fixture(autouse=True)
def empty_store():
    for name in stored():
        default_storage.delete(name)


@time_machine.travel(NOON, tick=False)
def test_a_report_not_rendered_yet_opens_once_the_task_worker_has_rendered_it(
    client, ward_a, caplog
):
    some_dossiers(ward_a, 6)
    leader = make_staff(ward_a, "leader")
    sign_in(client, leader)
    asked = client.get(REPORT, {"nam": 2026})
    assert asked.status_code == 302  # no web worker renders a report
    waiting = asked["Location"]
    assert stored() == []

    page = client.get(waiting)
    assert "Báo cáo đang được lập" in page.content.decode()
    assert client.get(waiting, **HTMX).status_code == 204  # the page asks again, unchanged

    with caplog.at_level(logging.DEBUG, logger="weasyprint"):
        assert run_tasks() == 1
    # Nothing WeasyPrint ignores or complains about (the charts' colours are SVG attributes).
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert client.get(waiting, **HTMX)["HX-Redirect"] == waiting  # the page opens the report
    report = client.get(waiting)
    assert report["Content-Type"] == "application/pdf"
    assert report["Content-Disposition"] == f'inline; filename="bao-cao-{ward_a.slug}-2026.pdf"'
    printed = text(report.content)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in printed
    assert "Báo cáo kết quả giải quyết thủ tục hành chính".upper() in printed.upper()
    assert "Tỷ lệ đúng hạn" in printed
    assert "Giải quyết xong trong kỳ 6" in printed

    # The waiting address is the leader's own, and lasts the day.
    colleague = client.__class__()
    sign_in(colleague, make_staff(ward_a, "leader", username="leader.two"))
    assert colleague.get(waiting).status_code == 404
    assert client.get(waiting[:-3] + "xyz/").status_code == 404
    with time_machine.travel(NOON + dt.timedelta(days=1, seconds=1)):
        sign_in(client, leader)
        assert client.get(waiting).status_code == 404


@pytest.mark.parametrize(
    "what_happened",
    [
        pytest.param(lambda task: task.set_failed(OSError("disk full")), id="the task failed"),
        pytest.param(lambda task: task.delete(), id="the task was removed"),
    ],
)
@time_machine.travel(NOON, tick=False)
def test_a_report_that_could_not_be_rendered_says_so_and_offers_to_try_again(
    client, ward_a, what_happened
):
    some_dossiers(ward_a, 2)
    sign_in(client, make_staff(ward_a, "leader"))
    waiting = client.get(REPORT, {"nam": 2026, "quy": 2})["Location"]
    what_happened(DBTaskResult.objects.get())

    page = client.get(waiting).content.decode()
    assert "Không lập được báo cáo." in page
    assert f'href="{REPORT}?nam=2026&amp;quy=2">Thử lại</a>' in page
    polled = client.get(waiting, **HTMX)  # the waiting page stops asking and says so
    assert polled.status_code == 200
    assert "Không lập được báo cáo." in polled.content.decode()
    assert "hx-trigger" not in polled.content.decode()


@time_machine.travel(NOON, tick=False)
def test_a_report_is_rendered_once_and_read_again_until_its_figures_change(client, ward_a):
    some_dossiers(ward_a, 6)
    sign_in(client, make_staff(ward_a, "leader"))
    first = download(client, {"nam": 2026})
    assert "Giải quyết xong trong kỳ 6" in text(first)
    [name] = stored()
    # Mark the stored copy: the next download shows it was read, not rendered again.
    with default_storage.open(name) as kept:
        marked = kept.read() + b"%stored\n"
    default_storage.delete(name)
    default_storage.save(name, io.BytesIO(marked))

    # The report is the unit's: another leader of the ward gets the same document at once.
    other = client.__class__()
    sign_in(other, make_staff(ward_a, "leader", username="leader.two"))
    again = other.get(REPORT, {"nam": 2026})
    assert again.content == marked
    assert stored() == [name]

    some_dossiers(ward_a, 3, month=5)  # new figures: a new report, never the stale one
    changed = download(client, {"nam": 2026})
    assert "Giải quyết xong trong kỳ 9" in text(changed)
    assert len(stored()) == 2


@time_machine.travel(NOON, tick=False)
def test_render_reports_renders_ahead_what_leaders_print_and_removes_old_ones(
    client, city, ward_a, ward_b
):
    some_dossiers(ward_a, 4)
    out = io.StringIO()
    call_command("render_reports", stdout=out)
    assert out.getvalue().strip() == ("12 report(s) ready for 3 unit(s); 0 stored PDF(s) removed.")
    ahead = stored()
    assert len(ahead) == 12
    sign_in(client, make_staff(ward_a, "leader"))
    for params in ({}, {"nam": 2026, "thang": 4}, {"nam": 2026, "quy": 1}, {"nam": 2025}):
        response = client.get(REPORT, params)
        assert response["Content-Type"] == "application/pdf"  # at once: no waiting
    assert stored() == ahead  # every one of them was read, none rendered
    assert not DBTaskResult.objects.exists()

    for name in ahead:  # the files' times come from the file system, not the travelled clock
        os.utime(default_storage.path(name), (NOON.timestamp(), NOON.timestamp()))
    with time_machine.travel(NOON + dt.timedelta(days=3), tick=False):
        out = io.StringIO()
        call_command("render_reports", stdout=out)
        # Reports carry their day's date: those of three days ago are gone, today's are new.
        assert out.getvalue().strip() == (
            "12 report(s) ready for 3 unit(s); 12 stored PDF(s) removed."
        )
        assert len(stored()) == 12
        assert not set(stored()) & set(ahead)


@pytest.mark.parametrize(
    ("today", "periods"),
    [
        (
            dt.date(2026, 5, 11),
            [Period(2026), Period(2026, month=4), Period(2026, 1), Period(2025)],
        ),
        (
            dt.date(2026, 1, 2),
            [Period(2026), Period(2025, month=12), Period(2025, 4), Period(2025)],
        ),
        (
            dt.date(2026, 12, 31),
            [Period(2026), Period(2026, month=11), Period(2026, 3), Period(2025)],
        ),
    ],
)
def test_reports_are_rendered_ahead_for_this_year_and_the_last_ended_periods(today, periods):
    assert periods_ahead(today) == periods
