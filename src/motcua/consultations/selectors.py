from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from motcua.consultations.models import (
    Comment,
    Consultation,
    ConsultationStatus,
    ModerationStatus,
)


def public_consultations() -> tuple[list[Consultation], list[Consultation]]:
    """(open or upcoming, closed), with the number of published comments."""
    now = timezone.now()
    rows = list(
        Consultation.objects.public()
        .select_related("unit")
        .annotate(
            published_comments=Count(
                "comments", filter=Q(comments__status=ModerationStatus.PUBLISHED)
            )
        )
    )
    return [c for c in rows if c.closes_at > now], [c for c in rows if c.closes_at <= now]


def consultation_page(slug: str) -> Consultation | None:
    published = Comment.objects.filter(status=ModerationStatus.PUBLISHED).select_related("section")
    return (
        Consultation.objects.public()
        .select_related("unit")
        .prefetch_related(
            "sections",
            Prefetch("comments", queryset=published, to_attr="published_comments"),
            "opinions__organisation",
        )
        .filter(slug=slug)
        .first()
    )


def consultations_for_staff(user) -> QuerySet[Consultation]:
    return (
        Consultation.objects.visible_to(user)
        .select_related("unit")
        .annotate(
            pending=Count("comments", filter=Q(comments__status=ModerationStatus.PENDING)),
            total_comments=Count("comments"),
        )
        .order_by("-created_at")
    )


def staff_consultation(user, public_id) -> Consultation | None:
    return (
        Consultation.objects.visible_to(user)
        .select_related("unit")
        .prefetch_related(
            "sections",
            Prefetch(
                "comments",
                queryset=Comment.objects.select_related("section").order_by("created_at"),
                to_attr="all_comments",
            ),
            "opinions__organisation",
        )
        .filter(public_id=public_id)
        .first()
    )


def open_for_opinions() -> QuerySet[Consultation]:
    now = timezone.now()
    return Consultation.objects.filter(
        status=ConsultationStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now
    ).select_related("unit")
