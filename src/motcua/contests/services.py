"""Contest rules, all enforced on the server: the time limit, one entry per phone number per
round, answers checked here only, and the ranking (correct answers, then the closeness of the
tie-break guess, then the time taken)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import uuid

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.contests.models import (
    Choice,
    Contest,
    Entry,
    EntryAnswer,
    EntryStatus,
    Question,
    Round,
)
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.core.text import slugify_vi
from motcua.organisations.models import Unit
from motcua.organisations.selectors import roles_in

#: Allowance for the network between the last click and the server (answers sent later than
#: the deadline plus this are not counted).
SUBMIT_GRACE = dt.timedelta(seconds=10)
_PHONE = re.compile(r"^0[35789]\d{8}$")
ORGANISER_ROLES = frozenset({RoleCode.EDITOR, RoleCode.LEADER})


def normalise_phone(raw: str) -> str:
    """0909 123 456, +84 909.123.456 -> 0909123456; DomainError if it is not a mobile number."""
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not _PHONE.match(digits):
        raise DomainError(_("Enter a Vietnamese mobile number, e.g. 0909 123 456."), field="phone")
    return digits


def entry_start(
    *, round: Round, full_name: str, phone: str, ward: Unit | None = None, now=None
) -> Entry:
    """Open an entry: a random set of questions from the bank, and a deadline."""
    now = now or timezone.now()
    phone = normalise_phone(phone)
    full_name = " ".join(full_name.split())
    if len(full_name) < 2:
        raise DomainError(_("Please enter your full name."), field="full_name")
    if not round.is_open(now):
        raise DomainError(_("This round is not open."), code="round_closed")
    if Entry.objects.filter(round=round, phone=phone).exists():
        raise DomainError(
            _("This phone number has already taken part in this round."),
            field="phone",
            code="duplicate",
        )
    bank = list(round.contest.questions.filter(is_active=True).values_list("pk", flat=True))
    if len(bank) < round.question_count:
        raise DomainError(_("The question bank of this contest is not ready."))
    chosen = secrets.SystemRandom().sample(bank, round.question_count)
    deadline = min(now + dt.timedelta(minutes=round.time_limit_minutes), round.closes_at)
    try:
        with transaction.atomic():
            entry = Entry.objects.create(
                round=round,
                full_name=full_name,
                phone=phone,
                ward=ward,
                started_at=now,
                deadline=deadline,
            )
            EntryAnswer.objects.bulk_create(
                EntryAnswer(entry=entry, question_id=pk, position=n)
                for n, pk in enumerate(chosen, 1)
            )
            audit_record(
                actor=None,
                action="contests.entry_start",
                obj=entry,
                unit_id=round.contest.unit_id,
                after={"round": round.number},
            )
    except IntegrityError as error:  # the same phone, at the same moment
        raise DomainError(
            _("This phone number has already taken part in this round."),
            field="phone",
            code="duplicate",
        ) from error
    return entry


def _late(entry: Entry, now: dt.datetime) -> bool:
    return now > entry.deadline + SUBMIT_GRACE


def _record_answers(entry: Entry, answers: dict[str, str], now: dt.datetime) -> None:
    """Store the chosen answers (question public id -> choice public id) of ``entry``."""
    rows = {str(a.question.public_id): a for a in entry.answers.select_related("question")}
    wanted = {rows[q].question_id: c for q, c in answers.items() if q in rows and c}
    choices = {
        str(c.public_id): c
        for c in Choice.objects.filter(
            question_id__in=wanted, public_id__in=_uuids(wanted.values())
        )
    }
    for question_id, choice_key in wanted.items():
        choice = choices.get(choice_key)
        if choice is None or choice.question_id != question_id:
            continue  # not an answer to this question: ignored
        row = next(r for r in rows.values() if r.question_id == question_id)
        if row.choice_id != choice.pk:
            row.choice, row.answered_at = choice, now
            row.save(update_fields=["choice", "answered_at"])


def _uuids(values) -> list[str]:
    out = []
    for value in values:
        try:
            out.append(str(uuid.UUID(str(value))))
        except ValueError:
            continue
    return out


def _finish(entry: Entry, *, status: str, now: dt.datetime) -> Entry:
    entry.score = entry.answers.filter(choice__is_correct=True).count()
    entry.status = status
    entry.finished_at = min(now, entry.deadline) if status == EntryStatus.EXPIRED else now
    entry.seconds = max(0, int((entry.finished_at - entry.started_at).total_seconds()))
    entry.save(update_fields=["score", "status", "finished_at", "seconds", "updated_at"])
    audit_record(
        actor=None,
        action=f"contests.entry_{status}",
        obj=entry,
        unit_id=entry.round.contest.unit_id,
        after={"score": entry.score, "seconds": entry.seconds},
    )
    return entry


def entry_save_answers(*, entry: Entry, answers: dict[str, str], now=None) -> Entry:
    """Keep answers as they are chosen (so that a lost connection loses nothing). After the
    deadline nothing more is stored and the entry is closed."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Entry.objects.select_for_update().select_related("round__contest").get(pk=entry.pk)
        if locked.status != EntryStatus.STARTED:
            raise Conflict(_("This entry is already finished."))
        late = _late(locked, now)
        if late:  # closed and kept closed: the error below comes after the commit
            _finish(locked, status=EntryStatus.EXPIRED, now=now)
        else:
            _record_answers(locked, answers, now)
    if late:
        raise DomainError(
            _("Time is up: answers given after the time limit are not counted."), code="late"
        )
    return locked


def entry_submit(*, entry: Entry, answers: dict[str, str], guess: int | None, now=None) -> Entry:
    """Finish an entry. Within the time limit the answers and the guess are stored; later, only
    what was stored before the deadline counts, and the entry is marked as having run out."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Entry.objects.select_for_update().select_related("round__contest").get(pk=entry.pk)
        if locked.status != EntryStatus.STARTED:
            raise Conflict(_("This entry is already finished."))
        if _late(locked, now):
            return _finish(locked, status=EntryStatus.EXPIRED, now=now)
        if guess is None:
            raise DomainError(_("Please answer the tie-break question."), field="guess")
        _record_answers(locked, answers, now)
        locked.guess = guess
        locked.save(update_fields=["guess"])
        return _finish(locked, status=EntryStatus.SUBMITTED, now=now)


def expire_overdue(*, round: Round, now=None) -> int:
    """Close the entries whose time ran out without a submission."""
    now = now or timezone.now()
    overdue = round.entries.filter(status=EntryStatus.STARTED, deadline__lt=now - SUBMIT_GRACE)
    count = 0
    for entry in overdue.select_related("round__contest"):
        with transaction.atomic():
            locked = (
                Entry.objects.select_for_update().select_related("round__contest").get(pk=entry.pk)
            )
            if locked.status == EntryStatus.STARTED:
                _finish(locked, status=EntryStatus.EXPIRED, now=now)
                count += 1
    return count


def ranking_key(entry: Entry, correct_entries: int) -> tuple:
    """Order of the leaderboard: most correct answers; then the guess closest to the number of
    entries with every answer right (no guess comes last); then the shortest time; then who
    finished first."""
    distance = abs(entry.guess - correct_entries) if entry.guess is not None else float("inf")
    return (
        -entry.score,
        distance,
        entry.seconds if entry.seconds is not None else float("inf"),
        entry.finished_at or entry.started_at,
        entry.pk,
    )


def results_publish(*, actor, round: Round, now=None) -> Round:
    """After the round closes: count the entries with every answer right, rank every entry and
    publish the leaderboard."""
    now = now or timezone.now()
    if not ORGANISER_ROLES & roles_in(actor, round.contest.unit):
        raise NotAllowed(_("Only the organising unit may publish the results."))
    if not round.is_closed(now):
        raise DomainError(_("The results are published after the round closes."))
    expire_overdue(round=round, now=now)
    with transaction.atomic():
        locked = Round.objects.select_for_update().select_related("contest").get(pk=round.pk)
        entries = list(locked.entries.exclude(status=EntryStatus.STARTED))
        correct = sum(1 for e in entries if e.score == locked.question_count)
        for rank, entry in enumerate(sorted(entries, key=lambda e: ranking_key(e, correct)), 1):
            if entry.rank != rank:
                entry.rank = rank
                entry.save(update_fields=["rank"])
        locked.correct_entries = correct
        locked.results_published_at = now
        locked.save(update_fields=["correct_entries", "results_published_at", "updated_at"])
        audit_record(
            actor=actor,
            action="contests.results_publish",
            obj=locked.contest,
            unit_id=locked.contest.unit_id,
            after={"round": locked.number, "entries": len(entries), "correct_entries": correct},
        )
    return locked


# --- Organisers ------------------------------------------------------------------------------


def unique_slug(title: str) -> str:
    base = slugify_vi(title)[:140].strip("-") or "cuoc-thi"
    slug, number = base, 2
    while Contest.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def question_add(
    *, actor, contest: Contest, text: str, choices: list[str], correct: int, explanation: str = ""
) -> Question:
    """A single-choice question: exactly one correct answer among two or more."""
    if not ORGANISER_ROLES & roles_in(actor, contest.unit):
        raise NotAllowed(_("Only the organising unit may change the question bank."))
    choices = [c.strip() for c in choices if c and c.strip()]
    if len(choices) < 2:
        raise DomainError(_("Give at least two answers."), field="choice_1")
    if not 0 <= correct < len(choices):
        raise DomainError(_("Choose the correct answer."), field="correct")
    with transaction.atomic():
        question = Question.objects.create(
            contest=contest, text=text.strip(), explanation=explanation.strip()
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=c, is_correct=n == correct, position=n)
            for n, c in enumerate(choices)
        )
        audit_record(actor=actor, action="contests.question_add", obj=contest, unit_id=contest.unit_id,
                     after={"question": question.text[:200]})  # fmt: skip
    return question


def round_stats(round: Round) -> dict:
    return round.entries.aggregate(
        total=Count("id"), finished=Count("id", filter=~Q(status=EntryStatus.STARTED))
    )
