"""The full-text structures, each only on its own database.

SQLite: an FTS5 table (rowid = entry id) with the folded title and text and their exact terms;
``unicode61`` without diacritic removal, since the text is already folded by ``core.text.fold``
(which, unlike Unicode decomposition, also folds đ/Đ).

PostgreSQL: ``search_vector`` (folded title weighted A, folded text B) with a GIN index, and
``exact_vector`` (exact terms, read only to rank the matches), both filled by the backend.
"""

from django.db import migrations

SQLITE_UP = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, title_x, body_x, tokenize = 'unicode61 remove_diacritics 0')"
)
SQLITE_DOWN = "DROP TABLE IF EXISTS search_fts"

POSTGRES_UP = """
ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector;
ALTER TABLE search_searchentry ADD COLUMN exact_vector tsvector;
CREATE INDEX search_entry_vector_gin ON search_searchentry USING GIN (search_vector);
"""
POSTGRES_DOWN = """
DROP INDEX IF EXISTS search_entry_vector_gin;
ALTER TABLE search_searchentry DROP COLUMN IF EXISTS exact_vector;
ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector;
"""


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_UP, params=None)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP, params=None)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DOWN, params=None)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(install, uninstall)]
