from django.contrib.sessions.backends import cached_db

from motcua.core.sessions import NewKeyWithoutLookup


class SessionStore(NewKeyWithoutLookup, cached_db.SessionStore):
    def save(self, must_create=False):
        # A new session: create() saves it (database, then cache); Django's own save() would
        # then write the cache a second time.
        if self.session_key is None:
            return self.create()
        return super().save(must_create)
