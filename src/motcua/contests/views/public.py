from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.contests import selectors, services
from motcua.contests.forms import EntrantForm, answers_from, guess_from
from motcua.contests.models import Entry, EntryStatus, Round
from motcua.core.errors import DomainError
from motcua.core.ratelimit import RateLimit, limit_by_ip

START_RATE = RateLimit("contest-start", limit=10, window=600)
#: Answers sent from one address (each choice is saved as it is made; a class may share one
#: address, hence the room).
ANSWER_RATE = RateLimit("contest-answer", limit=600, window=600)
SESSION_KEY = "contest_entries"


def contest_list(request):
    return render(
        request,
        "contests/list.html",
        {"contests": selectors.public_contests(), "now": timezone.now()},
    )


@limit_by_ip(START_RATE)
def contest_detail(request, slug: str):
    contest = selectors.contest_page(slug)
    if contest is None:
        raise Http404
    current = selectors.open_round(contest)
    form = EntrantForm(request.POST or None, wards=selectors.entrant_wards())
    if request.method == "POST" and current and form.is_valid():
        try:
            entry = services.entry_start(round=current, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            request.session[SESSION_KEY] = [
                *request.session.get(SESSION_KEY, [])[-9:],
                str(entry.public_id),
            ]
            return redirect(entry.get_absolute_url())
    return render(
        request,
        "contests/detail.html",
        {"contest": contest, "current": current, "form": form, "now": timezone.now()},
    )


def _own_entry(request, public_id) -> Entry:
    """An entry is opened only from the browser that started it."""
    if str(public_id) not in request.session.get(SESSION_KEY, []):
        raise Http404
    return get_object_or_404(
        Entry.objects.select_related("round__contest", "ward"), public_id=public_id
    )


@limit_by_ip(ANSWER_RATE)
def entry(request, public_id):
    entry = _own_entry(request, public_id)
    if request.method == "POST":
        try:
            entry = services.entry_submit(
                entry=entry, answers=answers_from(request.POST), guess=guess_from(request.POST)
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            if entry.status == EntryStatus.EXPIRED:
                messages.warning(
                    request,
                    _("Time ran out: only the answers saved before the time limit were counted."),
                )
            return redirect(entry.get_absolute_url())
    if (
        entry.status == EntryStatus.STARTED
        and timezone.now() > entry.deadline + services.SUBMIT_GRACE
    ):
        services.expire_overdue(round=entry.round)
        entry.refresh_from_db()
    finished = entry.status != EntryStatus.STARTED
    round_closed = entry.round.is_closed()
    return render(
        request,
        "contests/entry.html",
        {
            "entry": entry,
            "round": entry.round,
            "sheet": selectors.entry_sheet(entry),
            "finished": finished,
            # Which answers were right is shown only once the round has closed.
            "reveal": finished and round_closed,
        },
    )


@require_POST
@limit_by_ip(ANSWER_RATE)
def entry_autosave(request, public_id):
    entry = _own_entry(request, public_id)
    try:
        services.entry_save_answers(entry=entry, answers=answers_from(request.POST))
    except DomainError as error:
        return HttpResponse(error.message, status=409)
    return HttpResponse(status=204)


def results(request, slug: str, number: int):
    round = get_object_or_404(
        Round.objects.select_related("contest").filter(contest__is_published=True),
        contest__slug=slug,
        number=number,
    )
    return render(
        request,
        "contests/results.html",
        {
            "round": round,
            "contest": round.contest,
            "entries": selectors.leaderboard(round) if round.results_published_at else [],
        },
    )
