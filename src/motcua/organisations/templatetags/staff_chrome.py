"""The staff layout's site name, top bar and menu, drawn once per user and kept in the cache.

They are drawn from the user (name, units, roles), the unit they work in, the language and
the menu entry of the page, and from two values of the request: the CSRF token of their forms
and the address the unit and language switches return to. They are drawn with a marker in
each of those two places and kept under a key made of everything else they are drawn from,
so that a new name, unit or role draws them anew; ``PAGE_CACHE_SECONDS`` bounds the rest
(the portal unit's name in the title, a deploy). With the page cache off they are drawn on
every page.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from motcua.core.navigation import STAFF_MENU
from motcua.core.pagecache import CSRF_HOLE, fragment_key
from motcua.core.templatetags.chrome import draw, fill
from motcua.organisations.selectors import active_unit, memberships_of

register = template.Library()

PARTS = {
    "site_name": "components/atoms/site_name.html",  # in the title
    "topbar": "components/organisms/staff_topbar.html",
    "sidebar": "components/organisms/staff_sidebar.html",
}
HOLES = (CSRF_HOLE, "next_path")
#: Where one rendering keeps the parts it fetched (the first part's fetch brings them all).
_STATE = "motcua.staff_chrome"


@register.simple_tag(takes_context=True)
def staff_chrome(context, part: str) -> SafeString | str:
    """The staff layout's ``part``: "site_name", "topbar" or "sidebar"."""
    request = context["request"]
    if settings.PAGE_CACHE_SECONDS <= 0:
        return context.template.engine.get_template(PARTS[part]).render(context)
    parts = context.render_context.get(_STATE)
    if parts is None:
        key = fragment_key("staff-chrome", _drawn_from(request))
        parts = cache.get(key)
        if parts is None:
            parts = draw(context, PARTS, HOLES)
            cache.set(key, parts, settings.PAGE_CACHE_SECONDS)
        context.render_context[_STATE] = parts
    return fill(
        parts[part],
        {CSRF_HOLE: context.get(CSRF_HOLE, ""), "next_path": request.get_full_path()},
    )


def _drawn_from(request) -> str:
    """A digest of what the parts are drawn from, but the holes."""
    user = request.user
    unit = active_unit(request)
    drawn_from = (
        get_language(),
        user.pk,
        user.get_full_name(),
        user.is_superuser,
        [
            (m.unit.pk, m.unit.public_id, m.unit.name, m.role.code, m.role.sees_all_units)
            for m in memberships_of(user)
        ],
        unit.pk if unit else None,
        # The menu entry marked as the current page.
        getattr(request.resolver_match, "url_name", "") == "staff-home",
        request.path if any(item.url == request.path for item in STAFF_MENU.items) else "",
    )
    return hashlib.sha256(repr(drawn_from).encode()).hexdigest()[:32]
