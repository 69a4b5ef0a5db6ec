"""The Vietnamese catalogues are complete: every string of the interface has a translation."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

SRC = Path(__file__).resolve().parents[2]
VI_CATALOGUES = sorted(SRC.glob("**/locale/vi/LC_MESSAGES/django.po"))


def test_there_are_vietnamese_catalogues():
    assert len(VI_CATALOGUES) >= 5


@pytest.mark.parametrize("path", VI_CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_message_is_translated_into_vietnamese(path):
    with path.open("rb") as po_file:
        catalogue = read_po(po_file, locale="vi")
    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            message.fuzzy
            or not (message.string if isinstance(message.string, str) else all(message.string))
        )
    ]
    assert untranslated == []
