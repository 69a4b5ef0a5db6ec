"""HTML templates rendered to PDF with WeasyPrint, offline.

Official forms are templates an administrator can read (``templates/pdf/``). WeasyPrint may
only load the project's own static files and ``data:`` URIs: any other URL in a template
(a pasted image link, a font from a CDN) is refused rather than fetched, so rendering never
touches the network.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

from django.template.loader import render_to_string

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
    # WeasyPrint takes some 40 MB: it loads with a process's first PDF, not in every worker.
    from weasyprint import HTML

    from motcua.core.pdf_fetch import STATIC_BASE, OfflineFetcher

    html = render_to_string(template_name, context)
    with _cyclic_gc_paused():
        return HTML(
            string=html,
            base_url=STATIC_BASE + "/",
            url_fetcher=OfflineFetcher(fail_on_errors=True),
        ).write_pdf(font_config=_font_config())
