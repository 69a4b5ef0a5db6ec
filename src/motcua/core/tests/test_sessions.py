"""Sessions: a new one is one INSERT, without looking up first whether its key is taken."""

import pytest
from django.contrib.sessions.backends.base import UpdateError

from motcua.core import sessions
from motcua.core.sessions import SessionStore


def a_session(unlocked: str) -> SessionStore:
    session = SessionStore()
    session["dossiers_unlocked"] = [unlocked]
    session.save()
    return session


# Outside a transaction (as in a request) and inside one (as in a view that writes).
@pytest.mark.parametrize("transaction", [True, False])
def test_a_new_session_never_takes_the_key_of_another(transaction, request, monkeypatch):
    """A drawn key that is taken fails the INSERT, and another is drawn."""
    if transaction:
        # Serialized rollback, as the other tests outside a transaction do: without it the
        # content types recreated after the flush clash with theirs.
        request.getfixturevalue("django_db_serialized_rollback")
    request.getfixturevalue("transactional_db" if transaction else "db")
    first = a_session("A")
    drawn = iter([first.session_key, "k" * 32])
    monkeypatch.setattr(sessions, "get_random_string", lambda length, chars: next(drawn))
    second = a_session("B")
    assert second.session_key == "k" * 32
    assert SessionStore(first.session_key)["dossiers_unlocked"] == ["A"]
    assert SessionStore(second.session_key)["dossiers_unlocked"] == ["B"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_a_session_is_written_in_one_statement(django_assert_num_queries):
    with django_assert_num_queries(1):
        session = a_session("A")
    with django_assert_num_queries(1):  # a change updates the row
        session["dossiers_unlocked"] = ["A", "B"]
        session.save()
    assert SessionStore(session.session_key)["dossiers_unlocked"] == ["A", "B"]
    session.delete()
    session["dossiers_unlocked"] = ["C"]
    with pytest.raises(UpdateError):  # the session ended meanwhile (signed out)
        session.save()
