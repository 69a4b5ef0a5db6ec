from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkCalendarConfig(AppConfig):
    name = "motcua.workcalendar"
    label = "workcalendar"
    verbose_name = _("Working calendar")

    def ready(self):
        from motcua.core.navigation import NavItem, register_staff

        register_staff(
            NavItem(_("Working calendar"), "workcalendar:admin", order=850, admin_only=True)
        )
