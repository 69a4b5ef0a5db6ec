"""Reads: staff queues, the register, the public status, the control slip."""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.core.text import fold
from motcua.dossiers import deadlines
from motcua.dossiers.models import (
    CLOCK_RUNNING,
    OPEN_STATUSES,
    Dossier,
    DossierEvent,
    Slip,
    Status,
)
from motcua.dossiers.queuecache import kept_counters
from motcua.organisations.models import Unit
from motcua.organisations.scoping import UnitScope
from motcua.organisations.selectors import memberships_of

#: Who works on dossiers: the back-office pages and the staff API.
STAFF_ROLES = (RoleCode.ONE_STOP_OFFICER, RoleCode.SPECIALIST, RoleCode.LEADER)

QUEUES = (
    "open",
    "to_receive",
    "mine",
    "department",
    "due_soon",
    "overdue",
    "supplement",
    "to_return",
    "all",
)


@dataclass(frozen=True)
class DossierFilters:
    queue: str = "all"
    status: int | None = None
    procedure: str = ""
    channel: str = ""
    unit: Unit | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    q: str = ""


def _staff_base(user) -> QuerySet[Dossier]:
    return Dossier.objects.visible_to(user).select_related(
        "procedure_version__procedure", "unit", "department", "assignee"
    )


def _statuses(statuses: tuple[int, ...], status: int | None) -> Q:
    """``status__in=statuses``, narrowed to ``status`` when the user filters by one: a single
    status lets the database read the (unit, status, submitted_at) index in order."""
    if status is None:
        return Q(status__in=statuses)
    return Q(status=status) if status in statuses else Q(pk__in=[])


def queue_condition(queue: str, user, today: dt.date, *, status: int | None = None) -> Q:
    """What a work queue holds (except which units), for its list and its counter; ``status``:
    only the dossiers in that status (the filter)."""
    match queue:
        case "open":
            return _statuses((*OPEN_STATUSES, Status.RESULT_READY), status)
        case "to_receive":
            return _statuses((Status.SUBMITTED,), status)
        case "mine":
            return Q(assignee=user) & _statuses(OPEN_STATUSES, status)
        case "department":
            departments = [m.unit.pk for m in memberships_of(user)]
            return Q(department__in=departments) & _statuses(OPEN_STATUSES, status)
        case "due_soon":
            return _statuses(CLOCK_RUNNING, status) & Q(
                effective_due_date__gte=today,
                effective_due_date__lte=deadlines.due_soon_limit(today),
            )
        case "overdue":
            return _statuses(CLOCK_RUNNING, status) & Q(effective_due_date__lt=today)
        case "supplement":
            return _statuses((Status.SUPPLEMENT,), status)
        case "to_return":
            return _statuses((Status.RESULT_READY,), status)
    return Q() if status is None else Q(status=status)  # "all"


#: The queues with a counter on their tab: all but "all", and every one within "open".
COUNTED_QUEUES = QUEUES[:-1]


def _conditions(user, filters: DossierFilters, today: dt.date) -> Q:
    """Everything a queue and its filters ask, except which units (see ``_unit_branches``)."""
    conditions = queue_condition(filters.queue, user, today, status=filters.status)
    if filters.procedure:
        conditions &= Q(procedure_version__procedure__code=filters.procedure)
    if filters.channel:
        conditions &= Q(channel=filters.channel)
    tz = timezone.get_current_timezone()
    if filters.received_from:
        conditions &= Q(
            submitted_at__gte=dt.datetime.combine(filters.received_from, dt.time.min, tzinfo=tz)
        )
    if filters.received_to:
        next_day = dt.datetime.combine(
            filters.received_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz
        )
        conditions &= Q(submitted_at__lt=next_day)
    if filters.q:
        term = filters.q.strip()
        conditions &= (
            Q(code__icontains=term)
            | Q(applicant_search__contains=fold(term))
            | Q(applicant_phone=term)
        )
    return conditions


def _unit_ids(user, unit: Unit | None) -> list[int] | None:
    """The units whose dossiers the user asks for: their scope, narrowed to ``unit`` and
    below when given (None: every unit)."""
    scope = UnitScope.of(user)
    if unit is None:
        return None if scope.everything else scope.unit_ids()
    below = list(unit.descendants().values_list("id", flat=True))
    return below if scope.everything else sorted(set(below) & set(scope.unit_ids()))


#: Up to this many receiving units, each is its own branch (read in index order).
MAX_UNIT_BRANCHES = 12


def _unit_branches(ids: list[int] | None) -> list[Q]:
    """Disjoint filters whose union is "received by, processed in (after a transfer) or handed
    to a department of one of these units". One OR over the three columns would make the
    database sort every matching row; separate branches each follow an index."""
    if ids is None:
        return [Q()]
    administrative = set(
        Unit.objects.filter(id__in=ids).administrative().values_list("id", flat=True)
    )
    bodies = [pk for pk in ids if pk not in administrative]
    admin = sorted(administrative)
    received = (
        [Q(unit=pk) for pk in admin] if len(admin) <= MAX_UNIT_BRANCHES else [Q(unit__in=admin)]
    )
    branches = received if admin else []
    if admin:  # dossiers and units are administrative units; transfers are the rare exception
        branches.append(
            Q(processing_unit__in=admin) & ~Q(processing_unit=F("unit")) & ~Q(unit__in=admin)
        )
    if bodies:
        branches.append(
            Q(department__in=bodies) & ~Q(unit__in=admin) & ~Q(processing_unit__in=admin)
        )
    return branches or [Q(pk__in=[])]


ORDERS = {
    "submitted": (("submitted_at", True), ("id", True)),
    "due": (("effective_due_date", False), ("id", True)),
}


def _sort_key(values: tuple, order) -> tuple:
    """A Python key that sorts like the database (NULLS LAST ascending, FIRST descending)."""
    key = []
    for value, (_field, descending) in zip(values, order, strict=True):
        if isinstance(value, dt.datetime):
            value = value.timestamp()
        elif isinstance(value, dt.date):
            value = value.toordinal()
        if descending:
            key += [value is not None, -value if value is not None else 0]
        else:
            key += [value is None, value if value is not None else 0]
    return tuple(key)


#: What a list row shows (staff queues, the register, the API's list): only these are read.
LIST_COLUMNS = (
    "code",
    "status",
    "stage",
    "channel",
    "applicant_name",
    "submitted_at",
    "received_at",
    "effective_due_date",
    "finished_at",
    "returned_at",
    "procedure_version__procedure__code",
    "procedure_version__procedure__name",
    "unit__slug",
    "unit__name",
    "department__name",
    "assignee__username",
    "assignee__full_name",
)


class DossierList:
    """A list of dossiers over disjoint branches, paged without ever sorting the whole set:
    each branch is read in index order up to the end of the requested page, the branches are
    merged (a list with one branch that holds rows leaves the skipping to the database), and
    only the page's rows are then fetched with their related objects. Works with
    Django's Paginator and ninja's pagination (``count()`` and slicing)."""

    def __init__(self, branches: list[QuerySet[Dossier]], order, *, sizes: list[int] | None = None):
        self.order = order
        self.branches = branches
        self._sizes = sizes

    def _branch_sizes(self) -> list[int]:
        """How many rows each branch holds: given by the caller when already known (a queue's
        counters), else counted (index-only)."""
        if self._sizes is None:
            self._sizes = [branch.count() for branch in self.branches]
        return self._sizes

    def count(self) -> int:
        return sum(self._branch_sizes())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        if stop <= start:
            return []
        fields = [field for field, _descending in self.order]
        db_order = [f"-{field}" if descending else field for field, descending in self.order]
        branches = [
            branch.order_by(*db_order)
            for branch, size in zip(self.branches, self._branch_sizes(), strict=True)
            if size  # an empty branch read in index order may scan the whole index
        ]
        if len(branches) == 1:  # nothing to merge: the database skips to the page
            ids = list(branches[0].values_list("pk", flat=True)[start:stop])
        else:
            streams = [list(branch.values_list(*fields)[:stop]) for branch in branches]
            merged = heapq.merge(*streams, key=lambda row: _sort_key(row, self.order))
            ids = [row[-1] for row in itertools.islice(merged, start, stop)]
        rows = (
            Dossier.objects.select_related(
                "procedure_version__procedure", "unit", "department", "assignee"
            )
            .only(*LIST_COLUMNS)
            .in_bulk(ids)
        )
        return [rows[pk] for pk in ids]

    def __iter__(self):
        return iter(self[0 : self.count()])


def dossiers_for_staff(
    user,
    filters: DossierFilters,
    *,
    today: dt.date | None = None,
    counts: QueueCounts | None = None,
) -> DossierList:
    """The dossiers of a staff work queue, filtered, scoped to the user's units. ``counts``:
    the queues' counters for the same user and unit, when the caller has them already (their
    unit branches are reused, and they size an unfiltered queue's branches without counting
    again; the unfiltered "all", which has no counter, is counted once and kept like them)."""
    today = today or timezone.localdate()
    conditions = _conditions(user, filters, today)
    units = counts.branches if counts else _unit_branches(_unit_ids(user, filters.unit))
    branches = [Dossier.objects.filter(branch, conditions) for branch in units]
    order = ORDERS[
        "due" if filters.queue in ("due_soon", "overdue", "mine", "department") else "submitted"
    ]
    sizes = None
    if counts and filters == DossierFilters(queue=filters.queue, unit=filters.unit):
        sizes = counts.branch_sizes(filters.queue)
        if sizes is None:  # "all"
            sizes = kept_counters(
                filters.unit.pk if filters.unit else None,
                ("all", units),
                lambda: [branch.count() for branch in branches],
            )
    return DossierList(branches, order, sizes=sizes)


def dossiers_for_export(user, filters: DossierFilters) -> QuerySet[Dossier]:
    """The same dossiers as one queryset, for streaming to a spreadsheet."""
    conditions = _conditions(user, filters, timezone.localdate())
    ids = _unit_ids(user, filters.unit)
    scope = (
        Q() if ids is None else Q(unit__in=ids) | Q(processing_unit__in=ids) | Q(department__in=ids)
    )
    return _staff_base(user).filter(scope, conditions).order_by("-submitted_at", "-id")


@dataclass(frozen=True)
class QueueCounts:
    """How many dossiers wait in each queue, in total and per unit branch of the list."""

    branches: list[Q]
    per_branch: list[dict[str, int]]

    def __getitem__(self, queue: str) -> int:
        return sum(branch[queue] for branch in self.per_branch)

    def branch_sizes(self, queue: str) -> list[int] | None:
        return [branch[queue] for branch in self.per_branch] if queue in COUNTED_QUEUES else None


def queue_counts(user, *, unit: Unit | None = None, today: dt.date | None = None) -> QueueCounts:
    """How many dossiers wait in each queue, for the same units as the lists (one aggregate
    per unit branch, over the open dossiers only: every queue but "all" is among them), kept
    in the cache until a dossier of those units changes (``queuecache``)."""
    today = today or timezone.localdate()
    queues = {name: queue_condition(name, user, today) for name in COUNTED_QUEUES}
    branches = _unit_branches(_unit_ids(user, unit))

    def count() -> list[dict[str, int]]:
        return [
            # Counting "status" (never null) rather than the id reads only columns that the
            # branch's index holds: an index-only scan.
            Dossier.objects.filter(branch, queues["open"]).aggregate(
                **{name: Count("status", filter=condition) for name, condition in queues.items()}
            )
            for branch in branches
        ]

    counted = (user.pk, branches, queues)  # "mine" and "department" are the user's
    return QueueCounts(branches, kept_counters(unit.pk if unit else None, counted, count))


def dossier_for_staff(user, code: str) -> Dossier | None:
    return (
        _staff_base(user)
        .select_related("processing_unit", "applicant_user")
        .prefetch_related("documents", "slips", "notes__author", "events")
        .filter(code=code)
        .first()
    )


def _proves_applicant(given: str, *, secret: str, phone: str) -> bool:
    """Whether ``given`` (without spaces) is the receipt's secret or the applicant's phone."""
    phone = phone.replace(" ", "").replace(".", "")
    return given.upper() == secret or bool(phone and given == phone)


def _lookup_terms(code: str, secret: str) -> tuple[str, str] | None:
    code, secret = code.strip(), secret.strip().replace(" ", "")
    return (code, secret) if code and secret else None


def _by_code(queryset: QuerySet, code: str):
    """The row of the dossier with this code, or None (the code is unique: no sort)."""
    return next(iter(queryset.filter(code=code).order_by()[:1]), None)


def dossier_for_applicant(code: str, secret: str) -> Dossier | None:
    """The dossier whose code and secret (the receipt's secret or the applicant's phone) match."""
    terms = _lookup_terms(code, secret)
    if terms is None:
        return None
    dossier = _by_code(
        Dossier.objects.select_related("procedure_version__procedure", "unit"), terms[0]
    )
    if dossier and _proves_applicant(
        terms[1], secret=dossier.secret, phone=dossier.applicant_phone
    ):
        return dossier
    return None


def code_for_applicant(code: str, secret: str) -> str | None:
    """The code of the dossier that ``dossier_for_applicant`` would give, reading only what the
    check needs (the lookup only unlocks the dossier; its status page reads it)."""
    terms = _lookup_terms(code, secret)
    if terms is None:
        return None
    found = _by_code(Dossier.objects.values_list("secret", "applicant_phone"), terms[0])
    if found and _proves_applicant(terms[1], secret=found[0], phone=found[1]):
        return terms[0]
    return None


#: What the applicant's status page shows of a dossier (``status.html``), and no more.
STATUS_PAGE_FIELDS = (
    "code",
    "secret",
    "status",
    "applicant_name",
    "applicant_user",
    "effective_due_date",
    "extended_due_date",
    "finished_at",
    "supplement_items",
    "fee_amount",
    "unit__name",
    "procedure_version__procedure__name",
)


def dossiers_for_status_page() -> QuerySet[Dossier]:
    return Dossier.objects.select_related("procedure_version__procedure", "unit").only(
        *STATUS_PAGE_FIELDS
    )


def public_history(dossier: Dossier) -> list[DossierEvent]:
    """The steps an applicant sees: each with a message written for them."""
    return list(
        dossier.events.exclude(public_note="").only("dossier", "at", "to_status", "public_note")
    )


def public_slips(dossier: Dossier) -> QuerySet[Slip]:
    """The slips listed on the status page (without their frozen content)."""
    return dossier.slips.only("dossier", "public_id", "kind", "issued_at")


def next_step_for_applicant(dossier: Dossier) -> str:
    if dossier.status == Status.SUPPLEMENT:
        return _("Add the documents listed below, online on this page or at the desk.")
    if dossier.status == Status.PAYMENT:
        return _("Pay the amount due, online on this page or at the desk.")
    if dossier.status == Status.RESULT_READY:
        return _("Come to the one-stop desk with your receipt to collect the result.")
    if dossier.status == Status.SUBMITTED:
        return _("Wait for the desk to check your dossier; you will get a message.")
    if dossier.status in (Status.RECEIVED, Status.PROCESSING):
        return _("Nothing to do: your dossier is being processed.")
    return ""


@dataclass(frozen=True)
class ControlRow:
    """A row of the control slip (form 05): one hand-over and how the step went."""

    handed_at: dt.datetime
    giver: str
    receiver: str
    step_due: dt.date | None
    done_at: dt.datetime | None
    timing: str


HAND_OVERS = {
    "receive",
    "send_to_department",
    "assign",
    "submit_for_approval",
    "send_back",
    "approve",
    "transfer",
    "supplement_received",
    "return_result",
}


def control_slip_rows(dossier: Dossier) -> list[ControlRow]:
    events = [e for e in dossier.events.all() if e.action in HAND_OVERS]
    rows = []
    for index, event in enumerate(events):
        done = events[index + 1].at if index + 1 < len(events) else None
        timing = (
            deadlines.timing(timezone.localtime(done).date(), event.step_due)
            if done and event.step_due
            else ""
        )
        rows.append(
            ControlRow(
                event.at, event.actor_label, event.holder_label, event.step_due, done, timing
            )
        )
    return rows


def dossier_timing(dossier: Dossier, *, today: dt.date | None = None) -> str:
    """ "overdue", "due_soon", "on_time", "late" (returned after the due date) or ""."""
    today = today or timezone.localdate()
    due = dossier.effective_due_date
    if due is None:
        return ""
    if dossier.status in CLOCK_RUNNING:
        if due < today:
            return "overdue"
        return "due_soon" if due <= deadlines.due_soon_limit(today) else "on_time"
    if dossier.finished_at is not None:
        return "late" if timezone.localtime(dossier.finished_at).date() > due else "on_time"
    return ""


def my_dossiers(user) -> QuerySet[Dossier]:
    return (
        Dossier.objects.filter(applicant_user=user)
        .select_related("procedure_version__procedure", "unit")
        .order_by("-submitted_at")
    )
