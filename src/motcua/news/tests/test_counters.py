"""View and visit counters: once per visitor session, exact under concurrency, no database
write on the hot path, counts kept across restarts.

Every test runs twice: with the in-process cache of the embedded set-up, and with Redis as in
production (where a request's counting is one Lua script)."""

import os
import threading

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from motcua.news import counters
from motcua.news.models import Article, SiteCounter
from motcua.news.tests.factories import ArticleFactory

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(autouse=True, params=["in-process", "redis"])
def counters_cache(request, settings):
    """The ``counters`` cache of each set-up. Without a Redis server the Redis run is skipped,
    unless ``TEST_REDIS_URL`` is set (CI sets it: there a missing server is a failure)."""
    if request.param == "redis":
        import redis

        try:
            redis.Redis.from_url(TEST_REDIS_URL).ping()
        except redis.ConnectionError:
            if "TEST_REDIS_URL" in os.environ:
                raise
            pytest.skip(f"no Redis server at {TEST_REDIS_URL}")
        settings.CACHES = {
            **settings.CACHES,
            "counters": {
                "BACKEND": "motcua.core.cache.RedisCache",
                "LOCATION": TEST_REDIS_URL,
                "KEY_PREFIX": "counters",
            },
        }
    caches["counters"].clear()
    yield request.param
    caches["counters"].clear()


def shown_count(client, article) -> int:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    marker = 'data-testid="view-count">'
    start = html.index(marker) + len(marker)
    return int(html[start : html.index("<", start)])


@pytest.mark.django_db
def test_a_visitor_is_counted_once_per_browser_session(client):
    article = ArticleFactory(view_count=416)
    assert shown_count(client, article) == 417
    assert shown_count(client, article) == 417  # same session: not counted again
    assert shown_count(Client(), article) == 418  # a new visitor is


@pytest.mark.django_db
def test_counting_a_view_writes_nothing_to_the_database(client):
    article = ArticleFactory()
    client.get(article.get_absolute_url())  # the first request of the interval flushes
    with CaptureQueriesContext(connection) as context:
        for _ in range(5):
            assert Client().get(article.get_absolute_url()).status_code == 200
    writes = [q["sql"] for q in context.captured_queries if not q["sql"].startswith("SELECT")]
    assert writes == []
    # The first request's flush wrote what was counted before it (nothing); the rest is buffered...
    assert Article.objects.get(pk=article.pk).view_count == 0
    assert shown_count(Client(), article) == 7  # ...and shown

    caches["counters"].delete("flush:due")  # the interval has passed
    assert shown_count(Client(), article) == 8
    # That request flushed the article, registered by the views before it: all eight are stored.
    assert Article.objects.get(pk=article.pk).view_count == 8
    assert counters.buffered(counters.article_counter(article.pk)) == 0


@pytest.mark.django_db
def test_flush_moves_the_buffer_to_the_database_and_the_count_survives_a_restart():
    article = ArticleFactory(view_count=100)
    for _ in range(5):
        counters.count(counters.article_counter(article.pk))
    counters.flush()
    article.refresh_from_db()
    assert article.view_count == 105
    caches["counters"].clear()  # a restart of the in-process cache
    assert Client().get(article.get_absolute_url()).status_code == 200
    assert (
        Article.objects.get(pk=article.pk).view_count
        + counters.buffered(counters.article_counter(article.pk))
        == 106
    )


@pytest.mark.django_db
def test_site_visits_are_counted_once_per_session_from_the_stored_figure(client):
    SiteCounter.objects.create(key=counters.SITE_VISITS, value=29410893)
    client.get("/")
    client.get("/tin-tuc/")
    Client().get("/")
    assert counters.site_visits() == 29410895
    counters.flush()
    assert SiteCounter.objects.get(key=counters.SITE_VISITS).value == 29410895
    assert counters.site_visits() == 29410895  # the stored copy moved as the buffer emptied
    Client().get("/")
    assert counters.site_visits() == 29410896


@pytest.mark.django_db
def test_crawlers_are_not_counted(client):
    article = ArticleFactory()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    assert counters.buffered(counters.article_counter(article.pk)) == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_hundred_concurrent_visits_add_exactly_two_hundred_views(settings):
    article = ArticleFactory(view_count=892)
    if connection.vendor == "postgresql":
        # Flush on every request, so that flushes run concurrently with the counting.
        settings.NEWS_COUNTER_FLUSH_SECONDS = 0
    else:
        # SQLite's in-memory test database locks whole tables across connections (a file
        # database in WAL mode does not): no flush while the threads read, one at the end.
        caches["counters"].set("flush:due", 1, timeout=None)
    errors = []
    start = threading.Barrier(20)

    def visit(n_visits):
        try:
            start.wait(timeout=60)
            for _ in range(n_visits):
                response = Client().get(article.get_absolute_url())  # a new session each time
                assert response.status_code == 200
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=visit, args=(10,)) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    stored = Article.objects.get(pk=article.pk).view_count
    assert stored + counters.buffered(counters.article_counter(article.pk)) == 892 + 200
    counters.flush()
    assert Article.objects.get(pk=article.pk).view_count == 892 + 200
    assert counters.buffered(counters.article_counter(article.pk)) == 0


@pytest.mark.django_db
def test_flush_command_and_task_write_the_buffer():
    from django.core.management import call_command

    from motcua.news.tasks import flush_counters

    article = ArticleFactory(view_count=10)
    counters.count(counters.article_counter(article.pk), 3)
    call_command("flush_counters")
    counters.count(counters.article_counter(article.pk), 2)
    assert flush_counters.call() == 2
    assert Article.objects.get(pk=article.pk).view_count == 15
