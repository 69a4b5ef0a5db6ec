"""Reporting periods: a year, a quarter or a month (inclusive dates)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None = None
    month: int | None = None

    @classmethod
    def parse(cls, year, quarter=None, month=None) -> Period:
        """From query parameters; anything invalid falls back to the current year."""
        today = timezone.localdate()
        try:
            year = int(year)
        except (TypeError, ValueError):
            year = today.year
        if not 2000 <= year <= today.year + 1:
            year = today.year
        try:
            month = int(month) if month not in (None, "") else None
        except ValueError:
            month = None
        if month is not None and 1 <= month <= 12:
            return cls(year, None, month)
        try:
            quarter = int(quarter) if quarter not in (None, "") else None
        except ValueError:
            quarter = None
        if quarter is not None and 1 <= quarter <= 4:
            return cls(year, quarter)
        return cls(year)

    @property
    def start(self) -> dt.date:
        if self.month:
            return dt.date(self.year, self.month, 1)
        if self.quarter:
            return dt.date(self.year, 3 * self.quarter - 2, 1)
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.quarter:
            last = 3 * self.quarter
            return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])
        return dt.date(self.year, 12, 31)

    @property
    def label(self) -> str:
        if self.month:
            return _("Month %(month)d/%(year)d") % {"month": self.month, "year": self.year}
        if self.quarter:
            return _("Quarter %(quarter)d/%(year)d") % {"quarter": self.quarter, "year": self.year}
        return _("Year %(year)d") % {"year": self.year}

    @property
    def slug(self) -> str:
        if self.month:
            return f"{self.year}-{self.month:02d}"
        if self.quarter:
            return f"{self.year}-q{self.quarter}"
        return str(self.year)

    def query(self) -> dict:
        out = {"nam": self.year}
        if self.quarter:
            out["quy"] = self.quarter
        if self.month:
            out["thang"] = self.month
        return out

    def months(self) -> list[dt.date]:
        first = self.start
        out = []
        while first <= self.end:
            out.append(first)
            first = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return out

    def quarters(self) -> list[Period]:
        return [Period(self.year, q) for q in range(1, 5)]


def bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )
