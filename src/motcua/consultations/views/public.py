from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.consultations import selectors, services
from motcua.consultations.forms import CommentForm
from motcua.core.errors import DomainError
from motcua.core.ratelimit import RateLimit, limit_by_ip

COMMENT_RATE = RateLimit("consultation-comment", limit=5, window=600)


def consultation_list(request):
    current, closed = selectors.public_consultations()
    return render(
        request,
        "consultations/list.html",
        {"current": current, "closed": closed, "now": timezone.now()},
    )


@limit_by_ip(COMMENT_RATE)
def consultation_detail(request, slug: str):
    consultation = selectors.consultation_page(slug)
    if consultation is None:
        raise Http404
    sections = list(consultation.sections.all())
    form = CommentForm(request.POST or None, sections=sections)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_submit(consultation=consultation, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                _("Thank you. Your comment was received and will be published after moderation."),
            )
            return redirect(f"{consultation.get_absolute_url()}#gop-y")
    comments_by_section: dict = {}
    for comment in consultation.published_comments:
        comments_by_section.setdefault(comment.section_id, []).append(comment)
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "sections": [(s, comments_by_section.get(s.pk, [])) for s in sections],
            "general_comments": comments_by_section.get(None, []),
            "opinions": list(consultation.opinions.all()),
            "form": form,
            "is_open": consultation.is_open(),
            "not_yet": consultation.has_not_opened(),
            "is_closed": consultation.is_closed(),
        },
    )
