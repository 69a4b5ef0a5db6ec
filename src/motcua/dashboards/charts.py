"""Charts drawn on the server as SVG geometry (no JavaScript, no external service). Each
function returns what its template (``dashboards/charts/*.html``) draws; every chart is shown
next to a table with the same figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from motcua.surveys.models import Level

WIDTH = 320
TRACK = WIDTH - 64
LABEL_HEIGHT = 16
BAR_HEIGHT = 14
ROW_GAP = 10
MAX_LABELS = 6
LABEL_CHARS = 46  # a bar's label is cut to this many characters (the full one is its title)
#: The colour of each satisfaction level, an SVG attribute: WeasyPrint draws an SVG without the
#: page's CSS, which styles the charts on screen only.
TONE_COLOURS = {"good": "#1e6b35", "ok": "#6aa84f", "bad": "#b3261e"}


def _num(value) -> float:
    if value is None:
        return 0.0
    return float(value)


@dataclass
class Bar:
    """One bar, its SVG coordinates written out here (a province's chart has a hundred bars:
    formatting four numbers of each in the template cost more than the rest of the page)."""

    label: str
    short_label: str
    shown: str
    y_label: str
    y_bar: str
    y_value: str
    width: str
    tone: str = ""


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    height: float
    width: int = WIDTH
    track: int = TRACK
    empty: bool = False


def hbar(title: str, rows, *, maximum=None, suffix: str = "", tones=None) -> BarChart:
    """Horizontal bars, one per ``(label, value)``; the label sits above its bar so that long
    Vietnamese names stay readable on a phone. ``tones`` maps a row index to a CSS tone."""
    rows = [(str(label), value) for label, value in rows]
    top = max([_num(v) for _label, v in rows] + [_num(maximum)]) or 1.0
    usable = TRACK
    bars, y = [], 4.0
    for index, (label, value) in enumerate(rows):
        number = _num(value)
        shown = "—" if value is None else (_fmt(value) + suffix)
        y_bar = y + LABEL_HEIGHT + 2
        bars.append(
            Bar(
                label=label,
                short_label=label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…",
                shown=shown,
                y_label=_svg(y + 12),
                y_bar=_svg(y_bar),
                y_value=_svg(y_bar + 12),
                width=_svg(max(0.0, usable * number / top)),
                tone=(tones or {}).get(index, ""),
            )
        )
        y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    return BarChart(title, bars, height=max(y, 40.0), empty=not rows)


def _svg(number: float) -> str:
    """An SVG coordinate: at most one decimal, none when whole."""
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _fmt(value) -> str:
    if isinstance(value, Decimal | float):
        text = f"{float(value):.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return f"{value:,}".replace(",", ".")


@dataclass
class Point:
    x: float
    y: float
    label: str
    shown: str


@dataclass
class LineChart:
    title: str
    points: list[Point]
    polyline: str
    grid: list[tuple[float, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = 196
    empty: bool = False


def line(title: str, rows, *, maximum: float = 100.0, suffix: str = "%") -> LineChart:
    """A line over time: ``rows`` are ``(label, value)`` in order; None leaves a gap."""
    left, right, top, bottom = 34, 14, 10, 170
    rows = list(rows)
    step = (WIDTH - left - right) / max(len(rows) - 1, 1)
    points = []
    for index, (label, value) in enumerate(rows):
        if value is None:
            continue
        y = bottom - (bottom - top) * _num(value) / maximum
        points.append(Point(left + step * index, round(y, 1), str(label), _fmt(value) + suffix))
    grid = [
        (round(bottom - (bottom - top) * share, 1), f"{int(maximum * share)}{suffix}")
        for share in (0, 0.25, 0.5, 0.75, 1)
    ]
    # At most MAX_LABELS labels on the axis: twelve "mm/yy" side by side would overlap.
    every = -(-len(rows) // MAX_LABELS)
    labels = [
        Point(left + step * index, 188, str(label), "")
        for index, (label, _v) in enumerate(rows)
        if index % every == 0
    ]
    chart = LineChart(
        title,
        points,
        " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points),
        grid,
        empty=not points,
    )
    chart.labels = labels
    return chart


@dataclass
class Segment:
    label: str
    count: int
    x: float
    width: float
    tone: str
    share: str

    @property
    def colour(self) -> str:
        return TONE_COLOURS[self.tone]


def stacked(title: str, rows) -> dict:
    """One 100 % bar split into ``(label, count, tone)`` segments (satisfaction levels)."""
    total = sum(count for _label, count, _tone in rows)
    x, segments = 0.0, []
    for label, count, tone in rows:
        width = WIDTH * count / total if total else 0
        share = f"{100 * count / total:.1f}".replace(".", ",") + "%" if total else "—"
        segments.append(Segment(str(label), count, x, width, tone, share))
        x += width
    return {"title": title, "segments": segments, "total": total, "width": WIDTH}


def chart_set(d) -> dict:
    """The charts of a dashboard (``selectors.Dashboard``), on screen and in the report."""
    satisfaction = d.satisfaction
    ranking = d.par_ranking
    return {
        "months": line(
            _("On-time rate by month"),
            [(f"{m['month']:%m/%y}", m["rate"]) for m in d.months],
        ),
        "channels": hbar(_("Dossiers received by channel"), d.channels),
        "fields": hbar(_("Dossiers received by field"), d.fields[:10]),
        "units": hbar(
            _("On-time rate by unit"),
            sorted(((u["name"], u["rate"]) for u in d.units), key=lambda r: -(r[1] or 0)),
            maximum=100,
            suffix="%",
        ),
        "satisfaction": stacked(
            _("Satisfaction of applicants"),
            [
                (Level.VERY_SATISFIED.label, satisfaction.very_satisfied, "good"),
                (Level.SATISFIED.label, satisfaction.satisfied, "ok"),
                (Level.NOT_SATISFIED.label, satisfaction.not_satisfied, "bad"),
            ],
        ),
        "satisfaction_months": line(
            _("Satisfaction rate by month"),
            [(f"{m:%m/%y}", s.rate) for m, s in d.satisfaction_months],
        ),
        "service_index": hbar(
            _("Service index by group (percent of the group's points)"),
            [
                (
                    f"{g.code}. {g.name}",
                    (g.points * 100 / g.max_points).quantize(Decimal("0.1"))
                    if g.max_points
                    else None,
                )
                for g in d.service_index.groups
            ],
            maximum=100,
            suffix="%",
        ),
        "par": hbar(
            _("PAR index ranking %(year)s") % {"year": d.par_year or ""},
            [(f"{r.rank}. {r.unit.name}", r.assessment.total) for r in ranking],
            maximum=100,
            tones={i: "highlight" for i, r in enumerate(ranking) if r.unit.pk == d.unit.pk},
        ),
    }
