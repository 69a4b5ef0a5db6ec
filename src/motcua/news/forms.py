from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.uploads import IMAGE_KINDS, MP4, PDF, UploadField
from motcua.news.models import Category, DocumentKind

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ArchiveForm(forms.Form):
    ngay = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.filter(is_active=True), empty_label=None
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences shown in lists and when the article is shared."),
    )
    body = forms.CharField(
        label=_("Body"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "class": "editor-body"}),
        help_text=_(
            "Paste from Word or type: a blank line starts a new paragraph. Formatting that is "
            "not safe for the portal (colours, scripts, fonts) is removed."
        ),
    )
    author = forms.CharField(
        label=_("Author"), max_length=200, required=False, help_text=_("Shown under the article.")
    )
    published_at = forms.DateTimeField(
        label=_("Publication time"),
        required=False,
        widget=DATETIME_WIDGET,
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        help_text=_(
            "Empty: published as soon as it is approved. A later time: the article appears then."
        ),
    )
    is_featured = forms.BooleanField(label=_("Featured on the home page"), required=False)


class ImageForm(forms.Form):
    image = UploadField(label=_("Image"), kinds=IMAGE_KINDS)
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)


class CaptionForm(forms.Form):
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    remove = forms.BooleanField(label=_("Remove this image"), required=False)


class TransitionForm(forms.Form):
    note = forms.CharField(
        label=_("Reason or note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VideoForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    video_file = UploadField(
        label=_("Video file (MP4)"),
        kinds=frozenset({MP4}),
        max_bytes=100 * 1024 * 1024,
        required=False,
    )
    embed_url = forms.URLField(
        label=_("Or the address of the video elsewhere"),
        required=False,
        assume_scheme="https",
        help_text=_("For example https://www.youtube.com/watch?v=…"),
    )
    thumbnail = UploadField(label=_("Thumbnail image"), kinds=IMAGE_KINDS, required=False)
    duration = forms.CharField(label=_("Duration"), max_length=20, required=False)
    published_at = forms.DateTimeField(
        label=_("Publication time"), widget=DATETIME_WIDGET, initial=timezone.now,
        input_formats=["%Y-%m-%dT%H:%M"],
    )  # fmt: skip
    is_published = forms.BooleanField(label=_("Published"), required=False, initial=True)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    number = forms.CharField(
        label=_("Number and symbol"), max_length=80, help_text=_("For example: 45/KH-UBND")
    )
    title = forms.CharField(
        label=_("Summary of contents"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    issued_on = forms.DateField(
        label=_("Date issued"), widget=forms.DateInput(attrs={"type": "date"})
    )
    issuing_body = forms.CharField(label=_("Issued by"), max_length=200)
    field = forms.CharField(label=_("Field"), max_length=120, required=False)
    signer = forms.CharField(label=_("Signed by"), max_length=200, required=False)
    summary = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = UploadField(label=_("PDF file"), kinds=frozenset({PDF}), required=False)
    published_at = forms.DateTimeField(
        label=_("Publication time"), widget=DATETIME_WIDGET, initial=timezone.now,
        input_formats=["%Y-%m-%dT%H:%M"],
    )  # fmt: skip
    is_published = forms.BooleanField(label=_("Published"), required=False, initial=True)


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Number or contents"), max_length=100, required=False)
    loai = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *DocumentKind.choices]
    )
    linh_vuc = forms.ChoiceField(label=_("Field"), required=False)
    nam = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, fields=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["linh_vuc"].choices = [("", _("All fields")), *((f, f) for f in fields)]
        self.fields["nam"].choices = [("", _("All years")), *((y, y) for y in years)]
