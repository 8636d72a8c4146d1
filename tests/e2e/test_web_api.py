"""The JSON API on a temporary SQLite log, with a clock that moves only when told to."""

from __future__ import annotations

import csv
import io
import time
from typing import Any, cast

from fastapi.testclient import TestClient

from tests.e2e.conftest import settings_for
from tests.fakes import FakeClock, FakeUnitOfWork
from turnout import bootstrap
from turnout.bootstrap import Container
from turnout.errors import StorageError
from turnout.ports import UnitOfWork
from turnout.web.app import create_app


def start(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/sessions", json=body)
    assert response.status_code == 201, response.text
    session: dict[str, Any] = response.json()
    return session


def act(client: TestClient, session_id: str, action: str, **more: Any) -> Any:
    return client.post(f"/api/sessions/{session_id}/actions", json={"action": action, **more})


def state(client: TestClient, session_id: str) -> dict[str, Any]:
    found: dict[str, Any] = client.get(f"/api/sessions/{session_id}").json()
    return found


def into_first_hold(client: TestClient, clock: FakeClock, **body: Any) -> dict[str, Any]:
    session = start(client, exercises=[1], **body)
    act(client, session["id"], "ready", position=0)
    clock.advance(5.5)  # past the get-ready countdown
    return state(client, session["id"])


def test_the_routines_list_names_the_classic_routine_and_its_exercises(client: TestClient) -> None:
    routines = client.get("/api/routines").json()
    classic = next(r for r in routines if r["key"] == "classic")
    assert [e["number"] for e in classic["exercises"]] == [1, 2, 3, 4, 5]


def test_a_routine_in_full_has_every_step_its_reading_tips_and_warnings(client: TestClient) -> None:
    classic = client.get("/api/routines/classic").json()
    butterfly = classic["exercises"][0]
    assert len(butterfly["steps"]) == 19 and butterfly["hold_seconds"] == 90
    assert butterfly["interpretation"] and classic["tips"] and classic["warnings"]
    assert classic["total_hold_seconds"] > 0


def test_an_unknown_routine_is_not_found(client: TestClient) -> None:
    assert client.get("/api/routines/tango").status_code == 404


def test_a_new_session_waits_for_ready_at_its_first_setup_step(client: TestClient) -> None:
    session = start(client, exercises=[1])
    assert session["phase"] == "waiting" and session["allowed"][0] == "ready"
    assert session["step"]["title"] == "Sit in butterfly" and session["step"]["waits_for_ready"]
    assert session["progress"] == {
        "step": 1, "steps": 19, "holds_done": 0, "holds_cut_short": 0, "holds_skipped": 0,
        "holds_planned": 9, "seconds_held": 0.0, "fraction": 0.0,
    }  # fmt: skip


def test_a_hold_shows_its_side_its_rep_what_comes_next_and_the_deadline(
    client: TestClient, clock: FakeClock
) -> None:
    hold = into_first_hold(client, clock)
    assert hold["phase"] == "running" and hold["step"]["side"] == "left"
    # The round is said once: the title has it, so there is no badge beside it.
    assert hold["step"]["title"].endswith("round 1 of 3") and hold["step"]["rep_label"] is None
    assert hold["next"]["title"] == "Change sides"
    assert hold["remaining"] == 9.5 and hold["deadline"] == hold["server_time"] + 9.5
    assert hold["duration"] == 10 and hold["time_scale"] == 1.0


def test_a_partner_step_carries_the_partner_cue(client: TestClient) -> None:
    session = start(client, exercises=[2])
    act(client, session["id"], "ready", position=0)
    partner = state(client, session["id"])["step"]
    assert partner["actor"] == "partner" and "inner thighs" in partner["partner_cue"]


def test_pausing_freezes_the_remaining_time(client: TestClient, clock: FakeClock) -> None:
    hold = into_first_hold(client, clock)
    paused = act(client, hold["id"], "pause").json()
    clock.advance(30)
    later = state(client, hold["id"])
    assert later["phase"] == "paused" and later["remaining"] == paused["remaining"] == 9.5
    resumed = act(client, hold["id"], "resume").json()
    assert resumed["remaining"] == 9.5


def test_a_hold_is_logged_when_it_ends_with_no_page_watching(
    client: TestClient, clock: FakeClock
) -> None:
    into_first_hold(client, clock)
    clock.advance(10)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and client.get("/api/export/csv").text.count("\n") < 2:
        time.sleep(0.05)  # the background ticker runs every 150 ms
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/csv").text)))
    assert [row["step_title"] for row in rows] == ["Left knee down, round 1 of 3"]


def test_events_are_numbered_and_fetched_after_the_last_one_seen(
    client: TestClient, clock: FakeClock
) -> None:
    hold = into_first_hold(client, clock)
    events = client.get(f"/api/sessions/{hold['id']}/events").json()
    kinds = [e["kind"] for e in events["events"]]
    assert kinds == ["step_started", "get_ready", "step_started"]
    assert [e["seq"] for e in events["events"]] == [1, 2, 3] and events["last"] == 3
    clock.advance(7.1)
    newer = client.get(f"/api/sessions/{hold['id']}/events", params={"after": 3}).json()
    assert [(e["kind"], e["beep"]) for e in newer["events"]] == [("beep", 3)]
    assert newer["feed"] == events["feed"]


def test_an_unknown_session_id_is_not_found(client: TestClient) -> None:
    assert client.get("/api/sessions/nope").status_code == 404
    assert client.get("/api/sessions/nope/events").status_code == 404
    response = act(client, "nope", "pause")
    assert response.status_code == 404 and "nope" in response.json()["detail"]


def test_an_action_that_does_not_fit_now_is_a_conflict(client: TestClient) -> None:
    session = start(client, exercises=[1])
    response = act(client, session["id"], "pause")
    assert response.status_code == 409 and "cannot pause" in response.json()["detail"]


def test_a_double_tapped_ready_is_refused_instead_of_skipping_a_step(client: TestClient) -> None:
    session = start(client, exercises=[2])  # two setup steps in a row
    assert act(client, session["id"], "ready", position=0).status_code == 200
    second = act(client, session["id"], "ready", position=0)
    assert second.status_code == 409
    assert state(client, session["id"])["step"]["title"] == "Partner in place"


def test_pressing_pause_or_end_twice_is_harmless(client: TestClient, clock: FakeClock) -> None:
    hold = into_first_hold(client, clock)
    assert act(client, hold["id"], "pause").status_code == 200
    assert act(client, hold["id"], "pause").json()["phase"] == "paused"
    assert act(client, hold["id"], "abort").status_code == 200
    assert act(client, hold["id"], "abort").json()["phase"] == "aborted"


def test_the_same_client_token_starts_only_one_session(client: TestClient) -> None:
    first = start(client, exercises=[1], client_token="tap-1")
    second = start(client, exercises=[1], client_token="tap-1")
    assert first["id"] == second["id"]


def test_starting_a_new_session_with_replace_ends_the_one_under_way(client: TestClient) -> None:
    first = start(client, exercises=[1])
    start(client, exercises=[3], replace=True)
    assert state(client, first["id"])["phase"] == "aborted"
    assert client.get("/api/sessions/current").json()["step"]["exercise_number"] == 3


def test_malformed_json_is_refused_with_a_clear_message(client: TestClient) -> None:
    session = start(client, exercises=[1])
    response = client.post(
        f"/api/sessions/{session['id']}/actions",
        content=b'{"action": ',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422 and "not valid JSON" in response.json()["detail"]


def test_an_unknown_action_is_refused_and_the_valid_ones_are_named(client: TestClient) -> None:
    session = start(client, exercises=[1])
    response = act(client, session["id"], "dance")
    assert response.status_code == 422 and "'ready'" in response.json()["detail"]


def test_an_exercise_that_does_not_exist_is_refused(client: TestClient) -> None:
    response = client.post("/api/sessions", json={"exercises": [9]})
    assert response.status_code == 422 and "1 to 5" in response.json()["detail"]
    assert client.post("/api/sessions", json={"exercises": [0]}).status_code == 422


def test_a_routine_file_path_from_a_client_is_refused(client: TestClient) -> None:
    response = client.post("/api/sessions", json={"routine": "/etc/passwd"})
    assert response.status_code == 422 and "classic" in response.json()["detail"]


def test_a_restarted_server_resumes_the_session_after_its_last_logged_hold(
    container: Container, clock: FakeClock
) -> None:
    with TestClient(create_app(container), base_url="http://127.0.0.1") as client:
        hold = into_first_hold(client, clock)
        clock.advance(10.5)  # the first hold ends and is logged; the switch has begun
        assert state(client, hold["id"])["step"]["title"] == "Change sides"
    again = bootstrap.build(container.settings, clock=clock)
    with TestClient(create_app(again), base_url="http://127.0.0.1") as client:
        back = state(client, hold["id"])
        current = client.get("/api/sessions/current").json()
    assert back["phase"] == "waiting" and back["step"]["title"] == "Change sides"
    assert back["progress"]["holds_done"] == 1 and current["id"] == hold["id"]


def test_a_log_that_cannot_be_written_is_a_503(tmp_path: Any) -> None:
    class FullDisk(FakeUnitOfWork):
        def commit(self) -> None:
            raise StorageError("The practice log cannot be written: the disk is full.")

    container = bootstrap.build(settings_for(tmp_path), clock=FakeClock())
    container.make_uow = lambda: cast(UnitOfWork, FullDisk())
    with TestClient(create_app(container), base_url="http://127.0.0.1") as client:
        response = client.post("/api/sessions", json={})
    assert response.status_code == 503 and "disk is full" in response.json()["detail"]


def test_history_counts_holds_against_planned_days_streak_and_weeks(
    client: TestClient, clock: FakeClock
) -> None:
    hold = into_first_hold(client, clock)
    clock.advance(10.1)
    state(client, hold["id"])
    history = client.get("/api/history").json()
    assert history["streak"] == 1 and len(history["weeks"]) == 8
    assert history["days"][0]["completed_holds"] == 1 and history["days"][0]["planned_holds"] == 9
    butterfly = history["exercises"][0]
    assert (butterfly["completed_holds"], butterfly["planned_holds"]) == (1, 9)
    assert history["weeks"][-1]["completed_holds"] == 1


def test_export_gives_every_hold_as_csv_or_json(client: TestClient, clock: FakeClock) -> None:
    hold = into_first_hold(client, clock)
    clock.advance(10.1)
    state(client, hold["id"])
    as_json = client.get("/api/export/json")
    assert as_json.json()[0]["status"] == "completed"
    assert "attachment" in as_json.headers["content-disposition"]
    assert client.get("/api/export/csv").headers["content-type"].startswith("text/csv")
    assert client.get("/api/export/xml").status_code == 422


def test_settings_are_saved_and_bad_values_are_refused(
    client: TestClient, container: Container
) -> None:
    assert client.get("/api/settings").json()["voice"] is True
    saved = client.put("/api/settings", json={"beeps": False, "voice_speed": 1.4}).json()
    assert saved["beeps"] is False and saved["voice_speed"] == 1.4 and saved["voice"] is True
    assert (container.settings.data_dir / "web-preferences.json").exists()
    too_fast = client.put("/api/settings", json={"voice_speed": 9})
    assert too_fast.status_code == 422 and "voice_speed" in too_fast.json()["detail"]
    assert client.put("/api/settings", json={"default_routine": "tango"}).status_code == 422
    assert client.put("/api/settings", json={"volume": 3}).status_code == 422


def test_the_get_ready_setting_shapes_the_next_session(client: TestClient) -> None:
    client.put("/api/settings", json={"get_ready_seconds": 0})
    session = start(client, exercises=[1])
    running = act(client, session["id"], "ready", position=0).json()
    assert running["phase"] == "running" and running["remaining"] == 10


def test_the_openapi_description_lists_the_session_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/sessions/{session_id}/actions" in paths
    assert client.get("/docs").status_code == 200
