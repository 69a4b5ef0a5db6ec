"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import caches
from django.test import Client

from motcua.organisations.tests.factories import UnitFactory
from motcua.organisations.tests.helpers import make_staff


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters, buffered view counts and cached lookups never leak from one test
    into another."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def visitor():
    """A visitor's browser: server errors come back as the pages a visitor sees, instead of
    being raised into the test."""
    return Client(raise_request_exception=False)


@pytest.fixture
def city(db):
    return UnitFactory(
        province=True, name="Thành phố Thử Nghiệm", slug="thanh-pho-thu-nghiem", gso_code="99"
    )


@pytest.fixture
def ward_a(city):
    return UnitFactory(parent=city, name="Phường An Lạc", slug="phuong-an-lac")


@pytest.fixture
def ward_b(city):
    return UnitFactory(parent=city, name="Phường Bình Đông", slug="phuong-binh-dong")


@pytest.fixture
def officer_a(ward_a):
    return make_staff(ward_a, "one_stop_officer", username="officer.a")


@pytest.fixture
def officer_b(ward_b):
    return make_staff(ward_b, "one_stop_officer", username="officer.b")


@pytest.fixture
def administrator(city):
    return make_staff(city, "administrator", username="admin.city")


def pytest_collection_modifyitems(config, items):
    """Tests marked postgres_only run on PostgreSQL only."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(reason="PostgreSQL only (run with DATABASE_URL=postgres://...)")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)
