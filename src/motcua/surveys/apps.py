from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "motcua.surveys"
    label = "surveys"
    verbose_name = _("Satisfaction surveys")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import NavItem, register_public, register_staff

        register_public(NavItem(_("Rate our service"), "surveys:start", order=210, in_header=False))
        register_staff(
            NavItem(
                _("Rating kiosk"), "surveys:kiosk", order=130, roles=(RoleCode.ONE_STOP_OFFICER,)
            ),
            NavItem(
                _("Satisfaction surveys"),
                "surveys:campaigns",
                order=310,
                roles=(RoleCode.LEADER, RoleCode.PAR_ASSESSOR, RoleCode.FRONT_SUPERVISOR),
            ),
        )
