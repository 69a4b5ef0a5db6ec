from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.core.navigation import work_items
from motcua.organisations import selectors
from motcua.organisations.models import Unit


def directory(request):
    """Public directory: the units under the portal with their contacts (address, working
    hours, Saturday reception, hotline, feedback mailbox)."""
    query = request.GET.get("q", "").strip()[:100]
    within = selectors.portal_unit()
    units = selectors.directory_units(within=within, query=query)
    page = Paginator(units, 30).get_page(request.GET.get("page"))
    return render(
        request, "organisations/directory.html", {"page": page, "query": query, "within": within}
    )


def unit_detail(request, slug: str):
    unit = get_object_or_404(Unit.objects.active().select_related("parent", "leader"), slug=slug)
    return render(
        request,
        "organisations/unit_detail.html",
        {
            "unit": unit,
            "bodies": selectors.unit_bodies(unit),
            "sub_units": selectors.directory_units(within=unit)[:200],
        },
    )


@staff_required
def staff_home(request):
    """The back-office landing page: where the user works and what they can do."""
    return render(
        request,
        "organisations/staff_home.html",
        {"memberships": selectors.memberships_of(request.user), "work_items": work_items(request)},
    )


@staff_required
@require_POST
def switch_unit(request):
    """Choose the unit the back-office works in (among the user's own units)."""
    wanted = request.POST.get("unit", "")
    if any(str(unit.public_id) == wanted for unit in selectors.staff_units(request.user)):
        request.session[selectors.ACTIVE_UNIT_SESSION_KEY] = wanted
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "organisations:staff-home"
    return redirect(target)
