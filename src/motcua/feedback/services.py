"""Writes on feedback: intake, corrections and notes, ratings, escalation, routing rules and the
category classifier. Status changes go through ``workflow.report_transition``."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.roles import RoleCode
from motcua.audit.services import audit_record
from motcua.core.errors import DomainError, NotAllowed
from motcua.core.files import atomic_with_files, store
from motcua.core.rules import rule_value
from motcua.core.text import fold, squash_spaces
from motcua.core.uploads import CleanUpload
from motcua.feedback import classifier, notices
from motcua.feedback.access import holds
from motcua.feedback.models import (
    Category,
    Channel,
    ClassifierModel,
    Escalation,
    PhotoStage,
    Rating,
    RejectReason,
    Report,
    ReportEvent,
    ReportNote,
    ReportPhoto,
    ReportRating,
    RoutingRule,
    Status,
)
from motcua.feedback.privacy import mask_contacts, strip_house_number
from motcua.feedback.routing import interior_office_for, route
from motcua.feedback.workflow import (
    RATING_WINDOW_DAYS,
    Action,
    report_transition,
    schedule,
)
from motcua.organisations.models import ADMINISTRATIVE_KINDS, Membership, Unit
from motcua.organisations.selectors import has_role, is_administrator

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_PHOTOS = 5
MIN_DESCRIPTION = 15
MAX_DESCRIPTION = 5000
#: Roughly Vietnam, to catch a pin dropped in the sea or swapped coordinates.
LATITUDE_RANGE = (8.0, 24.0)
LONGITUDE_RANGE = (102.0, 110.0)


def _random(n: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(n))


def normalise_secret(secret: str) -> str:
    return "".join(ch for ch in secret.upper() if ch.isalnum())


def normalise_code(code: str) -> str:
    code = "".join(ch for ch in code.upper().strip() if ch.isalnum() or ch == "-")
    if "-" not in code and len(code) == 10 and code.startswith("PA"):
        code = f"{code[:4]}-{code[4:]}"
    return code


def _hash_secret(code: str, secret: str) -> str:
    return hashlib.sha256(f"{code}:{normalise_secret(secret)}".encode()).hexdigest()


def secret_matches(report: Report, secret: str) -> bool:
    return hmac.compare_digest(report.secret_hash, _hash_secret(report.code, secret))


def _new_code(now: dt.datetime) -> str:
    while True:
        code = f"PA{timezone.localtime(now):%y}-{_random(6)}"
        if not Report.objects.filter(code=code).exists():
            return code


def validate_details(category: Category, details: dict) -> dict:
    """Keep the answers to the category's questions, checked against their definition."""
    clean = {}
    for question in category.questions or []:
        key, kind = question["key"], question.get("type", "text")
        value = squash_spaces(str(details.get(key, "") or ""))[:500]
        if kind == "choice" and value and value not in question.get("choices", []):
            raise DomainError(_("Choose one of the answers offered."), field=f"q_{key}")
        if kind == "yesno" and value and value not in ("yes", "no"):
            raise DomainError(_("Choose one of the answers offered."), field=f"q_{key}")
        if question.get("required") and not value:
            raise DomainError(_("Please answer this question."), field=f"q_{key}")
        if value:
            clean[key] = value
    return clean


def _validate_location(latitude, longitude, address: str) -> None:
    if (latitude is None) != (longitude is None):
        raise DomainError(_("The map position is incomplete."), field="latitude")
    if latitude is not None and not (
        LATITUDE_RANGE[0] <= latitude <= LATITUDE_RANGE[1]
        and LONGITUDE_RANGE[0] <= longitude <= LONGITUDE_RANGE[1]
    ):
        raise DomainError(_("The map position is outside Vietnam."), field="latitude")
    if latitude is None and not address:
        raise DomainError(_("Place the problem on the map or type its address."), field="address")


@dataclass(frozen=True)
class Submission:
    report: Report
    secret: str | None  # None when an earlier identical submission was returned
    created: bool


def report_submit(
    *,
    unit: Unit,
    category: Category,
    description: str,
    details: dict | None = None,
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    is_public: bool = True,
    official_unit: Unit | None = None,
    photos: list[CleanUpload] | tuple = (),
    channel: str = Channel.WEB,
    actor=None,
    idempotency_key: str | None = None,
    now: dt.datetime | None = None,
) -> Submission:
    """Record a new report, route it and return it with its secret (shown to the reporter
    once). The same ``idempotency_key`` twice (a double click) records one report."""
    if idempotency_key:
        existing = Report.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return Submission(report=existing, secret=None, created=False)
    now = now or timezone.now()
    description = (description or "").strip()
    address = squash_spaces(address or "")[:300]
    if not category.is_active or category.children.filter(is_active=True).exists():
        raise DomainError(_("Choose a category from the list."), field="category")
    if not unit.is_active or unit.kind not in ADMINISTRATIVE_KINDS:
        raise DomainError(_("Choose the ward where the problem is."), field="unit")
    if len(description) < MIN_DESCRIPTION:
        raise DomainError(
            _("Describe the problem in a few words (at least %(n)d characters).")
            % {"n": MIN_DESCRIPTION},
            field="description",
        )
    if len(description) > MAX_DESCRIPTION:
        raise DomainError(
            _("The description is too long (at most %(n)d characters).") % {"n": MAX_DESCRIPTION},
            field="description",
        )
    if channel not in Channel.values:
        raise DomainError(_("Choose how the report was received."), field="channel")
    if channel in (Channel.HOTLINE, Channel.DESK, Channel.MAILBOX) and not any(
        holds(actor, role, unit) for role in (RoleCode.ONE_STOP_OFFICER, RoleCode.LEADER)
    ):
        raise NotAllowed(_("Only staff record reports received by phone, desk or mail."))
    if len(photos) > MAX_PHOTOS:
        raise DomainError(_("Attach at most %(n)d photos.") % {"n": MAX_PHOTOS}, field="photos")
    _validate_location(latitude, longitude, address)
    details = validate_details(category, details or {})
    if category.is_conduct:
        official_unit = official_unit if official_unit and official_unit.is_active else unit
    else:
        official_unit = None

    routed = route(unit=unit, category=category, at=now)
    suggestion = classifier.suggest_category(description)
    secret = f"{_random(4)}-{_random(4)}"
    try:
        with atomic_with_files():
            code = _new_code(now)
            report = Report(
                code=code,
                secret_hash=_hash_secret(code, secret),
                idempotency_key=idempotency_key or None,
                unit=unit,
                category=category,
                description=description,
                public_description=mask_contacts(description),
                details=details,
                address=address,
                public_address=strip_house_number(address),
                latitude=latitude,
                longitude=longitude,
                channel=channel,
                reporter_name=squash_spaces(reporter_name)[:200],
                reporter_phone=squash_spaces(reporter_phone)[:20],
                reporter_email=(reporter_email or "").strip()[:254],
                is_public=is_public,
                official_unit=official_unit,
                interior_unit=interior_office_for(unit) if category.is_conduct else None,
                handling_unit=routed.handling_unit,
                routed_officer=routed.officer,
                routing_rule=routed.rule,
                status=Status.RECEIVED,
                status_changed_at=now,
                received_at=now,
                suggested_category=suggestion.category if suggestion else None,
                suggestion_confidence=suggestion.confidence if suggestion else None,
                search_text=fold(f"{description} {address}"),
                created_by=actor if actor is not None and actor.is_authenticated else None,
            )
            schedule(report, today=timezone.localdate(now))
            report.save()
            for photo in photos:
                stored = ReportPhoto(report=report, content_type=photo.kind.content_type)
                stored.sha256 = photo.sha256
                store(stored.image, photo.name, photo.content)
                stored.save()
            ReportEvent.objects.create(
                report=report,
                action="submit",
                to_status=Status.RECEIVED,
                actor=report.created_by,
                actor_label=actor.get_full_name() if report.created_by else "",
                created_at=now,
            )
            audit_record(
                actor=actor,
                action="feedback.submit",
                obj=report,
                unit_id=unit.pk,
                after={
                    "status": report.status,
                    "category": category.code,
                    "channel": channel,
                    "handling_unit": report.handling_unit_id,
                    "photos": len(photos),
                },
            )
    except IntegrityError:
        if idempotency_key:
            existing = Report.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return Submission(report=existing, secret=None, created=False)
        raise
    return Submission(report=report, secret=secret, created=True)


# --- Triage corrections, notes -------------------------------------------------------------

CORRECTABLE = frozenset({Status.RECEIVED, Status.ACCEPTED})


def may_correct(user, report: Report) -> bool:
    return report.status in CORRECTABLE and any(
        holds(user, role, report.unit) for role in (RoleCode.ONE_STOP_OFFICER, RoleCode.LEADER)
    )


def report_correct(
    *,
    report: Report,
    actor,
    category: Category,
    address: str,
    latitude: float | None,
    longitude: float | None,
    public_description: str,
    is_public: bool,
    official_unit: Unit | None = None,
) -> Report:
    """Triage corrections: the category, the location, what the public sees. A new category or
    location runs the routing rules again."""
    address = squash_spaces(address or "")[:300]
    _validate_location(latitude, longitude, address)
    if not category.is_active or category.children.filter(is_active=True).exists():
        raise DomainError(_("Choose a category from the list."), field="category")
    public_description = (public_description or "").strip()
    if len(public_description) < MIN_DESCRIPTION:
        raise DomainError(_("Write the text the public will see."), field="public_description")
    with transaction.atomic():
        locked = (
            Report.objects.select_for_update(of=("self",)).select_related("unit").get(pk=report.pk)
        )
        if not may_correct(actor, locked):
            raise NotAllowed(_("You may not correct this report now."))
        before = {
            "category": locked.category_id,
            "address": locked.address,
            "latitude": locked.latitude,
            "longitude": locked.longitude,
            "handling_unit": locked.handling_unit_id,
            "is_public": locked.is_public,
        }
        rerouted = (
            category.pk != locked.category_id
            or address != locked.address
            or latitude != locked.latitude
            or longitude != locked.longitude
        )
        locked.category = category
        locked.address, locked.public_address = address, strip_house_number(address)
        locked.latitude, locked.longitude = latitude, longitude
        locked.public_description = mask_contacts(public_description)
        locked.is_public = is_public
        locked.search_text = fold(f"{locked.description} {address}")
        if category.is_conduct:
            locked.official_unit = official_unit or locked.official_unit or locked.unit
            locked.interior_unit = interior_office_for(locked.unit)
        else:
            locked.official_unit = locked.interior_unit = None
        if rerouted:
            routed = route(unit=locked.unit, category=category)
            locked.handling_unit = routed.handling_unit
            locked.routed_officer = routed.officer
            locked.routing_rule = routed.rule
        if locked.status == Status.RECEIVED:
            schedule(locked, today=timezone.localdate())
        locked.save()
        after = {
            "category": locked.category_id,
            "address": locked.address,
            "latitude": locked.latitude,
            "longitude": locked.longitude,
            "handling_unit": locked.handling_unit_id,
            "is_public": locked.is_public,
        }
        ReportEvent.objects.create(
            report=locked,
            action="correct",
            from_status=locked.status,
            to_status=locked.status,
            actor=actor,
            actor_label=actor.get_full_name(),
            note=_("Category or location corrected; routed again.") if rerouted else "",
            is_public=False,
            created_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action="feedback.correct",
            obj=locked,
            unit_id=locked.unit_id,
            before=before,
            after=after,
        )
    return locked


def report_add_note(*, report: Report, actor, body: str) -> ReportNote:
    body = (body or "").strip()
    if not body:
        raise DomainError(_("Write the note."), field="body")
    if not Report.objects.visible_to(actor).filter(pk=report.pk).exists():
        raise NotAllowed(_("You may not do this on this report."))
    with transaction.atomic():
        note = ReportNote.objects.create(report=report, author=actor, body=body[:5000])
        audit_record(actor=actor, action="feedback.note", obj=report, unit_id=report.unit_id)
    return note


def report_add_answer_photos(*, report: Report, actor, photos: list[CleanUpload]) -> None:
    """Photos "after" the work, attached with the answer."""
    if not photos:
        return
    with atomic_with_files():
        # Locked, so two officers attaching photos at once cannot pass the maximum together.
        Report.objects.select_for_update().filter(pk=report.pk).first()
        if report.photos.filter(stage=PhotoStage.ANSWER).count() + len(photos) > MAX_PHOTOS:
            raise DomainError(_("Attach at most %(n)d photos.") % {"n": MAX_PHOTOS}, field="photos")
        for photo in photos:
            stored = ReportPhoto(
                report=report,
                stage=PhotoStage.ANSWER,
                content_type=photo.kind.content_type,
                sha256=photo.sha256,
            )
            store(stored.image, photo.name, photo.content)
            stored.save()
        audit_record(
            actor=actor,
            action="feedback.answer_photos",
            obj=report,
            unit_id=report.unit_id,
            after={"photos": len(photos)},
        )


def report_act(*, report: Report, action: str, actor, photos=(), **kwargs) -> Report:
    """A staff action, with the photos "after" the work when the answer is submitted: both or
    neither."""
    with transaction.atomic():
        if photos:
            if action != Action.SUBMIT_ANSWER:
                raise DomainError(_("Photos go with the answer."), field="photos")
            report_add_answer_photos(report=report, actor=actor, photos=photos)
        return report_transition(report=report, action=action, actor=actor, **kwargs)


# --- The reporter's rating ------------------------------------------------------------------


def rating_window_end(report: Report) -> dt.date | None:
    if report.answered_at is None:
        return None
    answered = timezone.localdate(report.answered_at)
    return answered + dt.timedelta(days=int(rule_value(RATING_WINDOW_DAYS, on=answered)))


def can_rate(report: Report, *, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    end = rating_window_end(report)
    return (
        report.status in (Status.ANSWERED, Status.CLOSED)
        and end is not None
        and today <= end
        and not (report.rated_at and report.rated_at >= report.answered_at)
    )


def report_rate(
    *, report: Report, rating: str, comment: str = "", now: dt.datetime | None = None
) -> Report:
    """The reporter rates the answer: satisfied closes the report, not satisfied reopens it."""
    now = now or timezone.now()
    if rating not in Rating.values:
        raise DomainError(_("Choose whether you are satisfied."), field="rating")
    with transaction.atomic():
        locked = Report.objects.select_for_update(of=("self",)).get(pk=report.pk)
        if not can_rate(locked, today=timezone.localdate(now)):
            raise DomainError(
                _("This answer can no longer be rated."), code="rating_closed", field="rating"
            )
        comment = (comment or "").strip()[:2000]
        ReportRating.objects.create(report=locked, rating=rating, comment=comment, created_at=now)
        locked.rating, locked.rated_at = rating, now
        locked.save(update_fields=["rating", "rated_at"])
        if rating == Rating.NOT_SATISFIED:
            return report_transition(
                report=locked, action=Action.REOPEN, as_reporter=True, note=comment, now=now
            )
        if locked.status == Status.ANSWERED:
            return report_transition(
                report=locked, action=Action.CLOSE, as_reporter=True, note=comment, now=now
            )
        audit_record(actor=None, action="feedback.rate", obj=locked, after={"rating": rating})
        return locked


# --- Scheduled work: escalation of late steps, closing answered reports ----------------------


def _leaders_of(report: Report) -> list:
    from motcua.accounts.models import User

    units = [report.unit] + ([report.handling_unit] if report.handling_unit_id else [])
    ancestor_ids = {int(p) for unit in units for p in unit.path.strip("/").split("/") if p}
    ward_ids = {int(p) for p in report.unit.path.strip("/").split("/") if p}
    leader_ids = set(
        Membership.objects.active()
        .filter(role__code=RoleCode.LEADER, unit_id__in=ancestor_ids, unit__is_active=True)
        .filter(unit__depth__gte=report.unit.depth)
        .values_list("user_id", flat=True)
    )
    if report.unit.leader_id:
        leader_ids.add(report.unit.leader_id)
    if not leader_ids:  # nobody at the ward: the leaders above it
        leader_ids = set(
            Membership.objects.active()
            .filter(role__code=RoleCode.LEADER, unit_id__in=ward_ids)
            .values_list("user_id", flat=True)
        )
    return list(User.objects.filter(pk__in=leader_ids, is_active=True).order_by("username"))


def escalate_overdue(*, now: dt.datetime | None = None) -> list[Escalation]:
    """Tell the leaders (and the assigned officer) about every step past its due date, once
    per report, step and due date; record it."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    late = (
        Report.objects.open()
        .filter(step_due__lt=today)
        .select_related("unit", "handling_unit", "assigned_to", "category")
        .order_by("step_due", "pk")
    )
    created = []
    for report in late:
        if Escalation.objects.filter(
            report=report, status=report.status, step_due=report.step_due
        ).exists():
            continue
        with transaction.atomic():
            leaders = _leaders_of(report)
            users = leaders + ([report.assigned_to] if report.assigned_to_id else [])
            escalation, is_new = Escalation.objects.get_or_create(
                report=report,
                status=report.status,
                step_due=report.step_due,
                defaults={"notified": [u.username for u in users], "created_at": now},
            )
            if not is_new:
                continue
            notices.late(report, users=users, key=f"{report.status}:{report.step_due}")
            audit_record(
                actor=None,
                action="feedback.escalate",
                obj=report,
                unit_id=report.unit_id,
                after={
                    "status": report.status,
                    "step_due": report.step_due.isoformat(),
                    "notified": escalation.notified,
                },
            )
            created.append(escalation)
    return created


def close_unrated(*, now: dt.datetime | None = None) -> list[Report]:
    """Close answered reports whose rating window ended without a rating."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    closed = []
    for report in Report.objects.filter(status=Status.ANSWERED).order_by("answered_at"):
        end = rating_window_end(report)
        if end is not None and end < today:
            closed.append(
                report_transition(
                    report=report,
                    action=Action.CLOSE,
                    as_system=True,
                    note=_("Closed: the rating period ended."),
                    now=now,
                )
            )
    return closed


# --- Routing rules --------------------------------------------------------------------------


def may_manage_rules(user, unit: Unit) -> bool:
    return is_administrator(user) or has_role(user, RoleCode.LEADER, unit)


def _check_rule(*, unit: Unit, handling_unit: Unit, officer, starts_at, ends_at) -> None:
    if unit.kind not in ADMINISTRATIVE_KINDS:
        raise DomainError(_("Rules are set for a ward or a city."), field="unit")
    if not handling_unit.is_active:
        raise DomainError(_("Choose an active unit."), field="handling_unit")
    if (starts_at is None) != (ends_at is None):
        raise DomainError(_("Give both ends of the time window, or neither."), field="ends_at")
    if starts_at is not None and starts_at == ends_at:
        raise DomainError(_("The time window is empty."), field="ends_at")
    if (
        officer is not None
        and not Membership.objects.active()
        .filter(user=officer, unit__path__startswith=handling_unit.path)
        .exists()
    ):
        raise DomainError(_("This officer does not work in the handling unit."), field="officer")


def routing_rule_save(
    *,
    actor,
    unit: Unit,
    category: Category | None,
    handling_unit: Unit,
    officer=None,
    starts_at: dt.time | None = None,
    ends_at: dt.time | None = None,
    is_active: bool = True,
    rule: RoutingRule | None = None,
) -> RoutingRule:
    if not may_manage_rules(actor, unit) or (rule is not None and rule.unit_id != unit.pk):
        raise NotAllowed(_("You may not change the routing rules of this unit."))
    _check_rule(
        unit=unit,
        handling_unit=handling_unit,
        officer=officer,
        starts_at=starts_at,
        ends_at=ends_at,
    )
    with transaction.atomic():
        before = None
        if rule is None:
            top = RoutingRule.objects.filter(unit=unit).aggregate(top=Max("position"))["top"]
            rule = RoutingRule(unit=unit, position=(top or 0) + 1)
        else:
            before = {
                "category": rule.category_id,
                "handling_unit": rule.handling_unit_id,
                "officer": rule.officer_id,
                "starts_at": str(rule.starts_at or ""),
                "ends_at": str(rule.ends_at or ""),
                "is_active": rule.is_active,
            }
        rule.category, rule.handling_unit, rule.officer = category, handling_unit, officer
        rule.starts_at, rule.ends_at, rule.is_active = starts_at, ends_at, is_active
        rule.save()
        audit_record(
            actor=actor,
            action="feedback.rule_save",
            obj=rule,
            unit_id=unit.pk,
            before=before,
            after={
                "category": rule.category_id,
                "handling_unit": rule.handling_unit_id,
                "officer": rule.officer_id,
                "starts_at": str(rule.starts_at or ""),
                "ends_at": str(rule.ends_at or ""),
                "is_active": rule.is_active,
                "position": rule.position,
            },
        )
    return rule


def routing_rule_move(*, actor, rule: RoutingRule, up: bool) -> None:
    """Swap the rule with its neighbour above (``up``) or below."""
    if not may_manage_rules(actor, rule.unit):
        raise NotAllowed(_("You may not change the routing rules of this unit."))
    with transaction.atomic():
        rules = list(
            RoutingRule.objects.select_for_update()
            .filter(unit=rule.unit)
            .order_by("position", "id")
        )
        index = next(i for i, r in enumerate(rules) if r.pk == rule.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(rules):
            return
        rules[index], rules[other] = rules[other], rules[index]
        for position, r in enumerate(rules, start=1):
            if r.position != position:
                RoutingRule.objects.filter(pk=r.pk).update(position=position)
        audit_record(
            actor=actor,
            action="feedback.rule_move",
            obj=rule,
            unit_id=rule.unit_id,
            after={"order": [r.pk for r in rules]},
        )


def routing_rule_delete(*, actor, rule: RoutingRule) -> None:
    if not may_manage_rules(actor, rule.unit):
        raise NotAllowed(_("You may not change the routing rules of this unit."))
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="feedback.rule_delete",
            obj=rule,
            unit_id=rule.unit_id,
            before={"category": rule.category_id, "handling_unit": rule.handling_unit_id},
        )
        RoutingRule.objects.filter(unit=rule.unit, position__gt=rule.position).update(
            position=F("position") - 1
        )
        rule.delete()


# --- The category classifier ----------------------------------------------------------------

KEEP_MODELS = 3


def training_set() -> tuple[list[str], list[str]]:
    """Texts and categories confirmed by officers: every triaged report except those refused as
    spam or out of scope."""
    rows = (
        Report.objects.exclude(status=Status.RECEIVED)
        .exclude(
            status=Status.REJECTED,
            reject_reason__in=[RejectReason.SPAM, RejectReason.OUT_OF_SCOPE],
        )
        .filter(category__is_active=True)
        .values_list("description", "category__code")
        .order_by("pk")
    )
    texts, labels = [], []
    for text, label in rows:
        texts.append(text)
        labels.append(label)
    return texts, labels


def classifier_retrain(*, actor=None) -> ClassifierModel:
    texts, labels = training_set()
    try:
        trained = classifier.train(texts, labels)
    except ValueError as error:
        raise DomainError(
            _("Not enough triaged reports to train the classifier."), code="not_enough_data"
        ) from error
    with transaction.atomic():
        row = ClassifierModel.objects.create(
            n_samples=trained.n_samples,
            accuracy=trained.accuracy,
            parameters=trained.parameters,
            weights=trained.weights,
        )
        old = ClassifierModel.objects.order_by("-created_at", "-id").values_list("pk", flat=True)[
            KEEP_MODELS:
        ]
        ClassifierModel.objects.filter(pk__in=list(old)).delete()
        audit_record(
            actor=actor,
            action="feedback.classifier_train",
            obj=row,
            after={"samples": trained.n_samples, "accuracy": trained.accuracy},
        )
    return row
