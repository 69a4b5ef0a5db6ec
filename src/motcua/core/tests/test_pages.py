import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_page_is_vietnamese_by_default_even_for_an_english_browser(client, city):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in html
    assert "Trang chủ" in html
    assert city.name in html


@pytest.mark.django_db
def test_language_switch_turns_the_site_english_and_back(client, city):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Home" in html
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Trang chủ" in client.get("/").content.decode()


@pytest.mark.django_db
def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_unknown_page_gets_a_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy_and_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_every_asset_a_page_links_to_is_served_by_the_app_itself(client):
    html = client.get("/").content.decode()
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    external = [u for u in urls if u.startswith(("http://", "https://", "//"))]
    assert external == []
    for asset in (u for u in urls if u.startswith("/static/")):
        response = client.get(asset)
        assert response.status_code == 200, asset
