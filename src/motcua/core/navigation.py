"""Menus assembled from what each app registers in its ``AppConfig.ready()``.

An app adds its entries with ``register_public(...)`` / ``register_staff(...)``; the layouts
show them in ``order``. A staff entry may name the roles that see it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.urls import get_script_prefix, get_urlconf, reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 100
    roles: tuple[str, ...] = ()
    admin_only: bool = False
    icon: str = ""
    #: Public entries: shown in the header menu too (all are shown on the home page).
    in_header: bool = True

    @property
    def url(self) -> str:
        return _menu_url(self.url_name, get_script_prefix(), get_urlconf())


@functools.lru_cache(maxsize=256)
def _menu_url(url_name: str, script_prefix: str, urlconf: str | None) -> str:
    """A menu entry's address, reversed once per process: it takes no argument, so it depends
    only on the script prefix and the URLconf (the menus are drawn on every page). Bounded:
    the script prefix comes from each request's WSGI environment."""
    return reverse(url_name, urlconf=urlconf)


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


@dataclass(frozen=True)
class WorkItem:
    """One line of a staff member's "waiting for you" summary on the back-office home."""

    label: str
    count: int
    url: str
    tone: str = "info"  # info | warning | danger


WORK_SUMMARIES: list = []


def register_work_summary(summary) -> None:
    """``summary(request) -> list[WorkItem]``, called on the back-office home."""
    if summary not in WORK_SUMMARIES:
        WORK_SUMMARIES.append(summary)


def work_items(request) -> list[WorkItem]:
    return [item for summary in WORK_SUMMARIES for item in summary(request) if item.count]
