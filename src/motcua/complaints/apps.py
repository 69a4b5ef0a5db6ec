from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "motcua.complaints"
    label = "complaints"
    verbose_name = _("Complaints, denunciations and citizen reception")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import NavItem, register_public, register_staff

        register_public(
            NavItem(_("Citizen reception"), "complaints:schedule", order=300, in_header=False)
        )
        register_staff(
            NavItem(
                _("Complaints and denunciations"),
                "complaints:cases",
                order=300,
                roles=(
                    RoleCode.LEADER,
                    RoleCode.SPECIALIST,
                    RoleCode.ONE_STOP_OFFICER,
                    RoleCode.FRONT_SUPERVISOR,
                ),
            ),
            NavItem(
                _("Citizen reception"),
                "complaints:sessions",
                order=310,
                roles=(
                    RoleCode.LEADER,
                    RoleCode.SPECIALIST,
                    RoleCode.ONE_STOP_OFFICER,
                    RoleCode.FRONT_SUPERVISOR,
                ),
            ),
        )
