from __future__ import annotations

import re
import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import User
from motcua.accounts.roles import RoleCode
from motcua.core.errors import DomainError
from motcua.core.forms import CleanTextForm
from motcua.core.uploads import DOCUMENT_KINDS, FormUploads, UploadField
from motcua.dossiers.models import ApplicantType, Channel, Dossier, Status
from motcua.dossiers.selectors import QUEUES
from motcua.dossiers.workflow import Transition
from motcua.organisations.forms import UnitChoiceField
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit
from motcua.procedures.models import ProcedureVersion

PHONE_RE = re.compile(r"^(\+84|0)\d{9,10}$")
PHONE_HELP = _("Used to send you messages about the dossier and to look it up.")


class ApplicantForm(CleanTextForm, forms.Form):
    applicant_type = forms.ChoiceField(
        label=_("You are"),
        choices=ApplicantType.choices,
        initial=ApplicantType.CITIZEN,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    organisation_name = forms.CharField(
        label=_("Organisation name"),
        max_length=300,
        required=False,
        help_text=_("Only when you apply for an organisation."),
    )
    id_number = forms.RegexField(
        label=_("ID card number"),
        regex=r"^\d{9}(\d{3})?$",
        max_length=12,
        required=False,
        error_messages={
            "invalid": _(
                "Enter the 12 digits of your citizen ID card (or the 9 digits of an old ID card)."
            )
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        help_text=PHONE_HELP,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )

    def clean_phone(self):
        phone = re.sub(r"[\s.\-]", "", self.cleaned_data["phone"])
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(
                _("Enter a Vietnamese phone number, e.g. 0903 123 456."), code="invalid"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("applicant_type") == ApplicantType.ORGANISATION and not cleaned.get(
            "organisation_name"
        ):
            self.add_error("organisation_name", _("Enter the organisation's name."))
        return cleaned


class SubmissionForm(ApplicantForm):
    """Online submission: the applicant, the ward, one file per required document."""

    unit = UnitChoiceField(
        label=_("Ward or commune where you file"),
        queryset=Unit.objects.none(),
        empty_label=_("— Choose —"),
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_(
            "I declare that the information is true and agree that it is used to process my dossier."
        )
    )

    field_order = [
        "unit",
        "applicant_type",
        "name",
        "organisation_name",
        "id_number",
        "phone",
        "email",
        "address",
    ]

    #: A hidden field the form carries when it shows files kept from an earlier attempt.
    FILES_KEPT = "files_kept"

    def __init__(self, *args, version: ProcedureVersion, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.fields["unit"].queryset = units
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)
        self.document_fields = []
        for document in version.documents.all():
            name = f"document_{document.pk}"
            self.fields[name] = UploadField(
                label=document.name,
                required=not document.is_optional,
                kinds=DOCUMENT_KINDS,
                help_text=" · ".join(
                    str(p)
                    for p in (
                        document.get_requirement_display(),
                        _("PDF, JPG, PNG or Word, at most 10 MB"),
                        document.note,
                    )
                    if p
                ),
            )
            self.document_fields.append((name, document))
        # Files kept from an earlier attempt at this same form (see core.uploads.FormUploads),
        # looked for only when the page that was sent showed some.
        self.kept_files = (
            FormUploads(self.data.get(self.add_prefix("idempotency_key"), "")).kept()
            if self.is_bound and self.data.get(self.add_prefix(self.FILES_KEPT))
            else {}
        )
        for name, _document in self.document_fields:
            if name in self.kept_files:
                self.fields[name].required = False

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name, _document in self.document_fields:
            if not self.cleaned_data.get(name) and name in self.kept_files:
                self.cleaned_data[name] = self.kept_files[name]
        if self.errors:
            self.keep_files()

    def refused(self, error: DomainError) -> None:
        """Show why the service refused the dossier, and keep the files for the next attempt."""
        self.add_error(error.field if error.field in self.fields else None, error.message)
        self.keep_files()

    def filed(self) -> None:
        """The dossier is filed: the files kept from earlier attempts are no longer needed."""
        if self.kept_files:
            FormUploads(self.cleaned_data["idempotency_key"]).discard()

    def keep_files(self) -> None:
        """Keep the files that passed their checks, for the next attempt at this form."""
        key = self.cleaned_data.get("idempotency_key")
        if not key:
            return
        checked = {
            name: self.cleaned_data[name]
            for name, _d in self.document_fields
            if self.cleaned_data.get(name)
        }
        new = {
            name: upload
            for name, upload in checked.items()
            if upload is not self.kept_files.get(name)
        }
        FormUploads(key).keep(new)
        self.kept_files.update(checked)

    def kept_name(self, field_name: str) -> str:
        upload = self.kept_files.get(field_name)
        return upload.name if upload else ""

    def document_rows(self):
        """(bound field, name of the file kept from an earlier attempt) for the template."""
        return [(self[name], self.kept_name(name)) for name, _document in self.document_fields]

    def applicant_fields(self):
        return [
            self[name]
            for name in (
                "applicant_type",
                "name",
                "organisation_name",
                "id_number",
                "phone",
                "email",
                "address",
            )
        ]

    def attachments(self):
        from motcua.dossiers.services import Attachment

        return [
            Attachment(upload=self.cleaned_data[name], requirement=doc)
            for name, doc in self.document_fields
            if self.cleaned_data.get(name)
        ]


class DeskReceptionForm(SubmissionForm):
    """An officer records a dossier brought to the desk, and decides the reception outcome."""

    OUTCOMES = [
        ("receive", _("Complete: receive and issue the receipt (form 01)")),
        ("request_documents", _("Incomplete: ask for the missing documents (form 02)")),
        ("refuse", _("Refuse to receive (form 03)")),
    ]
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[(Channel.DESK, Channel.DESK.label), (Channel.POSTAL, Channel.POSTAL.label)],
        initial=Channel.DESK,
    )
    outcome = forms.ChoiceField(
        label=_("Result of the check"),
        choices=OUTCOMES,
        widget=forms.RadioSelect,
        initial="receive",
    )
    items = forms.CharField(
        label=_("Missing documents, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label=_("Reason for refusing"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    fee_paid = forms.BooleanField(label=_("The fee was paid at the desk"), required=False)
    consent = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].required = False
        self.fields["address"].required = False
        for name, _document in self.document_fields:
            self.fields[name].required = False  # the outcome decides whether all are needed

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == "request_documents" and not cleaned.get("items", "").strip():
            self.add_error("items", _("List every missing document, one per line."))
        if cleaned.get("outcome") == "refuse" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for refusing."))
        return cleaned


class ActionForm(forms.Form):
    """The form of one workflow action, with the fields the action needs."""

    expected_status = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, transition: Transition, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        self.initial.setdefault("expected_status", dossier.status)
        needs = set(transition.needs)
        if "items" in needs:
            self.fields["items"] = forms.CharField(
                label=_("Documents to add, one per line"), widget=forms.Textarea(attrs={"rows": 3})
            )
        if "reason" in needs:
            self.fields["reason"] = forms.CharField(
                label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
            )
        if "department" in needs:
            self.fields["department"] = forms.ModelChoiceField(
                label=_("Department"),
                queryset=Unit.objects.active()
                .filter(path__startswith=dossier.processing_unit.path)
                .exclude(kind__in=ADMINISTRATIVE_KINDS)
                .order_by("name"),
            )
        if "assignee" in needs:
            where = dossier.department or dossier.processing_unit
            self.fields["assignee"] = forms.ModelChoiceField(
                label=_("Specialist"),
                queryset=User.objects.filter(
                    is_active=True,
                    memberships__is_active=True,
                    memberships__role__code=RoleCode.SPECIALIST,
                    memberships__unit__path__startswith=where.path,
                )
                .distinct()
                .order_by("full_name"),
            )
        if "unit" in needs:
            self.fields["unit"] = UnitChoiceField(
                label=_("Unit"),
                queryset=Unit.objects.active()
                .administrative()
                .exclude(pk=dossier.processing_unit_id)
                .order_by("depth", "name"),
            )
        if "new_date" in needs:
            self.fields["new_date"] = forms.DateField(
                label=_("New appointment date"), widget=forms.DateInput(attrs={"type": "date"})
            )
        if "amount" in needs:
            self.fields["amount"] = forms.DecimalField(
                label=_("Amount (VND)"), min_value=1, max_digits=12, decimal_places=0
            )
        if "note" in needs or transition.action in ("submit_for_approval", "approve"):
            self.fields["note"] = forms.CharField(
                label=_("Note"), required="note" in needs, widget=forms.Textarea(attrs={"rows": 2})
            )

    def data_for_service(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "expected_status"}
        if "items" in data:
            data["items"] = [
                line.strip(" -•\t") for line in data["items"].splitlines() if line.strip(" -•\t")
            ]
        return data


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Dossier code"),
        max_length=60,
        help_text=_("As printed on your receipt, e.g. 000.31.26.H29-261121-0001"),
    )
    secret = forms.CharField(
        label=_("Lookup code or phone number"),
        max_length=20,
        help_text=_("The 8-character code on your receipt, or the phone number you gave."),
    )


class SupplementForm(forms.Form):
    files = UploadField(label=_("Additional document"), kinds=DOCUMENT_KINDS)
    files_2 = UploadField(
        label=_("Another document (if needed)"), kinds=DOCUMENT_KINDS, required=False
    )
    files_3 = UploadField(
        label=_("Another document (if needed)"), kinds=DOCUMENT_KINDS, required=False
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you withdraw the dossier?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class QueueFilterForm(forms.Form):
    queue = forms.ChoiceField(
        required=False, choices=[(q, q) for q in QUEUES], widget=forms.HiddenInput
    )
    q = forms.CharField(label=_("Code, applicant or phone"), required=False, max_length=100)
    status = forms.TypedChoiceField(
        label=_("Status"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("All")), *Status.choices],
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All")), *Channel.choices]
    )
    received_from = forms.DateField(
        label=_("Submitted from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Submitted until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class BulkAssignForm(forms.Form):
    codes = forms.MultipleChoiceField(label=_("Dossiers"), widget=forms.CheckboxSelectMultiple)
    assignee = forms.ModelChoiceField(
        label=_("Assign the selected dossiers to"), queryset=User.objects.none()
    )

    def __init__(self, *args, unit: Unit | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            User.objects.filter(
                is_active=True,
                memberships__is_active=True,
                memberships__role__code=RoleCode.SPECIALIST,
                memberships__unit__path__startswith=unit.path if unit else "-",
            )
            .distinct()
            .order_by("full_name")
        )
        # Listed with one plain query: a model choice field would read its queryset through
        # a server-side cursor, a round trip more on every queue page.
        field = self.fields["assignee"]
        field.choices = [
            ("", field.empty_label),
            *((user.pk, field.label_from_instance(user)) for user in field.queryset),
        ]

    def full_clean(self):
        # The dossier codes are checked against the user's queue by the view, not listed here.
        self.fields["codes"].choices = (
            [(c, c) for c in self.data.getlist("codes")] if self.is_bound else []
        )
        super().full_clean()
