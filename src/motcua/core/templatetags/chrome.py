"""The public layout's site name, header and footer, drawn once and kept in the page cache.

They are the same for every anonymous visitor but for three values: the language switch's CSRF
token and the address it returns to, and the query in the search box. They are drawn once per
language and menu position with a marker in each of those places (``core/pagecache.py``) and
kept with the content version, so that a page which cannot be cached whole (a dossier's status
page, search results) renders only its own content. Signed-in users get them drawn for them
(the header shows their account), and so does everyone when the page cache is off.
"""

from django import template
from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from motcua.core.navigation import PUBLIC_MENU
from motcua.core.pagecache import CSRF_HOLE, content_fact, fragment_key, marker

register = template.Library()

PARTS = {
    "site_name": "components/atoms/site_name.html",  # in the title
    "header": "components/organisms/site_header.html",
    "footer": "components/organisms/site_footer.html",
}
#: Where one rendering keeps its menu position and the parts it fetched (the first part's
#: fetch brings them all; None when they are drawn for the visitor).
_STATE = "motcua.chrome"


def current_menu(path: str) -> tuple[str, ...]:
    """The addresses of the menu entries that the page at ``path`` belongs to."""
    if path == "/":
        return ("/",)
    return tuple(
        url for url in (item.url for item in PUBLIC_MENU.items) if url != "/" and url in path
    )


@register.simple_tag(takes_context=True)
def chrome(context, part: str) -> SafeString:
    """The layout's ``part``: "site_name", "header" or "footer"."""
    request = context.get("request")
    state = context.render_context.get(_STATE)
    if state is None:
        menu = current_menu(request.path if request else "")
        fetched = None
        # An error page may be drawn before the middleware gave the request a user, or
        # without the request: as for an anonymous visitor.
        user = getattr(request, "user", None)
        cacheable = request is not None and not getattr(user, "is_authenticated", False)
        if cacheable and settings.PAGE_CACHE_SECONDS > 0:
            key = fragment_key("chrome", get_language(), "|".join(menu))
            fetched = content_fact(key, lambda: _draw(context, menu))
        state = context.render_context[_STATE] = (menu, fetched)
    menu, fetched = state
    if fetched is None:
        with context.push(current_menu=menu):
            return context.template.engine.get_template(PARTS[part]).render(context)
    return fill(
        fetched[part],
        {
            CSRF_HOLE: context.get(CSRF_HOLE, ""),
            "next_path": request.get_full_path(),
            "search_query": context.get("search_query", ""),
        },
    )


def _draw(context, menu: tuple[str, ...]) -> dict[str, str]:
    return draw(context, PARTS, (CSRF_HOLE, "next_path", "search_query"), current_menu=menu)


def draw(context, parts: dict[str, str], holes: tuple[str, ...], **values) -> dict[str, str]:
    """Each of ``parts`` (name: template) drawn with ``values`` and a marker in place of each
    of ``holes`` (names in the context), for :func:`fill`."""
    with context.push(**values, **{name: marker(name) for name in holes}):
        return {
            part: context.template.engine.get_template(name).render(context)
            for part, name in parts.items()
        }


def fill(html: str, values: dict[str, object]) -> SafeString:
    """A part drawn by :func:`draw` with this request's value in each hole (escaped)."""
    for name, value in values.items():
        html = html.replace(marker(name), conditional_escape(value))
    return mark_safe(html)  # noqa: S308 (drawn by the templates, the values escaped)
