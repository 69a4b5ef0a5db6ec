"""Demo satisfaction data: ratings on most returned demo dossiers, and one finished survey
campaign with anonymous responses in the first demo ward. Reads the dossiers that exist and
creates none."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.dossiers.models import Dossier, Status
from motcua.notifications.services import muted
from motcua.organisations.demo import DEMO_WARDS
from motcua.organisations.models import Unit
from motcua.surveys.models import Campaign, Level, QuestionKind, RatingChannel, Reason
from motcua.surveys.services import campaign_create, rating_submit, response_submit
from motcua.surveys.workflow import campaign_transition

GOOD = [Reason.QUICK, Reason.COURTEOUS, Reason.CLEAR]
BAD = [Reason.SLOW, Reason.ATTITUDE, Reason.UNCLEAR, Reason.TRIPS, Reason.FACILITIES]
COMMENTS = [
    "Cán bộ hướng dẫn tận tình, nhanh gọn.",
    "Thủ tục nhanh hơn tôi nghĩ, cảm ơn phường.",
    "Nơi chờ hơi nóng, đề nghị bổ sung quạt.",
    "Phải bổ sung giấy tờ hai lần, mong hướng dẫn rõ ngay từ đầu.",
]


def _ratings(rng: random.Random, log) -> int:
    created = 0
    dossiers = (
        Dossier.objects.filter(status=Status.RETURNED, ratings__isnull=True)
        .select_related("unit")
        .order_by("pk")
    )
    for dossier in dossiers:
        if rng.random() > 0.65:
            continue
        late = dossier.extended_due_date is not None or dossier.processing_supplements >= 2
        roll = rng.random() + (0.35 if late else 0)
        level = (
            Level.VERY_SATISFIED
            if roll < 0.55
            else Level.SATISFIED
            if roll < 0.88
            else Level.NOT_SATISFIED
        )
        reasons = rng.sample(GOOD if level != Level.NOT_SATISFIED else BAD, rng.randint(0, 2))
        rating_submit(
            dossier=dossier,
            level=level,
            reasons=reasons,
            comment=rng.choice(COMMENTS) if rng.random() < 0.15 else "",
            channel=RatingChannel.KIOSK if rng.random() < 0.4 else RatingChannel.LINK,
            at=dossier.returned_at + dt.timedelta(minutes=rng.randint(2, 60 * 48)),
        )
        created += 1
    return created


def _answer(question, rng: random.Random):
    if question.kind == QuestionKind.SCALE:
        return str(rng.choices([5, 4, 3, 2], weights=[45, 35, 15, 5])[0])
    if question.kind == QuestionKind.TEXT:
        return rng.choice(["", "", "Mong mở rộng nộp hồ sơ trực tuyến cho nhiều thủ tục hơn."])
    values = [c["value"] for c in question.choices]
    if question.kind == QuestionKind.MULTIPLE:
        return rng.sample(values, rng.randint(0, min(2, len(values))))
    weights = [6 if c.get("satisfied", True) else 1 for c in question.choices]
    if question.code == "f1":
        weights = [1, 4]
    return rng.choices(values, weights=weights)[0]


def _campaign(rng: random.Random, log) -> None:
    ward = Unit.objects.filter(gso_code=DEMO_WARDS[0].gso_code).first()
    leader = User.objects.filter(username=f"{DEMO_WARDS[0].handle}.lanhdao").first()
    if ward is None or leader is None or Campaign.objects.filter(unit=ward).exists():
        return
    today = timezone.localdate()
    end = today.replace(day=1) - dt.timedelta(days=1)
    start = (end - dt.timedelta(days=85)).replace(day=1)
    if not Dossier.objects.filter(
        unit=ward, status=Status.RETURNED, returned_at__date__gte=start, returned_at__date__lte=end
    ).exists():
        log("Demo survey: no returned dossier in the period yet, skipped.")
        return
    campaign = campaign_create(
        unit=ward,
        title=f"Khảo sát sự hài lòng của người dân đối với sự phục vụ của {ward.name} "
        f"(tháng {start.month}–{end.month}/{end.year})",
        introduction="Phiếu khảo sát theo Đề án đo lường sự hài lòng (SIPAS). Không ghi tên.",
        period_start=start,
        period_end=end,
        sample_size=60,
        seed=2026,
        actor=leader,
    )
    campaign = campaign_transition(campaign=campaign, action="open", actor=leader)
    questions = list(campaign.questions.order_by("position"))
    answered = 0
    for invitation in campaign.invitations.all():
        if rng.random() > 0.7:
            continue
        raw = {q.code: _answer(q, rng) for q in questions}
        response_submit(
            token=invitation.token, raw=raw, today=end + dt.timedelta(days=rng.randint(1, 10))
        )
        answered += 1
    campaign_transition(campaign=campaign, action="close", actor=leader)
    log(f"Demo survey: {answered} responses to {campaign.title}.")


@transaction.atomic
def seed(log=print) -> None:
    rng = random.Random("motcua-demo-surveys")
    with muted():
        created = _ratings(rng, log)
        _campaign(rng, log)
    log(f"Demo ratings: {created} created.")
