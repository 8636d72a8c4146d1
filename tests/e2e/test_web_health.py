"""/healthz and /readyz, as a monitor asks them: no sign-in, no pairing, and a log that is
unreachable or at another schema version makes /readyz say so with a 503."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from tests.e2e.test_web_studio import browsers, studio
from turnout.adapters.db.migrate import head_revision
from turnout.bootstrap import Container

__all__ = ["browsers", "studio"]


def test_a_personal_server_is_healthy_and_ready(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}


def test_a_studio_answers_a_monitor_without_a_sign_in(
    browsers: tuple[TestClient, TestClient],
) -> None:
    anybody, _ = browsers
    assert anybody.get("/healthz").status_code == 200
    assert anybody.get("/readyz").status_code == 200
    assert anybody.get("/api/history").status_code == 401  # and nothing else opens


def test_a_log_at_another_schema_version_is_not_ready(
    client: TestClient, container: Container
) -> None:
    assert client.get("/readyz").status_code == 200
    path = Path(container.settings.db_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as other:
        other.execute("UPDATE alembic_version SET version_num = '0005'")
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert (
        "revision 0005" in answer.json()["detail"]
        and f"not {head_revision()}" in answer.json()["detail"]
    )
    assert client.get("/healthz").status_code == 200
