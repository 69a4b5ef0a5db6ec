# ruff: noqa: S608 -- SQL is built from constant table names and placeholders; values are bound.
"""The database side of search: SQLite FTS5 or PostgreSQL full-text, behind one interface.

Ranking, on both: results in tiers, then by the engine's relevance, then newest first.

- tier 2: the folded query words appear next to each other, as a phrase;
- tier 1: the words as typed, with their diacritics, all appear (only when the visitor typed
  diacritics);
- every result contains every folded query word.

Bounded work at scale: ranking reads each candidate's full-text data and a common word matches
tens of thousands of entries, so the rules rank a bounded set of candidates, the newest
``RANKED`` matches and up to ``RANKED`` undated ones (procedures). These come first, in the
order above; the older matches follow, newest first (so the pages past the ranked ones do not
change with the page asked for). A search with at most ``RANKED`` dated matches (a rare word,
or a common one narrowed by type or period) is ordered exactly by the rules. With more, the
rules hold among the newest ``RANKED``: an older phrase match comes after them all, even after
the newer matches of scattered words. On PostgreSQL "newest" is approximate in one case: a
period holding more than ``PostgresBackend.SAMPLE`` matches gives the newest of that many of
them. Matches are counted only up to a limit (see ``selectors``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.db import connection

from motcua.search.text import ParsedQuery, exact_terms, folded_terms

ENTRY_TABLE = "search_searchentry"
FTS_TABLE = "search_fts"

#: How many of the newest matches (and, besides, of the undated ones) are ranked by the rules.
RANKED = 200


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    date_from: dt.datetime | None = None
    date_to: dt.datetime | None = None  # exclusive


def _filter_sql(filters: Filters, params: list) -> str:
    """The visitor's filters (each query adds its own clause hiding future publications)."""
    clauses = ["TRUE"]
    if filters.kinds:
        clauses.append(f"e.kind IN ({', '.join(['%s'] * len(filters.kinds))})")
        params.extend(filters.kinds)
    if filters.date_from:
        clauses.append("e.published_at >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("e.published_at < %s")
        params.append(filters.date_to)
    return " AND ".join(clauses)


class Backend:
    def write(self, entry_id: int, *, title: str, body: str) -> None:
        raise NotImplementedError

    def remove(self, entry_ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def count(self, query: ParsedQuery, filters: Filters, *, now: dt.datetime, limit: int) -> int:
        """How many entries match (published by ``now``), counted up to ``limit`` only."""
        with connection.cursor() as cursor:
            matches, params = self._matches(query, filters)
            cursor.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 {matches} "
                "AND (e.published_at IS NULL OR e.published_at <= %s) LIMIT %s) AS counted",
                [*params, now, limit],
            )
            return cursor.fetchone()[0]

    def page(
        self, query: ParsedQuery, filters: Filters, *, now: dt.datetime, offset: int, limit: int
    ) -> list[int]:
        """The ids of the matching entries of the page, in rank order."""
        raise NotImplementedError

    def _matches(self, query: ParsedQuery, filters: Filters) -> tuple[str, list]:
        """``FROM ... WHERE ...`` selecting the entries (``e``) that match, with the visitor's
        filters, and its parameters."""
        raise NotImplementedError


def _candidates_wanted(offset: int, limit: int) -> int:
    """How many of the newest matches the page needs: the ranked ones, or more for a page past
    them (whose order is by date alone, so it does not change with the page)."""
    return max(RANKED, offset + limit)


class SQLiteBackend(Backend):
    """An FTS5 table whose rowid is the entry's id, with four columns: title and text folded,
    title and text as exact terms."""

    def write(self, entry_id, *, title, body):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [entry_id])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body, title_x, body_x) "
                "VALUES (%s, %s, %s, %s, %s)",
                [
                    entry_id,
                    folded_terms(title),
                    folded_terms(body),
                    exact_terms(title),
                    exact_terms(body),
                ],
            )

    def remove(self, entry_ids):
        if not entry_ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(entry_ids))})",
                list(entry_ids),
            )

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    @staticmethod
    def _quoted(terms) -> str:
        return " ".join(f'"{term}"' for term in terms)

    def _match_all(self, query) -> str:
        return "{title body}: (" + self._quoted(query.terms) + ")"

    def _matches(self, query, filters):
        params: list = [self._match_all(query)]
        where = _filter_sql(filters, params)
        return (
            f"FROM {FTS_TABLE} f JOIN {ENTRY_TABLE} e ON e.id = f.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {where}"
        ), params

    def page(self, query, filters, *, now, offset, limit):
        matches, where_params = self._matches(query, filters)
        tier_params: list = ['{title body}: "' + " ".join(query.terms) + '"']
        exact_sql = "0"
        if query.exact:
            exact_sql = (
                f"(CASE WHEN f.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                "MATCH %s) THEN 1 ELSE 0 END)"
            )
            tier_params.append("{title_x body_x}: (" + self._quoted(query.exact) + ")")
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH dated AS ("
                f"SELECT e.id, e.published_at {matches} AND e.published_at <= %s "
                "ORDER BY e.published_at DESC, e.id DESC LIMIT %s), "
                "candidates AS ("
                "SELECT id, published_at, "
                "row_number() OVER (ORDER BY published_at DESC, id DESC) <= %s AS ranked "
                "FROM dated UNION ALL "
                f"SELECT * FROM (SELECT e.id, e.published_at, 1 {matches} "
                "AND e.published_at IS NULL LIMIT %s)), "
                "scored AS ("
                "SELECT f.rowid AS id, "
                f"(CASE WHEN f.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                f"MATCH %s) THEN 2 ELSE 0 END) + {exact_sql} AS tier, "
                f"bm25({FTS_TABLE}, 5.0, 1.0, 0.0, 0.0) AS score "
                f"FROM {FTS_TABLE} f WHERE {FTS_TABLE} MATCH %s "
                "AND f.rowid IN (SELECT id FROM candidates WHERE ranked)) "
                "SELECT c.id FROM candidates c LEFT JOIN scored s ON s.id = c.id "
                "ORDER BY c.ranked DESC, s.tier DESC, s.score ASC, c.published_at DESC, "
                "c.id DESC LIMIT %s OFFSET %s",
                [
                    *where_params,
                    now,
                    _candidates_wanted(offset, limit),
                    RANKED,
                    *where_params,
                    RANKED,
                    *tier_params,
                    self._match_all(query),
                    limit,
                    offset,
                ],
            )
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend(Backend):
    """Two ``tsvector`` columns on the entry table: ``search_vector`` (folded title weighted A,
    folded text weighted B; GIN index) and ``exact_vector`` (exact terms, for ranking only).

    The newest matches are looked for one period at a time, back from now (``PERIODS``): the
    GIN index and the index on the publication time intersect before any row is read, so a
    common word costs a visit to its recent matches only, not to all of them. A period holding
    more than ``SAMPLE`` matches is read only that far, in no particular order: its newest
    matches are then the newest of those read (the work stays bounded when a common word
    clusters in one period, "năm 2025" say)."""

    #: The bounds of the periods, in days before now.
    PERIODS = (30, 182, 730)
    #: How many of a period's matches are read at most.
    SAMPLE = 2000

    def write(self, entry_id, *, title, body):
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ENTRY_TABLE} SET "
                "search_vector = setweight(to_tsvector('simple', %s), 'A') "
                "|| setweight(to_tsvector('simple', %s), 'B'), "
                "exact_vector = to_tsvector('simple', %s) WHERE id = %s",
                [
                    folded_terms(title),
                    folded_terms(body),
                    f"{exact_terms(title)} {exact_terms(body)}",
                    entry_id,
                ],
            )

    def remove(self, entry_ids):
        """The vectors live on the entry rows: deleting the rows is enough."""

    def clear(self):
        """As for remove."""

    def _newest(
        self, select: str, select_params: list, now: dt.datetime, wanted: int
    ) -> tuple[str, list]:
        """The newest ``wanted`` rows of ``select`` (which ends in a WHERE clause), period by
        period (each read up to ``SAMPLE`` rows), newest period first. PostgreSQL runs the
        branches of a UNION ALL one after the other and stops as soon as the LIMIT is reached,
        so older periods are not read when the recent ones hold enough rows."""
        edges = [now, *(now - dt.timedelta(days=days) for days in self.PERIODS)]
        periods = [
            *(
                ("e.published_at <= %s AND e.published_at > %s", [newer, older])
                for newer, older in itertools.pairwise(edges)
            ),
            ("e.published_at <= %s", [edges[-1]]),
        ]
        # No ORDER BY inside a period: walking the time index in order, reading each entry's
        # vector until enough match, is what PostgreSQL would otherwise do when it wrongly
        # believes the words frequent in the period.
        branches = [
            f"(SELECT * FROM ({select} AND {condition} LIMIT %s) AS period "
            "ORDER BY period.published_at DESC, period.id DESC LIMIT %s)"
            for condition, _params in periods
        ]
        sample = max(self.SAMPLE, wanted)
        params = [
            value
            for _condition, bounds in periods
            for value in [*select_params, *bounds, sample, wanted]
        ]
        return f"SELECT * FROM ({' UNION ALL '.join(branches)}) AS newest LIMIT %s", [
            *params,
            wanted,
        ]

    def _matches(self, query, filters):
        params: list = [" & ".join(query.terms)]  # every word
        where = _filter_sql(filters, params)
        return (
            f"FROM {ENTRY_TABLE} e WHERE e.search_vector @@ to_tsquery('simple', %s) AND {where}"
        ), params

    def page(self, query, filters, *, now, offset, limit):
        matches, where_params = self._matches(query, filters)
        tier_params: list = [" <-> ".join(query.terms)]
        exact_sql = "0"
        if query.exact:
            exact_sql = "(CASE WHEN c.exact_vector @@ to_tsquery('simple', %s) THEN 1 ELSE 0 END)"
            tier_params.append(" & ".join(query.exact))
        columns = "e.id, e.published_at, e.search_vector, e.exact_vector"
        newest, newest_params = self._newest(
            f"SELECT {columns} {matches}", where_params, now, _candidates_wanted(offset, limit)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH dated AS ({newest}), "
                "candidates AS ("
                "SELECT d.*, row_number() OVER (ORDER BY d.published_at DESC, d.id DESC) <= %s "
                "AS ranked FROM dated d UNION ALL "
                f"(SELECT {columns}, TRUE {matches} AND e.published_at IS NULL LIMIT %s)) "
                "SELECT c.id FROM candidates c ORDER BY c.ranked DESC, "
                "(CASE WHEN c.ranked THEN (CASE WHEN c.search_vector @@ to_tsquery('simple', %s) "
                f"THEN 2 ELSE 0 END) + {exact_sql} END) DESC NULLS LAST, "
                "(CASE WHEN c.ranked THEN ts_rank_cd(c.search_vector, to_tsquery('simple', %s)) "
                "END) DESC NULLS LAST, c.published_at DESC NULLS LAST, c.id DESC "
                "LIMIT %s OFFSET %s",
                [
                    *newest_params,
                    RANKED,
                    *where_params,
                    RANKED,
                    *tier_params,
                    " & ".join(query.terms),
                    limit,
                    offset,
                ],
            )
            return [row[0] for row in cursor.fetchall()]


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise RuntimeError(f"Search supports SQLite and PostgreSQL, not {connection.vendor}.")
