"""The dashboard's tables: one definition shown on the page beside each chart, exported to
Excel sheet by sheet and printed in the PDF report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from motcua.core.excel import Sheet
from motcua.par.onestop import INDICES
from motcua.surveys.models import Level
from motcua.surveys.selectors import percent

NO_DATA = "—"
#: Column widths of a table of figures and their values.
FIGURE_VALUE = (70, 30)
#: Column widths of a table of units with three figures each.
UNIT_FIGURES = (46, 18, 18, 18)


@dataclass
class Table:
    key: str
    title: str
    headers: list[str]
    rows: list[list]
    note: str = ""
    #: Columns (0-based) holding long text, which may wrap on a phone.
    wrap: tuple[int, ...] = ()
    #: Each column's share of the printed width, in percent: the PDF report lays its tables out
    #: with these rather than measuring every cell first.
    widths: tuple[int, ...] = FIGURE_VALUE

    def sheet(self, number: int = 0) -> Sheet:
        """The table as an Excel sheet (titles are short and without the characters Excel
        refuses in a sheet name)."""
        title = re.sub(r"[\\/?*\[\]:]", "-", str(self.title))
        if number:
            title = f"{number}. {title}"
        return Sheet(title[:31], self.headers, [[_cell(v) for v in row] for row in self.rows])


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Promise):  # a lazily translated label
        return str(value)
    return value


def no_data() -> str:
    return pgettext("indices", "no data")


def pct(value) -> str:
    if value is None:
        return no_data()
    return f"{value}%".replace(".", ",")


def dossier_table(d) -> Table:
    f = d.dossiers
    return Table(
        "dossiers",
        _("Dossiers"),
        [_("Figure"), _("Value")],
        [
            [_("Received in the period"), f.received],
            [_("Resolved in the period"), f.resolved],
            [_("Resolved early"), f.early],
            [_("Resolved on time (incl. early)"), f.on_time],
            [_("Resolved late"), f.late],
            [_("On-time rate"), pct(f.on_time_rate)],
            [_("Being processed now"), f.open_now],
            [_("Overdue now"), f.overdue_now],
        ],
    )


def month_table(d) -> Table:
    return Table(
        "months",
        _("On-time rate by month"),
        [_("Month"), _("Resolved"), _("On time"), _("On-time rate")],
        [[f"{m['month']:%m/%Y}", m["resolved"], m["on_time"], pct(m["rate"])] for m in d.months],
        widths=(25, 25, 25, 25),
    )


def channel_table(d) -> Table:
    return Table(
        "channels",
        _("Dossiers received by channel"),
        [_("Filing channel"), _("Number of dossiers")],
        [[label, n] for label, n in d.channels],
    )


def field_table(d) -> Table:
    return Table(
        "fields",
        _("Dossiers received by field"),
        [_("Field"), _("Number of dossiers")],
        [[name, n] for name, n in d.fields],
    )


def unit_table(d) -> Table:
    return Table(
        "units",
        _("On-time rate by unit"),
        [_("Unit"), _("Resolved"), _("On time"), _("On-time rate")],
        [[u["name"], u["resolved"], u["on_time"], pct(u["rate"])] for u in d.units],
        widths=UNIT_FIGURES,
    )


def satisfaction_table(d) -> Table:
    s = d.satisfaction
    rows = [
        [Level.VERY_SATISFIED.label, s.very_satisfied],
        [Level.SATISFIED.label, s.satisfied],
        [Level.NOT_SATISFIED.label, s.not_satisfied],
        [_("Ratings"), s.total],
        [_("Satisfaction rate"), pct(s.rate)],
    ]
    return Table("satisfaction", _("Satisfaction of applicants"), [_("Rating"), _("Value")], rows)


def satisfaction_unit_table(d) -> Table:
    return Table(
        "satisfaction_units",
        _("Satisfaction by unit"),
        [_("Unit"), _("Ratings"), _("Satisfied"), _("Satisfaction rate")],
        [[u["name"], s.total, s.satisfied_total, pct(s.rate)] for u, s in d.satisfaction_units],
        widths=UNIT_FIGURES,
    )


def sipas_table(d) -> Table:
    rows = []
    for element in d.sipas.elements:
        rows.append([element.label, "", pct(element.index)])
        for criterion in element.criteria:
            rows.append(["", criterion.question.text, pct(criterion.index)])
    rows.append([_("Overall SIPAS index"), "", pct(d.sipas.index)])
    return Table(
        "sipas",
        _("Satisfaction surveys (SIPAS)"),
        [_("Element"), _("Criterion"), _("Index")],
        rows,
        note=_("%(n)d responses") % {"n": d.sipas.responses},
        wrap=(1,),
        widths=(30, 55, 15),
    )


def service_index_table(d) -> Table:
    rows = []
    for group in d.service_index.groups:
        rows.append(
            [group.code, str(group.name), "", "", "", "", f"{group.points} / {group.max_points}"]
        )
        for r in group.indicators:
            rows.append(
                [
                    r.indicator.code,
                    str(r.indicator.name),
                    NO_DATA if r.numerator is None else r.numerator,
                    NO_DATA if r.denominator is None else r.denominator,
                    pct(r.rate) if r.has_data else no_data(),
                    f"{r.target}%",
                    f"{r.points} / {r.max_points}"
                    if r.has_data
                    else f"{no_data()} / {r.max_points}",
                ]
            )
    index = d.service_index
    rows.append(
        [
            "",
            _("Total"),
            "",
            "",
            "",
            "",
            f"{index.total} / {index.max_points}",
        ]
    )
    return Table(
        "service_index",
        _("Service index (Decision 766/QĐ-TTg)"),
        [
            _("No."),
            _("Sub-indicator"),
            _("Numerator"),
            _("Denominator"),
            _("Rate"),
            _("Target"),
            _("Points"),
        ],
        rows,
        note=_("Points reachable with the data the platform holds: %(max)s of 100.")
        % {"max": index.max_with_data},
        widths=(7, 35, 11, 11, 12, 10, 14),
    )


def par_table(d) -> Table:
    return Table(
        "par",
        _("PAR index ranking %(year)s") % {"year": d.par_year or ""},
        [_("Rank"), _("Unit"), _("Points"), _("Classification")],
        [
            [r.rank, r.unit.name, r.assessment.total, r.assessment.classification]
            for r in d.par_ranking
        ],
        widths=(10, 50, 15, 25),
    )


def onestop_table(d) -> Table:
    avg = d.onestop
    rows = [
        [f"{n}. {label}", NO_DATA if avg.indices[key] is None else avg.indices[key]]
        for n, (key, label) in enumerate(INDICES, start=1)
    ]
    _code, band = avg.band
    rows.append([_("Average score (out of 18)"), NO_DATA if avg.score is None else avg.score])
    rows.append([_("Classification"), band or NO_DATA])
    return Table(
        "onestop",
        _("One-stop evaluation (Circular 01/2018)"),
        [_("Index"), _("Average points")],
        rows,
        note=_("%(n)d dossiers evaluated") % {"n": avg.dossiers},
        widths=(75, 25),
    )


def feedback_table(d) -> Table:
    f = d.feedback
    rows = [
        [_("Feedback received"), f.received],
        [_("Feedback resolved"), f.resolved],
        [_("Feedback resolved on time"), f.resolved_on_time],
        [_("Feedback overdue now"), f.overdue],
        [_("Satisfied with the answer"), pct(percent(f.rated_satisfied, f.rated))],
    ]
    return Table("feedback", _("Citizens' feedback"), [_("Figure"), _("Value")], rows)


def all_tables(d) -> list[Table]:
    return [
        dossier_table(d),
        month_table(d),
        channel_table(d),
        field_table(d),
        unit_table(d),
        satisfaction_table(d),
        satisfaction_unit_table(d),
        sipas_table(d),
        service_index_table(d),
        onestop_table(d),
        par_table(d),
        feedback_table(d),
    ]
