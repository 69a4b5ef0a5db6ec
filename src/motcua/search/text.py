"""How text becomes index terms, and how results are highlighted.

Every word is indexed twice:

- **folded** (``core.text.fold``: lower case, no diacritics, đ -> d) so that "cai cach" finds
  "cải cách" and "dang" finds "Đảng";
- **exact**: the lower-cased word itself when it is plain ASCII, otherwise its folded form
  followed by a short digest of the accented word ("đảng" -> "dang" + "x" + 8 hex digits).
  Exact terms are plain ASCII, so both databases tokenise them the same way whatever their
  locale, and a query typed with diacritics can rank the documents that carry the same
  diacritics first.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from motcua.core.text import fold

_WORD = re.compile(r"[^\W_]+")
MAX_QUERY_TERMS = 12


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def words(text: str) -> list[str]:
    """The words of ``text`` (NFC), in order."""
    return _WORD.findall(normalise(text))


def exact_token(word: str) -> str:
    lowered = normalise(word).lower()
    if lowered.isascii():
        return lowered
    digest = hashlib.blake2s(lowered.encode(), digest_size=4).hexdigest()
    return f"{fold(lowered)}x{digest}"


def folded_terms(text: str) -> str:
    """Space-separated folded words: what the full-text index reads."""
    return " ".join(term for word in words(text) for term in _WORD.findall(fold(word)))


def exact_terms(text: str) -> str:
    return " ".join(exact_token(word) for word in words(text))


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    terms: tuple[str, ...]  # folded
    exact: tuple[str, ...]  # exact tokens, empty when the query has no diacritics

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(raw: str) -> ParsedQuery:
    """Split a visitor's query into folded terms (all must match) and exact terms (used only
    for ranking, and only when the visitor typed diacritics)."""
    raw = normalise(raw).strip()[:200]
    query_words = words(raw)[:MAX_QUERY_TERMS]
    terms: list[str] = []
    for word in query_words:
        terms.extend(_WORD.findall(fold(word)))
    has_marks = any(not word.isascii() for word in query_words)
    exact = tuple(exact_token(word) for word in query_words) if has_marks else ()
    return ParsedQuery(raw=raw, terms=tuple(terms), exact=exact)


class _FoldTable(dict):
    """``str.translate`` table folding one character at a time, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def _fold_map(text: str) -> tuple[str, Sequence[int]]:
    """Fold ``text`` character by character: the folded string and, for each folded character,
    the index of the original character it came from (so highlights land on the original)."""
    folded = text.translate(_FOLD_TABLE)
    if all(len(_FOLD_TABLE[ord(char)]) == 1 for char in set(text)):
        return folded, range(len(text))
    pieces = [_FOLD_TABLE[ord(char)] for char in text]
    return folded, [index for index, piece in enumerate(pieces) for _ in piece]


def _match_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of ``text`` (original characters) whose folded form is one of ``terms`` as a
    whole word."""
    if not terms or not text:
        return []
    folded, origin = _fold_map(text)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b")
    spans = []
    for match in pattern.finditer(folded):
        if match.end() == match.start():
            continue
        spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    return spans


def _render(text: str, spans: list[tuple[int, int]]) -> SafeString:
    out, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 -- every piece is escaped above


def highlight(text: str, terms: tuple[str, ...]) -> SafeString:
    """``text`` escaped, with the words matching ``terms`` in ``<mark>``."""
    return _render(normalise(text), _match_spans(normalise(text), terms))


def snippet(text: str, terms: tuple[str, ...], width: int = 240) -> SafeString:
    """The passage of about ``width`` characters holding the most matches, highlighted."""
    text = " ".join(normalise(text).split())
    spans = _match_spans(text, terms)
    if len(text) <= width:
        return _render(text, spans)
    best_start, best_hits = 0, -1
    for start, _end in spans:
        window_start = max(0, start - width // 4)
        hits = sum(1 for s, e in spans if s >= window_start and e <= window_start + width)
        if hits > best_hits:
            best_start, best_hits = window_start, hits
    start = best_start
    if start > 0:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    inner = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    rendered = _render(text[start:end], inner)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{rendered}{suffix}")  # noqa: S308 -- rendered is escaped
