from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import CleanTextForm
from motcua.organisations.forms import UnitChoiceField
from motcua.organisations.models import Unit


class EntrantForm(CleanTextForm, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=120)
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("One entry per phone number in each round. Used to contact the winners."),
    )
    ward = UnitChoiceField(
        label=_("Ward or commune where you live"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("— Choose —"),
    )

    def __init__(self, *args, wards=None, **kwargs):
        super().__init__(*args, **kwargs)
        if wards is not None:
            self.fields["ward"].queryset = wards


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    choice_1 = forms.CharField(label=_("Answer A"), max_length=500)
    choice_2 = forms.CharField(label=_("Answer B"), max_length=500)
    choice_3 = forms.CharField(label=_("Answer C"), max_length=500, required=False)
    choice_4 = forms.CharField(label=_("Answer D"), max_length=500, required=False)
    correct = forms.TypedChoiceField(
        label=_("Correct answer"),
        coerce=int,
        choices=[(0, "A"), (1, "B"), (2, "C"), (3, "D")],
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(
        label=_("Explanation of the answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def answers_from(data) -> dict[str, str]:
    """The chosen answers in a submitted entry: fields "q-<question id>" = "<choice id>"."""
    return {key[2:]: value for key, value in data.items() if key.startswith("q-")}


def guess_from(data) -> int | None:
    try:
        value = int(str(data.get("guess", "")).strip())
    except ValueError:
        return None
    return value if 0 <= value <= 10_000_000 else None
