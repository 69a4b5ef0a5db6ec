"""Messages of the surveys app (sent after the campaign's transaction commits)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.notifications.models import Channel
from motcua.notifications.services import Recipient, notify
from motcua.surveys.models import Campaign


def survey_url(token: str) -> str:
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{reverse('surveys:answer', args=[token])}"


def send_invitations(campaign: Campaign, tokens: list[str], dossier_ids: list[int]) -> None:
    """One message per invitation, to the applicant's phone and e-mail."""
    contacts = {
        pk: (phone, email, name)
        for pk, phone, email, name in Dossier.objects.filter(pk__in=dossier_ids).values_list(
            "pk", "applicant_phone", "applicant_email", "applicant_name"
        )
    }
    for token, pk in zip(tokens, dossier_ids, strict=True):
        phone, email, name = contacts[pk]
        notify(
            event="survey.invitation",
            recipients=[Recipient(Channel.SMS, phone), Recipient(Channel.EMAIL, email)],
            context={"name": name, "unit": campaign.unit.name, "url": survey_url(token)},
            obj=campaign,
            unit_id=campaign.unit_id,
            key=token,
        )
