"""Schemathesis fuzzes every operation of the API's own OpenAPI document, in process.

Each operation is tried by a visitor and by a ward leader holding an API token, over the ward
built for the authorisation matrix (so lists have rows to serialise). The checks: no server
error, only documented status codes and content types, and JSON bodies that match their schema.
Bounded and derandomised so CI is quick and reproducible.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from motcua.api.models import ApiToken
from motcua.api.root import api
from motcua.security.tests.world import build_world

CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()


@pytest.fixture(autouse=True)
def _requests_keep_the_test_transaction():
    """Like Django's test client: the start and end of a request do not close the connection
    that holds the test's transaction."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def world(city):
    return build_world(city)


def bearer(user) -> dict:
    _row, token = ApiToken.issue(user=user, name="fuzz")
    return {"Authorization": f"Bearer {token}"}


BOUNDED = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@BOUNDED
def test_a_visitor_gets_no_server_error_and_only_documented_answers(case, world):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_a_leader_with_a_token_gets_no_server_error_and_only_documented_answers(case, world):
    case.call_and_validate(headers=bearer(world.users["leader"]), checks=CHECKS)


def test_every_operation_documents_its_error_answers_as_problem_json():
    document = api.get_openapi_schema()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            errors = {str(s) for s in operation["responses"] if str(s).startswith("4")}
            expected = {"400", "403", "404", "409", "422", "429"}
            if operation.get("security"):
                expected.add("401")
            assert expected <= errors, f"{method.upper()} {path}"
            problem = operation["responses"]["404"]["content"]["application/problem+json"]
            assert problem["schema"] == {"$ref": "#/components/schemas/Problem"}


@pytest.mark.django_db
def test_a_staff_operation_without_credentials_is_a_401_problem_with_a_code(client):
    response = client.get("/api/v1/dossiers/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "unauthenticated"
