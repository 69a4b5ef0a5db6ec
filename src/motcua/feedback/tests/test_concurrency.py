"""Concurrent actions on one feedback report (PostgreSQL): the row lock makes exactly one win,
the other is told the report changed, and the history records one step."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from motcua.core.errors import Conflict, DomainError
from motcua.core.testing import run_together
from motcua.core.uploads import IMAGE_KINDS, clean_upload
from motcua.feedback.models import PhotoStage, RejectReason, Report, ReportEvent, Status
from motcua.feedback.services import MAX_PHOTOS, report_add_answer_photos, report_rate
from motcua.feedback.tests.factories import ReportFactory
from motcua.feedback.workflow import Action, report_transition

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_officer_accepts_while_the_leader_rejects(a):
    report = ReportFactory(unit=a.ward, status=Status.RECEIVED)
    results = run_together(
        [
            lambda: report_transition(report=report, action=Action.ACCEPT, actor=a.officer),
            lambda: report_transition(
                report=report, action=Action.REJECT, actor=a.leader, reason=RejectReason.SPAM
            ),
        ]
    )
    winners = [r for r in results if isinstance(r, Report)]
    losers = [r for r in results if isinstance(r, Conflict)]
    assert (len(winners), len(losers)) == (1, 1), results
    report.refresh_from_db()
    assert report.status == winners[0].status
    assert list(ReportEvent.objects.filter(report=report).values_list("to_status", flat=True)) == [
        report.status
    ]


def test_the_reporter_rates_twice_at_once(a):
    """A double tap on "satisfied" and "not satisfied": one rating, one outcome."""
    report = ReportFactory(unit=a.ward, status=Status.ANSWERED, answered=True)
    results = run_together(
        [
            lambda: report_rate(report=report, rating="satisfied"),
            lambda: report_rate(report=report, rating="not_satisfied"),
        ]
    )
    assert sum(isinstance(r, Report) for r in results) == 1, results
    report.refresh_from_db()
    assert report.ratings.count() == 1
    expected = Status.CLOSED if report.rating == "satisfied" else Status.IN_PROGRESS
    assert report.status == expected


def photos(count: int) -> list:
    def one(n: int):
        data = io.BytesIO()
        Image.new("RGB", (32, 24), (n * 40, 90, 160)).save(data, "JPEG")
        upload = SimpleUploadedFile(f"sau-{n}.jpg", data.getvalue(), "image/jpeg")
        return clean_upload(upload, kinds=IMAGE_KINDS)

    return [one(n) for n in range(count)]


def test_two_officers_attaching_answer_photos_at_once_stay_within_the_maximum(a):
    report = ReportFactory(unit=a.ward, status=Status.IN_PROGRESS)
    each = MAX_PHOTOS // 2 + 1  # either batch fits alone, both together do not
    results = run_together(
        [
            lambda: report_add_answer_photos(report=report, actor=a.officer, photos=photos(each)),
            lambda: report_add_answer_photos(report=report, actor=a.leader, photos=photos(each)),
        ]
    )
    assert sum(isinstance(r, DomainError) for r in results) == 1, results
    assert report.photos.filter(stage=PhotoStage.ANSWER).count() == each
