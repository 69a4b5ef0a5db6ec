"""The feedback waiting for a staff member, for the back-office home."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.core.navigation import WorkItem
from motcua.feedback.models import Report, Status
from motcua.feedback.workflow import due_soon_limit
from motcua.organisations.selectors import has_role

ROLES = (RoleCode.ONE_STOP_OFFICER, RoleCode.SPECIALIST, RoleCode.LEADER)


def work_summary(request) -> list[WorkItem]:
    user = request.user
    if not any(has_role(user, role) for role in ROLES):
        return []
    today = timezone.localdate()
    counts = (
        Report.objects.visible_to(user)
        .open()
        .aggregate(
            overdue=Count("pk", filter=Q(step_due__lt=today)),
            due_soon=Count(
                "pk", filter=Q(step_due__gte=today, step_due__lte=due_soon_limit(today))
            ),
            to_triage=Count("pk", filter=Q(status=Status.RECEIVED)),
            to_approve=Count("pk", filter=Q(status=Status.AWAITING_APPROVAL)),
            mine=Count("pk", filter=Q(assigned_to=user)),
        )
    )
    url = reverse("feedback:queue")
    items = [
        WorkItem(
            _("Feedback overdue"), counts["overdue"], f"{url}?status=open&due=overdue", "danger"
        ),
        WorkItem(
            _("Feedback due soon"), counts["due_soon"], f"{url}?status=open&due=due_soon", "warning"
        ),
        WorkItem(_("Feedback to triage"), counts["to_triage"], f"{url}?status={Status.RECEIVED}"),
        WorkItem(_("Feedback assigned to you"), counts["mine"], f"{url}?status=open&mine=1"),
    ]
    if has_role(user, RoleCode.LEADER):
        items.append(
            WorkItem(
                _("Answers to approve"),
                counts["to_approve"],
                f"{url}?status={Status.AWAITING_APPROVAL}",
                "warning",
            )
        )
    return items
