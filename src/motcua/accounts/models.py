import uuid

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.accounts.roles import RoleCode


class Role(models.Model):
    """A role a user holds in a unit (through a membership). Rows are created by a migration,
    one per :class:`RoleCode`; an administrator may adjust descriptions and scope."""

    code = models.CharField(_("code"), max_length=40, unique=True, choices=RoleCode.choices)
    description = models.TextField(_("description"), blank=True)
    is_staff_role = models.BooleanField(
        _("staff role"),
        default=True,
        help_text=_("Works in the back-office and must use two-factor authentication."),
    )
    sees_all_units = models.BooleanField(
        _("sees every unit"),
        default=False,
        help_text=_("Not limited to the units of the membership and the units below them."),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self):
        return RoleCode(self.code).label


class User(AbstractUser):
    """A person who signs in: staff of a unit, or a registered citizen."""

    public_id = models.UUIDField(
        _("public identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def get_short_name(self) -> str:
        return (self.full_name.split() or [self.username])[-1]
