from django.utils.functional import SimpleLazyObject

from motcua.core.navigation import PUBLIC_MENU, STAFF_MENU
from motcua.organisations.selectors import (
    active_unit,
    has_role,
    is_administrator,
    portal_unit,
    staff_units,
)


def _staff_menu(user):
    is_admin = is_administrator(user)
    return [
        item
        for item in STAFF_MENU.items
        if (not item.admin_only or is_admin)
        and (not item.roles or is_admin or any(has_role(user, r) for r in item.roles))
    ]


def layout(request):
    """What the layouts need: the portal's unit and menus; for staff, their units and menu.
    Everything is lazy, so a page that does not show it costs no query."""
    context = {"portal_unit": SimpleLazyObject(portal_unit), "public_menu": PUBLIC_MENU.items}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        context.update(
            staff_menu=SimpleLazyObject(lambda: _staff_menu(user)),
            staff_units=SimpleLazyObject(lambda: staff_units(user)),
            active_unit=SimpleLazyObject(lambda: active_unit(request)),
        )
    return context
