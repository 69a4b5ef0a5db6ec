"""Forms for feedback: the public intake form, staff entry, triage and workflow actions,
the reporter's lookup and rating, routing rules."""

from __future__ import annotations

import re
import uuid
from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import CleanTextForm
from motcua.core.uploads import IMAGE_KINDS, UploadError, UploadField, clean_upload
from motcua.feedback import selectors
from motcua.feedback.access import role_paths
from motcua.feedback.models import Category, Channel, Rating, RejectReason, Report, RoutingRule
from motcua.feedback.services import MAX_PHOTOS, normalise_code
from motcua.feedback.workflow import Action
from motcua.organisations.forms import UnitChoiceField
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Membership, Unit

_PHONE = re.compile(r"^(?:\+84|0)\d{8,10}$")


class CategoryChoiceField(forms.ChoiceField):
    """A category among the active ones without sub-categories, grouped under their group."""

    def __init__(self, **kwargs):
        super().__init__(choices=self._choices_tree, **kwargs)

    @staticmethod
    def _choices_tree():
        choices: list = [("", _("— Choose the category —"))]
        for group, children in selectors.categories_tree():
            if children:
                choices.append((group.name, [(c.code, c.name) for c in children]))
            else:
                choices.append((group.code, group.name))
        return choices

    def clean(self, value):
        code = super().clean(value)
        if not code:
            return None
        category = (
            Category.objects.filter(code=code, is_active=True).select_related("parent").first()
        )
        if category is None:
            raise forms.ValidationError(_("Choose a category from the list."))
        return category


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(UploadField):
    """Up to ``MAX_PHOTOS`` images, each sniffed, size-capped and re-encoded."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp", "capture": "environment"}
            ),
        )
        super().__init__(kinds=IMAGE_KINDS, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [f for f in files if f]
        if not files:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("Attach at most %(n)d photos.") % {"n": MAX_PHOTOS}, code="too_many"
            )
        cleaned = []
        for upload in files:
            try:
                cleaned.append(clean_upload(upload, kinds=self.kinds, max_bytes=self.max_bytes))
            except UploadError as error:
                raise forms.ValidationError(error.message, code=error.code) from error
        return cleaned


def _clean_phone(value: str) -> str:
    phone = re.sub(r"[\s.\-()]", "", value or "")
    if phone and not _PHONE.match(phone):
        raise forms.ValidationError(_("Enter a Vietnamese phone number, e.g. 0903 123 456."))
    return phone


class ReportForm(CleanTextForm, forms.Form):
    """The public intake form (also the base of the staff entry form)."""

    unit = UnitChoiceField(
        label=_("Ward where the problem is"),
        queryset=Unit.objects.none(),
        to_field_name="slug",
        empty_label=_("— Choose the ward —"),
    )
    category = CategoryChoiceField(label=_("Category"))
    description = forms.CharField(
        label=_("Describe the problem"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What is happening, since when, how it affects you."),
    )
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to 5 photos (JPEG, PNG, WebP). Location data in photos is removed."),
    )
    address = forms.CharField(
        label=_("Address or place"),
        required=False,
        max_length=300,
        help_text=_(
            "For example: in front of 120 Nơ Trang Long. The house number is not published."
        ),
    )
    latitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    longitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    official_unit = UnitChoiceField(
        label=_("Unit of the official concerned"),
        queryset=Unit.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("— I do not know —"),
    )
    reporter_name = forms.CharField(label=_("Your name"), required=False, max_length=200)
    reporter_phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    reporter_email = forms.EmailField(label=_("E-mail"), required=False)
    is_public = forms.BooleanField(
        label=_("The content may be published (without my name or contact)"),
        required=False,
        initial=True,
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, category: Category | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = self.ward_queryset()
        self.fields["official_unit"].queryset = Unit.objects.active().exclude(depth=0)
        self.fields["idempotency_key"].initial = uuid.uuid4().hex
        self.fields["category"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("feedback:questions"),
                "hx-target": "#fb-questions",
                "hx-trigger": "change",
            }
        )
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.category = category or self._posted_category()
        self.question_fields = []
        for question in (self.category.questions if self.category else None) or []:
            name = f"q_{question['key']}"
            self.fields[name] = self._question_field(question)
            self.question_fields.append(name)

    def ward_queryset(self):
        return selectors.intake_wards()

    @property
    def question_bound_fields(self):
        return [self[name] for name in self.question_fields]

    def _posted_category(self) -> Category | None:
        code = self.data.get("category") or self.initial.get("category") or ""
        if not code:
            return None
        return Category.objects.filter(code=code, is_active=True).first()

    @staticmethod
    def _question_field(question: dict) -> forms.Field:
        label, required = question.get("label", question["key"]), bool(question.get("required"))
        kind = question.get("type", "text")
        if kind == "choice":
            return forms.ChoiceField(
                label=label,
                required=required,
                choices=[("", "—"), *((c, c) for c in question.get("choices", []))],
            )
        if kind == "yesno":
            return forms.ChoiceField(
                label=label,
                required=required,
                choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
            )
        return forms.CharField(label=label, required=required, max_length=500)

    def clean_reporter_phone(self):
        return _clean_phone(self.cleaned_data.get("reporter_phone", ""))

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            cleaned["latitude"] = cleaned["longitude"] = None
        return cleaned

    def details(self) -> dict:
        return {name[2:]: self.cleaned_data.get(name, "") for name in self.question_fields}

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "unit": data["unit"],
            "category": data["category"],
            "description": data["description"],
            "details": self.details(),
            "address": data.get("address", ""),
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
            "reporter_name": data.get("reporter_name", ""),
            "reporter_phone": data.get("reporter_phone", ""),
            "reporter_email": data.get("reporter_email", ""),
            "is_public": bool(data.get("is_public")),
            "official_unit": data.get("official_unit"),
            "photos": data.get("photos") or [],
            "idempotency_key": data.get("idempotency_key"),
        }

    def add_service_error(self, error) -> None:
        field = error.field if error.field in self.fields else None
        self.add_error(field, error.message)


INTAKE_ROLES = ("one_stop_officer", "leader")
STAFF_CHANNELS = [
    (Channel.HOTLINE, Channel.HOTLINE.label),
    (Channel.DESK, Channel.DESK.label),
    (Channel.MAILBOX, Channel.MAILBOX.label),
]


class StaffReportForm(ReportForm):
    """Staff record a report received by phone, at the desk or in the mailbox."""

    channel = forms.ChoiceField(label=_("Received by"), choices=STAFF_CHANNELS)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields["is_public"].label = _("The content may be published")
        self.fields["reporter_name"].label = _("Reporter's name")
        self.order_fields(["channel"])

    def ward_queryset(self):
        """Wards where the user may record reports (one-stop desk or leader)."""
        paths = [p for role, p in role_paths(self.user) if role in INTAKE_ROLES]
        if not paths:
            return Unit.objects.none()
        return (
            Unit.objects.active()
            .filter(reduce(or_, (Q(path__startswith=p) for p in paths)))
            .filter(kind__in=ADMINISTRATIVE_KINDS)
            .exclude(depth=0)
            .order_by("name")
        )

    def service_kwargs(self) -> dict:
        return {**super().service_kwargs(), "channel": self.cleaned_data["channel"]}


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)
    secret = forms.CharField(
        label=_("Secret code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        return normalise_code(self.cleaned_data["code"])


class RatingForm(CleanTextForm, forms.Form):
    rating = forms.ChoiceField(
        label=_("Are you satisfied with the answer?"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SupplyInfoForm(CleanTextForm, forms.Form):
    note = forms.CharField(
        label=_("The information requested"), widget=forms.Textarea(attrs={"rows": 4})
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by officers only, never by the reporter or the public."),
    )


def officers_for(report: Report):
    """Staff who may be assigned the report: those of its handling unit (and below) and of the
    units between the ward and it."""
    from motcua.accounts.models import User

    if not report.handling_unit_id:
        return User.objects.none()
    handling = report.handling_unit
    above = [p for p in _prefixes(handling.path) if p.startswith(report.unit.path)]
    user_ids = (
        Membership.objects.active()
        .filter(unit__is_active=True)
        .filter(Q(unit__path__startswith=handling.path) | Q(unit__path__in=above))
        .exclude(role__code__in=["front_supervisor", "par_assessor", "administrator", "editor"])
        .values_list("user_id", flat=True)
    )
    return User.objects.filter(pk__in=user_ids, is_active=True, is_staff=True).order_by(
        "full_name", "username"
    )


def _prefixes(path: str) -> list[str]:
    parts = [p for p in path.strip("/").split("/") if p]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def transfer_targets(report: Report):
    """Units a report may be transferred to: the wards and bodies of the same province."""
    province = report.unit.ancestors().filter(depth=0).first() or report.unit
    return (
        Unit.objects.active()
        .filter(path__startswith=province.path)
        .exclude(pk__in=[report.handling_unit_id or 0])
        .exclude(depth=0)
        .order_by("path")
    )


class TransitionForm(forms.Form):
    """The fields an action needs; the view passes the cleaned data to the transition."""

    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, action: str, report: Report, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.report = report
        note = self.fields["note"]
        if action == Action.REJECT:
            self.fields["reason"] = forms.ChoiceField(
                label=_("Reason"), choices=[("", "—"), *RejectReason.choices]
            )
            self.fields["duplicate_of"] = forms.CharField(
                label=_("Code of the original report (for a duplicate)"),
                required=False,
                max_length=20,
            )
            note.label = _("Explanation to the reporter")
            self.order_fields(["reason", "duplicate_of", "note"])
        elif action == Action.ASSIGN:
            self.fields["officer"] = forms.ModelChoiceField(
                label=_("Officer"),
                queryset=officers_for(report),
                initial=report.assigned_to_id or report.routed_officer_id,
            )
            note.label = _("Instructions (internal)")
            self.order_fields(["officer", "note"])
        elif action == Action.TRANSFER:
            self.fields["unit"] = forms.ModelChoiceField(
                label=_("Transfer to"), queryset=transfer_targets(report), to_field_name="slug"
            )
            note.label = _("Reason for the transfer")
            note.required = True
            self.order_fields(["unit", "note"])
        elif action in (Action.SUBMIT_ANSWER, Action.APPROVE):
            self.fields["answer"] = forms.CharField(
                label=_("Answer to the reporter (published)"),
                widget=forms.Textarea(attrs={"rows": 8}),
                initial=report.answer_draft,
            )
            note.label = _("Note to the leader (internal)")
            if action == Action.SUBMIT_ANSWER:
                self.fields["photos"] = PhotosField(
                    label=_("Photos after the work"), required=False
                )
            else:
                del self.fields["note"]
        elif action == Action.REQUEST_INFO:
            note.label = _("What information is needed (sent to the reporter)")
            note.required = True
        elif action == Action.SUPPLY_INFO:
            note.label = _("The information received")
            note.required = True
        elif action == Action.RETURN_ANSWER:
            note.label = _("What must be changed")
            note.required = True

    @property
    def action_label(self) -> str:
        return Action(self.action).label

    def clean_duplicate_of(self):
        code = self.cleaned_data.get("duplicate_of", "")
        if not code:
            return None
        original = Report.objects.filter(code=normalise_code(code)).first()
        if original is None:
            raise forms.ValidationError(_("No report has this code."))
        return original

    def transition_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            key: data[key]
            for key in ("note", "reason", "officer", "unit", "answer", "duplicate_of")
            if key in data and data[key] is not None
        }


class CorrectForm(forms.Form):
    category = CategoryChoiceField(label=_("Category"))
    address = forms.CharField(label=_("Address or place"), required=False, max_length=300)
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)
    public_description = forms.CharField(
        label=_("Text published"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Phone numbers and e-mail addresses are hidden automatically."),
    )
    is_public = forms.BooleanField(label=_("Publish on the portal"), required=False)


class RoutingRuleForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.filter(is_active=True).select_related("parent"),
        required=False,
        empty_label=_("Any category"),
    )
    handling_unit = forms.ModelChoiceField(label=_("Handling unit"), queryset=Unit.objects.none())
    officer = forms.ModelChoiceField(label=_("Officer (optional)"), queryset=None, required=False)
    starts_at = forms.TimeField(
        label=_("From (time of day)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    ends_at = forms.TimeField(
        label=_("Until (time of day)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Leave both empty for any time. A window may cross midnight (22:00–06:00)."),
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, unit: Unit, rule: RoutingRule | None = None, **kwargs):
        from motcua.accounts.models import User

        if rule is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "category": rule.category_id,
                "handling_unit": rule.handling_unit_id,
                "officer": rule.officer_id,
                "starts_at": rule.starts_at,
                "ends_at": rule.ends_at,
                "is_active": rule.is_active,
            }
        super().__init__(*args, **kwargs)
        province = unit.ancestors().filter(depth=0).first() or unit
        self.fields["handling_unit"].queryset = (
            Unit.objects.active()
            .filter(
                Q(path__startswith=unit.path)
                | (Q(parent=province) & ~Q(kind__in=ADMINISTRATIVE_KINDS))
            )
            .order_by("path")
        )
        self.fields["officer"].queryset = (
            User.objects.filter(
                is_active=True,
                is_staff=True,
                memberships__is_active=True,
                memberships__unit__path__startswith=unit.path,
            )
            .distinct()
            .order_by("full_name")
        )
