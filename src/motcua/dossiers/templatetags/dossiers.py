from django import template
from django.utils.html import format_html

from motcua.dossiers.models import Status

register = template.Library()

#: The badge colour of each status: done, waiting for the applicant, ended without a result.
TONES = {
    Status.RETURNED: "success",
    Status.RESULT_READY: "success",
    Status.SUPPLEMENT: "warning",
    Status.PAYMENT: "warning",
    Status.REFUSED: "danger",
    Status.WITHDRAWN: "danger",
    Status.STOPPED: "danger",
}


@register.simple_tag
def status_badge(dossier):
    """The dossier's status as a coloured badge (a tag rather than an include: it is drawn on
    every row of the staff queues)."""
    return format_html(
        '<span class="badge badge--{}">{}</span>',
        TONES.get(dossier.status, "info"),
        dossier.get_status_display(),
    )
