"""The public layout's header and footer come from the page cache on pages that are drawn for
each visitor (search, the catalogue, a dossier's status), yet each visitor gets their own CSRF
token, the address the language switch returns to, their query and the menu's current entry."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from motcua.organisations.tests.helpers import make_staff, sign_in

pytestmark = pytest.mark.django_db

HEADER = "components/organisms/site_header.html"


def drawn(response) -> set[str]:
    return {template.name for template in response.templates}


def current_entries(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" aria-current="page"', html)


def test_the_header_is_drawn_once_and_each_visitor_gets_their_own_values(city):
    assert HEADER in drawn(Client().get(reverse("search:search"), {"q": "khai sinh"}))
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get(reverse("search:search"), {"q": '<b>"thuế"'})
    html = response.content.decode()
    assert HEADER not in drawn(response)
    assert city.name in html  # the footer's contacts
    assert 'value="&lt;b&gt;&quot;thuế&quot;"' in html  # the query in the search box, escaped
    back_to = re.search(r'name="next" value="([^"]+)"', html)[1]
    assert back_to.startswith(reverse("search:search") + "?q=")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    switched = visitor.post(
        reverse("set_language"),
        {"language": "en", "next": "/", "csrfmiddlewaretoken": token},
    )
    assert switched.status_code == 302
    english = visitor.get(reverse("procedures:catalogue")).content.decode()
    assert "Administrative procedures" in english  # not the Vietnamese header kept before
    assert current_entries(english) == [reverse("procedures:catalogue")]


def test_the_menu_marks_the_section_of_each_page(city):
    for path, current in [
        (reverse("procedures:catalogue"), [reverse("procedures:catalogue")]),
        (reverse("organisations:directory"), [reverse("organisations:directory")]),
        (reverse("search:search"), []),
        (reverse("procedures:catalogue"), [reverse("procedures:catalogue")]),
    ]:
        assert current_entries(Client().get(path).content.decode()) == current


def test_a_signed_in_officer_gets_their_own_header(city):
    Client().get(reverse("procedures:catalogue"))  # an anonymous visitor fills the cache
    officer = sign_in(Client(), make_staff(city))
    html = officer.get(reverse("procedures:catalogue")).content.decode()
    assert "Trang nghiệp vụ" in html
    assert "Đăng nhập" not in html


def test_an_error_page_drawn_before_the_middleware_ran_still_has_its_header(city):
    """A host this site does not serve is refused before the request has a user."""
    client = Client(raise_request_exception=False)
    response = client.get(reverse("procedures:catalogue"), HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert "Đăng nhập" in response.content.decode()


def test_with_the_page_cache_off_every_page_draws_its_header(city, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert HEADER in drawn(Client().get(reverse("search:search")))
