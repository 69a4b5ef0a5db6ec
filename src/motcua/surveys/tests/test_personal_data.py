"""A dossier's rating in the applicant's export; numbers written in ratings masked after the
retention period."""

import datetime as dt

import pytest
import time_machine

from motcua.core.personal_data import Person, apply_retention, export_person
from motcua.surveys.models import Rating
from motcua.surveys.services import rating_submit
from motcua.surveys.tests.factories import returned

pytestmark = pytest.mark.django_db
DAY = dt.date(2024, 3, 4)


@pytest.fixture
def dossier(ward_a):
    return returned(
        ward_a,
        received=DAY,
        due=DAY + dt.timedelta(days=3),
        finished=DAY + dt.timedelta(days=2),
        applicant_id_number="079190001234",
    )


def test_the_applicant_finds_their_dossier_and_its_rating(dossier, administrator):
    rating_submit(dossier=dossier, level="satisfied", comment="Cán bộ nhiệt tình")
    data = export_person(Person(id_number="079 190 001 234"), actor=administrator)
    assert [d["code"] for d in data["dossiers"]] == [dossier.code]
    assert data["ratings"] == [
        {
            "dossier": dossier.code,
            "rating": "satisfied",
            "reasons": [],
            "comment": "Cán bộ nhiệt tình",
            "rated_at": Rating.objects.get().rated_at.isoformat(),
        }
    ]


def test_numbers_in_a_rating_comment_are_masked_after_the_retention_period(dossier, settings):
    settings.PERSONAL_DATA_RETENTION_MONTHS = 24
    rating = rating_submit(
        dossier=dossier,
        level="not_satisfied",
        comment="Chậm quá, gọi lại cho tôi 0903 123 456",
        at=dt.datetime(2024, 3, 8, 9, tzinfo=dt.UTC),
    )
    with time_machine.travel(dt.datetime(2026, 3, 9, 9, tzinfo=dt.UTC)):
        assert apply_retention()["ratings"] == 1
        assert apply_retention()["ratings"] == 0
    rating.refresh_from_db()
    assert rating.comment == "Chậm quá, gọi lại cho tôi ***456"
    assert rating.level == "not_satisfied"
