"""Database sessions, created in one statement.

Django draws a new session key and asks the database whether it is taken before the INSERT,
and it wraps the INSERT in a transaction of its own (BEGIN, INSERT, COMMIT). The key has 32
characters of 36 (some 165 bits): a collision does not happen in practice, and if it did, the
INSERT would fail on the primary key, which ``create()`` answers by drawing another key. Outside
a transaction the INSERT alone is just as atomic, and its failure leaves nothing to roll back.
So a new session (each status lookup makes one) costs one round trip instead of four, and a
change to a session one instead of three.

(Reading sessions from Redis, ``cached_db``, was measured too: for a lookup, which writes the
session once and reads it once, the cache write it adds costs what the read saves.)
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, router, transaction
from django.utils.crypto import get_random_string


class SessionStore(db.SessionStore):
    def _get_new_session_key(self) -> str:
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create=False):
        """Django's ``save()``, without its transaction where the statement is one already."""
        using = router.db_for_write(self.model)
        if self.session_key is None or transaction.get_connection(using).in_atomic_block:
            return super().save(must_create)
        session = self.create_model_instance(self._get_session(no_load=must_create))
        try:
            session.save(force_insert=must_create, force_update=not must_create, using=using)
        except IntegrityError as error:
            if must_create:
                raise CreateError from error
            raise
        except DatabaseError as error:
            if not must_create:
                raise UpdateError from error
            raise
