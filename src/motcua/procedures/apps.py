from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "motcua.procedures"
    label = "procedures"
    verbose_name = _("Administrative procedures")

    def ready(self):
        from motcua.core.navigation import NavItem, register_public, register_staff
        from motcua.core.pagecache import invalidate_on_change
        from motcua.procedures.search import ProcedureProvider
        from motcua.search.registry import register

        register(ProcedureProvider())

        register_public(NavItem(_("Administrative procedures"), "procedures:catalogue", order=200))
        register_staff(
            NavItem(
                _("Import and export procedures"),
                "procedures:transfer",
                order=800,
                admin_only=True,
            )
        )
        # Procedure pages are cached for visitors: any change to the catalogue shows at once.
        catalogue = ("ProcedureField", "Procedure", "ProcedureVersion", "RequiredDocument")
        invalidate_on_change(*(self.get_model(name) for name in catalogue))
