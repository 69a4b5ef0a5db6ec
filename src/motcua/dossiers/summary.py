"""The dossiers waiting for a staff member, for the back-office home."""

from django.urls import reverse
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.core.navigation import WorkItem
from motcua.dossiers.selectors import queue_counts
from motcua.organisations.selectors import active_unit, has_role

ROLES = (RoleCode.ONE_STOP_OFFICER, RoleCode.SPECIALIST, RoleCode.LEADER)


def work_summary(request) -> list[WorkItem]:
    user = request.user
    if not any(has_role(user, role) for role in ROLES):
        return []
    counts = queue_counts(user, unit=active_unit(request))
    url = reverse("dossiers:queue")
    return [
        WorkItem(_("Dossiers overdue"), counts["overdue"], f"{url}?queue=overdue", "danger"),
        WorkItem(_("Dossiers due soon"), counts["due_soon"], f"{url}?queue=due_soon", "warning"),
        WorkItem(_("Dossiers to receive"), counts["to_receive"], f"{url}?queue=to_receive"),
        WorkItem(_("Dossiers assigned to you"), counts["mine"], f"{url}?queue=mine"),
        WorkItem(_("Results to return"), counts["to_return"], f"{url}?queue=to_return"),
    ]
