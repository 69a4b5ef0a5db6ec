from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "motcua.contests"
    label = "contests"
    verbose_name = _("Law quiz contests")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import NavItem, register_public, register_staff

        register_public(
            NavItem(_("Law quiz contests"), "contests:list", order=700, in_header=False)
        )
        register_staff(
            NavItem(
                _("Contests"),
                "contests:staff-list",
                order=350,
                roles=(RoleCode.EDITOR, RoleCode.LEADER),
            )
        )
