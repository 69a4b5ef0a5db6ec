from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "motcua.audit"
    label = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from motcua.core.navigation import NavItem, register_staff

        register_staff(NavItem(_("Audit trail"), "audit:log", order=900, admin_only=True))
