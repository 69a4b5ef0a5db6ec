from django.contrib.sessions.backends import db

from motcua.core.sessions import NewKeyWithoutLookup


class SessionStore(NewKeyWithoutLookup, db.SessionStore):
    pass
