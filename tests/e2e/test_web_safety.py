"""The safety and progress API and pages on a temporary SQLite log, with a still clock."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.e2e.forms import with_token
from tests.fakes import FakeClock

HIPS = ("goniometer", "left", 50), ("goniometer", "right", 45)


def start(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/sessions", json=body)
    assert response.status_code == 201, response.text
    found: dict[str, Any] = response.json()
    return found


def reading(client: TestClient, method: str, side: str, value: float, day: str) -> Any:
    body = {"method": method, "side": side, "trials": [value - 2, value, value + 3]}
    return client.post("/api/measurements", json={**body, "taken_on": day})


def test_there_is_no_profile_until_the_dancer_fills_it_in(client: TestClient) -> None:
    assert client.get("/api/profile").status_code == 404
    assert "First, a few questions about you" in client.get("/").text


def test_a_profile_under_18_swaps_the_weighted_and_partner_stretches(client: TestClient) -> None:
    saved = client.put("/api/profile", json={"age": 14, "pain_now": ["knee"]}).json()
    assert saved["age"] == 14 and saved["pain_now"] == ["knee"]
    adapted = client.get("/api/adaptations/classic").json()
    assert adapted["safe_exercises"] == [1, 3]
    frog = adapted["replaced"][-1]
    assert frog["because"].startswith("because you are under 18")
    assert frog["alternative_name"] == "Self-controlled butterfly stretch"
    home = client.get("/").text
    assert "because you are under 18, the ankle weights and the partner pressing" in home.lower()
    assert 'data-exercises="1,3"' in home


def test_the_beighton_items_are_scored_by_the_server(client: TestClient) -> None:
    items = {"thumb_left": True, "thumb_right": True, "knee_left": True, "knee_right": True}
    items |= {"elbow_left": True, "palms_to_floor": True}
    saved = client.put("/api/profile", json={"age": 30, "beighton_items": items}).json()
    assert saved["beighton"] == 6 and saved["hypermobile"]


def test_an_adult_without_concerns_sees_the_published_routine(client: TestClient) -> None:
    client.put("/api/profile", json={"age": 30})
    assert client.get("/api/adaptations/classic").json()["replaced"] == []
    assert 'data-exercises="1,3"' not in client.get("/").text


def test_the_profile_form_saves_and_shows_what_changes(client: TestClient) -> None:
    form = {"age": "16", "hip_conditions": "impingement"}
    response = client.post("/profile", data=with_token(client, form), follow_redirects=True)
    assert response.status_code == 200
    assert "What changes for you" in response.text and "impingement" in response.text


def test_an_impossible_age_is_refused_naming_the_field(client: TestClient) -> None:
    response = client.put("/api/profile", json={"age": -4})
    assert response.status_code == 422 and response.json()["field"] == "age"
    page = client.post("/profile", data=with_token(client, {"age": "400"}))
    assert page.status_code == 422 and "age:" in page.text


def test_a_height_is_optional_saved_read_back_and_cleared(client: TestClient) -> None:
    assert client.put("/api/profile", json={"age": 30}).json()["height_cm"] is None
    saved = client.put("/api/profile", json={"age": 30, "height_cm": 172}).json()
    assert saved["height_cm"] == 172 and client.get("/api/profile").json()["height_cm"] == 172
    client.put("/api/profile", json={"age": 30, "height_cm": None})
    assert client.get("/api/profile").json()["height_cm"] is None


@pytest.mark.parametrize("height", [80, 231, 170.5, "170", True])
def test_an_impossible_height_is_refused_naming_the_field_and_nothing_is_saved(
    client: TestClient, height: object
) -> None:
    client.put("/api/profile", json={"age": 30, "height_cm": 172})
    response = client.put("/api/profile", json={"age": 30, "height_cm": height})
    assert response.status_code == 422 and response.json()["field"] == "height_cm"
    assert client.get("/api/profile").json()["height_cm"] == 172


def test_the_api_documents_the_height_with_an_example(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("ProfileIn", "ProfileOut"):
        height = schemas[name]["properties"]["height_cm"]
        assert "foot" in height["description"] and height["examples"] == [158], name


def test_the_profile_form_takes_a_height_or_leaves_it_empty(client: TestClient) -> None:
    for typed, kept in (("170", 170), ("", None), (" 165 ", 165)):
        form = with_token(client, {"age": "30", "height_cm": typed})
        answer = client.post("/profile", data=form, follow_redirects=False)
        assert answer.status_code == 303, typed
        assert client.get("/api/profile").json()["height_cm"] == kept, typed
    page = client.get("/profile").text
    assert 'name="height_cm"' in page and 'value="165"' in page and 'id="height-hint"' in page


@pytest.mark.parametrize(
    ("typed", "says"),
    [("abc", "height_cm: enter your height in whole centimetres"), ("80", "enter 90 to 230")],
)
def test_a_height_the_form_cannot_take_shows_why_and_keeps_what_was_typed(
    client: TestClient, typed: str, says: str
) -> None:
    page = client.post("/profile", data=with_token(client, {"age": "30", "height_cm": typed}))
    assert page.status_code == 422 and says in page.text
    assert f'value="{typed}" aria-invalid="true"' in page.text
    assert client.get("/api/profile").status_code == 404


def test_a_negative_pain_score_is_refused_naming_the_region(client: TestClient) -> None:
    response = client.post("/api/pain-checks", json={"moment": "before", "scores": {"knee": -2}})
    assert response.status_code == 422
    assert response.json()["field"] == "pain.knee"


def test_pain_checks_before_and_after_are_kept_with_the_session(client: TestClient) -> None:
    session = start(client, exercises=[1])
    assert 'id="pain-before"' in client.get(f"/practice/{session['id']}").text
    before = {"moment": "before", "scores": {"knee": 1}, "session_id": session["id"]}
    assert client.post("/api/pain-checks", json=before).status_code == 201
    after = {**before, "moment": "after", "soreness": 3}
    assert client.post("/api/pain-checks", json=after).json()["soreness"] == 3
    page = client.get(f"/practice/{session['id']}").text
    assert 'id="pain-before"' not in page and 'id="pain-after"' not in page


def test_stop_with_numbness_ends_the_exercise_for_today_and_explains_why(
    client: TestClient, clock: FakeClock
) -> None:
    session = start(client, exercises=[1, 3])
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(6)
    answer = client.post(f"/api/sessions/{session['id']}/stop", json={"reason": "numbness"})
    decision, after = answer.json()["decision"], answer.json()["session"]
    assert decision["ends_exercise"] and "over for today" in decision["explanation"]
    assert after["step"]["exercise_number"] == 3 and after["phase"] == "waiting"
    assert "Stopped today (numbness)" in client.get("/").text
    refused = client.post("/api/sessions", json={"exercises": [1]})
    assert refused.status_code == 422 and "rest it until tomorrow" in refused.json()["detail"]
    assert "you stopped Butterfly press" in client.get("/api/reminders").json()[0]


def test_stop_for_soreness_only_pauses(client: TestClient, clock: FakeClock) -> None:
    session = start(client, exercises=[1])
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(6)
    answer = client.post(f"/api/sessions/{session['id']}/stop", json={"reason": "soreness"})
    assert not answer.json()["decision"]["ends_exercise"]
    assert answer.json()["session"]["phase"] == "paused"


def test_the_wall_straddle_asks_for_confirmation_with_what_dance_medicine_says(
    client: TestClient,
) -> None:
    session = start(client, exercises=[4])
    assert "20 minutes or more" in session["step"]["confirm"]
    skipped = client.post(f"/api/sessions/{session['id']}/skip-exercise").json()
    assert skipped["phase"] == "finished"
    butterfly = start(client, exercises=[1], client_token="other")
    assert butterfly["step"]["confirm"] is None


def test_a_measurement_shows_in_the_trend_and_compensated_turnout_is_flagged(
    client: TestClient,
) -> None:
    assert reading(client, "paper_tracing", "both", 130, "2025-12-20").status_code == 201
    for method, side, value in HIPS:
        assert reading(client, method, side, value, "2025-12-22").status_code == 201
    assert reading(client, "paper_tracing", "both", 134, "2025-12-29").status_code == 201
    found = client.get("/api/progress").json()
    paper = next(t for t in found["trends"] if t["method"] == "paper_tracing")
    assert [r["value"] for r in paper["readings"]] == [130, 134]
    assert "within normal day-to-day variation" in paper["latest_change"]
    first, second = found["compensated"]["paper_tracing"]
    assert (first["value"], first["flag"], second["value"]) == (35, "red", 39)
    page = client.get("/progress").text
    assert page.count('data-testid="trend"') == 3 and "not a diagnosis" in page


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"method": "goniometer", "side": "left", "trials": [45, 400, 44]}, "trials[2]"),
        ({"side": "both", "trials": [120]}, "method"),
        (
            {"method": "paper_tracing", "side": "both", "trials": [120], "taken_on": "2099-01-01"},
            "taken_on",
        ),
    ],
)
def test_impossible_readings_are_refused_naming_the_field_and_nothing_is_saved(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    body.setdefault("taken_on", "2025-12-20")
    response = client.post("/api/measurements", json=body)
    assert response.status_code == 422 and response.json()["field"] == field
    assert client.get("/api/measurements").json() == []


def test_the_progress_form_reports_a_bad_trial_by_name(client: TestClient) -> None:
    form = {"method": "goniometer", "side": "left", "trial1": "400", "taken_on": "2025-12-20"}
    page = client.post("/progress", data=with_token(client, form))
    assert page.status_code == 422 and "trials[1]: 400 degrees is not possible" in page.text


def test_the_plan_downloads_as_an_icalendar_file(client: TestClient) -> None:
    response = client.get("/api/plan.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.text.startswith("BEGIN:VCALENDAR\r\n") and "RRULE:FREQ=DAILY" in response.text
    client.put("/api/settings", json={"practice_time": "07:15"})
    assert "T071500" in client.get("/api/plan.ics").text
    assert client.put("/api/settings", json={"practice_time": "25:00"}).status_code == 422


def test_the_active_routine_plays_in_the_same_player_and_log(
    client: TestClient, clock: FakeClock
) -> None:
    session = start(client, routine="active", exercises=[4])
    assert session["step"]["title"] == "Parallel on the discs"
    assert session["step"]["confirm"] is None
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(200)
    client.get(f"/api/sessions/{session['id']}")
    history = client.get("/api/history").json()
    assert history["exercises"][0]["routine_key"] == "active"
    assert history["exercises"][0]["completed_holds"] == 6
