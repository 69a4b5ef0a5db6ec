"""Reading the index: one function for every caller (the search page, the API later)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import SafeString

from motcua.search.backends import Backend, Filters, backend
from motcua.search.models import SearchEntry
from motcua.search.registry import PROVIDERS
from motcua.search.text import ParsedQuery, highlight, parse_query, snippet

#: Matches are counted up to this number; beyond it the page says "more than 1,000 results"
#: and offers no page past it. Counting every match of a common word costs a visit to each.
COUNT_LIMIT = 1000
#: A count past the limit stays past it as content is added: it is kept this long (an exact
#: count is never kept, so it is always up to date).
MORE_SECONDS = 600


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    kind_label: str
    title: SafeString
    snippet: SafeString


@dataclass
class SearchResults:
    query: ParsedQuery
    total: int = 0  # number of matches, at most the count limit
    more: bool = False  # there are more matches than ``total``
    hits: list[Hit] = field(default_factory=list)


def search(
    raw_query: str,
    *,
    kinds: tuple[str, ...] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    offset: int = 0,
    limit: int = 10,
    now: dt.datetime | None = None,
    count_limit: int = COUNT_LIMIT,
) -> SearchResults:
    """Entries matching every word of ``raw_query`` (accent-insensitive), best first, with
    highlighted titles and snippets. Items published in the future are not found. Matches are
    counted up to ``count_limit`` (``more`` tells there are others); no page lies beyond it."""
    query = parse_query(raw_query)
    results = SearchResults(query=query)
    if not query:
        return results
    filters = Filters(
        kinds=tuple(k for k in kinds if k in PROVIDERS),
        date_from=_start_of(date_from),
        date_to=_start_of(date_to + dt.timedelta(days=1)) if date_to else None,
    )
    search_backend = backend()
    now = now or timezone.now()
    counted = _count(search_backend, query, filters, now=now, count_limit=count_limit)
    results.total, results.more = min(counted, count_limit), counted > count_limit
    limit = min(limit, results.total - offset)
    ids = (
        search_backend.page(query, filters, now=now, offset=offset, limit=limit)
        if limit > 0
        else []
    )
    entries = SearchEntry.objects.in_bulk(ids)
    for entry_id in ids:
        entry = entries.get(entry_id)
        if entry is None:
            continue
        provider = PROVIDERS.get(entry.kind)
        results.hits.append(
            Hit(
                entry=entry,
                kind_label=str(provider.label) if provider else entry.kind,
                title=highlight(entry.title, query.terms),
                snippet=snippet(entry.body, query.terms),
            )
        )
    return results


def _count(
    search_backend: Backend,
    query: ParsedQuery,
    filters: Filters,
    *,
    now: dt.datetime,
    count_limit: int,
) -> int:
    """The number of matches, counted up to ``count_limit + 1`` (which means "more")."""
    digest = hashlib.blake2s(repr((query.terms, filters, count_limit)).encode(), digest_size=16)
    key = f"search:more:{digest.hexdigest()}"
    if cache.get(key):
        return count_limit + 1
    counted = search_backend.count(query, filters, now=now, limit=count_limit + 1)
    if counted > count_limit:
        cache.set(key, True, MORE_SECONDS)
    return counted


def _start_of(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
