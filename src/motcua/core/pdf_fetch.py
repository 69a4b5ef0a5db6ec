"""What WeasyPrint may load while it renders a PDF: ``data:`` URIs and the project's static
files, nothing else (see ``motcua.core.pdf``). Imported only when a PDF is rendered."""

from __future__ import annotations

import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
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
