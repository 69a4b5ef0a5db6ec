from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import CleanTextForm
from motcua.organisations.forms import UnitChoiceField
from motcua.surveys.models import Level, QuestionKind, Reason


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Dossier code"), max_length=60)
    secret = forms.CharField(
        label=_("Lookup code or phone number"),
        max_length=20,
        help_text=_("Printed on your receipt, next to the QR code."),
    )


class RatingForm(CleanTextForm, forms.Form):
    level = forms.ChoiceField(
        label=_("How satisfied are you with how your dossier was handled?"),
        choices=Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how satisfied you are.")},
    )
    reasons = forms.MultipleChoiceField(
        label=_("Why? (optional)"),
        choices=Reason.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comment = forms.CharField(
        label=_("Your comment (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class KioskSearchForm(forms.Form):
    q = forms.CharField(label=_("Dossier code"), max_length=60, required=False)


def _default_period() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    first = today.replace(day=1)
    end = first - dt.timedelta(days=1)
    start = (end.replace(day=1) - dt.timedelta(days=62)).replace(day=1)
    return start, end


class CampaignForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=None, empty_label=None, to_field_name="slug")
    title = forms.CharField(label=_("Title"), max_length=300)
    introduction = forms.CharField(
        label=_("Introduction shown to respondents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    period_start = forms.DateField(
        label=_("Dossiers returned from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Dossiers returned until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    sample_size = forms.IntegerField(label=_("Number of invitations"), min_value=1, initial=100)
    seed = forms.IntegerField(
        label=_("Sampling seed"),
        min_value=1,
        initial=1,
        help_text=_("The same seed on the same dossiers draws the same sample."),
    )

    def __init__(self, *args, units=None, **kwargs):
        start, end = _default_period()
        kwargs.setdefault("initial", {}).update(period_start=start, period_end=end)
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ResponseForm(CleanTextForm, forms.Form):
    """One field per question, named by the question's code."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            label = question.text
            if question.kind == QuestionKind.TEXT:
                field = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
                )
            elif question.kind == QuestionKind.SCALE:
                choices = [(str(n), str(n)) for n in range(1, question.scale_max + 1)]
                field = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    required=False,
                    widget=forms.RadioSelect(attrs={"class": "scale"}),
                    help_text=_("1: very dissatisfied … %(max)d: very satisfied")
                    % {"max": question.scale_max},
                )
            elif question.kind == QuestionKind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    label=label,
                    choices=[(c["value"], c["label"]) for c in question.choices],
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
            else:
                field = forms.ChoiceField(
                    label=label,
                    choices=[(c["value"], c["label"]) for c in question.choices],
                    required=False,
                    widget=forms.RadioSelect,
                )
            field.question = question
            field.required_answer = question.required
            self.fields[question.code] = field

    def raw(self) -> dict:
        data = {}
        for question in self.questions:
            if question.kind == QuestionKind.MULTIPLE:
                data[question.code] = self.data.getlist(question.code)
            else:
                data[question.code] = self.data.get(question.code, "")
        return data
