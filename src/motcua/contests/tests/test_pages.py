import re

import pytest
from django.urls import reverse

from motcua.contests.models import Choice, Entry
from motcua.contests.tests.factories import RoundFactory

pytestmark = pytest.mark.django_db


def test_entrant_starts_answers_and_submits_without_seeing_correct_answers(client, city):
    round = RoundFactory()
    contest = round.contest
    response = client.post(
        contest.get_absolute_url(), {"full_name": "Trần Thị Hoa", "phone": "0912 345 678"}
    )
    entry = Entry.objects.get()
    assert response["Location"] == entry.get_absolute_url()
    html = client.get(entry.get_absolute_url()).content.decode()
    # The page carries choices but nothing that tells which one is right.
    assert "is-correct" not in html
    assert "is_correct" not in html
    assert html.count('type="radio"') == 5 * 4
    answers = {}
    for row in entry.answers.select_related("question"):
        right = Choice.objects.get(question=row.question, is_correct=True)
        answers[f"q-{row.question.public_id}"] = str(right.public_id)
    response = client.post(entry.get_absolute_url(), {**answers, "guess": "42"})
    assert response.status_code == 302
    result = client.get(entry.get_absolute_url()).content.decode()
    assert "5 / 5" in result
    assert "is-correct" not in result  # still hidden: the round is open


def test_the_entry_page_is_only_for_the_browser_that_started_it(client, city):
    round = RoundFactory()
    client.post(
        round.contest.get_absolute_url(), {"full_name": "Trần Thị Hoa", "phone": "0912345678"}
    )
    entry = Entry.objects.get()
    from django.test import Client

    assert Client().get(entry.get_absolute_url()).status_code == 404


def test_second_entry_with_the_same_phone_is_refused_next_to_the_field(client, city):
    round = RoundFactory()
    client.post(
        round.contest.get_absolute_url(), {"full_name": "Trần Thị Hoa", "phone": "0912345678"}
    )
    response = client.post(
        round.contest.get_absolute_url(), {"full_name": "Trần Thị Hoa", "phone": "0912.345.678"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="field__error"' in html
    assert 'value="Trần Thị Hoa"' in html
    assert Entry.objects.count() == 1


def test_autosave_stores_answers_and_refuses_after_the_finish(client, city):
    round = RoundFactory()
    client.post(
        round.contest.get_absolute_url(), {"full_name": "Lê Văn Bảo", "phone": "0987654321"}
    )
    entry = Entry.objects.get()
    row = entry.answers.select_related("question").first()
    choice = row.question.choices.first()
    url = reverse("contests:entry-autosave", args=[entry.public_id])
    assert (
        client.post(url, {f"q-{row.question.public_id}": str(choice.public_id)}).status_code == 204
    )
    row.refresh_from_db()
    assert row.choice == choice
    client.post(entry.get_absolute_url(), {"guess": "1"})
    assert client.post(url, {}).status_code == 409


def test_results_page_lists_the_ranking_once_published(client, city):
    round = RoundFactory(closed=True)
    html = client.get(round.get_results_url()).content.decode()
    assert re.search(r"chưa được công bố|not published", html)
