"""Working days, as pure functions over a :class:`WorkingCalendar`.

A calendar is data: the statutory holidays of the ``holidays`` package (Vietnam, with lunar Tết)
plus the administrator's overrides (extra days off, make-up working Saturdays). Deadlines count
working days only. Day 0 is the day counting starts; ``add_working_days(d, 3)`` is the third
working day after ``d``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import holidays

from motcua.core.rules import declare_rule

RECEPTION_CUTOFF = declare_rule(
    "reception_cutoff",
    "15:00",
    basis="Nghị định 61/2018/NĐ-CP Điều 18; Nghị định 118/2025/NĐ-CP",
    description="Dossiers received after this hour count from the next working day.",
)


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are worked. ``days_off`` and ``working_days`` override the Monday–Friday week."""

    days_off: Mapping[dt.date, str] = field(default_factory=dict)
    working_days: frozenset[dt.date] = frozenset()

    @classmethod
    def build(
        cls,
        years: Iterable[int],
        *,
        extra_days_off: Mapping[dt.date, str] | None = None,
        make_up_days: Iterable[dt.date] = (),
    ) -> WorkingCalendar:
        statutory = holidays.country_holidays("VN", years=list(years), language="vi")
        days_off = dict(statutory.items())
        days_off.update(extra_days_off or {})
        make_up = frozenset(make_up_days)
        return cls(
            days_off={d: n for d, n in days_off.items() if d not in make_up}, working_days=make_up
        )

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_days:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def holiday_name(self, day: dt.date) -> str | None:
        return self.days_off.get(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        day += dt.timedelta(days=1)
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start`` (``n`` = 0 gives ``start``)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in the half-open interval (start, end]; negative when end < start.

        So ``working_days_between(d, add_working_days(d, n)) == n``.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def counting_start(self, received_at: dt.datetime, *, cutoff: dt.time | None) -> dt.date:
        """The day a processing time starts from (day 0).

        The reception day itself, unless the dossier came on a non-working day or after the
        cut-off hour (the 15:00 rule), in which case the next working day.
        ``received_at`` must be in local time.
        """
        day = received_at.date()
        if not self.is_working_day(day) or (cutoff is not None and received_at.time() >= cutoff):
            return self.next_working_day(day)
        return day

    def due_date(
        self, received_at: dt.datetime, working_days: int, *, cutoff: dt.time | None
    ) -> dt.date:
        """Due date for a processing time of ``working_days`` counted from reception."""
        return self.add_working_days(self.counting_start(received_at, cutoff=cutoff), working_days)


def parse_cutoff(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None
