"""The one-stop evaluation (Circular 01/2018 art. 13–15) of hand-built dossiers."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.dossiers.models import DossierEvent, Slip
from motcua.par.models import DossierEvaluation
from motcua.par.onestop import band, evaluations_refresh, quarterly_averages, unit_average
from motcua.procedures.models import OnlineLevel
from motcua.procedures.tests.factories import ProcedureVersionFactory
from motcua.surveys.models import Rating
from motcua.surveys.tests.factories import at, returned

D = lambda day: dt.date(2026, 4, day)  # noqa: E731


def hand_over(dossier, action, when, step_due, hour=9):
    DossierEvent.objects.create(
        dossier=dossier,
        at=at(when, hour),
        action=action,
        to_status=4,
        stage="desk",
        step_due=step_due,
    )


@pytest.fixture
def early(ward_a):
    """Early, every step on time or early, no supplement, receipt issued, complete and fully
    online procedure, very satisfied."""
    dossier = returned(
        ward_a, received=D(1), due=D(6), finished=D(3), procedure_version=ProcedureVersionFactory()
    )
    hand_over(dossier, "receive", D(1), D(1), 9)  # done when sent on: the same day -> on time
    hand_over(dossier, "send_to_department", D(1), D(5), 10)  # done 3 April -> early
    hand_over(dossier, "approve", D(3), D(6), 10)  # done 3 April -> early
    hand_over(dossier, "return_result", D(3), None, 15)
    Slip.objects.create(dossier=dossier, kind="01", issued_at=at(D(1)), data={})
    Rating.objects.create(
        dossier=dossier, unit=ward_a, level="very_satisfied", channel="link", rated_at=at(D(3), 16)
    )
    return dossier


@pytest.fixture
def late(ward_a):
    """Late without apology, its first step late, one supplement request, partly online and
    no documents listed, not rated."""
    version = ProcedureVersionFactory(online_level=OnlineLevel.PARTIAL, documents=[])
    dossier = returned(
        ward_a,
        received=D(1),
        due=D(6),
        finished=D(8),
        procedure_version=version,
        processing_supplements=1,
    )
    hand_over(dossier, "receive", D(1), D(1))
    hand_over(dossier, "send_to_department", D(2), D(5))  # the reception step ended a day late
    DossierEvent.objects.create(
        dossier=dossier, at=at(D(3)), action="request_supplement", to_status=5, stage="applicant"
    )
    hand_over(dossier, "approve", D(8), D(6))
    Slip.objects.create(dossier=dossier, kind="01", issued_at=at(D(1)), data={})
    return dossier


def test_the_nine_indices_of_each_dossier(early, late):
    assert evaluations_refresh() == 2
    e = DossierEvaluation.objects.get(dossier=early)
    assert [e.i1, e.i2, e.i3, e.i4, e.i5, e.i6, e.i7, e.i8, e.i9] == [2, 1, 2, 2, 2, 2, 2, 2, None]
    # 15 points over 8 evaluated indices (the feedback index has no data): 15 x 18 / 16 = 16.875
    assert (e.points, e.evaluated, e.score) == (15, 8, Decimal("16.88"))
    assert band(e.score)[0] == "xuat_sac"
    f = DossierEvaluation.objects.get(dossier=late)
    assert [f.i1, f.i2, f.i3, f.i4, f.i5, f.i6, f.i7, f.i8, f.i9] == [
        0,
        0,
        1,
        2,
        1,
        1,
        1,
        None,
        None,
    ]
    # 6 points over 7 evaluated indices: 6 x 18 / 14 = 7.714
    assert (f.points, f.evaluated, f.score) == (6, 7, Decimal("7.71"))
    assert band(f.score)[0] == "trung_binh"


def test_averages_per_quarter_and_year(early, late, ward_a, django_assert_num_queries):
    evaluations_refresh()
    with django_assert_num_queries(1):
        quarters = quarterly_averages(ward_a, 2026)
    q2 = dict(quarters)[2]
    assert dict(quarters)[1].dossiers == 0
    assert dict(quarters)[1].score is None
    assert q2.dossiers == 2
    assert q2.indices["i1"] == Decimal("1.00")  # (2 + 0) / 2
    assert q2.indices["i8"] == Decimal("2.00")  # only the rated dossier counts
    assert q2.indices["i9"] is None
    assert abs(q2.score - Decimal("12.295")) <= Decimal("0.01")  # (16.875 + 7.714) / 2
    assert q2.band[0] == "tot"  # 12 to under 15
    year = unit_average(ward_a, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert year.dossiers == 2
    assert year.band[0] == "tot"


def test_a_rating_given_after_the_evaluation_is_taken_in_on_the_next_refresh(late, ward_a):
    evaluations_refresh(now=at(D(9)))
    assert evaluations_refresh(now=at(D(9))) == 0  # nothing new: idempotent
    Rating.objects.create(
        dossier=late, unit=ward_a, level="satisfied", channel="kiosk", rated_at=at(D(10))
    )
    assert evaluations_refresh(now=at(D(11))) == 1
    evaluation = DossierEvaluation.objects.get(dossier=late)
    assert (evaluation.i8, evaluation.points, evaluation.evaluated) == (1, 7, 8)


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("18", "xuat_sac"),
        ("15", "xuat_sac"),
        ("14.99", "tot"),
        ("12", "tot"),
        ("11.99", "kha"),
        ("9", "kha"),
        ("8.99", "trung_binh"),
        ("6", "trung_binh"),
        ("5.99", "yeu"),
        ("0", "yeu"),
    ],
)
def test_classification_bands(db, score, expected):
    assert band(Decimal(score))[0] == expected
