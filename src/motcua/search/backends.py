# ruff: noqa: S608 -- SQL is built from constant table names and placeholders; values are bound.
"""The database side of search: SQLite FTS5 or PostgreSQL full-text, behind one interface.

Ranking, on both: results in tiers, then by the engine's relevance, then newest first.

- tier 2: the folded query words appear next to each other, as a phrase;
- tier 1: the words as typed, with their diacritics, all appear (only when the visitor typed
  diacritics);
- every result contains every folded query word.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection

from motcua.search.text import ParsedQuery, exact_terms, folded_terms

ENTRY_TABLE = "search_searchentry"
FTS_TABLE = "search_fts"


@dataclass(frozen=True)
class Filters:
    kinds: tuple[str, ...] = ()
    date_from: dt.datetime | None = None
    date_to: dt.datetime | None = None  # exclusive


def _filter_sql(filters: Filters, now: dt.datetime, params: list) -> str:
    clauses = ["(e.published_at IS NULL OR e.published_at <= %s)"]
    params.append(now)
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

    def search(
        self,
        query: ParsedQuery,
        filters: Filters,
        *,
        now: dt.datetime,
        offset: int,
        limit: int,
        count_limit: int,
    ) -> tuple[int, list[int]]:
        """(number of matches, counted up to ``count_limit + 1`` only; ids of the entries of the
        requested page in rank order)."""
        raise NotImplementedError


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

    def search(self, query, filters, *, now, offset, limit, count_limit):
        match_all = "{title body}: (" + self._quoted(query.terms) + ")"
        match_phrase = '{title body}: "' + " ".join(query.terms) + '"'
        params: list = [match_phrase]
        exact_sql = "0"
        if query.exact:
            exact_sql = (
                f"(CASE WHEN f.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                "MATCH %s) THEN 1 ELSE 0 END)"
            )
            params.append("{title_x body_x}: (" + self._quoted(query.exact) + ")")
        where_params: list = [match_all]
        where = _filter_sql(filters, now, where_params)
        base = (
            f"FROM {FTS_TABLE} f JOIN {ENTRY_TABLE} e ON e.id = f.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {where}"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 {base} LIMIT %s) AS counted",
                [*where_params, count_limit + 1],
            )
            total = cursor.fetchone()[0]
            if not total or not limit or offset >= total:
                return total, []
            cursor.execute(
                "SELECT e.id, "
                f"(CASE WHEN f.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                f"MATCH %s) THEN 2 ELSE 0 END) + {exact_sql} AS tier, "
                f"bm25({FTS_TABLE}, 5.0, 1.0, 0.0, 0.0) AS score "
                f"{base} ORDER BY tier DESC, score ASC, e.published_at DESC, e.id DESC "
                "LIMIT %s OFFSET %s",
                [*params, *where_params, limit, offset],
            )
            return total, [row[0] for row in cursor.fetchall()]


class PostgresBackend(Backend):
    """Two ``tsvector`` columns on the entry table: ``search_vector`` (folded title weighted A,
    folded text weighted B; GIN index) and ``exact_vector`` (exact terms, for ranking only)."""

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

    def search(self, query, filters, *, now, offset, limit, count_limit):
        tsq_all = " & ".join(query.terms)
        tsq_phrase = " <-> ".join(query.terms)
        exact_sql = "0"
        params: list = [tsq_phrase]
        if query.exact:
            exact_sql = "(CASE WHEN e.exact_vector @@ to_tsquery('simple', %s) THEN 1 ELSE 0 END)"
            params.append(" & ".join(query.exact))
        where_params: list = [tsq_all]
        where = _filter_sql(filters, now, where_params)
        base = f"FROM {ENTRY_TABLE} e WHERE e.search_vector @@ to_tsquery('simple', %s) AND {where}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM (SELECT 1 {base} LIMIT %s) AS counted",
                [*where_params, count_limit + 1],
            )
            total = cursor.fetchone()[0]
            if not total or not limit or offset >= total:
                return total, []
            cursor.execute(
                "SELECT e.id, "
                "(CASE WHEN e.search_vector @@ to_tsquery('simple', %s) THEN 2 ELSE 0 END) "
                f"+ {exact_sql} AS tier, "
                "ts_rank_cd(e.search_vector, to_tsquery('simple', %s)) AS score "
                f"{base} ORDER BY tier DESC, score DESC, e.published_at DESC NULLS LAST, "
                "e.id DESC LIMIT %s OFFSET %s",
                [*params, tsq_all, *where_params, limit, offset],
            )
            return total, [row[0] for row in cursor.fetchall()]


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SQLiteBackend()
    raise RuntimeError(f"Search supports SQLite and PostgreSQL, not {connection.vendor}.")
