"""Types for the text fields of API input, so the API takes text exactly like the forms do."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from motcua.core.text import clean_text


def text(max_length: int):
    """Typed text of at most ``max_length`` characters (longer is a 422 naming the field, never
    a database error), cleaned by :func:`motcua.core.text.clean_text`."""
    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(clean_text)]
