"""Creating dossiers (online, at the desk, by post) and the other writes besides transitions."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from motcua.audit.services import audit_record
from motcua.core.bulk import unit_of_work
from motcua.core.errors import DomainError
from motcua.core.files import atomic_with_files, store
from motcua.core.text import fold
from motcua.core.uploads import CleanUpload
from motcua.dossiers import queuecache
from motcua.dossiers.codes import number_dossier, provisional_code
from motcua.dossiers.effects import notify_applicant
from motcua.dossiers.models import (
    Channel,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierNote,
    Payment,
    PaymentStatus,
    Stage,
    Status,
)
from motcua.dossiers.workflow import dossier_transition
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Unit
from motcua.procedures.fees import fee_for
from motcua.procedures.models import ProcedureVersion, RequiredDocument


@dataclass(frozen=True)
class Applicant:
    name: str
    phone: str = ""
    email: str = ""
    address: str = ""
    id_number: str = ""
    applicant_type: str = "citizen"
    organisation_name: str = ""


@dataclass(frozen=True)
class Attachment:
    upload: CleanUpload
    requirement: RequiredDocument | None = None
    name: str = ""


def _attach(
    dossier: Dossier, attachments: Iterable[Attachment], *, round_no: int, user=None
) -> None:
    for attachment in attachments:
        document = DossierDocument(
            dossier=dossier,
            requirement=attachment.requirement,
            name=attachment.name
            or (attachment.requirement.name if attachment.requirement else attachment.upload.name),
            content_type=attachment.upload.kind.content_type,
            size=attachment.upload.size,
            sha256=attachment.upload.sha256,
            round=round_no,
            uploaded_by=user if user is not None and user.is_authenticated else None,
        )
        store(document.file, attachment.upload.name, attachment.upload.content)
        document.save()


def _check_documents(version: ProcedureVersion, attachments: list[Attachment]) -> None:
    given = {a.requirement.pk for a in attachments if a.requirement is not None}
    missing = [d.name for d in version.documents.all() if not d.is_optional and d.pk not in given]
    if missing:
        raise DomainError(
            _("These documents are missing: %(names)s.") % {"names": "; ".join(missing)},
            field="documents",
            code="documents_missing",
        )


def _new_dossier(
    *,
    version: ProcedureVersion,
    unit: Unit,
    channel: str,
    applicant: Applicant,
    now,
    user=None,
    idempotency_key=None,
) -> Dossier:
    """Insert a dossier under a provisional code; ``number_dossier`` gives it its code later in
    the same transaction (see ``codes``)."""
    if unit.kind not in ADMINISTRATIVE_KINDS:
        raise DomainError(_("Choose the ward or commune where you file the dossier."), field="unit")
    return Dossier.objects.create(
        code=provisional_code(),
        unit=unit,
        processing_unit=unit,
        procedure_version=version,
        channel=channel,
        status=Status.SUBMITTED,
        stage=Stage.DESK,
        applicant_type=applicant.applicant_type,
        applicant_name=applicant.name.strip(),
        applicant_search=fold(applicant.name),
        applicant_id_number=applicant.id_number.strip(),
        applicant_phone=applicant.phone.strip(),
        applicant_email=applicant.email.strip(),
        applicant_address=applicant.address.strip(),
        organisation_name=applicant.organisation_name.strip(),
        applicant_user=user
        if user is not None and user.is_authenticated and not user.is_staff
        else None,
        submitted_at=now,
        fee_amount=fee_for(version),
        idempotency_key=idempotency_key or None,
    )


def dossier_submit_online(
    *,
    version: ProcedureVersion,
    unit: Unit,
    applicant: Applicant,
    attachments: list[Attachment],
    idempotency_key: str,
    user=None,
    at: dt.datetime | None = None,
) -> tuple[Dossier, bool]:
    """File a dossier online. Returns (dossier, created); the same idempotency key returns the
    dossier already filed, so a double click or a retry never makes two. ``at`` backdates the
    submission (importing dossiers from another system, demo data). The key is unique in the
    database: a filing with a key already used fails at its insert and is rolled back, so the
    first filing is found only then, not looked for before every filing."""
    if not version.is_online:
        raise DomainError(
            _("This procedure cannot be filed online; please come to the desk."), code="not_online"
        )
    _check_documents(version, attachments)
    now = at or timezone.now()
    try:
        with (
            atomic_with_files(),
            unit_of_work(),
            translation.override(settings.LANGUAGE_CODE),
        ):
            dossier = _new_dossier(
                version=version,
                unit=unit,
                channel=Channel.ONLINE,
                applicant=applicant,
                now=now,
                user=user,
                idempotency_key=idempotency_key,
            )
            _attach(dossier, attachments, round_no=0, user=user)
            DossierEvent.objects.create(
                dossier=dossier,
                at=now,
                action="submit",
                actor_label=_("Applicant (%(name)s)") % {"name": dossier.applicant_name},
                to_status=Status.SUBMITTED,
                stage=Stage.DESK,
                holder_label=_("One-stop desk, %(unit)s") % {"unit": unit.name},
                public_note=_(
                    "Dossier submitted online. The desk will check it and tell you the result."
                ),
            )
            number_dossier(dossier, timezone.localtime(now).date())
            audit_record(
                actor=user,
                action="dossier.submit",
                obj=dossier,
                unit_id=unit.pk,
                after={"channel": Channel.ONLINE},
            )
            notify_applicant(dossier, "dossier.submitted", key="submit", first=True)
    except IntegrityError:
        # The key was used before (a double click, a retry): that filing made the dossier.
        existing = (
            Dossier.objects.filter(idempotency_key=idempotency_key).first()
            if idempotency_key
            else None
        )
        if existing is None:
            raise
        return existing, False
    return dossier, True


def dossier_receive_at_desk(
    *,
    version: ProcedureVersion,
    unit: Unit,
    applicant: Applicant,
    attachments: list[Attachment],
    actor,
    outcome: str,
    channel: str = Channel.DESK,
    items: list[str] | None = None,
    reason: str = "",
    fee_paid: bool = False,
    at: dt.datetime | None = None,
) -> Dossier:
    """An officer records a dossier brought to the desk (or by post) and its reception outcome:
    "receive" (receipt, form 01), "request_documents" (form 02) or "refuse" (form 03)."""
    if outcome == "receive":
        _check_documents(version, attachments)
    now = at or timezone.now()
    with atomic_with_files(), unit_of_work(), translation.override(settings.LANGUAGE_CODE):
        dossier = _new_dossier(
            version=version, unit=unit, channel=channel, applicant=applicant, now=now
        )
        _attach(dossier, attachments, round_no=0, user=actor)
        DossierEvent.objects.create(
            dossier=dossier,
            at=now,
            action="submit",
            actor=actor,
            actor_label=actor.get_full_name(),
            to_status=Status.SUBMITTED,
            stage=Stage.DESK,
            holder_label=_("One-stop desk, %(unit)s") % {"unit": unit.name},
        )
        number_dossier(dossier, timezone.localtime(now).date())
        audit_record(
            actor=actor,
            action="dossier.submit",
            obj=dossier,
            unit_id=unit.pk,
            after={"channel": channel},
        )
        dossier = dossier_transition(
            dossier=dossier,
            action=outcome,
            actor=actor,
            data={"items": items or [], "reason": reason},
            at=now,
        )
        if fee_paid and dossier.fee_amount:
            dossier_record_desk_fee(dossier=dossier, actor=actor, at=now)
    return dossier


def dossier_record_desk_fee(*, dossier: Dossier, actor, at: dt.datetime | None = None) -> None:
    """The fee of the procedure was paid in cash or by card at the desk."""
    with transaction.atomic():
        now = at or timezone.now()
        Payment.objects.create(
            dossier=dossier,
            amount=dossier.fee_amount,
            method="desk",
            reference=f"desk-{uuid.uuid4().hex[:12]}",
            status=PaymentStatus.PAID,
            paid_at=now,
            recorded_by=actor,
        )
        Dossier.objects.filter(pk=dossier.pk).update(fee_paid_at=now)
        dossier.fee_paid_at = now
        queuecache.dossier_changed(dossier)  # update() sends no signal
        audit_record(
            actor=actor,
            action="dossier.fee_paid",
            obj=dossier,
            unit_id=dossier.unit_id,
            after={"amount": str(dossier.fee_amount)},
        )


def dossier_supplement(
    *,
    dossier: Dossier,
    attachments: list[Attachment],
    actor=None,
    as_applicant: bool = False,
    expected_status=None,
) -> Dossier:
    """The additional documents arrive (uploaded by the applicant or brought to the desk)."""
    if not attachments:
        raise DomainError(
            _("Attach the documents that were asked for."), field="documents", code="required"
        )
    with transaction.atomic():
        round_no = (
            dossier.documents.order_by("-round").values_list("round", flat=True).first() or 0
        ) + 1
        dossier = dossier_transition(
            dossier=dossier,
            action="supplement_received",
            actor=actor,
            as_applicant=as_applicant,
            expected_status=expected_status,
        )
        _attach(dossier, attachments, round_no=round_no, user=actor)
    return dossier


def dossier_add_note(*, dossier: Dossier, author, text: str) -> DossierNote:
    text = text.strip()
    if not text:
        raise DomainError(_("Write the note first."), field="text", code="required")
    with transaction.atomic():
        note = DossierNote.objects.create(dossier=dossier, author=author, text=text)
        audit_record(actor=author, action="dossier.note", obj=dossier, unit_id=dossier.unit_id)
    return note
