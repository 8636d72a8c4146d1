"""A write the log's constraints refuse is a 4xx that says what was wrong, never a 500 or a reset
connection (issue 9, item 10)."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from tests.e2e.conftest import LiveServer
from turnout.bootstrap import Container
from turnout.errors import ConflictError
from turnout.services import safety
from turnout.web.app import create_app

UNKNOWN = {"moment": "before", "scores": {"knee": 2}, "session_id": "no-such-session"}


def test_a_pain_check_for_a_session_not_in_the_log_is_a_404_and_nothing_is_saved(
    client: TestClient, container: Container
) -> None:
    response = client.post("/api/pain-checks", json=UNKNOWN)
    assert response.status_code == 404
    assert "no-such-session" in response.json()["detail"]
    assert safety.all_pain_checks(container.uow()) == []


def test_a_pain_check_for_a_session_in_the_log_is_kept(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"routine": "classic"}).json()
    response = client.post("/api/pain-checks", json={**UNKNOWN, "session_id": session["id"]})
    assert response.status_code == 201 and response.json()["worst"] == 2


def test_the_connection_stays_open_after_the_refused_pain_check(live_server: LiveServer) -> None:
    with httpx.Client(base_url=live_server.url) as http:
        refused = http.post("/api/pain-checks", json=UNKNOWN)
        assert refused.status_code == 404
        assert refused.headers.get("connection", "").lower() != "close"
        # The same kept-alive connection answers the next request.
        assert http.get("/api/settings").status_code == 200


def test_a_conflict_that_reaches_the_web_is_a_422_with_its_message(container: Container) -> None:
    app = create_app(container)

    @app.get("/api/conflict-for-the-test")
    def conflict() -> None:
        raise ConflictError("Nothing was saved: the log already holds one like it.")

    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.get("/api/conflict-for-the-test")
    assert response.status_code == 422
    assert response.json() == {"detail": "Nothing was saved: the log already holds one like it."}
