"""Database sessions without the look-up Django makes before inserting a new one.

Django draws a new session key and asks the database whether it is taken before the INSERT.
The key has 32 characters of 36 (some 165 bits): a collision does not happen in practice, and
if it did, the INSERT would fail on the primary key, which Django's ``create()`` answers by
drawing another key. The look-up only cost every new visitor (each status lookup) a query.

(Reading sessions from Redis, ``cached_db``, was measured too: for a lookup, which writes the
session once and reads it once, the cache write it adds costs what the read saves.)
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string


class SessionStore(db.SessionStore):
    def _get_new_session_key(self) -> str:
        return get_random_string(32, VALID_KEY_CHARS)
