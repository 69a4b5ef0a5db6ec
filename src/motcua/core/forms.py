"""Form pieces the apps share: what every public form does with the text people type, and
fields for long lists of records."""

from __future__ import annotations

from django import forms
from django.forms.models import ModelChoiceIterator

from motcua.core.text import clean_text
from motcua.core.widgets import QuickSelect


class CleanTextForm:
    """Mix into a form (before ``forms.Form``): every typed value goes through
    :func:`motcua.core.text.clean_text` before any field sees it, so a name typed with combining
    marks is stored, searched and compared like the same name typed precomposed, and invisible
    or direction-override characters never reach the database."""

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(None if data is None else clean_form_data(data), *args, **kwargs)


def clean_form_data(data):
    """A copy of submitted form data (a QueryDict or a dict) with every value cleaned."""
    if hasattr(data, "lists"):
        cleaned = data.copy()
        for key, values in data.lists():
            cleaned.setlist(key, [_clean(value) for value in values])
        return cleaned
    return {key: _clean(value) for key, value in data.items()}


def _clean(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(v) for v in value)
    return value


class _PlainChoiceIterator(ModelChoiceIterator):
    """The options in one plain query of the columns they show. Django's iterator reads every
    column through a server-side cursor on PostgreSQL: a round trip more, and a model built
    from every column for each option."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.only(*self.field.option_columns):
            yield self.choice(obj)


class ListedModelChoiceField(forms.ModelChoiceField):
    """A record chosen from a long list (a province's 170 units): read with only
    ``option_columns`` (the value's and the label's) and drawn by :class:`QuickSelect`, about
    half the time of a plain ``ModelChoiceField``. Validation reads the chosen record whole."""

    iterator = _PlainChoiceIterator
    widget = QuickSelect

    def __init__(self, queryset, *, option_columns: tuple[str, ...], **kwargs):
        self.option_columns = option_columns
        super().__init__(queryset, **kwargs)
