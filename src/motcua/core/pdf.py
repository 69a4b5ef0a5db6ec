"""HTML templates rendered to PDF with WeasyPrint, offline.

Official forms are templates an administrator can read (``templates/pdf/``). WeasyPrint may
only load the project's own static files and ``data:`` URIs: any other URL in a template
(a pasted image link, a font from a CDN) is refused rather than fetched, so rendering never
touches the network.
"""

from __future__ import annotations

import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_BASE = "https://static.motcua.invalid"


class OfflineFetchRefused(ValueError):
    """A template tried to load something from outside the project."""


class OfflineFetcher(URLFetcher):
    """Serves ``data:`` URIs and the project's static files; refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        prefix = settings.STATIC_URL
        if parts.path.startswith(prefix) and (url.startswith(STATIC_BASE) or not parts.netloc):
            path = finders.find(parts.path[len(prefix) :])
            if path:
                mime, _encoding = mimetypes.guess_type(path)
                with open(path, "rb") as handle:
                    body = handle.read()
                return URLFetcherResponse(
                    url, body, {"Content-Type": mime or "application/octet-stream"}
                )
        raise OfflineFetchRefused(f"PDF rendering does not fetch {url!r}")


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render a template to PDF bytes. Templates link static files with ``{% static %}``."""
    html = render_to_string(template_name, context)
    return HTML(
        string=html, base_url=STATIC_BASE + "/", url_fetcher=OfflineFetcher(fail_on_errors=True)
    ).write_pdf()
