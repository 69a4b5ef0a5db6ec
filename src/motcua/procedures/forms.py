from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.uploads import CSV, JSON, UploadField
from motcua.core.widgets import QuickSelect
from motcua.procedures.models import OnlineLevel
from motcua.procedures.selectors import CatalogueFilters

#: Online levels in public URLs (Vietnamese slugs) and what they mean.
ONLINE_SLUGS = {
    "toan-trinh": OnlineLevel.FULL,
    "mot-phan": OnlineLevel.PARTIAL,
    "truc-tiep": OnlineLevel.NONE,
}


class CatalogueForm(forms.Form):
    """The search and filters of the public catalogue (and the kiosk). Parameter names are
    Vietnamese without accents, as in every public URL."""

    q = forms.CharField(
        label=_("Procedure name or code"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("For example: khai sinh, 1.001193")}
        ),
    )
    linh_vuc = forms.ChoiceField(label=_("Field"), required=False)
    don_vi = forms.ChoiceField(label=_("Where you apply"), required=False, widget=QuickSelect)
    truc_tuyen = forms.ChoiceField(
        label=_("Online service"),
        required=False,
        choices=[
            ("", _("All")),
            ("toan-trinh", _("Fully online")),
            ("mot-phan", _("Partly online")),
            ("truc-tiep", _("At the desk only")),
        ],
    )

    def __init__(self, *args, fields, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {unit.slug: unit for unit in units}
        self.fields["linh_vuc"].choices = [("", _("All fields"))] + [
            (field.code, field.name) for field in fields
        ]
        self.fields["don_vi"].choices = [("", _("All units"))] + [
            (unit.slug, unit.name) for unit in units
        ]

    def filters(self) -> CatalogueFilters:
        """The filters to apply: the valid part of what was asked (a stale link still works)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return CatalogueFilters(
            query=(data.get("q") or "").strip(),
            field=data.get("linh_vuc") or "",
            unit=self.units.get(data.get("don_vi") or ""),
            online=ONLINE_SLUGS.get(data.get("truc_tuyen") or "", ""),
        )


#: A whole catalogue with its form files is larger than an ordinary upload.
IMPORT_MAX_BYTES = 50 * 1024 * 1024


class ImportForm(forms.Form):
    file = UploadField(
        label=_("File to import"),
        kinds=frozenset({CSV, JSON}),
        max_bytes=IMPORT_MAX_BYTES,
        help_text=_("JSON or CSV in the format of the export (UTF-8)."),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file, write nothing"), required=False, initial=False
    )
