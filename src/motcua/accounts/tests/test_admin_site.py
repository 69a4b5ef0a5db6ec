import pytest

from motcua.organisations.tests.helpers import sign_in


@pytest.mark.django_db
def test_django_admin_is_for_administrators_with_a_second_factor(client, administrator, officer_a):
    sign_in(client, officer_a)
    assert client.get("/admin/", follow=True).status_code == 403
    client.logout()

    client.force_login(administrator)  # password only, no second factor yet
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/dang-nhap/xac-thuc/")

    sign_in(client, administrator)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/organisations/unit/").status_code == 200


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_the_staff_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    follow = client.get(response.url)
    assert follow.status_code == 302
    assert follow.url.startswith("/dang-nhap/")
