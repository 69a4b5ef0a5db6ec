"""Rating a returned dossier: once per dossier, from the receipt's link or at the desk's kiosk."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from motcua.audit.models import AuditEvent
from motcua.core.errors import Conflict, NotAllowed
from motcua.dossiers.tests.factories import DossierFactory
from motcua.organisations.tests.helpers import make_staff, sign_in
from motcua.surveys.models import Rating
from motcua.surveys.services import rating_submit
from motcua.surveys.tests.factories import returned

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def dossier(ward_a):
    return returned(
        ward_a, received=DAY, due=DAY + dt.timedelta(days=3), finished=DAY + dt.timedelta(days=2)
    )


def test_a_rating_is_recorded_with_its_reasons_and_audited(dossier):
    rating = rating_submit(
        dossier=dossier, level="satisfied", reasons=["quick", "clear"], comment=" Tốt "
    )
    assert (rating.level, rating.reasons, rating.comment, rating.unit) == (
        "satisfied",
        ["quick", "clear"],
        "Tốt",
        dossier.unit,
    )
    assert AuditEvent.objects.filter(
        action="survey.rating", object_id=str(rating.public_id)
    ).exists()


def test_a_dossier_cannot_be_rated_twice(dossier):
    rating_submit(dossier=dossier, level="very_satisfied")
    with pytest.raises(Conflict) as error:
        rating_submit(dossier=dossier, level="not_satisfied")
    assert error.value.code == "already_rated"
    assert "chỉ được đánh giá một lần" in str(error.value.message)
    assert list(Rating.objects.values_list("level", flat=True)) == ["very_satisfied"]


def test_the_database_refuses_a_second_rating_even_without_the_service(dossier):
    Rating.objects.create(
        dossier=dossier,
        unit=dossier.unit,
        level="satisfied",
        channel="link",
        rated_at=dossier.returned_at,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(
            dossier=dossier,
            unit=dossier.unit,
            level="satisfied",
            channel="kiosk",
            rated_at=dossier.returned_at,
        )


def test_only_a_returned_dossier_can_be_rated(ward_a):
    dossier = DossierFactory(unit=ward_a, processing=True)
    with pytest.raises(NotAllowed):
        rating_submit(dossier=dossier, level="satisfied")
    assert not Rating.objects.exists()


def test_the_citizen_rates_from_the_status_page_link_then_cannot_rate_again(client, dossier):
    # The receipt's QR code opens the status page with the secret; it shows the rating link.
    client.get(reverse("dossiers:status", args=[dossier.code]) + f"?ma={dossier.secret}")
    status_page = client.get(reverse("dossiers:status", args=[dossier.code])).content.decode()
    link = reverse("surveys:rate", args=[dossier.code]) + f"?ma={dossier.secret}"
    assert "Đánh giá mức độ hài lòng" in status_page
    assert link in status_page

    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert "Rất hài lòng" in response.content.decode()
    response = client.post(
        reverse("surveys:rate", args=[dossier.code]),
        {"level": "very_satisfied", "reasons": ["courteous"], "comment": ""},
        follow=True,
    )
    assert "Cảm ơn Ông/Bà đã đánh giá" in response.content.decode()
    assert Rating.objects.get(dossier=dossier).channel == "link"

    again = client.post(reverse("surveys:rate", args=[dossier.code]), {"level": "not_satisfied"})
    assert "Mỗi hồ sơ chỉ được đánh giá một lần" in again.content.decode()
    assert Rating.objects.get(dossier=dossier).level == "very_satisfied"


def test_a_wrong_secret_shows_nothing(client, dossier):
    assert (
        client.get(reverse("surveys:rate", args=[dossier.code]) + "?ma=WRONG123").status_code == 404
    )
    assert client.get(reverse("surveys:rate", args=[dossier.code])).status_code == 404


def test_the_start_page_checks_code_and_secret_and_keeps_what_was_typed(client, dossier):
    response = client.post(reverse("surveys:start"), {"code": dossier.code, "secret": "NOPE"})
    html = response.content.decode()
    assert "Không tìm thấy hồ sơ" in html
    assert dossier.code in html
    response = client.post(
        reverse("surveys:start"), {"code": dossier.code, "secret": dossier.secret}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:rate", args=[dossier.code])


def test_a_missing_level_is_shown_next_to_the_choices(client, dossier):
    client.get(reverse("surveys:rate", args=[dossier.code]) + f"?ma={dossier.secret}")
    response = client.post(reverse("surveys:rate", args=[dossier.code]), {"comment": "Chưa chọn"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vui lòng chọn mức độ hài lòng" in html
    assert "Chưa chọn" in html


def test_rating_is_rate_limited(client, dossier):
    statuses = {
        client.post(reverse("surveys:start"), {"code": "X", "secret": "Y"}).status_code
        for _ in range(22)
    }
    assert 429 in statuses


def test_the_desk_kiosk_rates_a_dossier_of_the_officers_unit_only(
    client, ward_a, ward_b, dossier, time_machine
):
    time_machine.move_to(dt.datetime(2026, 3, 5, 10, tzinfo=dt.UTC))
    officer = make_staff(ward_a, "one_stop_officer")
    other = returned(ward_b, received=DAY, due=DAY, finished=DAY)
    sign_in(client, officer)
    listing = client.get(reverse("surveys:kiosk")).content.decode()
    assert dossier.code in listing
    assert other.code not in listing
    assert client.get(reverse("surveys:kiosk-rate", args=[other.code])).status_code == 404
    response = client.post(
        reverse("surveys:kiosk-rate", args=[dossier.code]), {"level": "satisfied"}
    )
    assert response.status_code == 200
    assert "Cảm ơn Ông/Bà đã đánh giá" in response.content.decode()
    assert Rating.objects.get(dossier=dossier).channel == "kiosk"
    again = client.get(reverse("surveys:kiosk-rate", args=[dossier.code])).content.decode()
    assert "Mỗi hồ sơ chỉ được đánh giá một lần" in again
