import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from motcua.audit.models import AuditEvent
from motcua.contests import services
from motcua.contests.models import Entry, EntryStatus
from motcua.contests.tests.factories import RoundFactory
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.organisations.tests.helpers import make_staff

pytestmark = pytest.mark.django_db


def correct_answers(entry, how_many=None):
    """The answers a well-read entrant gives: the correct choice for the first ``how_many``."""
    rows = list(entry.answers.select_related("question").order_by("position"))
    picked = rows if how_many is None else rows[:how_many]
    return {
        str(row.question.public_id): str(row.question.choices.get(is_correct=True).public_id)
        for row in picked
    }


def start(round, phone="0909123456", name="Nguyễn Văn An", now=None):
    return services.entry_start(round=round, full_name=name, phone=phone, now=now)


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("0909 123 456", "0909123456"),
        ("+84 909.123.456", "0909123456"),
        ("84909123456", "0909123456"),
    ],
)
def test_phone_numbers_are_normalised(raw, normalised):
    assert services.normalise_phone(raw) == normalised


@pytest.mark.parametrize("raw", ["12345", "0209123456", "abc", ""])
def test_anything_but_a_mobile_number_is_refused(raw):
    with pytest.raises(DomainError):
        services.normalise_phone(raw)


def test_one_entry_per_phone_per_round_whatever_the_spelling():
    round = RoundFactory()
    start(round, phone="0909123456")
    with pytest.raises(DomainError) as error:
        start(round, phone="+84 909 123 456", name="Người khác")
    assert error.value.code == "duplicate"
    assert Entry.objects.count() == 1
    next_round = RoundFactory(contest=round.contest)
    start(next_round, phone="0909123456")  # another round: allowed


def test_each_entry_gets_its_own_random_set_from_the_bank():
    round = RoundFactory(contest__bank=30, question_count=10)
    sets = {
        tuple(start(round, phone=f"090900{n:04d}").answers.values_list("question_id", flat=True))
        for n in range(6)
    }
    assert all(len(s) == 10 and len(set(s)) == 10 for s in sets)
    assert len(sets) > 1


def test_entries_start_only_while_the_round_is_open():
    with pytest.raises(DomainError):
        start(RoundFactory(closed=True))


def test_scoring_counts_correct_answers_checked_on_the_server():
    round = RoundFactory()
    entry = start(round)
    answers = correct_answers(entry, how_many=3)
    entry = services.entry_submit(entry=entry, answers=answers, guess=12)
    assert entry.status == EntryStatus.SUBMITTED
    assert entry.score == 3
    with pytest.raises(Conflict):
        services.entry_submit(entry=entry, answers=correct_answers(entry), guess=12)


def test_a_choice_from_another_question_is_not_counted():
    entry = start(RoundFactory())
    rows = list(entry.answers.select_related("question"))
    right_of_second = rows[1].question.choices.get(is_correct=True)
    entry = services.entry_submit(
        entry=entry,
        answers={str(rows[0].question.public_id): str(right_of_second.public_id)},
        guess=1,
    )
    assert entry.score == 0


def test_the_time_limit_is_enforced_by_the_server():
    round = RoundFactory(time_limit_minutes=10)
    started = timezone.now()
    entry = start(round, now=started)
    early = correct_answers(entry, how_many=2)
    services.entry_save_answers(entry=entry, answers=early, now=started + dt.timedelta(minutes=5))
    late = started + dt.timedelta(minutes=11)
    entry = services.entry_submit(entry=entry, answers=correct_answers(entry), guess=5, now=late)
    assert entry.status == EntryStatus.EXPIRED
    assert entry.score == 2  # only what was saved before the deadline
    assert entry.guess is None
    assert entry.seconds == 600


def test_answers_saved_after_the_deadline_are_refused():
    started = timezone.now()
    entry = start(RoundFactory(time_limit_minutes=10), now=started)
    with pytest.raises(DomainError) as error:
        services.entry_save_answers(
            entry=entry,
            answers=correct_answers(entry),
            now=started + dt.timedelta(minutes=10, seconds=30),
        )
    assert error.value.code == "late"
    entry.refresh_from_db()
    assert entry.status == EntryStatus.EXPIRED
    assert entry.score == 0


def test_a_submission_just_within_the_network_allowance_counts():
    started = timezone.now()
    entry = start(RoundFactory(time_limit_minutes=10), now=started)
    entry = services.entry_submit(
        entry=entry, answers=correct_answers(entry), guess=3,
        now=started + dt.timedelta(minutes=10, seconds=5),
    )  # fmt: skip
    assert entry.status == EntryStatus.SUBMITTED
    assert entry.score == 5


def test_tie_break_order_score_then_guess_then_time():
    round = RoundFactory(question_count=5)
    t0 = timezone.now()
    plays = [
        # (name, correct answers, guess, seconds)
        ("An", 5, 10, 300),
        ("Bình", 5, 3, 400),  # 3 entries get everything right: Bình guessed it
        ("Chi", 5, 3, 200),  # same guess, faster than Bình
        ("Dũng", 4, 3, 100),  # fewer correct answers: after every 5/5
        ("Em", 5, None, 50),  # no guess (ran out of time): after the guesses
    ]
    for n, (name, score, guess, seconds) in enumerate(plays):
        entry = start(round, phone=f"09090000{n:02d}", name=name, now=t0)
        if guess is None:
            services.entry_save_answers(entry=entry, answers=correct_answers(entry, score), now=t0)
            services.expire_overdue(round=round, now=t0 + dt.timedelta(minutes=11))
            Entry.objects.filter(pk=entry.pk).update(seconds=seconds)
        else:
            services.entry_submit(entry=entry, answers=correct_answers(entry, score), guess=guess,
                                  now=t0 + dt.timedelta(seconds=seconds))  # fmt: skip
    # Em answered everything right but had no time to guess: 4 entries with 5/5.
    organiser = make_staff(round.contest.unit, "editor")
    with time_machine.travel(round.closes_at + dt.timedelta(minutes=1)):
        round = services.results_publish(actor=organiser, round=round)
    assert round.correct_entries == 4
    ranking = list(round.entries.order_by("rank").values_list("full_name", flat=True))
    # Guesses: An 10 (distance 6), Bình and Chi 3 (distance 1); Chi was faster.
    assert ranking == ["Chi", "Bình", "An", "Em", "Dũng"]
    assert AuditEvent.objects.filter(action="contests.results_publish").exists()


def test_results_are_published_by_the_organisers_after_the_round_closes():
    round = RoundFactory()
    organiser = make_staff(round.contest.unit, "editor")
    with pytest.raises(DomainError):
        services.results_publish(actor=organiser, round=round)
    with pytest.raises(NotAllowed), time_machine.travel(round.closes_at + dt.timedelta(hours=1)):
        services.results_publish(actor=make_staff(round.contest.unit, "specialist"), round=round)
