from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.core.errors import DomainError
from motcua.workcalendar import services
from motcua.workcalendar.calendar import WorkingCalendar
from motcua.workcalendar.forms import OverrideForm
from motcua.workcalendar.models import CalendarOverride


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@staff_required(admin=True)
def calendar_admin(request):
    """Statutory holidays of a year beside the administrator's overrides, and a form to add one."""
    year = _year(request)
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.calendar_override_set(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The working calendar was updated."))
            return redirect(
                f"{reverse('workcalendar:admin')}?year={form.cleaned_data['date'].year}"
            )
    statutory = WorkingCalendar.build([year])
    overrides = CalendarOverride.objects.filter(date__year=year)
    return render(
        request,
        "workcalendar/calendar_admin.html",
        {
            "year": year,
            "holidays": sorted(statutory.days_off.items()),
            "overrides": overrides,
            "form": form,
            "years": range(year - 1, year + 2),
        },
    )


@staff_required(admin=True)
@require_POST
def override_delete(request, pk: int):
    override = get_object_or_404(CalendarOverride, pk=pk)
    year = override.date.year
    services.calendar_override_delete(actor=request.user, override=override)
    messages.success(request, _("The entry was removed."))
    return redirect(f"{reverse('workcalendar:admin')}?year={year}")
