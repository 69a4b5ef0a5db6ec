"""Demo reform indices: this year's ward-level PAR framework, an assessment of each demo ward
taken through self-assessment, appraisal, the Fatherland Front's scores and publication; and
the one-stop evaluation of the returned demo dossiers."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from motcua.accounts.models import User
from motcua.core.errors import DomainError
from motcua.organisations.demo import DEMO_WARDS
from motcua.organisations.models import Unit
from motcua.par.frameworks import WARD_FRAMEWORK
from motcua.par.models import Framework
from motcua.par.onestop import evaluations_refresh
from motcua.par.services import assessment_start, framework_from_data, leaves, score_set
from motcua.par.workflow import assessment_transition

FRONT_COMMENTS = {
    "1.4": "Công tác tuyên truyền CCHC được thực hiện qua hội nghị khu phố và bản tin; cần mở rộng đến người cao tuổi.",
    "2.4": "Việc lấy ý kiến nhân dân đối với dự thảo được thực hiện đúng quy định, có tiếp thu, giải trình.",
    "3.5": "Lịch tiếp công dân được duy trì; Mặt trận được mời tham gia đầy đủ các buổi đối thoại.",
    "5.6": "Qua giám sát, đa số ý kiến của nhân dân đánh giá cán bộ tận tình; còn phản ánh về thời gian chờ.",
}


def _quarter(value: Decimal) -> Decimal:
    return (value * 4).quantize(Decimal(1), ROUND_HALF_UP) / 4


def _framework(year: int) -> Framework:
    framework = Framework.objects.filter(year=year).first()
    if framework is None:
        framework = framework_from_data(
            year=year,
            name=f"Bộ chỉ số cải cách hành chính cấp xã năm {year} (dữ liệu mẫu)",
            legal_basis="Dữ liệu mẫu theo tám lĩnh vực của Chỉ số cải cách hành chính; thay bằng bộ chỉ số do Sở Nội vụ ban hành.",
            tree=WARD_FRAMEWORK,
        )
    return framework


def _assess(framework: Framework, ward: Unit, handle: str, assessor: User, rng: random.Random, log):
    leader = User.objects.get(username=f"{handle}.lanhdao")
    front = User.objects.get(username=f"{handle}.mttq")
    assessment = assessment_start(framework=framework, unit=ward, actor=assessor)
    criteria = list(leaves(framework))
    for criterion in criteria:
        if criterion.is_survey:
            continue
        share = Decimal(str(rng.uniform(0.72, 1.0)))
        score_set(
            assessment=assessment,
            criterion=criterion,
            actor=leader,
            points=_quarter(criterion.max_points * share),
            note="Đã hoàn thành theo kế hoạch." if rng.random() < 0.3 else "",
        )
    assessment = assessment_transition(assessment=assessment, action="submit", actor=leader)
    for criterion in rng.sample([c for c in criteria if not (c.is_survey or c.is_front)], 4):
        score = assessment.scores.get(criterion=criterion)
        lowered = max(Decimal(0), score.self_points - Decimal("0.5"))
        score_set(
            assessment=assessment,
            criterion=criterion,
            actor=assessor,
            points=lowered,
            note="Hồ sơ minh chứng chưa đầy đủ so với hướng dẫn chấm điểm.",
        )
    assessment = assessment_transition(
        assessment=assessment, action="finish_appraisal", actor=assessor
    )
    for criterion in (c for c in criteria if c.is_front):
        share = Decimal(str(rng.uniform(0.7, 1.0)))
        score_set(
            assessment=assessment,
            criterion=criterion,
            actor=front,
            points=_quarter(criterion.max_points * share),
            note=FRONT_COMMENTS.get(criterion.code, "Ủy ban MTTQ phường thống nhất."),
        )
    assessment = assessment_transition(
        assessment=assessment,
        action="finish_front_review",
        actor=front,
        note="Ủy ban MTTQ phường thống nhất kết quả chấm điểm các tiêu chí phối hợp.",
    )
    assessment = assessment_transition(assessment=assessment, action="publish", actor=assessor)
    log(f"  {ward.name}: {assessment.total} điểm, {assessment.classification}.")


@transaction.atomic
def seed(log=print) -> None:
    year = timezone.localdate().year
    assessor = User.objects.filter(username="noivu").first()
    if assessor is None:
        log("Demo PAR index: no assessor account, skipped.")
        return
    framework = _framework(year)
    rng = random.Random(f"motcua-demo-par-{year}")
    for ward_data in DEMO_WARDS:
        ward = Unit.objects.filter(gso_code=ward_data.gso_code).first()
        if ward is None or framework.assessments.filter(unit=ward).exists():
            continue
        try:
            with transaction.atomic():
                _assess(framework, ward, ward_data.handle, assessor, rng, log)
        except DomainError as error:
            log(f"  {ward.name}: skipped ({error.message}).")
    evaluated = evaluations_refresh()
    log(f"Demo PAR index {year}: published. One-stop evaluation: {evaluated} dossier(s) evaluated.")
