"""Form fields for choosing units."""

from __future__ import annotations

from motcua.core.forms import ListedModelChoiceField


class UnitChoiceField(ListedModelChoiceField):
    """A unit chosen from a list (a province's 170): each option reads the unit's slug and
    name only."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, option_columns=("slug", "name"), **kwargs)
