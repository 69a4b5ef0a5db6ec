import pytest
from django.urls import reverse

from motcua.news.tests.factories import ArticleFactory, CategoryFactory
from motcua.search import index

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(db):
    category = CategoryFactory(name="Cải cách hành chính")
    for n in range(15):
        ArticleFactory(title=f"Cải cách hành chính đợt {n}", category=category)
    ArticleFactory(title='Tin <script>alert("x")</script> cải cách', category=category)
    index.rebuild()


def test_search_page_lists_highlighted_results_and_paginates(client, indexed):
    response = client.get(reverse("search:search"), {"q": "cai cach"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "16 kết quả" in html
    assert "<mark>Cải</mark> <mark>cách</mark>" in html
    assert "Trang 1 / 2" in html
    page_two = client.get(reverse("search:search"), {"q": "cai cach", "page": 2}).content.decode()
    assert page_two.count('class="search-result"') == 6


def test_search_results_escape_html_from_content(client, indexed):
    html = client.get(reverse("search:search"), {"q": "tin cai cach"}).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_search_page_costs_a_fixed_number_of_queries(
    client, indexed, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        client.get(reverse("search:search"), {"q": "cai cach"})


def test_layout_shows_the_search_box_on_every_public_page(client, indexed):
    html = client.get(reverse("news:list")).content.decode()
    assert f'action="{reverse("search:search")}"' in html


def test_nothing_found_says_so_in_vietnamese(client, indexed):
    html = client.get(reverse("search:search"), {"q": "khong co gi"}).content.decode()
    assert "Không tìm thấy" in html
