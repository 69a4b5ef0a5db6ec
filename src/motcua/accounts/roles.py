"""The roles of PRODUCT.md §1. Their codes are what workflow transition tables refer to; the
``Role`` table holds one row per code with the scope each role has."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoleCode(models.TextChoices):
    CITIZEN = "citizen", _("Citizen or organisation")
    ONE_STOP_OFFICER = "one_stop_officer", _("One-stop officer")
    SPECIALIST = "specialist", _("Specialist")
    LEADER = "leader", _("Leader")
    EDITOR = "editor", _("Editor")
    FRONT_SUPERVISOR = "front_supervisor", _("Fatherland Front supervisor")
    PAR_ASSESSOR = "par_assessor", _("PAR assessor")
    ADMINISTRATOR = "administrator", _("Administrator")


STAFF_ROLES = frozenset(RoleCode) - {RoleCode.CITIZEN}
