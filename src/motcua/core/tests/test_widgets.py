"""The long-list select (``UnitChoiceField``, ``QuickSelect``) is the same control for the user
as Django's own, and chooses the same record."""

import pytest
from django import forms
from django.test.html import parse_html

from motcua.core.widgets import QuickSelect
from motcua.organisations.forms import UnitChoiceField
from motcua.organisations.models import Unit

GROUPED = [
    ("", "Tất cả"),
    ("Quận cũ", [("binh-thanh", "Bình Thạnh"), ("go-vap", "Gò Vấp & <An Nhơn>")]),
    ("Huyện cũ", [("can-gio", "Cần Giờ")]),
]


def filter_form(quick: bool):
    unit_field = UnitChoiceField if quick else forms.ModelChoiceField

    class Form(forms.Form):
        don_vi = unit_field(
            label="Đơn vị",
            queryset=Unit.objects.order_by("path"),
            to_field_name="slug",
            help_text="Chọn phường",
        )
        nhom = forms.ChoiceField(
            label="Nhóm",
            choices=GROUPED,
            required=False,
            widget=QuickSelect if quick else forms.Select,
        )

    return Form


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [None, {"don_vi": "khong-co-phuong-nay", "nhom": "go-vap"}],
    ids=["empty form", "sent back with an error"],
)
def test_a_long_list_select_is_the_same_control_as_django_s(ward_a, ward_b, data):
    django_form = filter_form(quick=False)(data)
    quick_form = filter_form(quick=True)(data)
    if data is not None:
        assert not quick_form.is_valid()
        assert not django_form.is_valid()
        assert quick_form.errors == django_form.errors
    for name in ("don_vi", "nhom"):
        assert parse_html(str(quick_form[name])) == parse_html(str(django_form[name]))
    drawn = str(quick_form["nhom"])
    assert "Gò Vấp &amp; &lt;An Nhơn&gt;" in drawn
    assert ('<option value="go-vap" selected>' in drawn) == (data is not None)


@pytest.mark.django_db
def test_the_chosen_unit_is_read_whole(ward_a, ward_b):
    form = filter_form(quick=True)({"don_vi": ward_b.slug})
    assert form.is_valid()
    chosen = form.cleaned_data["don_vi"]
    assert chosen == ward_b
    assert chosen.get_deferred_fields() == set()
