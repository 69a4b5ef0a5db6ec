import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from motcua.news import selectors
from motcua.news.models import ArticleImage
from motcua.news.tests.factories import (
    ArticleFactory,
    CategoryFactory,
    DocumentFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def category():
    return CategoryFactory(name="Tin tức sự kiện", slug="tin-tuc-su-kien")


@pytest.fixture
def seed_article(category):
    return ArticleFactory(
        category=category,
        title="Tăng cường công tác thông tin, tuyên truyền cải cách hành chính",
        slug="tang-cuong-cong-tac-thong-tin",
        published_at=dt.datetime(2018, 9, 24, 16, 40, tzinfo=HCM),
        view_count=416,
        author="xq",
        body="<p>Đoạn một.</p><p>[ảnh 1]</p><p>Đoạn hai.</p>",
    )


def test_article_shows_date_and_time_as_on_the_seed_pages(client, seed_article):
    html = client.get("/tin-tuc/tang-cuong-cong-tac-thong-tin/").content.decode()
    assert "24 Tháng Chín 2018 4:40:00 CH" in html
    assert "Số lượt người xem" in html


def test_article_places_its_image_with_the_caption(
    client, seed_article, django_capture_on_commit_callbacks
):
    ArticleImage.objects.create(
        article=seed_article, image="public/news/a.jpg", caption="Người dân tra cứu (Ảnh: VM)"
    )
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert (
        html.index("Đoạn một.")
        < html.index("<figcaption>Người dân tra cứu (Ảnh: VM)")
        < html.index("Đoạn hai.")
    )
    assert "[ảnh 1]" not in html


def test_article_lists_newer_and_earlier_news_of_its_category(client, seed_article, category):
    older = ArticleFactory(category=category, title="Tin cũ hơn",
                           published_at=seed_article.published_at - dt.timedelta(days=30))  # fmt: skip
    newer = ArticleFactory(category=category, title="Tin mới hơn nữa",
                           published_at=seed_article.published_at + dt.timedelta(days=3))  # fmt: skip
    ArticleFactory(title="Tin chuyên mục khác")
    html = client.get(seed_article.get_absolute_url()).content.decode()
    newer_part = html[html.index("Tin mới hơn</h2>") : html.index("Tin đã đưa</h2>")]
    older_part = html[html.index("Tin đã đưa</h2>") :]
    assert newer.get_absolute_url() in newer_part
    assert older.get_absolute_url() in older_part
    assert "Tin chuyên mục khác" not in html[html.index("Tin mới hơn</h2>") :].split("</main>")[0]


def test_article_page_carries_open_graph_tags(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert f'<meta property="og:title" content="{seed_article.title}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert 'property="article:published_time" content="2018-09-24T16:40:00+07:00"' in html


def test_article_page_costs_the_same_number_of_queries_however_much_news(
    client, category, django_assert_max_num_queries
):
    article = ArticleFactory(category=category)
    for n in range(3):
        ArticleImage.objects.create(article=article, image=f"public/news/{n}.jpg", caption=str(n))
    ArticleFactory.create_batch(12, category=category)
    client.get("/tin-tuc/")  # warm up: the portal's unit is cached, the counters flushed
    with django_assert_max_num_queries(7):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_drafts_and_scheduled_articles_are_not_public(client, category):
    draft = ArticleFactory(category=category, draft=True)
    scheduled = ArticleFactory(category=category, scheduled=True, title="Sắp đăng")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert "Sắp đăng" not in client.get("/").content.decode()


def test_home_page_shows_featured_latest_news_by_category_and_services(
    client, city, category, django_assert_max_num_queries
):
    other = CategoryFactory(name="Thông báo", slug="thong-bao")
    ArticleFactory(category=category, title="Tin nổi bật", is_featured=True)
    for n in range(5):
        ArticleFactory(category=other, title=f"Thông báo số {n}")
    VideoFactory(title="Video phóng sự")
    DocumentFactory(number="12/KH-UBND")
    with django_assert_max_num_queries(12):
        html = client.get("/").content.decode()
    assert "Tin nổi bật" in html
    assert "Thông báo số 4" in html
    assert "Video phóng sự" in html
    assert "12/KH-UBND" in html
    assert "Đơn vị và đường dây nóng" in html  # a service card from public_menu
    assert city.name in html  # contact panel


def test_category_page_paginates(client, category):
    for n in range(15):
        ArticleFactory(category=category, title=f"Tin số {n}",
                       published_at=dt.datetime(2026, 1, 1 + n, 9, tzinfo=HCM))  # fmt: skip
    page_one = client.get(reverse("news:category", args=[category.slug])).content.decode()
    page_two = client.get(
        reverse("news:category", args=[category.slug]), {"page": 2}
    ).content.decode()
    assert "Tin số 14" in page_one
    assert "Tin số 2<" not in page_one
    assert "Tin số 2<" in page_two
    assert "Trang 2 / 2" in page_two


def test_archive_by_date_shows_that_days_news(client, seed_article, category):
    ArticleFactory(category=category, title="Tin ngày khác",
                   published_at=dt.datetime(2018, 9, 25, 8, tzinfo=HCM))  # fmt: skip
    html = client.get(reverse("news:archive"), {"ngay": "2018-09-24"}).content.decode()
    assert seed_article.title in html
    assert "Tin ngày khác" not in html
    assert "?ngay=2018-09-25" in html  # next day with news
    empty = client.get(reverse("news:archive"), {"ngay": "2018-09-23"}).content.decode()
    assert "Không có tin nào" in empty
    bad = client.get(reverse("news:archive"), {"ngay": "khong-phai-ngay"})
    assert bad.status_code == 200
    assert "field__error" in bad.content.decode()


def test_rss_per_category_lists_only_public_articles(client, seed_article, category):
    ArticleFactory(category=category, draft=True, title="Bản nháp")
    response = client.get(reverse("news:category-feed", args=[category.slug]))
    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert seed_article.title in xml
    assert "Bản nháp" not in xml


def test_sitemap_lists_articles_documents_and_videos(client, seed_article):
    DocumentFactory(slug="ke-hoach-12")
    VideoFactory(slug="video-phong-su")
    xml = client.get("/sitemap.xml").content.decode()
    assert seed_article.get_absolute_url() in xml
    assert "/van-ban/ke-hoach-12/" in xml
    assert "/video/video-phong-su/" in xml


def test_videos_from_hosts_not_allowed_are_links_and_do_not_loosen_the_csp(client):
    video = VideoFactory()
    response = client.get(video.get_absolute_url())
    html = response.content.decode()
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html
    assert "frame-src" not in response["Content-Security-Policy"]


def test_videos_from_allowed_hosts_are_embedded_with_only_that_host_allowed(client, settings):
    settings.VIDEO_EMBED_HOSTS = ["www.youtube-nocookie.com"]
    video = VideoFactory()
    response = client.get(video.get_absolute_url())
    assert (
        '<iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk"'
        in response.content.decode()
    )
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]


def test_document_library_filters_by_number_kind_and_field(client):
    DocumentFactory(
        number="12/KH-UBND", title="Kế hoạch cải cách hành chính", field="Cải cách hành chính"
    )
    DocumentFactory(
        kind="decision",
        number="145/QĐ-UBND",
        title="Quyết định ban hành quy chế",
        field="Tiếp công dân",
    )
    url = reverse("news:documents")
    assert "145/QĐ-UBND" not in client.get(url, {"q": "cai cach"}).content.decode()
    assert "12/KH-UBND" in client.get(url, {"q": "12/kh"}).content.decode()
    by_kind = client.get(url, {"loai": "decision"}).content.decode()
    assert "145/QĐ-UBND" in by_kind
    assert "12/KH-UBND" not in by_kind
    by_field = client.get(url, {"linh_vuc": "Tiếp công dân"}).content.decode()
    assert "145/QĐ-UBND" in by_field
    assert "12/KH-UBND" not in by_field


@pytest.mark.django_db
def test_articles_published_in_the_same_second_follow_each_other_in_order(category):
    moment = timezone.now() - dt.timedelta(hours=1)
    first, middle, last = (ArticleFactory(category=category, published_at=moment) for _ in range(3))
    assert selectors.newer_articles(middle) == [last]
    assert selectors.older_articles(middle) == [first]
    assert selectors.newer_articles(first) == [middle, last]
