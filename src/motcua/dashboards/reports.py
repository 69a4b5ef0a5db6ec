"""The printable report of a unit and period, for reporting upward (PDF).

The report is the unit's, the same whoever prints it: its figures as of today, signed by hand.
So a report is rendered once and kept (``core.pdf.stored_pdf``) until its figures change, and
``render_reports`` renders the reports leaders ask for most ahead of the working day.
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


def report_pdf(unit: Unit, period: Period) -> bytes:
    """The report of ``unit`` for ``period`` with its figures as of today."""
    d = selectors.dashboard(unit, period)
    with translation.override("vi"):  # an official report is written in Vietnamese
        html = render_to_string(
            "dashboards/pdf/report.html",
            {
                "d": d,
                "tables": tables.all_tables(d),
                "charts": chart_set(d),
                "today": timezone.localdate(),
            },
        )
    return stored_pdf(html)


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
