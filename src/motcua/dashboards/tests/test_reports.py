"""The dashboards' PDF report: rendered once per content and kept, rendered ahead each night."""

import datetime as dt
import io
import os

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from motcua.core.pdf import STORE
from motcua.dashboards.reports import periods_ahead
from motcua.dashboards.tests.test_dashboards import some_dossiers
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.par.periods import Period

NOON = dt.datetime(2026, 5, 11, 12, 0, tzinfo=dt.UTC)


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


@pytest.fixture(autouse=True)
def empty_store():
    for name in stored():
        default_storage.delete(name)


@time_machine.travel(NOON, tick=False)
def test_a_report_is_rendered_once_and_read_again_until_its_figures_change(client, ward_a):
    some_dossiers(ward_a, 6)
    sign_in(client, make_staff(ward_a, "leader"))
    first = client.get(reverse("dashboards:report"), {"nam": 2026})
    assert "Giải quyết xong trong kỳ 6" in text(first.content)
    [name] = stored()
    # Mark the stored copy: the next download shows it was read, not rendered again.
    with default_storage.open(name) as kept:
        marked = kept.read() + b"%stored\n"
    default_storage.delete(name)
    default_storage.save(name, io.BytesIO(marked))

    # The report is the unit's: another leader of the ward prints the same document.
    other = client.__class__()
    sign_in(other, make_staff(ward_a, "leader", username="leader.two"))
    again = other.get(reverse("dashboards:report"), {"nam": 2026})
    assert again.content == marked
    assert stored() == [name]

    some_dossiers(ward_a, 3, month=5)  # new figures: a new report, never the stale one
    changed = client.get(reverse("dashboards:report"), {"nam": 2026})
    assert "Giải quyết xong trong kỳ 9" in text(changed.content)
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
        response = client.get(reverse("dashboards:report"), params)
        assert response["Content-Type"] == "application/pdf"
    assert stored() == ahead  # every one of them was read, none rendered

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
