"""Writes of the consultation on drafts. Each runs in one transaction with its audit event;
every rule about dates is checked here, against the row locked for the change."""

from __future__ import annotations

import datetime as dt
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.consultations.models import (
    Answer,
    Comment,
    Consultation,
    ConsultationStatus,
    FormalOpinion,
    ModerationStatus,
    Section,
)
from motcua.core.errors import Conflict, DomainError, NotAllowed
from motcua.core.pdf import render_pdf
from motcua.core.text import slugify_vi, squash_spaces
from motcua.core.uploads import CleanUpload
from motcua.organisations.models import Unit
from motcua.organisations.selectors import memberships_of, roles_in

DRAFTING_ROLES = frozenset({RoleCode.EDITOR, RoleCode.LEADER, RoleCode.SPECIALIST})
#: A line that starts a section: "Điều 3.", "Chương II", "Mục 1", "Phần thứ hai".
_SECTION_START = re.compile(
    r"^\s*(Điều\s+\d+[a-zđ]?|Chương\s+[IVXLCDM\d]+|Mục\s+\d+|Phần\s+(?:thứ\s+\w+|[IVXLCDM\d]+))"
    r"(?=[\s.:]|$)"
)


def unique_slug(title: str) -> str:
    base = slugify_vi(title)[:140].strip("-") or "du-thao"
    slug, number = base, 2
    while Consultation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def split_sections(text: str) -> list[tuple[str, str]]:
    """Split a pasted draft into (heading, text) at lines starting "Điều", "Chương", "Mục" or
    "Phần"; a text without such lines is one section."""
    sections: list[tuple[str, list[str]]] = []
    preamble: list[str] = []
    for line in (text or "").splitlines():
        match = _SECTION_START.match(line)
        if match:
            sections.append((squash_spaces(line)[:300], []))
        elif sections:
            sections[-1][1].append(line)
        elif line.strip():
            preamble.append(line)
    result = [(heading, "\n".join(body).strip()) for heading, body in sections]
    if preamble:
        result.insert(0, (_("General provisions"), "\n".join(preamble).strip()))
    return [(h, b) for h, b in result if h]


def _require(actor, unit: Unit, roles=DRAFTING_ROLES) -> None:
    if not roles & roles_in(actor, unit):
        raise NotAllowed(_("Only the staff of the drafting unit may do this."))


def _check_dates(opens_at: dt.datetime, closes_at: dt.datetime) -> None:
    if closes_at <= opens_at:
        raise DomainError(_("The closing time must be after the opening time."), field="closes_at")


def consultation_save(
    *,
    actor,
    unit: Unit,
    consultation: Consultation | None = None,
    title: str,
    document_type: str,
    summary: str = "",
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    draft_text: str = "",
    draft_file: CleanUpload | None = None,
) -> Consultation:
    """Create or change a consultation while it is being prepared; the pasted draft replaces
    the sections."""
    _require(actor, consultation.unit if consultation else unit)
    _check_dates(opens_at, closes_at)
    sections = split_sections(draft_text) if draft_text.strip() else None
    with transaction.atomic():
        created = consultation is None
        if created:
            consultation = Consultation(unit=unit, slug=unique_slug(title), created_by=actor)
        else:
            consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
            if consultation.status != ConsultationStatus.DRAFT:
                raise Conflict(_("A published draft cannot be changed any more."))
        consultation.title, consultation.document_type = title.strip(), document_type.strip()
        consultation.summary = summary.strip()
        consultation.opens_at, consultation.closes_at = opens_at, closes_at
        if draft_file is not None:
            consultation.draft_file.save(draft_file.name, draft_file.content, save=False)
        consultation.save()
        if sections is not None:
            consultation.sections.all().delete()
            Section.objects.bulk_create(
                Section(consultation=consultation, position=n, heading=h, body=b)
                for n, (h, b) in enumerate(sections, 1)
            )
        audit_record(
            actor=actor,
            action="consultations.create" if created else "consultations.update",
            obj=consultation,
            unit_id=consultation.unit_id,
            after={"title": consultation.title, "sections": consultation.sections.count()},
        )
    return consultation


def consultation_publish(*, actor, consultation: Consultation, now=None) -> Consultation:
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Consultation.objects.select_for_update().select_related("unit").get(pk=consultation.pk)
        )
        _require(actor, locked.unit, frozenset({RoleCode.LEADER, RoleCode.EDITOR}))
        if locked.status != ConsultationStatus.DRAFT:
            raise Conflict(_("This draft is already published."))
        if not locked.sections.exists():
            raise DomainError(_("Add the text of the draft before publishing it."))
        if locked.closes_at <= now:
            raise DomainError(_("The closing time has already passed."), field="closes_at")
        locked.status = ConsultationStatus.PUBLISHED
        locked.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor, action="consultations.publish", obj=locked, unit_id=locked.unit_id
        )
    return locked


def comment_submit(
    *,
    consultation: Consultation,
    body: str,
    section: Section | None = None,
    author_name: str = "",
    contact: str = "",
    now=None,
) -> Comment:
    """A citizen's comment, kept for moderation. Only while the consultation is open."""
    now = now or timezone.now()
    body = body.strip()
    if len(body) < 10:
        raise DomainError(_("Please write your comment (at least 10 characters)."), field="body")
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not locked.is_open(now):
            if locked.has_not_opened(now):
                raise DomainError(_("Comments are not open yet."), code="not_open")
            raise DomainError(_("Comments are closed for this draft."), code="closed")
        if section is not None and section.consultation_id != locked.pk:
            raise DomainError(_("Choose a section of this draft."), field="section")
        comment = Comment.objects.create(
            consultation=locked,
            section=section,
            author_name=author_name.strip(),
            contact=contact.strip(),
            body=body,
        )
        audit_record(
            actor=None,
            action="consultations.comment_submit",
            obj=comment,
            unit_id=locked.unit_id,
            after={
                "consultation": str(locked.public_id),
                "section": section.position if section else None,
            },
        )
    return comment


def comment_moderate(*, actor, comment: Comment, publish: bool, note: str = "") -> Comment:
    with transaction.atomic():
        locked = (
            Comment.objects.select_for_update()
            .select_related("consultation__unit")
            .get(pk=comment.pk)
        )
        _require(actor, locked.consultation.unit)
        if locked.status != ModerationStatus.PENDING:
            raise Conflict(_("This comment was already moderated."))
        if not publish and not note.strip():
            raise DomainError(_("Please give the reason."), field="note")
        locked.status = ModerationStatus.PUBLISHED if publish else ModerationStatus.REJECTED
        locked.moderated_by, locked.moderated_at = actor, timezone.now()
        locked.moderation_note = note.strip()
        locked.save()
        audit_record(
            actor=actor,
            action="consultations.comment_publish" if publish else "consultations.comment_reject",
            obj=locked,
            unit_id=locked.consultation.unit_id,
            after={"status": locked.status},
            reason=locked.moderation_note,
        )
    return locked


def opinion_submit(
    *,
    actor,
    consultation: Consultation,
    title: str,
    document: CleanUpload,
    number: str = "",
    summary: str = "",
    now=None,
) -> FormalOpinion:
    """An organisation's formal opinion (the Fatherland Front's social criticism), while the
    consultation is open. The organisation is the unit where the actor holds the role."""
    now = now or timezone.now()
    organisation = next(
        (m.unit for m in memberships_of(actor) if m.role.code == RoleCode.FRONT_SUPERVISOR), None
    )
    if organisation is None:
        raise NotAllowed(
            _("Only an organisation such as the Fatherland Front may submit a formal opinion.")
        )
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not locked.is_open(now):
            raise DomainError(_("Comments are closed for this draft."), code="closed")
        opinion = FormalOpinion(
            consultation=locked,
            organisation=organisation,
            title=title.strip(),
            number=number.strip(),
            summary=summary.strip(),
            submitted_by=actor,
        )
        opinion.file.save(document.name, document.content, save=False)
        opinion.save()
        audit_record(
            actor=actor,
            action="consultations.opinion_submit",
            obj=opinion,
            unit_id=locked.unit_id,
            after={"organisation": organisation.name, "title": opinion.title},
        )
    return opinion


def answer_record(*, actor, item: Comment | FormalOpinion, answer: str, explanation: str, now=None):
    """The drafting unit's answer to a comment or an opinion: only after the closing time."""
    now = now or timezone.now()
    if answer not in Answer.values:
        raise DomainError(_("Choose the answer."), field="answer")
    explanation = explanation.strip()
    if answer != Answer.ACCEPTED and not explanation:
        raise DomainError(
            _("Explain why the comment is not or only partly accepted."), field="explanation"
        )
    model = type(item)
    with transaction.atomic():
        locked = (
            model.objects.select_for_update().select_related("consultation__unit").get(pk=item.pk)
        )
        consultation = locked.consultation
        _require(actor, consultation.unit)
        if not consultation.is_closed(now):
            raise DomainError(
                _("Comments can be answered once the consultation has closed."), code="not_closed"
            )
        if consultation.status == ConsultationStatus.REPORTED:
            raise Conflict(_("The summary report is published: answers can no longer change."))
        if isinstance(locked, Comment) and locked.status != ModerationStatus.PUBLISHED:
            raise Conflict(_("Only published comments are answered."))
        before = {"answer": locked.answer, "explanation": locked.explanation}
        locked.answer, locked.explanation = answer, explanation
        locked.answered_by, locked.answered_at = actor, now
        locked.save()
        audit_record(
            actor=actor,
            action="consultations.answer",
            obj=locked,
            unit_id=consultation.unit_id,
            before=before,
            after={"answer": answer, "explanation": explanation[:500]},
        )
    return locked


def report_publish(*, actor, consultation: Consultation, summary: str, now=None) -> Consultation:
    """Publish the summary report (tiếp thu, giải trình) with its PDF, once every published
    comment and every opinion has its answer."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Consultation.objects.select_for_update().select_related("unit").get(pk=consultation.pk)
        )
        _require(actor, locked.unit, frozenset({RoleCode.LEADER, RoleCode.EDITOR}))
        if not locked.is_closed(now):
            raise DomainError(_("The report is published after the consultation closes."))
        if locked.status == ConsultationStatus.REPORTED:
            raise Conflict(_("The summary report is already published."))
        comments = list(
            locked.comments.filter(status=ModerationStatus.PUBLISHED).select_related("section")
        )
        opinions = list(locked.opinions.select_related("organisation"))
        waiting = sum(1 for item in [*comments, *opinions] if not item.answer)
        if waiting:
            raise DomainError(
                _("%(count)d comments or opinions still have no answer.") % {"count": waiting}
            )
        locked.report_summary = summary.strip()
        locked.report_published_at = now
        locked.status = ConsultationStatus.REPORTED
        pdf = render_pdf(
            "consultations/pdf/report.html",
            {"consultation": locked, "comments": comments, "opinions": opinions, "now": now},
        )
        locked.report_pdf.save(
            f"{locked.slug[:60]}-bao-cao-tiep-thu.pdf", ContentFile(pdf), save=False
        )
        locked.save()
        audit_record(
            actor=actor,
            action="consultations.report_publish",
            obj=locked,
            unit_id=locked.unit_id,
            after={"comments": len(comments), "opinions": len(opinions)},
        )
    return locked
