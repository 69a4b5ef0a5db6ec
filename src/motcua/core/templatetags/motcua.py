"""Template helpers shared by every page."""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import pgettext

register = template.Library()

_MONTHS = {
    1: lambda: pgettext("month name", "January"),
    2: lambda: pgettext("month name", "February"),
    3: lambda: pgettext("month name", "March"),
    4: lambda: pgettext("month name", "April"),
    5: lambda: pgettext("month name", "May"),
    6: lambda: pgettext("month name", "June"),
    7: lambda: pgettext("month name", "July"),
    8: lambda: pgettext("month name", "August"),
    9: lambda: pgettext("month name", "September"),
    10: lambda: pgettext("month name", "October"),
    11: lambda: pgettext("month name", "November"),
    12: lambda: pgettext("month name", "December"),
}


def long_date(value: dt.date) -> str:
    """ "24 Tháng Chín 2018" in Vietnamese, "24 September 2018" in English."""
    return f"{value.day} {_MONTHS[value.month]()} {value.year}"


@register.filter
def vn_date(value):
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return long_date(value)


@register.filter
def vn_datetime(value):
    """The portal's date and time, as on the 2018 pages: "24 Tháng Chín 2018 4:40:00 CH"."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    hour12 = local.hour % 12 or 12
    meridiem = pgettext("before noon", "AM") if local.hour < 12 else pgettext("after noon", "PM")
    return f"{long_date(local.date())} {hour12}:{local:%M:%S} {meridiem}"


@register.filter
def short_date(value):
    """24/09/2018, as Vietnamese forms write dates."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value:%d/%m/%Y}"


@register.filter
def short_datetime(value):
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local:%H:%M %d/%m/%Y}"


@register.filter
def vn_place_date(value, place: str = ""):
    """ "Phường Bình Thạnh, ngày 05 tháng 3 năm 2026", the date line of official documents."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {value:%d} tháng {value.month} năm {value.year}"
