from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.consultations.models import Answer
from motcua.core.forms import CleanTextForm
from motcua.core.uploads import PDF, UploadField

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]


class CommentForm(CleanTextForm, forms.Form):
    section = forms.ChoiceField(label=_("Your comment is about"), required=False)
    body = forms.CharField(
        label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    author_name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    contact = forms.CharField(
        label=_("Phone or e-mail (optional)"),
        max_length=200,
        required=False,
        help_text=_("Only the drafting unit sees it, to ask you more if needed. Never published."),
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {str(s.public_id): s for s in sections}
        self.fields["section"].choices = [("", _("The whole draft"))] + [
            (key, s.heading) for key, s in self.sections.items()
        ]

    def clean_section(self):
        return self.sections.get(self.cleaned_data.get("section") or "")


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Title of the draft"), max_length=400)
    document_type = forms.CharField(
        label=_("Kind of document"), max_length=120, initial="Dự thảo Quyết định"
    )
    summary = forms.CharField(
        label=_("Purpose and main contents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    opens_at = forms.DateTimeField(
        label=_("Comments open"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    closes_at = forms.DateTimeField(
        label=_("Comments close"), widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    draft_text = forms.CharField(
        label=_("Text of the draft"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Paste the draft: it is split into sections at each line starting with "
            "“Điều”, “Chương”, “Mục” or “Phần”. Leave empty to keep the current sections."
        ),
    )
    draft_file = UploadField(label=_("Full draft (PDF)"), kinds=frozenset({PDF}), required=False)


class ModerationForm(forms.Form):
    note = forms.CharField(label=_("Reason"), max_length=300, required=False)


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label=_("Answer"), choices=Answer.choices, widget=forms.RadioSelect)
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class OpinionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    number = forms.CharField(label=_("Number and symbol"), max_length=80, required=False)
    summary = forms.CharField(
        label=_("Main points"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    document = UploadField(label=_("Document (PDF)"), kinds=frozenset({PDF}))


class ReportForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the report"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How the comments were taken into account overall."),
    )
