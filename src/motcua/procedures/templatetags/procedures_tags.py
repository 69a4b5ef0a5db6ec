"""Template helpers of the catalogue pages."""

from pathlib import PurePath

from django import template

from motcua.procedures.models import ApplicantType, OnlineLevel

register = template.Library()


@register.filter
def lines(text: str) -> list[str]:
    """The non-empty lines of a text field (steps, legal basis), trimmed."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def applicant_labels(codes) -> str:
    """ "Công dân, Tổ chức" for ["citizen", "organisation"]."""
    labels = dict(ApplicantType.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes or [])


@register.filter
def online_label(value: str) -> str:
    return str(dict(OnlineLevel.choices).get(value, value))


@register.filter
def online_tone(value: str) -> str:
    """The badge colour of an online level."""
    return {OnlineLevel.FULL: "success", OnlineLevel.PARTIAL: "info"}.get(value, "neutral")


@register.filter
def file_name(field_file) -> str:
    return PurePath(field_file.name).name if field_file else ""


@register.filter
def file_extension(field_file) -> str:
    return PurePath(field_file.name).suffix.lstrip(".").upper() if field_file else ""
