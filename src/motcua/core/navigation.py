"""Menus assembled from what each app registers in its ``AppConfig.ready()``.

An app adds its entries with ``register_public(...)`` / ``register_staff(...)``; the layouts
show them in ``order``. A staff entry may name the roles that see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 100
    roles: tuple[str, ...] = ()
    admin_only: bool = False
    icon: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_name)


@dataclass
class Menu:
    items: list[NavItem] = field(default_factory=list)

    def add(self, *items: NavItem) -> None:
        known = {item.url_name for item in self.items}
        self.items.extend(item for item in items if item.url_name not in known)
        self.items.sort(key=lambda item: item.order)


PUBLIC_MENU = Menu()
STAFF_MENU = Menu()


def register_public(*items: NavItem) -> None:
    PUBLIC_MENU.add(*items)


def register_staff(*items: NavItem) -> None:
    STAFF_MENU.add(*items)
