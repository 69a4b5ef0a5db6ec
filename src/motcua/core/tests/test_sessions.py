"""Sessions: kept in the database, read from the cache when the site has Redis."""

import pytest
from django.core.cache import cache

from motcua.core import sessions
from motcua.core.sessions.cached_db import SessionStore as CachedStore
from motcua.core.sessions.db import SessionStore as DatabaseStore


@pytest.mark.django_db
@pytest.mark.parametrize("store", [DatabaseStore, CachedStore])
def test_a_session_outlives_a_cache_flush(store):
    """A Redis restart signs nobody out and closes no dossier a citizen looked up."""
    session = store()
    session["dossiers_unlocked"] = ["000.31.26.H29-261206-0001"]
    session.save()
    cache.clear()
    assert store(session.session_key)["dossiers_unlocked"] == ["000.31.26.H29-261206-0001"]


@pytest.mark.django_db
def test_a_cached_session_is_read_without_the_database(django_assert_num_queries):
    session = CachedStore()
    session["dossiers_unlocked"] = ["000.31.26.H29-261206-0001"]
    session.save()
    with django_assert_num_queries(0):
        assert CachedStore(session.session_key)["dossiers_unlocked"]


@pytest.mark.django_db
@pytest.mark.parametrize("store", [DatabaseStore, CachedStore])
def test_a_new_session_never_takes_the_key_of_another(store, monkeypatch):
    """New keys are not looked up before the INSERT: a taken one fails it and another is drawn."""
    first = store()
    first["dossiers_unlocked"] = ["A"]
    first.save()
    drawn = iter([first.session_key, "k" * 32])
    monkeypatch.setattr(sessions, "get_random_string", lambda length, chars: next(drawn))
    second = store()
    second["dossiers_unlocked"] = ["B"]
    second.save()
    assert second.session_key == "k" * 32
    cache.clear()
    assert DatabaseStore(first.session_key)["dossiers_unlocked"] == ["A"]
