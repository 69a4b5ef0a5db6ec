"""Who hears about a report's progress: the reporter (and the reporters of its duplicates, who
follow it) at acceptance, answer and closure; staff when a report is assigned to them, reopened
or late. Called inside the transition's transaction: ``notify`` delivers after the commit."""

from __future__ import annotations

from motcua.feedback.models import Report
from motcua.notifications.models import Channel
from motcua.notifications.services import Recipient, notify

#: Transition -> event sent to the reporter and the followers.
REPORTER_EVENTS = {
    "accept": "feedback.accepted",
    "reject": "feedback.rejected",
    "request_info": "feedback.info_requested",
    "approve": "feedback.answered",
    "close": "feedback.closed",
}


def reporter_recipients(report: Report, *, with_followers: bool = True) -> list[Recipient]:
    reports = [report]
    if with_followers:
        reports += list(report.duplicates.all())
    recipients = []
    for r in reports:
        if r.reporter_phone:
            recipients.append(Recipient(Channel.SMS, r.reporter_phone))
        if r.reporter_email:
            recipients.append(Recipient(Channel.EMAIL, r.reporter_email))
    return recipients


def staff_recipients(users) -> list[Recipient]:
    recipients = []
    for user in users:
        if user is None or not user.is_active:
            continue
        if user.email:
            recipients.append(Recipient(Channel.EMAIL, user.email))
        if user.phone:
            recipients.append(Recipient(Channel.SMS, user.phone))
    return recipients


def _context(report: Report, note: str = "") -> dict:
    return {
        "code": report.code,
        "category": report.category.name,
        "status": report.get_status_display(),
        "unit": report.unit.name,
        "handling_unit": report.handling_unit.name if report.handling_unit_id else "",
        "answer": report.answer,
        "note": note,
        "due_date": report.step_due,
    }


def after_transition(report: Report, action: str, *, note: str = "") -> None:
    cycle = str(report.reopen_count)
    event = REPORTER_EVENTS.get(action)
    if event:
        notify(
            event=event,
            recipients=reporter_recipients(
                report, with_followers=action not in ("reject", "request_info")
            ),
            context=_context(report, note),
            obj=report,
            unit_id=report.unit_id,
            key=cycle if action != "request_info" else f"{cycle}:{report.events.count()}",
        )
    if action == "assign" and report.assigned_to_id:
        notify(
            event="feedback.assigned",
            recipients=staff_recipients([report.assigned_to]),
            context=_context(report, note),
            obj=report,
            unit_id=report.unit_id,
            key=f"{report.assigned_to_id}:{report.events.count()}",
        )
    if action == "reopen" and report.assigned_to_id:
        notify(
            event="feedback.reopened",
            recipients=staff_recipients([report.assigned_to]),
            context=_context(report, note),
            obj=report,
            unit_id=report.unit_id,
            key=cycle,
        )


def late(report: Report, *, users, key: str) -> list:
    return notify(
        event="feedback.late",
        recipients=staff_recipients(users),
        context=_context(report),
        obj=report,
        unit_id=report.unit_id,
        key=key,
    )
