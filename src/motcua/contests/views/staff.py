from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.contests import selectors, services
from motcua.contests.forms import QuestionForm
from motcua.contests.models import Contest, Round
from motcua.core.errors import DomainError

ORGANISERS = tuple(services.ORGANISER_ROLES)


@staff_required(roles=ORGANISERS)
def contest_list(request):
    return render(
        request, "contests/staff/list.html", {"contests": selectors.staff_contests(request.user)}
    )


@staff_required(roles=ORGANISERS)
def contest_manage(request, public_id):
    contest = get_object_or_404(Contest.objects.visible_to(request.user), public_id=public_id)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.question_add(
                actor=request.user,
                contest=contest,
                text=data["text"],
                choices=[data["choice_1"], data["choice_2"], data["choice_3"], data["choice_4"]],
                correct=data["correct"],
                explanation=data["explanation"],
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The question was added."))
            return redirect("contests:staff-contest", contest.public_id)
    rounds = [(r, services.round_stats(r)) for r in contest.rounds.all()]
    return render(
        request,
        "contests/staff/contest.html",
        {
            "contest": contest,
            "rounds": rounds,
            "questions": contest.questions.prefetch_related("choices"),
            "form": form,
        },
    )


@staff_required(roles=ORGANISERS)
@require_POST
def results_publish(request, public_id):
    round = get_object_or_404(
        Round.objects.select_related("contest__unit").filter(
            contest__in=Contest.objects.visible_to(request.user)
        ),
        public_id=public_id,
    )
    try:
        services.results_publish(actor=request.user, round=round)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The results are published."))
    return redirect("contests:staff-contest", round.contest.public_id)
