"""Vietnamese text helpers.

``fold`` turns text into the form search compares: lower case, no diacritics, and đ/Đ as d.
Unicode decomposition strips tone and vowel marks but leaves đ alone (it is a letter of its own,
not d plus a mark), so it is mapped explicitly.
"""

import re
import unicodedata

_D_STROKE = str.maketrans({"đ": "d", "Đ": "d"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ``text``, strip its diacritics and fold đ/Đ to d.

    >>> fold("Cải cách hành chính Đảng")
    'cai cach hanh chinh dang'
    """
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_D_STROKE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def squash_spaces(text: str) -> str:
    """Collapse runs of white space to one space and trim the ends."""
    return _SPACES.sub(" ", text).strip()


def slugify_vi(text: str) -> str:
    """A URL slug for Vietnamese text: "Phường Bình Thạnh" -> "phuong-binh-thanh"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
