"""Content types plug into search as providers.

An app describes one of its content types with a small :class:`SearchProvider` subclass and
registers it from its ``AppConfig.ready()``::

    class ArticleProvider(SearchProvider):
        kind = "news"
        label = _("News")
        model = Article

        def queryset(self):
            return Article.objects.filter(status="published").select_related("category")

        def document(self, article):
            if article.status != "published":
                return None  # not public: removed from the index
            return SearchDocument(title=article.title, body=..., url=article.get_absolute_url(),
                                  published_at=article.published_at, label=article.category.name)

    register(ArticleProvider())

From then on every save or deletion of a ``model`` row updates the index once the transaction
commits, and ``manage.py rebuild_search_index`` rebuilds it from ``queryset()``. An item
whose ``published_at`` is in the future stays hidden from results until that moment. See
docs/search.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class SearchDocument:
    title: str
    body: str
    url: str
    published_at: dt.datetime | None = None
    label: str = ""  # shown above the title: a category, a document number...


class SearchProvider:
    #: Short stable name, used in the index and in the type filter ("news", "documents"...).
    kind: str = ""
    #: What the visitor sees in the type filter and on each result.
    label = ""
    #: The model whose rows are indexed.
    model: type[models.Model]
    #: Position in the type filter.
    order: int = 100

    def queryset(self) -> models.QuerySet:
        """Every row that should be in the index (used by rebuild)."""
        return self.model._default_manager.all()

    def document(self, obj) -> SearchDocument | None:
        """What to index for ``obj``; None when it must not be found (draft, withdrawn...)."""
        raise NotImplementedError

    def key(self, obj) -> str:
        """A stable public identifier of ``obj`` within the kind."""
        return str(obj.public_id)


PROVIDERS: dict[str, SearchProvider] = {}


def register(provider: SearchProvider) -> SearchProvider:
    """Add ``provider`` and keep the index in step with saves and deletions of its model."""
    from motcua.search import index

    if not provider.kind:
        raise ValueError("A search provider needs a kind.")
    PROVIDERS[provider.kind] = provider
    index.watch(provider)
    return provider


def providers() -> list[SearchProvider]:
    return sorted(PROVIDERS.values(), key=lambda p: (p.order, p.kind))
