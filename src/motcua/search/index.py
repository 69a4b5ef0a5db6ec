"""Keeping the index in step with the content.

A provider's model is watched: after a save or a deletion, once the transaction commits
(``transaction.on_commit``), the item is indexed again or removed. Nothing is indexed for a
change that rolled back, and a failure to index never undoes the change itself (the next save
or ``rebuild_search_index`` repairs it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from motcua.search.backends import backend
from motcua.search.models import SearchEntry
from motcua.search.registry import PROVIDERS, SearchProvider

logger = logging.getLogger(__name__)


def index_object(provider: SearchProvider, obj) -> SearchEntry | None:
    """Index ``obj`` now (or remove it when the provider says it must not be found)."""
    document = provider.document(obj)
    key = provider.key(obj)
    if document is None:
        remove_key(provider.kind, key)
        return None
    with transaction.atomic():
        entry, _created = SearchEntry.objects.update_or_create(
            kind=provider.kind,
            key=key,
            defaults={
                "url": document.url[:500],
                "label": document.label[:200],
                "title": document.title[:500],
                "body": document.body,
                "published_at": document.published_at,
            },
        )
        backend().write(entry.pk, title=document.title, body=document.body)
    return entry


def remove_key(kind: str, key: str) -> None:
    with transaction.atomic():
        ids = list(SearchEntry.objects.filter(kind=kind, key=key).values_list("pk", flat=True))
        if ids:
            backend().remove(ids)
            SearchEntry.objects.filter(pk__in=ids).delete()


def _reindex(kind: str, pk, key: str) -> None:
    provider = PROVIDERS[kind]
    try:
        obj = provider.model._default_manager.filter(pk=pk).first()
        if obj is None:
            remove_key(kind, key)
        else:
            index_object(provider, obj)
    except Exception:  # the change is committed; the index is repaired by the next save
        logger.exception("search index update failed", extra={"kind": kind, "key": key})


def schedule(provider: SearchProvider, obj) -> None:
    """Index ``obj`` again once the current transaction commits."""
    kind, pk, key = provider.kind, obj.pk, provider.key(obj)
    transaction.on_commit(lambda: _reindex(kind, pk, key))


def watch(provider: SearchProvider) -> None:
    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            schedule(provider, instance)

    def deleted(sender, instance, **kwargs):
        schedule(provider, instance)

    uid = f"search:{provider.kind}"
    post_save.connect(saved, sender=provider.model, weak=False, dispatch_uid=uid)
    post_delete.connect(deleted, sender=provider.model, weak=False, dispatch_uid=uid)


def rebuild(
    kinds: list[str] | None = None,
    *,
    batch_size: int = 500,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, int]:
    """Rebuild the index for ``kinds`` (all by default); ``progress(kind, done, total)`` is
    called after every batch. Returns the number of items indexed per kind."""
    chosen = [PROVIDERS[k] for k in kinds] if kinds else list(PROVIDERS.values())
    counts: dict[str, int] = {}
    if not kinds:  # everything: also drop what no provider claims any more
        with transaction.atomic():
            backend().clear()
            SearchEntry.objects.all().delete()
    for provider in chosen:
        with transaction.atomic():
            old = list(SearchEntry.objects.filter(kind=provider.kind).values_list("pk", flat=True))
            backend().remove(old)
            SearchEntry.objects.filter(kind=provider.kind).delete()
        queryset = provider.queryset()
        total = queryset.count()
        done = indexed = 0
        if progress:
            progress(provider.kind, 0, total)
        for batch in _batches(queryset, batch_size):
            with transaction.atomic():
                for obj in batch:
                    indexed += index_object(provider, obj) is not None
            done += len(batch)
            if progress:
                progress(provider.kind, done, total)
        counts[provider.kind] = indexed
    return counts


def _batches(queryset, size: int) -> Iterator[list]:
    """The rows of ``queryset`` in primary-key order, ``size`` at a time (keyset paging)."""
    last = None
    queryset = queryset.order_by("pk")
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        batch = list(page[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk
