from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "motcua.consultations"
    label = "consultations"
    verbose_name = _("Consultation on drafts")

    def ready(self):
        from motcua.accounts.roles import RoleCode
        from motcua.consultations.search import ConsultationProvider
        from motcua.core.navigation import NavItem, register_public, register_staff
        from motcua.search.registry import register

        register_public(NavItem(_("Comment on drafts"), "consultations:list", order=300))
        register_staff(
            NavItem(
                _("Drafts for comment"),
                "consultations:staff-list",
                order=330,
                roles=(RoleCode.EDITOR, RoleCode.LEADER, RoleCode.SPECIALIST),
            ),
            NavItem(
                _("Social criticism"),
                "consultations:staff-opinion",
                order=340,
                roles=(RoleCode.FRONT_SUPERVISOR,),
            ),
        )
        register(ConsultationProvider())
