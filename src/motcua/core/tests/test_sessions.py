"""Sessions: new ones are inserted without first looking up whether their key is taken."""

import pytest

from motcua.core import sessions
from motcua.core.sessions import SessionStore


@pytest.mark.django_db
def test_a_new_session_never_takes_the_key_of_another(monkeypatch):
    """A drawn key that is taken fails the INSERT, and another is drawn."""
    first = SessionStore()
    first["dossiers_unlocked"] = ["A"]
    first.save()
    drawn = iter([first.session_key, "k" * 32])
    monkeypatch.setattr(sessions, "get_random_string", lambda length, chars: next(drawn))
    second = SessionStore()
    second["dossiers_unlocked"] = ["B"]
    second.save()
    assert second.session_key == "k" * 32
    assert SessionStore(first.session_key)["dossiers_unlocked"] == ["A"]
    assert SessionStore(second.session_key)["dossiers_unlocked"] == ["B"]
