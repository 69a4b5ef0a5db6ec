"""Rich text from editors (often pasted from Word), made safe with nh3.

Only structural tags survive; styles, scripts, event handlers, Word's ``mso-`` markup and
foreign images are dropped. Links get ``rel="noopener noreferrer"``. Plain text (no tags) is
turned into paragraphs: a blank line starts a new paragraph.
"""

from __future__ import annotations

import html
import re

import nh3
from django.utils.html import escape, strip_tags

from motcua.core.text import squash_spaces

TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "ul", "ol", "li",
    "h2", "h3", "h4", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "figure", "figcaption", "img", "hr",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
_HAS_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Images only from this site's own media (the CSP would block others anyway).
    if tag == "img" and attribute == "src" and not value.startswith("/media/public/"):
        return None
    return value


def sanitise(raw: str) -> str:
    """Safe HTML for an article body."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    if not _HAS_TAG.search(raw):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
        raw = "".join(
            "<p>" + "<br>".join(escape(line.strip()) for line in p.splitlines()) + "</p>"
            for p in paragraphs
        )
    cleaned = nh3.clean(
        raw,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    cleaned = re.sub(r"<img(?![^>]*\ssrc=)[^>]*>", "", cleaned)  # images whose source was refused
    # Word leaves empty paragraphs behind.
    return re.sub(r"<p>(\s|&nbsp;|<br>)*</p>", "", cleaned).strip()


def plain_text(body_html: str) -> str:
    """The text of an article body, for search, feeds and descriptions."""
    spaced = re.sub(r"</(p|li|h\d|tr|blockquote|figcaption)>|<br\s*/?>", "\n", body_html or "")
    return squash_spaces(html.unescape(strip_tags(spaced)))


_SIMPLE = re.compile(r"^(\s*<p>(?:(?!<(?!br>)[^>]*>).)*</p>\s*)*$", re.DOTALL)


def editable_text(body_html: str) -> str:
    """What the editor's text box shows: plain paragraphs when the body is only paragraphs of
    text (the usual case), the HTML itself when it has richer formatting."""
    if not body_html or not _SIMPLE.match(body_html):
        return body_html or ""
    paragraphs = re.findall(r"<p>(.*?)</p>", body_html, re.DOTALL)
    return "\n\n".join(
        html.unescape(re.sub(r"<br>", "\n", paragraph)).strip() for paragraph in paragraphs
    )
