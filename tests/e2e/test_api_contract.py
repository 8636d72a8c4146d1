"""The API answers as its OpenAPI document says (issue 9, item 11): schemathesis sends each
operation a few dozen generated requests, valid and not, and every answer must be documented
(status, content type, body), never a server error, and a refused method must say `Allow`.

Seeded and deterministic, so a failure comes back the same on every run. Nothing is excluded:
the live mirror's WebSocket is not an operation of the document (FastAPI lists HTTP only), and
its contract is tested in test_web_measure.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.python import asgi

from tests.e2e.conftest import settings_for
from tests.fakes import FakeClock
from turnout import bootstrap
from turnout.web.app import create_app

EXAMPLES = 30  # generated requests per operation in the fuzzing phase
RAN: dict[str, int] = {}  # cases per operation, for the figures printed at the end


def config(session_id: str) -> schemathesis.Config:
    """Seeded and bounded; half the ids sent are real ones, so that the answers of an existing
    session and routine are checked too, not only the 404s of made-up ids."""
    real = {"dictionary": "sessions", "probability": 0.5}
    routine = {"dictionary": "routines", "probability": 0.5}
    return schemathesis.Config.from_dict(
        {
            "seed": 20260901,
            "generation": {"max-examples": EXAMPLES, "deterministic": True, "database": "none"},
            # One call at a time: sequences of calls (the stateful phase) would double the run.
            "phases": {"stateful": {"enabled": False}},
            # A request the schema allows can still be impossible (exercise 98 of a routine of
            # 5): the domain refuses it with a 422 that names the field. Any other 4xx fails.
            "checks": {
                "positive_data_acceptance": {"expected-statuses": ["2XX", 404, 409, 422]},
            },
            # The account operations answer 401 to a valid request on a personal log (nobody
            # is signed in) and to a well-formed wrong password; sign-in may also say "wait".
            # Classes and guardians belong to a studio: a personal log answers them 401 too
            # (test_web_classes.py checks them signed in, role by role).
            "operations": [
                {
                    "include-path-regex": "^/api/(auth|me/|classes|guardian/|admin/)",
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2XX", 401, 404, 422, 429]
                        }
                    },
                },
                # A job is measured after its answer, on the upload pool of the process: the
                # fuzzer's uploads come faster than they are measured, and a full pool answers
                # 503 "busy" by design (documented; test_web_measure_jobs.py checks it).
                {
                    "include-path": "/api/measure/jobs",
                    "include-method": "POST",
                    "checks": {
                        "not_a_server_error": {"enabled": False},
                        "positive_data_acceptance": {
                            "expected-statuses": ["2XX", 404, 409, 422, 503]
                        },
                    },
                },
            ],
            "dictionaries": {
                "sessions": {"values": [session_id]},
                "routines": {"values": ["classic", "active"]},
            },
            "parameters": {
                "path.session_id": real,
                "body.session_id": real,
                "path.key": routine,
                "path.routine_key": routine,
            },
        }
    )


@pytest.fixture(scope="module")
def api(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[schemathesis.BaseSchema]:
    folder: Path = tmp_path_factory.mktemp("contract")
    # The in-process client names the server "testserver"; the Host check must let it in.
    settings = settings_for(folder, allowed_hosts="testserver")
    app = create_app(bootstrap.build(settings, clock=FakeClock()))
    with asgi.get_client(app) as client:
        started = client.post("/api/sessions", json={"routine": "classic"})
        assert started.status_code == 201, started.text
    yield schemathesis.openapi.from_asgi("/openapi.json", app, config=config(started.json()["id"]))
    asgi.shutdown_lifespans()  # the ticker thread of this app's lifespan
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"api contract: {len(RAN)} operations, {sum(RAN.values())} cases")


schema = schemathesis.pytest.from_fixture("api")


@pytest.fixture(autouse=True)
def node_id(request: pytest.FixtureRequest) -> None:
    """Schemathesis 4.32 renames the test per operation through `node._nodeid`, which pytest 9.2
    no longer has; give it one (pytest's own node id stays as it is)."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


@schema.parametrize()
def test_every_operation_answers_as_documented(case: schemathesis.Case) -> None:
    label = case.operation.label
    RAN[label] = RAN.get(label, 0) + 1
    case.call_and_validate()


# --- The document itself ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("document")
    found: dict[str, Any] = create_app(bootstrap.build(settings_for(folder))).openapi()
    return found


def operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_every_error_of_every_operation_is_the_apps_own_problem(document: dict[str, Any]) -> None:
    problem = {"$ref": "#/components/schemas/Problem"}
    for label, operation in operations(document):
        for status, answer in operation["responses"].items():
            if status.startswith("4") or status.startswith("5"):
                schema = answer["content"]["application/json"]["schema"]
                assert schema == problem, (label, status)
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_every_operation_documents_the_refusals_any_request_can_meet(
    document: dict[str, Any],
) -> None:
    for label, operation in operations(document):
        assert {"400", "401", "403", "413", "503"} <= set(operation["responses"]), label


def test_the_downloads_are_documented_as_what_they_are(document: dict[str, Any]) -> None:
    export = document["paths"]["/api/export/{fmt}"]["get"]["responses"]["200"]["content"]
    calendar = document["paths"]["/api/plan.ics"]["get"]["responses"]["200"]["content"]
    assert set(export) == {"text/csv", "application/json"} and set(calendar) == {"text/calendar"}


def test_the_upload_is_documented_as_a_multipart_form_with_a_file(
    document: dict[str, Any],
) -> None:
    body = document["paths"]["/api/measure"]["post"]["requestBody"]["content"]
    form = body["multipart/form-data"]["schema"]
    assert form["required"] == ["file"] and form["properties"]["file"]["format"] == "binary"
