from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.complaints.models import (
    Complexity,
    Kind,
    ReceivedVia,
    ReceptionSession,
    VisitOutcome,
    VisitTopic,
)
from motcua.complaints.workflow import CaseAction
from motcua.organisations.forms import UnitChoiceField
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit


def _staff_of(unit):
    from motcua.accounts.models import User

    return (
        User.objects.filter(
            is_active=True,
            is_staff=True,
            memberships__is_active=True,
            memberships__unit__path__startswith=unit.path,
        )
        .exclude(memberships__role__code__in=["front_supervisor", "par_assessor"])
        .distinct()
        .order_by("full_name", "username")
    )


class CaseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect)
    unit = UnitChoiceField(
        label=_("Receiving authority"), queryset=Unit.objects.none(), to_field_name="slug"
    )
    received_via = forms.ChoiceField(label=_("Received"), choices=ReceivedVia.choices)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 6}))
    person_name = forms.CharField(
        label=_("Full name"),
        required=False,
        max_length=200,
        help_text=_("Leave empty for an anonymous denunciation: it is recorded, not processed."),
    )
    person_id_number = forms.CharField(label=_("Identity number"), required=False, max_length=20)
    person_address = forms.CharField(label=_("Address"), required=False, max_length=300)
    person_phone = forms.CharField(label=_("Phone number"), required=False, max_length=20)
    person_email = forms.EmailField(label=_("E-mail"), required=False)
    remote_area = forms.BooleanField(label=_("Remote or disadvantaged area"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from motcua.feedback.access import unit_scope

        scope = unit_scope(user, "")
        units = Unit.objects.active() if scope is None else Unit.objects.active().filter(scope)
        self.fields["unit"].queryset = (
            units.filter(kind__in=ADMINISTRATIVE_KINDS).exclude(depth=0).order_by("name")
        )


class CaseActionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, action: str, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action == CaseAction.ASSIGN:
            staff = _staff_of(case.unit)
            self.fields["handler"] = forms.ModelChoiceField(
                label=_("Handler"), queryset=staff, initial=case.handler_id
            )
            self.fields["verifiers"] = forms.ModelMultipleChoiceField(
                label=_("Verification team"),
                queryset=staff,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        elif action == CaseAction.EXTEND and case.kind == Kind.DENUNCIATION:
            self.fields["complexity"] = forms.ChoiceField(
                label=_("Complexity"),
                choices=[
                    (Complexity.COMPLEX, Complexity.COMPLEX.label),
                    (Complexity.VERY_COMPLEX, Complexity.VERY_COMPLEX.label),
                ],
                initial=case.complexity
                if case.complexity != Complexity.NORMAL
                else Complexity.COMPLEX,
            )
        elif action == CaseAction.TRANSFER:
            self.fields["transferred_to"] = forms.CharField(
                label=_("Competent body"), max_length=300
            )
        elif action == CaseAction.CONCLUDE:
            self.fields["outcome_number"] = forms.CharField(
                label=_("Document number"), max_length=60
            )
            self.fields["outcome_summary"] = forms.CharField(
                label=_("Decision or conclusion"), widget=forms.Textarea(attrs={"rows": 6})
            )
        self.order_fields([n for n in self.fields if n != "note"] + ["note"])

    @property
    def action_label(self):
        return CaseAction(self.action).label

    def transition_kwargs(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class SessionForm(forms.ModelForm):
    class Meta:
        model = ReceptionSession
        fields = [
            "date",
            "starts_at",
            "ends_at",
            "host_title",
            "location",
            "is_leader_session",
            "is_published",
            "note",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class VisitForm(forms.Form):
    visitor_name = forms.CharField(label=_("Visitor's name"), max_length=200)
    visitor_id_number = forms.CharField(label=_("Identity number"), required=False, max_length=20)
    visitor_address = forms.CharField(label=_("Address"), required=False, max_length=300)
    visitor_phone = forms.CharField(label=_("Phone number"), required=False, max_length=20)
    group_size = forms.IntegerField(label=_("Number of people"), min_value=1, initial=1)
    topic = forms.ChoiceField(label=_("Topic"), choices=VisitTopic.choices)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 4}))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=VisitOutcome.choices)
    outcome_note = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(label=_("Written reply"), widget=forms.Textarea(attrs={"rows": 4}))
