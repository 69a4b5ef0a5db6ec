"""Vietnamese text helpers.

``fold`` turns text into the form search compares: lower case, no diacritics, and đ/Đ as d.
Unicode decomposition strips tone and vowel marks but leaves đ alone (it is a letter of its own,
not d plus a mark), so it is mapped explicitly.

``clean_text`` is what every typed value goes through before it is stored: one spelling for
each Vietnamese letter (NFC: "ệ" typed as e + two combining marks becomes the single letter),
and no invisible characters that make equal words differ or reorder what is shown.
"""

import re
import unicodedata

_D_STROKE = str.maketrans({"đ": "d", "Đ": "d"})
_SPACES = re.compile(r"\s+")
#: Zero-width spaces and joiners, direction marks, bidirectional embeddings, overrides and
#: isolates, and the byte-order mark.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """``text`` in NFC without zero-width or direction-control characters.

    >>> clean_text("Nguye\u0302\u0303n\u200b \u202eVa\u0306n") == "Nguyễn Văn"
    True
    """
    return unicodedata.normalize("NFC", INVISIBLE.sub("", text))


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
