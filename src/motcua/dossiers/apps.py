from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "motcua.dossiers"
    label = "dossiers"
    verbose_name = _("One-stop dossiers")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.core.navigation import (
            NavItem,
            register_public,
            register_staff,
            register_work_summary,
        )
        from motcua.dossiers import queuecache
        from motcua.dossiers.models import Dossier
        from motcua.dossiers.summary import work_summary

        queuecache.connect(Dossier)
        register_work_summary(work_summary)

        register_public(NavItem(_("Look up a dossier"), "dossiers:lookup", order=200))
        staff_roles = (RoleCode.ONE_STOP_OFFICER, RoleCode.SPECIALIST, RoleCode.LEADER)
        register_staff(
            NavItem(_("Dossiers"), "dossiers:queue", order=100, roles=staff_roles),
            NavItem(
                _("Desk reception"), "dossiers:desk", order=110, roles=(RoleCode.ONE_STOP_OFFICER,)
            ),
            NavItem(_("Register of dossiers"), "dossiers:register", order=120, roles=staff_roles),
        )
