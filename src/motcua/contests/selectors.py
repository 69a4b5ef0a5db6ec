from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from motcua.contests.models import Choice, Contest, Entry, EntryAnswer, Round
from motcua.organisations.models import Unit
from motcua.organisations.selectors import portal_unit


def public_contests() -> QuerySet[Contest]:
    return Contest.objects.public().prefetch_related("rounds")


def contest_page(slug: str) -> Contest | None:
    rounds = Round.objects.annotate(entry_count=Count("entries")).order_by("number")
    return (
        Contest.objects.public()
        .select_related("unit")
        .prefetch_related(Prefetch("rounds", queryset=rounds))
        .filter(slug=slug)
        .first()
    )


def open_round(contest: Contest) -> Round | None:
    now = timezone.now()
    return next((r for r in contest.rounds.all() if r.opens_at <= now < r.closes_at), None)


def entry_sheet(entry: Entry) -> list[EntryAnswer]:
    """The questions of an entry with their choices, in order. Choices carry no sign of which
    is correct until the page that shows them is allowed to (see the template)."""
    choices = Prefetch("question__choices", queryset=Choice.objects.order_by("position", "id"))
    return list(entry.answers.select_related("question", "choice").prefetch_related(choices))


def leaderboard(round: Round, limit: int = 50) -> list[Entry]:
    return list(
        round.entries.filter(rank__isnull=False).select_related("ward").order_by("rank")[:limit]
    )


def entrant_wards() -> QuerySet[Unit]:
    """Wards and communes under the portal's unit, for the entry form."""
    unit = portal_unit()
    qs = Unit.objects.active().administrative().order_by("name")
    if unit is not None:
        qs = qs.filter(path__startswith=unit.path).exclude(pk=unit.pk)
    return qs.filter(kind__in=["ward", "commune", "special_zone"])


def staff_contests(user) -> QuerySet[Contest]:
    return (
        Contest.objects.visible_to(user)
        .select_related("unit")
        .prefetch_related(
            Prefetch("rounds", queryset=Round.objects.annotate(entry_count=Count("entries")))
        )
        .annotate(question_count=Count("questions", distinct=True))
    )
