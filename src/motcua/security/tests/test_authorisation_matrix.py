"""Every page and API operation, tried by every role: see ``matrix.py`` for the table."""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from motcua.api.root import api
from motcua.organisations.tests.helpers import sign_in
from motcua.security.tests.matrix import API, OPEN311, PAGES, Row
from motcua.security.tests.world import ROLES, build_world

ADMIN_KEY = "admin:*"
#: Being sent to sign in, or to prove one holds a dossier's or report's secret, is a refusal.
DENIED_REDIRECTS = (
    "accounts:login",
    "accounts:two-factor",
    "admin:login",
    "dossiers:lookup",
    "feedback:lookup",
)


def url_patterns(resolver=None, namespace=""):
    """(name, pattern, callback) of every URL pattern, namespaces included."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from url_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, str(pattern.pattern), pattern.callback, namespace


def matrix_key(name: str | None, route: str, callback, namespace: str) -> str | None:
    """The row a URL pattern answers to; None for API operations (the API table covers them)."""
    if getattr(callback, "__module__", "") == "ninja.operation":
        return None
    if namespace.split(":")[0] == "admin":
        return ADMIN_KEY
    return name or route


def api_operations() -> set[str]:
    schema = api.get_openapi_schema()
    return {f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops}


def test_every_url_and_api_operation_has_a_row_in_the_matrix():
    keys = {matrix_key(*p) for p in url_patterns()} - {None}
    rows = set(PAGES) | set(OPEN311)
    assert keys - rows == set(), "give these URLs a row in security/tests/matrix.py"
    assert rows - keys == set(), "these rows name URLs that no longer exist"
    operations = api_operations()
    assert operations - set(API) == set(), "give these API operations a row in matrix.py"
    assert set(API) - operations == set(), "these rows name API operations that do not exist"


def _denied_paths() -> set[str]:
    return {reverse(name) for name in DENIED_REDIRECTS}


def page_outcome(response, method: str) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        return "deny" if urlsplit(response["Location"]).path in _denied_paths() else "allow"
    if 200 <= status < 300 or (status == 400 and method == "POST"):
        return "allow"
    if status in (401, 403, 404):
        return "deny"
    return f"unexpected {status}"


def api_outcome(response) -> str:
    status = response.status_code
    if status == 403 and response.json().get("code") == "not_allowed":
        return "allow"  # the workflow refused this action; the caller did reach the record
    if status in (401, 403, 404):
        return "deny"
    if status < 300 or status in (400, 409, 422):
        return "allow"
    return f"unexpected {status}"


def _page_requests(world):
    for key, row in PAGES.items():
        if key == ADMIN_KEY:
            yield key, row, reverse("admin:index")
        else:
            yield key, row, reverse(key, args=row.args(world) if row.args else None)
    for key, row in OPEN311.items():
        yield key, row, row.args(world)


def _request(client: Client, method: str, path: str, **extra):
    """One request whose writes are rolled back, leaving the client signed in as before."""
    cookies = copy.deepcopy(client.cookies)
    try:
        with transaction.atomic():
            try:
                if method == "POST":
                    return client.post(path, **extra)
                return client.get(path)
            finally:
                transaction.set_rollback(True)
    finally:
        client.cookies = cookies


@pytest.fixture
def world(city):
    return build_world(city)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_the_pages_and_operations_the_matrix_gives_it(world, role):
    client = Client(raise_request_exception=False)
    user = world.users[role]
    if user is not None:
        sign_in(client, user)
    wrong = []

    def check(key: str, row: Row, response, outcome: str) -> None:
        expected = "allow" if role in row.allow else "deny"
        if outcome != expected:
            where = response.get("Location", "")
            wrong.append(f"{key}: expected {expected}, got {response.status_code} {where}")

    for key, row, path in _page_requests(world):
        response = _request(client, row.method, path)
        check(key, row, response, page_outcome(response, row.method))
    for key, row in API.items():
        method = key.split()[0]
        response = _request(
            client, method, row.args(world), data={}, content_type="application/json"
        )
        check(key, row, response, api_outcome(response))
    assert wrong == [], f"{role}:\n  " + "\n  ".join(wrong)
