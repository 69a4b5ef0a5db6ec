from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "motcua.dashboards"
    label = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import NavItem, register_public, register_staff

        register_public(NavItem(_("Reform indices"), "dashboards:public", order=300))
        register_staff(
            NavItem(
                _("Dashboard"),
                "dashboards:staff",
                order=300,
                roles=(RoleCode.LEADER, RoleCode.PAR_ASSESSOR, RoleCode.FRONT_SUPERVISOR),
            ),
        )
