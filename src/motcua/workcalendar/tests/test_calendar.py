"""Working-day arithmetic around the holidays that matter: 30/4–1/5, Tết, 2/9, swaps."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.workcalendar.calendar import WorkingCalendar

CUTOFF = dt.time(15, 0)
CAL = WorkingCalendar.build(range(2025, 2029))
D = dt.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 4, 29), True),  # Wednesday
        (D(2026, 4, 30), False),  # Reunification Day
        (D(2026, 5, 1), False),  # Labour Day
        (D(2026, 5, 2), False),  # Saturday
        (D(2026, 4, 27), False),  # Hùng Kings observed (26/4 is a Sunday)
        (D(2026, 2, 16), False),  # Tết 2026 starts
        (D(2026, 2, 20), False),  # Tết 2026 ends
        (D(2026, 2, 23), True),
        (D(2026, 8, 31), False),  # day off swapped with Saturday 22/8
        (D(2026, 9, 1), False),
        (D(2026, 9, 2), False),
        (D(2026, 11, 24), False),  # Vietnam Culture Day, a holiday from 2026
        (D(2027, 2, 10), False),  # last day of Tết 2027
        (D(2027, 2, 11), True),
    ],
)
def test_statutory_calendar(day, working):
    assert CAL.is_working_day(day) is working


def test_dossier_received_wednesday_29_april_2026_skips_30_4_and_1_5():
    received = dt.datetime(2026, 4, 29, 9, 30)
    # Day 0 is Wednesday 29/4; Thu 30/4, Fri 1/5 and the weekend do not count.
    assert CAL.due_date(received, 1, cutoff=CUTOFF) == D(2026, 5, 4)
    assert CAL.due_date(received, 3, cutoff=CUTOFF) == D(2026, 5, 6)
    assert CAL.working_days_between(D(2026, 4, 29), D(2026, 5, 6)) == 3


def test_deadline_spanning_tet_2027():
    # Tết 2027: Thursday 4/2 to Wednesday 10/2. Five working days from Tuesday 2/2.
    received = dt.datetime(2027, 2, 2, 8, 0)
    assert CAL.due_date(received, 5, cutoff=CUTOFF) == D(2027, 2, 16)
    assert CAL.working_days_between(D(2027, 2, 2), D(2027, 2, 16)) == 5
    assert [CAL.add_working_days(D(2027, 2, 2), n) for n in (1, 2, 3)] == [
        D(2027, 2, 3),
        D(2027, 2, 11),
        D(2027, 2, 12),
    ]


def test_make_up_saturday_entered_by_an_administrator_counts_as_a_working_day():
    without = CAL
    with_swap = WorkingCalendar.build(range(2026, 2027), make_up_days=[D(2026, 8, 22)])
    assert not without.is_working_day(D(2026, 8, 22))
    assert with_swap.is_working_day(D(2026, 8, 22))
    # Received Friday 21/8 morning, 2 working days: Saturday 22/8 then Monday 24/8.
    received = dt.datetime(2026, 8, 21, 10, 0)
    assert without.due_date(received, 2, cutoff=CUTOFF) == D(2026, 8, 25)
    assert with_swap.due_date(received, 2, cutoff=CUTOFF) == D(2026, 8, 24)


def test_extra_day_off_entered_by_an_administrator():
    cal = WorkingCalendar.build([2026], extra_days_off={D(2026, 12, 31): "Nghỉ bù"})
    assert not cal.is_working_day(D(2026, 12, 31))
    assert cal.holiday_name(D(2026, 12, 31)) == "Nghỉ bù"


@pytest.mark.parametrize(
    ("received", "start"),
    [
        (dt.datetime(2026, 3, 4, 14, 59), D(2026, 3, 4)),  # before 15:00: counts from today
        (dt.datetime(2026, 3, 4, 15, 0), D(2026, 3, 5)),  # from 15:00: the next working day
        (dt.datetime(2026, 3, 6, 16, 30), D(2026, 3, 9)),  # Friday afternoon: Monday
        (dt.datetime(2026, 3, 7, 9, 0), D(2026, 3, 9)),  # Saturday morning reception: Monday
        (dt.datetime(2026, 4, 29, 15, 30), D(2026, 5, 4)),  # after 15:00 before 30/4–1/5
        (dt.datetime(2026, 8, 28, 15, 1), D(2026, 9, 3)),  # Friday before 31/8, 1/9, 2/9
    ],
)
def test_15_hour_rule(received, start):
    assert CAL.counting_start(received, cutoff=CUTOFF) == start


def test_without_the_cutoff_rule_an_afternoon_dossier_counts_from_the_same_day():
    assert CAL.counting_start(dt.datetime(2026, 3, 4, 16, 0), cutoff=None) == D(2026, 3, 4)


def test_same_day_procedure_is_due_on_the_counting_day():
    assert CAL.due_date(dt.datetime(2026, 3, 4, 9, 0), 0, cutoff=CUTOFF) == D(2026, 3, 4)


def test_negative_working_days_are_refused():
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_days(D(2026, 3, 4), -1)


@given(
    st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 12, 31)),
    st.integers(min_value=0, max_value=60),
)
def test_working_days_between_inverts_add_working_days(start, n):
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    assert CAL.working_days_between(end, start) == -n
    assert n == 0 or CAL.is_working_day(end)
