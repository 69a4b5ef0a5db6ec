"""The home and article pages come from the cache for anonymous visitors: fewer queries, yet
each visitor sees their own view count and CSRF token, and an edit shows at once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from motcua.accounts.roles import RoleCode
from motcua.news.tests.factories import ArticleFactory, CategoryFactory
from motcua.news.workflow import article_transition
from motcua.organisations.tests.helpers import make_staff

pytestmark = pytest.mark.django_db


def view_count(response) -> int:
    return int(re.search(r'data-testid="view-count">(\d+)<', response.content.decode())[1])


def csrf_token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


@pytest.fixture
def article(ward_a):
    return ArticleFactory(unit=ward_a, title="Lịch tiếp công dân tháng 12", view_count=41)


def test_a_second_visitor_reads_the_article_from_the_cache_with_their_own_count(
    article, django_assert_max_num_queries, django_assert_num_queries
):
    first = Client().get(article.get_absolute_url())
    assert view_count(first) == 42
    # From the cache, with the article's counting row and the stored counts kept beside it:
    # no database read at all.
    with django_assert_num_queries(0):
        second = Client().get(article.get_absolute_url())
    assert view_count(second) == 43
    assert "Lịch tiếp công dân tháng 12" in second.content.decode()
    assert second.headers["Content-Security-Policy"]  # the usual headers still apply


def test_each_visitor_gets_a_csrf_token_that_works_for_them(article):
    Client().get(article.get_absolute_url())  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(article.get_absolute_url())
    token = csrf_token(page)
    assert f'"X-CSRFToken": "{token}"' in page.content.decode()
    switched = visitor.post(
        reverse("set_language"),
        {"language": "en", "next": article.get_absolute_url(), "csrfmiddlewaretoken": token},
    )
    assert switched.status_code == 302
    english = visitor.get(article.get_absolute_url())
    assert "Number of readers" in english.content.decode()  # not the cached Vietnamese page


def test_a_withdrawn_article_is_gone_at_once(article, ward_a, django_capture_on_commit_callbacks):
    assert Client().get(article.get_absolute_url()).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        article_transition(
            article=article,
            actor=make_staff(ward_a, RoleCode.EDITOR),
            action="withdraw",
            note="Sai ngày tiếp công dân",
        )
    assert Client().get(article.get_absolute_url()).status_code == 404


def test_an_edit_of_the_portal_content_shows_at_once(article, django_capture_on_commit_callbacks):
    assert "Đối thoại với doanh nghiệp" not in Client().get(reverse("home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(unit=article.unit, title="Đối thoại với doanh nghiệp quý IV")
        CategoryFactory(name="Chuyên mục mới")
    home = Client().get(reverse("home")).content.decode()
    assert "Đối thoại với doanh nghiệp quý IV" in home
    assert "Chuyên mục mới" in home
    with django_capture_on_commit_callbacks(execute=True):
        article.category.name = "Cải cách hành chính 2026"
        article.category.save()
    assert "Cải cách hành chính 2026" in Client().get(article.get_absolute_url()).content.decode()


def test_signed_in_staff_never_get_the_visitors_copy(article, ward_a, client):
    Client().get(article.get_absolute_url())  # fills the cache with the anonymous page
    client.force_login(make_staff(ward_a, RoleCode.EDITOR))
    page = client.get(article.get_absolute_url()).content.decode()
    assert reverse("organisations:staff-home") in page  # their way back to work
    assert reverse("accounts:login") not in page


def test_text_an_author_types_cannot_pass_for_a_hole(ward_a):
    tricky = ArticleFactory(unit=ward_a, title="\u2063csrf_token\u2063 view_count")
    Client().get(tricky.get_absolute_url())
    again = Client().get(tricky.get_absolute_url()).content.decode()
    assert "\u2063csrf_token\u2063 view_count" in again
