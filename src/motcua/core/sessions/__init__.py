"""Database sessions that skip the look-up Django makes before inserting a new one.

Django draws a new session key and asks the database (or the cache) whether it is taken before
the INSERT. The key has 32 characters of 36 (some 165 bits): a collision never happens in
practice, and if it did the INSERT would fail on the primary key, which Django's ``create()``
answers by drawing another key. The look-up only costs every new visitor a round trip.

``SESSION_ENGINE`` is ``motcua.core.sessions.cached_db`` when a Redis cache is configured
(reads from the cache; every write also goes to the database, so sessions outlive a Redis
restart or eviction) and ``motcua.core.sessions.db`` otherwise (an in-process cache would not
be shared by the processes of a server).
"""

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.utils.crypto import get_random_string


class NewKeyWithoutLookup:
    def _get_new_session_key(self) -> str:
        return get_random_string(32, VALID_KEY_CHARS)
