"""What a search reads first on PostgreSQL (see ``backends.PostgresBackend``).

- an index on the publication time, intersected with the GIN index to find the newest matches
  one period at a time;
- a GIN index over the undated entries only (procedures), so that looking for them costs a
  scan of their few entries rather than of every entry;
- a short GIN pending list: new entries wait there until it is merged into the index, and every
  search reads all of it; 256 kB instead of 4 MB bounds that.
"""

from django.db import migrations, models

POSTGRES_UP = """
CREATE INDEX search_entry_undated_gin ON search_searchentry USING GIN (search_vector)
    WITH (gin_pending_list_limit = 256) WHERE published_at IS NULL;
ALTER INDEX search_entry_vector_gin SET (gin_pending_list_limit = 256);
"""
POSTGRES_DOWN = """
DROP INDEX IF EXISTS search_entry_undated_gin;
ALTER INDEX search_entry_vector_gin RESET (gin_pending_list_limit);
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_UP, params=None)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]
    operations = [
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(fields=["published_at"], name="search_published"),
        ),
        migrations.RunPython(install, uninstall),
    ]
