"""View and visit counters: cheap on the hot path, exact under concurrency.

A counted view costs no database write, only cache operations:

1. ``incr`` of the item's buffer in the ``counters`` cache (atomic in Redis and in the
   in-process cache);
2. ``add`` of the item's "dirty" flag; when the flag was not set, the item is appended to the
   dirty register (a sequence number from ``incr`` and one slot key per number).

A request's counting, the figures it shows and the check whether a flush is due go together in
one ``tally``: with Redis one Lua script (one round trip, atomic), in process the cache's own
operations one by one.

``flush()`` (every ``NEWS_COUNTER_FLUSH_SECONDS``, by the first request that finds the flush
due, once its page is rendered; and by ``manage.py flush_counters`` / the ``flush_counters`` task) walks the register: for
each slot it clears the flag, reads the buffer, adds it to the database row and subtracts what
it added from the buffer. An increment that lands between those steps is either read by this
flush or re-registers the item for the next one, so no view is lost or counted twice.

The figure shown is always the stored count plus what is still buffered. Stored counts survive
restarts; so do buffers in Redis. With the in-process cache a process flushes its buffers
when it exits normally; a crash loses at most one flush interval.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import F

logger = logging.getLogger(__name__)

SITE_VISITS = "site_visits"
_SEQUENCE = "dirty:seq"
_DONE = "dirty:done"
_FLUSH_DUE = "flush:due"
_FLUSH_LOCK = "flush:lock"
_EMPTY = "-"


def _cache():
    return caches["counters"]


@dataclass(frozen=True)
class Counter:
    """One counted thing: ``kind`` is "article" (``ident`` its id) or "site" (a key)."""

    kind: str
    ident: str

    @property
    def buffer_key(self) -> str:
        return f"buf:{self.kind}:{self.ident}"

    @property
    def flag_key(self) -> str:
        return f"dirty:{self.kind}:{self.ident}"

    @property
    def token(self) -> str:
        return f"{self.kind}:{self.ident}"

    @classmethod
    def from_token(cls, token: str) -> Counter:
        kind, ident = token.split(":", 1)
        return cls(kind, ident)


def article_counter(article_id: int) -> Counter:
    return Counter("article", str(article_id))


def site_counter(key: str = SITE_VISITS) -> Counter:
    return Counter("site", key)


def _incr(key: str, delta: int = 1) -> int:
    """Add ``delta`` to the number at ``key`` (created at 0 if missing); the new value."""
    cache = _cache()
    for _attempt in range(3):
        try:
            return cache.incr(key, delta)  # one command when the key exists, as it mostly does
        except ValueError:  # missing (never counted, or removed meanwhile): create it
            cache.add(key, 0, timeout=None)
    return cache.incr(key, delta)


def _register(counter: Counter) -> None:
    cache = _cache()
    while True:
        seq = _incr(_SEQUENCE)
        if cache.add(f"dirty:slot:{seq}", counter.token, timeout=None):
            return
        # A flush found this slot empty and closed it: take the next number.


_exit_hook = threading.Lock()
_exit_registered = False


def _ensure_exit_flush() -> None:
    global _exit_registered
    if _exit_registered or not _is_local_cache():
        return
    with _exit_hook:
        if not _exit_registered:
            atexit.register(_flush_at_exit)
            _exit_registered = True


def _is_local_cache() -> bool:
    return "locmem" in settings.CACHES["counters"]["BACKEND"].lower()


def _flush_at_exit() -> None:
    try:
        flush()
    except Exception as error:  # the interpreter is going away; nothing more can be done
        logger.warning("counter flush at exit failed: %s", error)


def count(counter: Counter, amount: int = 1) -> None:
    """Count ``amount`` for ``counter`` (in the cache only)."""
    tally(count=[counter], amount=amount)


def buffered(counter: Counter) -> int:
    return _cache().get(counter.buffer_key, 0) or 0


def tally(
    *,
    count: Sequence[Counter] = (),
    show: Sequence[Counter] = (),
    amount: int = 1,
    check_flush: bool = False,
) -> dict[Counter, int]:
    """One request's counting, in one cache round trip where the cache allows it (Redis).

    Counts ``amount`` for each of ``count``; returns the figure to show (stored plus buffered)
    for each of ``show``, read after the counting; with ``check_flush``, flushes when the
    interval has passed (the first request to find it due does it, after the reading) the
    counters registered before this request (what this request registers waits for the next
    flush).
    """
    cache = _cache()
    if hasattr(cache, "run_script"):
        stored_copies, buffers, flush_up_to = _tally_in_script(
            cache, count, show, amount, check_flush
        )
    else:
        stored_copies, buffers, flush_up_to = _tally_step_by_step(
            cache, count, show, amount, check_flush
        )
    if count:
        _ensure_exit_flush()
    figures = {
        counter: _stored(counter, copy) + (buffer or 0)
        for counter, copy, buffer in zip(show, stored_copies, buffers, strict=True)
    }
    if flush_up_to is not None:
        try:
            flush(up_to=flush_up_to)
        except Exception:  # counting must never break a page; the counts stay buffered
            logger.exception("counter flush failed")
    return figures


# Checks the flush, counts, registers in the dirty register and reads, in one atomic step.
# KEYS: the register's sequence, the flush-due flag, the slot key prefix, then a buffer and a
# flag per counted counter, then a stored copy and a buffer per shown counter.
# ARGV: number counted, number shown, amount, flush interval (-1: no check), then the tokens.
# Returns a stored copy and a buffer per shown counter, then the register's sequence number
# before the counting when a flush is due (else -1).
_TALLY_SCRIPT = """
local counted, shown, amount = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local interval, flush_up_to = tonumber(ARGV[4]), -1
if interval == 0 or (interval > 0 and redis.call('SET', KEYS[2], 1, 'NX', 'EX', interval)) then
  flush_up_to = tonumber(redis.call('GET', KEYS[1]) or '0')
end
for i = 1, counted do
  local buffer, flag = KEYS[2 + 2 * i], KEYS[3 + 2 * i]
  redis.call('INCRBY', buffer, amount)
  if redis.call('SET', flag, 1, 'NX') then
    local seq = redis.call('INCR', KEYS[1])
    redis.call('SET', KEYS[3] .. seq, ARGV[4 + i])
  end
end
local found = {}
for j = 1, shown do
  local base = 2 + 2 * counted + 2 * j
  found[2 * j - 1] = redis.call('GET', KEYS[base])
  found[2 * j] = redis.call('GET', KEYS[base + 1])
end
found[2 * shown + 1] = flush_up_to
return found
"""


def _tally_in_script(cache, count, show, amount, check_flush):
    keys = [_SEQUENCE, _FLUSH_DUE, "dirty:slot:"]
    for counter in count:
        keys += [counter.buffer_key, counter.flag_key]
    for counter in show:
        keys += [_stored_key(counter), counter.buffer_key]
    interval = settings.NEWS_COUNTER_FLUSH_SECONDS if check_flush else -1
    found = cache.run_script(
        _TALLY_SCRIPT,
        keys,
        [len(count), len(show), amount, interval, *(counter.token for counter in count)],
    )
    return found[0:-1:2], found[1:-1:2], (found[-1] if found[-1] >= 0 else None)


def _tally_step_by_step(cache, count, show, amount, check_flush):
    """The same with the cache's own operations (the in-process cache of the embedded set-up)."""
    flush_due = check_flush and cache.add(
        _FLUSH_DUE, 1, timeout=settings.NEWS_COUNTER_FLUSH_SECONDS
    )
    flush_up_to = cache.get(_SEQUENCE, 0) if flush_due else None
    for counter in count:
        _incr(counter.buffer_key, amount)
        if cache.add(counter.flag_key, 1, timeout=None):
            _register(counter)
    values = cache.get_many([key for c in show for key in (_stored_key(c), c.buffer_key)])
    stored_copies = [values.get(_stored_key(counter)) for counter in show]
    buffers = [values.get(counter.buffer_key) for counter in show]
    return stored_copies, buffers, flush_up_to


def flush(up_to: int | None = None) -> int:
    """Write the buffered counts to the database (of the register's slots up to ``up_to``, by
    default all). Returns how many views were written."""
    cache = _cache()
    if not cache.add(_FLUSH_LOCK, 1, timeout=300):
        return 0  # another flush is running
    written = 0
    try:
        done = cache.get(_DONE, 0)
        last = cache.get(_SEQUENCE, 0) if up_to is None else up_to
        for seq in range(done + 1, last + 1):
            slot = f"dirty:slot:{seq}"
            if cache.add(slot, _EMPTY, timeout=3600):
                continue  # never filled (its writer will take another number)
            token = cache.get(slot)
            cache.delete(slot)
            if token in (None, _EMPTY):
                continue
            written += _flush_one(Counter.from_token(token))
            cache.set(_DONE, seq, timeout=None)
        cache.set(_DONE, max(done, last), timeout=None)
    finally:
        cache.delete(_FLUSH_LOCK)
    return written


def _flush_one(counter: Counter) -> int:
    from motcua.news.models import Article, SiteCounter

    cache = _cache()
    cache.delete(counter.flag_key)
    amount = cache.get(counter.buffer_key, 0) or 0
    if amount <= 0:
        return 0
    with transaction.atomic():
        if counter.kind == "article":
            Article.objects.filter(pk=int(counter.ident)).update(
                view_count=F("view_count") + amount
            )
        else:
            updated = SiteCounter.objects.filter(key=counter.ident).update(
                value=F("value") + amount
            )
            if not updated:
                SiteCounter.objects.get_or_create(key=counter.ident)
                SiteCounter.objects.filter(key=counter.ident).update(value=F("value") + amount)
        stored = _stored_in_database(counter)
    cache.set(_stored_key(counter), stored, timeout=_stored_copy_seconds())
    # Written: take it out of the buffer (increments made meanwhile stay there).
    with contextlib.suppress(ValueError):  # the buffer vanished (cache cleared)
        cache.decr(counter.buffer_key, amount)
    return amount


# --- The figure shown ------------------------------------------------------------------------
# Pages show the stored count plus what is buffered. The stored count is read from a copy in
# the counters' cache that every flush of the counter renews, so a page reads no database row
# for it; the copy expires after two flush intervals, should a flush die between its write and
# the copy, and is then read again from the database.


def _stored_key(counter: Counter) -> str:
    return f"stored:{counter.kind}:{counter.ident}"


def _stored_copy_seconds() -> int:
    return max(settings.NEWS_COUNTER_FLUSH_SECONDS, 1) * 2


def _stored_in_database(counter: Counter) -> int:
    from motcua.news.models import Article, SiteCounter

    if counter.kind == "article":
        rows = Article.objects.filter(pk=int(counter.ident)).values_list("view_count", flat=True)
    else:
        rows = SiteCounter.objects.filter(key=counter.ident).values_list("value", flat=True)
    return rows.first() or 0


def _stored(counter: Counter, copy: int | None) -> int:
    if copy is None:
        copy = _stored_in_database(counter)
        _cache().add(_stored_key(counter), copy, timeout=_stored_copy_seconds())
    return copy


def shown(counter: Counter) -> int:
    """The figure to show: stored plus buffered."""
    return tally(show=[counter])[counter]


def site_visits() -> int:
    """The site's visit count as shown ("Số lượt truy cập")."""
    return shown(site_counter())
