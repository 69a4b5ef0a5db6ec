"""HTML templates rendered to PDF with WeasyPrint, offline.

Official forms are templates an administrator can read (``templates/pdf/``). WeasyPrint may
only load the project's own static files and ``data:`` URIs: any other URL in a template
(a pasted image link, a font from a CDN) is refused rather than fetched, so rendering never
touches the network.
"""

from __future__ import annotations

from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template to PDF bytes. Templates link static files with ``{% static %}``."""
    # WeasyPrint takes some 40 MB: it loads with a process's first PDF, not in every worker.
    from weasyprint import HTML

    from motcua.core.pdf_fetch import STATIC_BASE, OfflineFetcher

    html = render_to_string(template_name, context)
    return HTML(
        string=html, base_url=STATIC_BASE + "/", url_fetcher=OfflineFetcher(fail_on_errors=True)
    ).write_pdf()
