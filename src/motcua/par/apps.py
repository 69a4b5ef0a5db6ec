from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParConfig(AppConfig):
    name = "motcua.par"
    label = "par"
    verbose_name = _("Reform indices")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import NavItem, register_staff
        from motcua.par import rollup

        rollup.connect()

        register_staff(
            NavItem(
                _("PAR index"),
                "par:assessments",
                order=320,
                roles=(RoleCode.LEADER, RoleCode.PAR_ASSESSOR, RoleCode.FRONT_SUPERVISOR),
            ),
            NavItem(
                _("One-stop evaluation"),
                "par:onestop",
                order=330,
                roles=(RoleCode.LEADER, RoleCode.PAR_ASSESSOR, RoleCode.FRONT_SUPERVISOR),
            ),
        )
