from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motcua.accounts.decorators import staff_required
from motcua.accounts.roles import RoleCode
from motcua.consultations import selectors, services
from motcua.consultations.forms import (
    AnswerForm,
    ConsultationForm,
    ModerationForm,
    OpinionForm,
    ReportForm,
)
from motcua.consultations.models import Comment, Consultation, FormalOpinion
from motcua.core.errors import DomainError
from motcua.organisations.selectors import active_unit

DRAFTING = (RoleCode.EDITOR, RoleCode.LEADER, RoleCode.SPECIALIST)


def _consultation(request, public_id) -> Consultation:
    consultation = selectors.staff_consultation(request.user, public_id)
    if consultation is None:
        raise Http404
    return consultation


@staff_required(roles=DRAFTING)
def consultation_list(request):
    page = Paginator(selectors.consultations_for_staff(request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "consultations/staff/list.html", {"page": page})


@staff_required(roles=DRAFTING)
def consultation_edit(request, public_id=None):
    consultation = _consultation(request, public_id) if public_id else None
    initial = None
    if consultation:
        initial = {
            "title": consultation.title,
            "document_type": consultation.document_type,
            "summary": consultation.summary,
            "opens_at": timezone.localtime(consultation.opens_at),
            "closes_at": timezone.localtime(consultation.closes_at),
        }
    form = ConsultationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            consultation = services.consultation_save(
                actor=request.user,
                unit=active_unit(request),
                consultation=consultation,
                draft_file=data.pop("draft_file") or None,
                **data,
            )
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect(consultation.get_staff_url())
    return render(
        request, "consultations/staff/form.html", {"form": form, "consultation": consultation}
    )


@staff_required(roles=DRAFTING)
def consultation_manage(request, public_id):
    consultation = _consultation(request, public_id)
    comments = consultation.all_comments
    return render(
        request,
        "consultations/staff/manage.html",
        {
            "consultation": consultation,
            "pending": [c for c in comments if c.status == "pending"],
            "published": [
                (
                    c,
                    AnswerForm(
                        initial={"answer": c.answer, "explanation": c.explanation},
                        prefix=str(c.public_id),
                    ),
                )
                for c in comments
                if c.status == "published"
            ],
            "rejected": [c for c in comments if c.status == "rejected"],
            "opinions": [
                (
                    o,
                    AnswerForm(
                        initial={"answer": o.answer, "explanation": o.explanation},
                        prefix=str(o.public_id),
                    ),
                )
                for o in consultation.opinions.all()
            ],
            "is_closed": consultation.is_closed(),
            "report_form": ReportForm(),
            "moderation_form": ModerationForm(),
        },
    )


def _back(consultation, anchor=""):
    return redirect(f"{consultation.get_staff_url()}{anchor}")


@staff_required(roles=DRAFTING)
@require_POST
def consultation_publish(request, public_id):
    consultation = _consultation(request, public_id)
    try:
        services.consultation_publish(actor=request.user, consultation=consultation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The draft is published for comment."))
    return _back(consultation)


@staff_required(roles=DRAFTING)
@require_POST
def comment_moderate(request, public_id, decision: str):
    comment = get_object_or_404(
        Comment.objects.filter(consultation__in=Consultation.objects.visible_to(request.user)),
        public_id=public_id,
    )
    form = ModerationForm(request.POST)
    form.is_valid()
    try:
        services.comment_moderate(
            actor=request.user,
            comment=comment,
            publish=decision == "dang",
            note=form.cleaned_data.get("note", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    return _back(comment.consultation, "#cho-duyet")


@staff_required(roles=DRAFTING)
@require_POST
def answer(request, kind: str, public_id):
    model = Comment if kind == "gop-y" else FormalOpinion
    item = get_object_or_404(
        model.objects.filter(consultation__in=Consultation.objects.visible_to(request.user)),
        public_id=public_id,
    )
    form = AnswerForm(request.POST, prefix=str(item.public_id))
    if form.is_valid():
        try:
            services.answer_record(actor=request.user, item=item, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The answer was saved."))
    else:
        messages.error(request, _("Choose the answer."))
    return _back(item.consultation, f"#y-{item.public_id}")


@staff_required(roles=DRAFTING)
@require_POST
def report_publish(request, public_id):
    consultation = _consultation(request, public_id)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            services.report_publish(
                actor=request.user, consultation=consultation, summary=form.cleaned_data["summary"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The summary report is published."))
    else:
        messages.error(request, _("Please write the summary of the report."))
    return _back(consultation)


@staff_required(roles=(RoleCode.FRONT_SUPERVISOR,))
def opinion_submit(request):
    """The Fatherland Front's page: drafts open for comment, and the form for a formal opinion."""
    consultations = list(selectors.open_for_opinions())
    chosen = next(
        (
            c
            for c in consultations
            if str(c.public_id) == request.GET.get("du_thao", request.POST.get("du_thao"))
        ),
        None,
    )
    form = OpinionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and chosen and form.is_valid():
        try:
            services.opinion_submit(actor=request.user, consultation=chosen, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Your organisation's opinion was submitted."))
            return redirect("consultations:staff-opinion")
    return render(
        request,
        "consultations/staff/opinion.html",
        {"consultations": consultations, "chosen": chosen, "form": form},
    )
