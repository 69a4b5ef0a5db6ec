from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.uploads import DOCUMENT_KINDS, UploadField
from motcua.organisations.forms import UnitChoiceField
from motcua.par.models import Framework


class ScoreForm(forms.Form):
    points = forms.CharField(
        label=_("Points"),
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "points-input"}),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, note_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if note_label:
            self.fields["note"].label = note_label


class EvidenceForm(forms.Form):
    file = UploadField(label=_("Evidence file"), kinds=DOCUMENT_KINDS)
    name = forms.CharField(label=_("Document name"), max_length=300, required=False)


class TransitionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)


class StartForm(forms.Form):
    framework = forms.ModelChoiceField(
        label=_("Year"), queryset=Framework.objects.order_by("-year"), empty_label=None
    )
    unit = UnitChoiceField(label=_("Unit"), queryset=None, empty_label=None, to_field_name="slug")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class OnestopFilterForm(forms.Form):
    unit = UnitChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=None, to_field_name="slug"
    )
    nam = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
