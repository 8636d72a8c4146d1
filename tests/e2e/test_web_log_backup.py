"""A full backup from one data folder, imported into a fresh one, gives the same history,
progress and export; a file that is not a backup, or is newer, is refused; delete all."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import settings_for
from tests.fakes import FakeClock
from turnout import bootstrap
from turnout.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def app_in(folder: Path, clock: FakeClock) -> TestClient:
    container = bootstrap.build(settings_for(folder), clock=clock)
    return TestClient(create_app(container), base_url="http://127.0.0.1")


@pytest.fixture
def fresh(tmp_path: Path, clock: FakeClock) -> Iterator[TestClient]:
    with app_in(tmp_path / "fresh", clock) as client:
        yield client


def practise_and_measure(client: TestClient, clock: FakeClock) -> None:
    session = client.post("/api/sessions", json={"exercises": [1]}).json()
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(25.2)
    client.get(f"/api/sessions/{session['id']}")
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "abort"})
    for trials in ([121, 124, 122], [125, 126, 127]):
        body = {
            "method": "turnout_discs",
            "side": "both",
            "trials": trials,
            "taken_on": "2026-01-01",
        }
        assert client.post("/api/measurements", json=body).status_code == 201
    client.delete("/api/measurements/1")
    client.put("/api/settings", json={"voice_speed": 1.4})
    client.put("/api/log/holds/1/status", json={"status": "skipped"})


VIEWS = ("/api/history", "/api/progress", "/api/export/csv", "/api/log/sessions", "/api/settings")


def test_a_backup_imported_into_a_fresh_install_gives_the_same_history_progress_and_export(
    client: TestClient, fresh: TestClient, clock: FakeClock
) -> None:
    practise_and_measure(client, clock)
    made = client.get("/api/backup")
    assert made.headers["content-disposition"].startswith("attachment")
    data = made.json()
    assert (data["format"], data["version"]) == ("turnout-backup", 2)
    assert {"sessions", "holds", "pain_checks", "stops", "measurements", "profile"} <= set(
        data["log"]
    )
    answer = fresh.post("/api/backup/import", content=made.content)
    assert answer.status_code == 200, answer.text
    assert answer.json()["imported"]["measurements"] == 2
    for url in VIEWS:
        assert fresh.get(url).text == client.get(url).text, url
    assert fresh.get("/api/backup").json()["log"] == data["log"]


def test_a_backup_carries_the_height_and_one_from_before_heights_imports_without_it(
    client: TestClient, fresh: TestClient, tmp_path: Path, clock: FakeClock
) -> None:
    client.put("/api/profile", json={"age": 30, "beighton": 4, "height_cm": 176})
    data = client.get("/api/backup").json()
    assert data["log"]["profile"][0]["height_cm"] == 176
    assert fresh.post("/api/backup/import", content=json.dumps(data)).status_code == 200
    assert fresh.get("/api/profile").json() == client.get("/api/profile").json()
    del data["log"]["profile"][0]["height_cm"]
    with app_in(tmp_path / "older", clock) as older:
        old = {**data, "version": 1}
        assert older.post("/api/backup/import", content=json.dumps(old)).status_code == 200
        found = older.get("/api/profile").json()
    assert (found["age"], found["beighton"], found["height_cm"]) == (30, 4, None)


def test_a_backup_with_a_height_no_one_has_is_refused_naming_the_row(fresh: TestClient) -> None:
    row = {"id": 1, "age": 30, "growth_spurt": False, "hip_conditions": "", "pain_now": ""}
    row |= {"beighton": None, "updated_at": "2026-01-01T00:00:00+00:00", "height_cm": 400}
    body = {"format": "turnout-backup", "version": 2, "log": {"profile": [row]}}
    answer = fresh.post("/api/backup/import", content=json.dumps(body))
    assert answer.status_code == 422 and "profile[0]: " in answer.json()["detail"]
    assert "height_cm: 400 is not possible" in answer.json()["detail"]
    assert fresh.get("/api/profile").status_code == 404


def test_an_import_into_a_log_with_entries_needs_leave_to_replace_them(
    client: TestClient, fresh: TestClient, clock: FakeClock
) -> None:
    practise_and_measure(client, clock)
    made = client.get("/api/backup").content
    fresh.post(
        "/api/measurements",
        json={"method": "turnout_discs", "side": "both", "trials": [100], "taken_on": "2026-01-01"},
    )
    refused = fresh.post("/api/backup/import", content=made)
    assert refused.status_code == 409 and "replace" in refused.json()["detail"]
    assert fresh.post("/api/backup/import?replace=true", content=made).status_code == 200
    assert fresh.get("/api/progress").text == client.get("/api/progress").text


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"not json at all", "not a turnout backup"),
        (json.dumps({"holds": []}).encode(), "not a turnout backup"),
        (
            json.dumps({"format": "turnout-backup", "version": 99, "log": {}}).encode(),
            "newer turnout",
        ),
        (
            json.dumps({"format": "turnout-backup", "version": 1, "log": {"x": []}}).encode(),
            "no table 'x'",
        ),
    ],
)
def test_a_file_that_is_not_a_backup_this_version_reads_is_refused_clearly(
    fresh: TestClient, body: bytes, says: str
) -> None:
    answer = fresh.post("/api/backup/import", content=body)
    assert answer.status_code == 422 and says in answer.json()["detail"]


def test_delete_all_my_data_empties_the_log_and_the_settings_after_the_word_is_typed(
    client: TestClient, clock: FakeClock
) -> None:
    practise_and_measure(client, clock)
    wrong = client.post("/api/data/erase", json={"confirm": "yes"})
    assert wrong.status_code == 422 and client.get("/api/log/sessions").json()["sessions"]
    done = client.post("/api/data/erase", json={"confirm": "delete"}).json()
    assert done["erased"]["holds"] > 0 and done["preferences_reset"] is True
    assert "Paired devices are kept" in done["message"]
    assert client.get("/api/log/sessions").json()["sessions"] == []
    assert client.get("/api/measurements").json() == []
    assert client.get("/api/settings").json()["voice_speed"] == 1.0
    assert all(rows == [] for rows in client.get("/api/backup").json()["log"].values())


def test_a_reading_can_be_deleted_and_restored_and_a_missing_one_is_404(client: TestClient) -> None:
    body = {"method": "turnout_discs", "side": "both", "trials": [121], "taken_on": "2026-01-01"}
    reading = client.post("/api/measurements", json=body).json()
    gone = client.delete(f"/api/measurements/{reading['id']}")
    assert gone.status_code == 200 and gone.json()["deleted"] is True
    assert client.get("/api/measurements").json() == []
    assert client.post(f"/api/measurements/{reading['id']}/restore").json()["deleted"] is False
    assert [r["id"] for r in client.get("/api/measurements").json()] == [reading["id"]]
    assert client.delete("/api/measurements/4242").status_code == 404
    assert client.delete(f"/api/measurements/{2**62}").status_code == 404


def test_nothing_is_erased_or_replaced_while_a_session_is_being_practised(
    client: TestClient, clock: FakeClock
) -> None:
    practise_and_measure(client, clock)
    made = client.get("/api/backup").content
    client.post("/api/sessions", json={"exercises": [1]})
    erased = client.post("/api/data/erase", json={"confirm": "delete"})
    assert erased.status_code == 422 and "under way" in erased.json()["detail"]
    replaced = client.post("/api/backup/import?replace=true", content=made)
    assert replaced.status_code == 422 and client.get("/api/measurements").json()


def test_a_session_is_deleted_with_its_holds_and_restored_and_a_live_one_is_kept(
    client: TestClient, clock: FakeClock
) -> None:
    practise_and_measure(client, clock)
    (session,) = client.get("/api/log/sessions").json()["sessions"]
    assert client.delete(f"/api/log/sessions/{session['id']}").json()["deleted"] is True
    assert client.get("/api/log/sessions").json()["sessions"] == []
    assert client.get("/api/history").json()["days"] == []
    client.post(f"/api/log/sessions/{session['id']}/restore")
    assert client.get("/api/log/sessions").json()["sessions"] == [session]
    live = client.post("/api/sessions", json={"exercises": [1]}).json()
    refused = client.delete(f"/api/log/sessions/{live['id']}")
    assert refused.status_code == 422 and "under way" in refused.json()["detail"]
    assert client.delete("/api/log/sessions/no-such-session").status_code == 404


def test_a_backup_larger_than_the_one_megabyte_cap_of_other_bodies_is_still_imported(
    client: TestClient, fresh: TestClient, clock: FakeClock
) -> None:
    practise_and_measure(client, clock)
    data = client.get("/api/backup").json()
    large = json.dumps(data, indent=2) + " " * (3 * 1024 * 1024)  # years of practice: megabytes
    answer = fresh.post("/api/backup/import", content=large.encode())
    assert answer.status_code == 200, answer.text
    assert fresh.get("/api/backup").json()["log"] == data["log"]
    huge = fresh.post("/api/backup/import", content=b" " * (33 * 1024 * 1024))
    assert huge.status_code == 413
