"""One row per searchable item of every content type.

The rows hold the original title and text (for results and snippets). The full-text structures
are the database's own and are created by migration 0002: an FTS5 table on SQLite, two
``tsvector`` columns with a GIN index on PostgreSQL. ``motcua.search.backends`` writes and
queries them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    kind = models.CharField(_("content type"), max_length=40)
    key = models.CharField(_("key"), max_length=64, help_text="Public identifier within the kind.")
    url = models.CharField(_("address"), max_length=500)
    label = models.CharField(_("label"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_entry_unique_kind_key")
        ]
        indexes = [
            models.Index(fields=["kind", "published_at"], name="search_kind_published"),
            # The newest matches of a search, period by period (see backends.PostgresBackend).
            models.Index(fields=["published_at"], name="search_published"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
