from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "motcua.organisations"
    label = "organisations"
    verbose_name = _("Organisation")

    def ready(self):
        from motcua.core.navigation import NavItem, register_public

        register_public(NavItem(_("Units and hotlines"), "organisations:directory", order=900))
