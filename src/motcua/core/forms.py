"""What every public form does with the text people type."""

from __future__ import annotations

from motcua.core.text import clean_text


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
