"""The tree of units (province, ward, departments and bodies) and who works in which."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import Role
from motcua.core.models import BaseModel
from motcua.core.text import fold
from motcua.organisations.scoping import ScopedQuerySet


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Province / centrally-run city")
    DISTRICT = "district", _("District (historical)")
    WARD = "ward", _("Ward")
    COMMUNE = "commune", _("Commune")
    SPECIAL_ZONE = "special_zone", _("Special zone")
    DEPARTMENT = "department", _("Department or office")
    SERVICE_CENTER = "service_center", _("Public administration service center")
    FRONT = "front", _("Fatherland Front committee")
    POLICE = "police", _("Police")
    OTHER = "other", _("Other body")


ADMINISTRATIVE_KINDS = {
    UnitKind.PROVINCE,
    UnitKind.DISTRICT,
    UnitKind.WARD,
    UnitKind.COMMUNE,
    UnitKind.SPECIAL_ZONE,
}


class UnitQuerySet(ScopedQuerySet):
    scope_field = ""

    def administrative(self):
        return self.filter(kind__in=ADMINISTRATIVE_KINDS)

    def active(self):
        return self.filter(is_active=True)


class Unit(BaseModel):
    """A unit of any level. ``path`` is the chain of ids from the root ("/1/12/40/") so that a
    whole subtree is one indexed prefix query."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, editable=False, db_index=True)
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    name = models.CharField(_("official name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    search_name = models.CharField(
        max_length=255, editable=False, db_index=True, help_text="Folded name, for search."
    )
    slug = models.SlugField(_("address in URLs"), max_length=120, unique=True)
    gso_code = models.CharField(
        _("administrative unit code (GSO)"), max_length=10, blank=True, db_index=True
    )
    identifier_code = models.CharField(
        _("electronic identifier code"),
        max_length=40,
        blank=True,
        help_text=_("Used in dossier codes, e.g. 000.21.35.H29."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    hotline = models.CharField(_("hotline"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    feedback_mailbox = models.CharField(
        _("feedback mailbox"),
        max_length=300,
        blank=True,
        help_text=_("E-mail or postal mailbox for citizens' feedback."),
    )
    website = models.URLField(_("website"), blank=True)
    morning_opens = models.TimeField(_("morning opens"), default=dt.time(7, 30))
    morning_closes = models.TimeField(_("morning closes"), default=dt.time(11, 30))
    afternoon_opens = models.TimeField(_("afternoon opens"), default=dt.time(13, 0))
    afternoon_closes = models.TimeField(_("afternoon closes"), default=dt.time(17, 0))
    receives_saturday_morning = models.BooleanField(
        _("receives on Saturday morning"), default=False
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_units",
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """Keep ``path`` and ``depth`` in step with ``parent``, moving the subtree along."""
        self.search_name = fold(f"{self.name} {self.short_name}")
        if self.pk is None:
            self.path = "/"  # placeholder: the path ends with the id, not known before the insert
            super().save(*args, **kwargs)
            kwargs.pop("force_insert", None)
        old_path = self.path
        if self.parent_id and old_path != "/" and self.parent.path.startswith(old_path):
            raise ValueError("A unit cannot be placed below itself.")
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        self.path, self.depth = new_path, new_path.count("/") - 2
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "path", "depth", "search_name"}
        super().save(*args, **kwargs)
        if old_path not in ("/", new_path):
            for child in (
                Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).order_by("depth")
            ):
                child.path = new_path + child.path[len(old_path) :]
                child.depth = child.path.count("/") - 2
                Unit.objects.filter(pk=child.pk).update(path=child.path, depth=child.depth)

    def ancestors(self) -> UnitQuerySet:
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        return Unit.objects.filter(id__in=ids).order_by("depth")

    def descendants(self, include_self: bool = True) -> UnitQuerySet:
        qs = Unit.objects.filter(path__startswith=self.path)
        return qs if include_self else qs.exclude(pk=self.pk)

    def administrative_unit(self) -> Unit:
        """The ward / province a department belongs to (itself if it is one)."""
        if self.kind in ADMINISTRATIVE_KINDS:
            return self
        return self.ancestors().filter(kind__in=ADMINISTRATIVE_KINDS).last() or self

    @property
    def office_hours_text(self) -> str:
        return (
            f"{self.morning_opens:%H:%M}–{self.morning_closes:%H:%M}, "
            f"{self.afternoon_opens:%H:%M}–{self.afternoon_closes:%H:%M}"
        )


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Membership(models.Model):
    """A user holds a role in a unit, and with it sees that unit and every unit below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.ForeignKey(
        Role, verbose_name=_("role"), on_delete=models.PROTECT, related_name="memberships"
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.role} — {self.unit}"
