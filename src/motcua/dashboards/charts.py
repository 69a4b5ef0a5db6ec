"""Charts drawn on the server as SVG geometry (no JavaScript, no external service). Each
function returns what its template (``dashboards/charts/*.html``) draws; every chart is shown
next to a table with the same figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 320
TRACK = WIDTH - 64
LABEL_HEIGHT = 16
BAR_HEIGHT = 14
ROW_GAP = 10
MAX_LABELS = 6
#: The colour of each satisfaction level, an SVG attribute: WeasyPrint draws an SVG without the
#: page's CSS, which styles the charts on screen only.
TONE_COLOURS = {"good": "#1e6b35", "ok": "#6aa84f", "bad": "#b3261e"}


def _num(value) -> float:
    if value is None:
        return 0.0
    return float(value)


@dataclass
class Bar:
    label: str
    value: float
    shown: str
    y_label: float
    y_bar: float
    width: float
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
        bars.append(
            Bar(
                label=label,
                value=number,
                shown=shown,
                y_label=y + 12,
                y_bar=y + LABEL_HEIGHT + 2,
                width=max(0.0, usable * number / top),
                tone=(tones or {}).get(index, ""),
            )
        )
        y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    return BarChart(title, bars, height=max(y, 40.0), empty=not rows)


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
