"""HTML templates rendered to PDF with WeasyPrint, offline.

Official forms are templates an administrator can read (``templates/pdf/``). WeasyPrint may
only load the project's own static files and ``data:`` URIs: any other URL in a template
(a pasted image link, a font from a CDN) is refused rather than fetched, so rendering never
touches the network.

A document asked for again and again with the same content (the dashboards' report) is rendered
once and kept: ``stored_pdf``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import os
import re
import threading
from contextlib import contextmanager
from importlib.metadata import version

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone

# Where stored PDFs are kept in the file storage (private, like uploads).
STORE = "pdf-da-dung"

# One font configuration per thread, kept between PDFs: making one scans the system's fonts and
# every PDF rendered with a new one loads its fonts again (some 40 ms for the dashboard report).
# Pango font maps are not shared between threads.
_fonts = threading.local()


def _font_config():
    if not hasattr(_fonts, "config"):
        from weasyprint.text.fonts import FontConfiguration

        _fonts.config = FontConfiguration()
    return _fonts.config


@contextmanager
def _cyclic_gc_paused():
    """WeasyPrint makes tens of thousands of objects that live as long as the render; their
    number sets off full collections, each walking every object of the process (Django's and
    ours, some 170,000): a quarter of the dashboard report's time. Paused, the garbage of one
    render (some 10 MB of cycles) is collected after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template to PDF bytes. Templates link static files with ``{% static %}``."""
    return _html_to_pdf(render_to_string(template_name, context))


def _html_to_pdf(html: str) -> bytes:
    # WeasyPrint takes some 40 MB: it loads with a process's first PDF, not in every worker.
    from weasyprint import HTML

    from motcua.core.pdf_fetch import STATIC_BASE, OfflineFetcher

    with _cyclic_gc_paused():
        return HTML(
            string=html,
            base_url=STATIC_BASE + "/",
            url_fetcher=OfflineFetcher(fail_on_errors=True),
        ).write_pdf(font_config=_font_config())


def stored_pdf(html: str) -> bytes:
    """The PDF of ``html``, rendered at most once.

    A rendered PDF is kept in the file storage under a digest of everything it is made of: the
    HTML, the static files it links (the style sheets) and WeasyPrint's version. Asked for again,
    it is read instead of rendered (the dashboards' report takes some 300 ms of CPU to render).
    Any change to the document is a new digest, so a stored PDF is never stale; stored PDFs
    are removed after a while by ``prune_stored_pdfs``.
    """
    name = stored_pdf_name(html)
    if (pdf := read_stored_pdf(name)) is not None:
        return pdf
    pdf = _html_to_pdf(html)
    if not default_storage.exists(name):  # a concurrent request may have stored it meanwhile
        default_storage.save(name, ContentFile(pdf))
    return pdf


def read_stored_pdf(name: str) -> bytes | None:
    """The stored PDF called ``name`` (see ``stored_pdf_name``), or None if it is not there."""
    if not default_storage.exists(name):
        return None
    with default_storage.open(name) as stored:
        return stored.read()


def prune_stored_pdfs(*, older_than: dt.timedelta) -> int:
    """Remove the stored PDFs kept longer than ``older_than``; returns how many."""
    cutoff = timezone.now() - older_than
    removed = 0
    try:
        folders, _files = default_storage.listdir(STORE)
    except FileNotFoundError:
        return 0
    for folder in folders:
        _, names = default_storage.listdir(f"{STORE}/{folder}")
        for file_name in names:
            path = f"{STORE}/{folder}/{file_name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
    return removed


_STATIC_LINK = re.compile(r'(?:href|src)="([^"]+)"')


def stored_pdf_name(html: str) -> str:
    """Where ``stored_pdf(html)`` keeps its PDF: the same name for the same content only."""
    digest = hashlib.sha256(_renderer_version())
    prefix = settings.STATIC_URL
    for url in _STATIC_LINK.findall(html):
        if url.startswith(prefix) and (path := finders.find(url[len(prefix) :])):
            digest.update(_file_digest(path, os.stat(path).st_mtime_ns))
    digest.update(html.encode())
    key = digest.hexdigest()
    return f"{STORE}/{key[:2]}/{key}.pdf"


@functools.cache
def _renderer_version() -> bytes:
    return version("weasyprint").encode()


@functools.lru_cache(maxsize=64)
def _file_digest(path: str, _mtime_ns: int) -> bytes:
    """A static file's content digest, read again only when the file changes."""
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).digest()
