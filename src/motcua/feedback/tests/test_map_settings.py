"""The map tile server is a setting; the CSP lets images come from it only when it is set."""

import os

import pytest
from django.urls import reverse

from motcua.core.testing import settings_in_new_process


def img_src(tile_url: str | None) -> list[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "motcua.conf.test"}
    env.pop("MAP_TILE_URL", None)
    if tile_url is not None:
        env["MAP_TILE_URL"] = tile_url
    return settings_in_new_process(
        "[str(s) for s in settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]", env
    )


def test_no_tile_host_is_allowed_without_a_tile_server():
    assert img_src(None) == ["'self'", "data:"]


def test_the_tile_host_is_allowed_when_configured():
    assert img_src("https://{s}.tiles.example.vn/{z}/{x}/{y}.png") == [
        "'self'",
        "data:",
        "https://*.tiles.example.vn",
    ]


@pytest.mark.django_db
def test_the_map_uses_the_configured_tiles_and_leaflet_is_served_locally(client, a, settings):
    html = client.get(reverse("feedback:new")).content.decode()
    assert 'data-tile-url=""' in html
    assert 'src="/static/vendor/leaflet/leaflet.js"' in html
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    settings.MAP_TILE_URL = "https://tiles.example.vn/{z}/{x}/{y}.png"
    html = client.get(reverse("feedback:new")).content.decode()
    assert 'data-tile-url="https://tiles.example.vn/{z}/{x}/{y}.png"' in html
