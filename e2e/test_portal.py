"""A reader on a phone: the home page, the 2018 seed article with its date and view count,
a new visit counted, "Tin đã đưa", and an accent-free search finding both seed articles."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from motcua.news import demo_data
from motcua.news.tests.factories import ArticleFactory, CategoryFactory
from motcua.organisations.tests.factories import UnitFactory

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def seeds(transactional_db):
    ward = UnitFactory(name="Phường Bình Thạnh", slug="phuong-binh-thanh")
    category = CategoryFactory(name="Tin tức sự kiện", slug="tin-tuc-su-kien")
    articles = []
    for seed in (demo_data.SEED_ONE, demo_data.SEED_TWO):
        body = "".join(f"<p>{p}</p>" for p in seed["paragraphs"] if not p.startswith("["))
        articles.append(
            ArticleFactory(
                unit=ward,
                category=category,
                title=seed["title"],
                slug=seed["slug"],
                summary=seed["summary"],
                body=body,
                author=seed["author"],
                published_at=dt.datetime(*seed["published"], tzinfo=HCM),
                view_count=seed["views"],
            )
        )
    return articles


def test_reader_opens_the_seed_article_sees_it_counted_follows_earlier_news_and_searches(
    phone, browser, live_server, seeds
):
    first, second = seeds
    page = phone
    page.goto("/")
    page.get_by_role("link", name=first.title).first.click()
    page.wait_for_url(f"**{first.get_absolute_url()}")
    page.get_by_role("heading", level=1, name=first.title).wait_for()
    assert page.get_by_text("24 Tháng Chín 2018 4:40:00 CH").is_visible()
    views = page.get_by_test_id("view-count")
    assert page.get_by_text("Số lượt người xem").is_visible()
    assert views.inner_text() == "417"  # 416 on the 2018 page, and this visit

    page.reload()
    assert page.get_by_test_id("view-count").inner_text() == "417"  # same visitor

    other = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    try:
        other_page = other.new_page()
        other_page.goto(first.get_absolute_url())
        assert other_page.get_by_test_id("view-count").inner_text() == "418"  # a new visit
    finally:
        other.close()

    earlier = page.get_by_role("region", name="Tin đã đưa")
    earlier.get_by_role("link", name=second.title).click()
    page.wait_for_url(f"**{second.get_absolute_url()}")
    assert page.get_by_text("13 Tháng Ba 2018 10:05:00 SA").is_visible()
    assert page.get_by_test_id("view-count").inner_text() == "893"

    page.get_by_role("searchbox").first.fill("tuyen truyen cai cach")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url(re.compile(r".*/tim-kiem/\?q=tuyen\+truyen\+cai\+cach.*"))
    results = page.locator(".search-result__title")
    results.first.wait_for()
    titles = set(results.all_inner_texts())
    assert titles == {first.title, second.title}
    assert page.locator(".search-result mark").first.is_visible()
