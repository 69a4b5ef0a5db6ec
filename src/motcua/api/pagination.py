"""Page-number pagination for every list of the API."""

from __future__ import annotations

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

#: Far beyond any list the system holds, far below an offset the database cannot represent.
MAX_PAGE = 1_000_000


class Pages(PageNumberPagination):
    """django-ninja's page numbers with an upper bound: a page number past what the database can
    take as an offset is a 422 ``validation_error``, not a server error."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1)
