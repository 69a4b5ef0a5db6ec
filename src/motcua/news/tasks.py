"""Background tasks of the news portal."""

from django_tasks import task

from motcua.news import counters


@task()
def flush_counters() -> int:
    """Write the buffered view and visit counts (for deployments whose cache is shared by the
    web servers and the workers, such as Redis)."""
    return counters.flush()
