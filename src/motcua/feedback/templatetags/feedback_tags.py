"""Small presentation helpers for feedback pages."""

from django import template

from motcua.feedback.models import Status
from motcua.feedback.workflow import DueState

register = template.Library()

_STATUS_TONES = {
    Status.RECEIVED: "info",
    Status.REJECTED: "neutral",
    Status.ACCEPTED: "info",
    Status.ASSIGNED: "info",
    Status.IN_PROGRESS: "warning",
    Status.AWAITING_INFO: "warning",
    Status.AWAITING_APPROVAL: "warning",
    Status.ANSWERED: "success",
    Status.CLOSED: "success",
}
_DUE_TONES = {DueState.ON_TIME: "success", DueState.DUE_SOON: "warning", DueState.OVERDUE: "danger"}


@register.filter
def status_tone(status: str) -> str:
    return _STATUS_TONES.get(status, "neutral")


@register.filter
def due_tone(state: str | None) -> str:
    return _DUE_TONES.get(state, "neutral")


@register.filter
def due_label(state: str | None) -> str:
    return DueState(state).label if state else ""


@register.filter
def percent(value: float | None) -> str:
    return f"{round(value * 100)}%" if value is not None else ""


@register.filter
def due_of(report) -> str | None:
    """The due state of a report's current step (none once answered, closed or paused)."""
    from motcua.feedback.workflow import due_state

    return due_state(report.step_due)
