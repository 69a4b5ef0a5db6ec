"""Common words match a large share of the index: the count stops at a limit, no page lies
beyond it, and the ranking rules order the newest matches (on SQLite and PostgreSQL alike)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.search.backends import RANKED, backend
from motcua.search.models import SearchEntry
from motcua.search.selectors import COUNT_LIMIT, search

pytestmark = pytest.mark.django_db


def entries(count, title="Thông báo lịch tiếp công dân", *, kind="news", age_days=0):
    """``count`` indexed entries with the same words, one day apart, the newest first, the
    newest ``age_days`` old (undated when ``age_days`` is None)."""
    now = timezone.now()
    created = SearchEntry.objects.bulk_create(
        SearchEntry(
            kind=kind,
            key=f"{title}-{n}"[:64],
            url=f"/{kind}/{n}/",
            title=f"{title} số {n}",
            published_at=None if age_days is None else now - dt.timedelta(days=age_days + n),
        )
        for n in range(count)
    )
    for entry in created:
        backend().write(entry.pk, title=entry.title, body="")
    return [entry.title for entry in created]


def test_matches_beyond_the_limit_are_not_counted_and_not_paged():
    titles = entries(7)
    first = search("lich tiep cong dan", limit=2, count_limit=5)
    assert (first.total, first.more) == (5, True)
    assert [hit.entry.title for hit in first.hits] == titles[:2]
    last = search("lich tiep cong dan", offset=4, limit=2, count_limit=5)
    assert [hit.entry.title for hit in last.hits] == titles[4:5]
    assert search("lich tiep cong dan", offset=6, limit=2, count_limit=5).hits == []


def test_matches_up_to_the_limit_are_counted_exactly():
    entries(5)
    results = search("lich tiep cong dan", count_limit=5)
    assert (results.total, results.more) == (5, False)
    assert len(results.hits) == 5


def test_search_page_says_more_than_the_limit_and_pages_up_to_it(client):
    entries(COUNT_LIMIT + 2)
    url = reverse("search:search")
    html = client.get(url, {"q": "lich tiep"}).content.decode()
    assert "Hơn 1.000 kết quả cho “lich tiep”" in html
    assert f"Trang 1 / {COUNT_LIMIT // 10}" in html
    beyond = client.get(url, {"q": "lich tiep", "page": COUNT_LIMIT // 10 + 5}).content.decode()
    assert f"Trang {COUNT_LIMIT // 10} / {COUNT_LIMIT // 10}" in beyond
    assert beyond.count('class="search-result"') == 10
    assert 'rel="next"' not in beyond


def test_the_newest_matches_and_the_undated_ones_are_ranked_first_then_the_older_by_date():
    scattered = entries(RANKED + 5, "Cách làm mới để cải thiện đời sống")
    procedure = entries(1, "Thủ tục cải cách", kind="procedures", age_days=None)
    old_phrase = entries(1, "Cải cách hành chính năm xưa", age_days=3650)
    found = [hit.entry.title for hit in search("cai cach", limit=RANKED + 10).hits]
    assert found[0] == procedure[0]  # the phrase, among the ranked candidates
    assert found[1:] == scattered + old_phrase  # the rest by date: the old phrase comes last


def test_pages_past_the_ranked_matches_neither_repeat_nor_skip_any():
    phrases = entries(RANKED // 2 + 10, "Lịch tiếp công dân")
    scattered = entries(RANKED // 2 + 10, "Tiếp nhận lịch công tác")
    seen = []
    for offset in range(0, RANKED + 40, 10):
        seen += [hit.entry.title for hit in search("lich tiep", offset=offset, limit=10).hits]
    assert sorted(seen) == sorted(phrases + scattered)
    assert seen[:10] == phrases[:10]


def test_a_count_past_the_limit_is_remembered_an_exact_count_never(django_assert_num_queries):
    entries(7)
    search("lich tiep", count_limit=5)
    with django_assert_num_queries(2):  # the page and its entries: no count
        assert search("lich tiep", count_limit=5).more
    for _ in range(2):
        with django_assert_num_queries(3):
            assert search("lich tiep", count_limit=10).total == 7
