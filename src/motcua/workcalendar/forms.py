from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.workcalendar.models import DayKind


class OverrideForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label=_("Kind"), choices=DayKind.choices)
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("For example: Day off in exchange for Saturday 22/8"),
    )
    legal_basis = forms.CharField(
        label=_("Decided by"),
        max_length=300,
        required=False,
        help_text=_("The document that decided it."),
    )
