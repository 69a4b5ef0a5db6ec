"""Removing personal data from what the public sees of a report.

The reporter's name, phone and e-mail are never published. Two more things can give a person
away: a phone number or e-mail typed into the description, and the house number of an address
(often the reporter's own). ``mask_contacts`` hides the first, ``strip_house_number`` the second.
"""

from __future__ import annotations

import re

MASK = "[…]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Vietnamese phone numbers: 0xx or +84 followed by 8–9 digits, with spaces, dots or dashes.
_PHONE = re.compile(r"(?:\+?84|0)(?:[\s.\-]?\d){8,10}\b")
# Identity card numbers (CCCD: 12 digits; CMND: 9 digits) written as such.
_ID_NUMBER = re.compile(r"\b\d{9}(?:\d{3})?\b")

# A house number: digits, optionally followed by letters and /-separated parts (12, 12A,
# 45/12, 45/12/3B, 12-14), optionally preceded by "số", "nhà số", "số nhà".
_HOUSE = r"\d+[A-Za-zĐđ]?(?:\s?[/\-]\s?\d+[A-Za-zĐđ]?)*"
_LEADING_HOUSE = re.compile(
    rf"^\s*(?:(?:nhà\s+)?số(?:\s+nhà)?\s+|nhà\s+)?{_HOUSE}\s*,?\s+(?=\S)", re.IGNORECASE
)
_FLAT = re.compile(r"\b(?:căn\s+hộ|phòng|lô|tầng|block|căn)\s+[\w.\-/]+\s*,?\s*", re.IGNORECASE)
_PARTS = re.compile(r"\s*,\s*")


def mask_contacts(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and identity numbers replaced by […]."""
    text = _EMAIL.sub(MASK, text)
    text = _PHONE.sub(MASK, text)
    return _ID_NUMBER.sub(MASK, text)


def strip_house_number(address: str) -> str:
    """The address without house numbers, flat or room numbers: the street and the area stay.

    >>> strip_house_number("45/12 Nơ Trang Long, Phường Bình Thạnh")
    'Nơ Trang Long, Phường Bình Thạnh'
    """
    parts = []
    for part in _PARTS.split(address.strip()):
        part = _FLAT.sub("", part).strip()
        part = _LEADING_HOUSE.sub("", part).strip()
        if part and not re.fullmatch(rf"(?:số\s+)?{_HOUSE}", part, re.IGNORECASE):
            parts.append(part)
    return ", ".join(parts)
