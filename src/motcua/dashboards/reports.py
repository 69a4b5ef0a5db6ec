"""The printable report of a unit and period, for reporting upward (PDF).

The report is the unit's, the same whoever prints it: its figures as of today, signed by hand.
So a report is rendered once and kept (``core.pdf.stored_pdf``) until its figures change;
``render_reports`` renders the reports leaders ask for most ahead of the working day, and a
report not rendered yet is rendered by the task worker (``tasks.render_report``) while the
leader's page waits for it, never in a web worker.
"""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone, translation

from motcua.core.pdf import stored_pdf
from motcua.dashboards import selectors, tables
from motcua.dashboards.charts import chart_set
from motcua.organisations.models import Unit
from motcua.par.periods import Period


def report_html(unit: Unit, period: Period) -> str:
    """The report of ``unit`` for ``period`` with its figures as of today, as HTML."""
    d = selectors.dashboard(unit, period)
    with translation.override("vi"):  # an official report is written in Vietnamese
        return render_to_string(
            "dashboards/pdf/report.html",
            {
                "d": d,
                "tables": tables.all_tables(d),
                "charts": chart_set(d),
                "today": timezone.localdate(),
            },
        )


def report_pdf(unit: Unit, period: Period) -> bytes:
    """The report of ``unit`` for ``period`` as a PDF, rendered here unless it is stored."""
    return stored_pdf(report_html(unit, period))


def report_file_name(unit: Unit, period: Period) -> str:
    return f"bao-cao-{unit.slug}-{period.slug}.pdf"


def periods_ahead(today: dt.date) -> list[Period]:
    """The periods whose report a leader is most likely to print: this year so far (the
    dashboard's default) and the last month, quarter and year that have ended."""
    last_month = today.replace(day=1) - dt.timedelta(days=1)
    quarter = (today.month - 1) // 3 + 1
    last_quarter = Period(today.year, quarter - 1) if quarter > 1 else Period(today.year - 1, 4)
    return [
        Period(today.year),
        Period(last_month.year, month=last_month.month),
        last_quarter,
        Period(today.year - 1),
    ]
