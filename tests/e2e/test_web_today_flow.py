"""Today as a flow over HTTP: Start continues the day's routine, a live session is never
ended silently by a new start, and the rest between exercises is served like any step."""

from __future__ import annotations

import html
import re
from typing import Any

from fastapi.testclient import TestClient

from tests.fakes import FakeClock


def start(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/sessions", json=body)
    assert response.status_code == 201, response.text
    found: dict[str, Any] = response.json()
    return found


def state(client: TestClient, session_id: str) -> dict[str, Any]:
    found: dict[str, Any] = client.get(f"/api/sessions/{session_id}").json()
    return found


def play(client: TestClient, clock: FakeClock, session_id: str) -> dict[str, Any]:
    """Play a session to its end: ready at every setup step, the clock on otherwise."""
    for _ in range(500):
        now = state(client, session_id)
        if now["phase"] in ("finished", "aborted"):
            return now
        if now["phase"] == "waiting":
            body = {"action": "ready", "position": now["progress"]["step"] - 1}
            client.post(f"/api/sessions/{session_id}/actions", json=body)
        else:
            clock.advance(15)
    raise AssertionError("the session never ended")


def practise(client: TestClient, clock: FakeClock, *numbers: int) -> None:
    for number in numbers:
        session = start(client, exercises=[number])
        assert play(client, clock, session["id"])["phase"] == "finished"


def start_button(page: str) -> str:
    """The main Start button of Today, as its text and its data-exercises."""
    found = re.search(r'data-testid="start-today">\s*(.*?)\s*</button>', page, re.S)
    assert found, page
    tag = page[page.rfind("<button", 0, found.start()) : found.start()]
    exercises = re.search(r'data-exercises="([^"]*)"', tag)
    return f"{html.unescape(found.group(1))} | {exercises.group(1) if exercises else ''}"


# --- A start while a session is live --------------------------------------------------------


def test_a_start_while_a_session_is_under_way_answers_409_and_that_session_goes_on(
    client: TestClient,
) -> None:
    first = start(client, exercises=[1])
    client.post(f"/api/sessions/{first['id']}/actions", json={"action": "ready", "position": 0})
    refused = client.post("/api/sessions", json={"exercises": [3]})
    assert refused.status_code == 409
    detail = refused.json()["detail"]
    assert "A session is under way (exercise 1, step 2 of 19)" in detail
    assert "replace" in detail
    assert state(client, first["id"])["phase"] in ("get_ready", "running")
    assert client.get("/api/sessions/current").json()["id"] == first["id"]


def test_replace_ends_the_session_under_way_keeping_its_holds_and_starts_the_new_one(
    client: TestClient, clock: FakeClock
) -> None:
    first = start(client, exercises=[1])
    client.post(f"/api/sessions/{first['id']}/actions", json={"action": "ready", "position": 0})
    clock.advance(5 + 10 + 5 + 3)  # the first hold done, 3 s into the second
    assert state(client, first["id"])["progress"]["holds_done"] == 1
    second = start(client, exercises=[3], replace=True)
    assert state(client, first["id"])["phase"] == "aborted"
    assert client.get("/api/sessions/current").json()["id"] == second["id"]
    rows = client.get("/api/export/json").json()
    mine = [(r["position"], r["status"]) for r in rows if r["session_id"] == first["id"]]
    assert mine == [(1, "completed"), (3, "skipped")]


def test_after_a_session_ends_a_start_needs_no_replace(
    client: TestClient, clock: FakeClock
) -> None:
    practise(client, clock, 1)
    assert start(client, exercises=[2])["phase"] == "waiting"


def test_the_api_documents_replace(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["StartRequest"]
    assert schema["properties"]["replace"]["default"] is False


def test_a_replace_that_is_not_a_boolean_is_refused_clearly(client: TestClient) -> None:
    response = client.post("/api/sessions", json={"replace": "please"})
    assert response.status_code == 422 and "replace" in response.json()["detail"]


# --- The rest between exercises -------------------------------------------------------------


def test_a_session_of_two_exercises_rests_between_them_and_names_the_next(
    client: TestClient, clock: FakeClock
) -> None:
    session = start(client, exercises=[1, 5])
    assert session["progress"]["steps"] == 19 + 1 + len_of(client, 5)
    assert session["progress"]["holds_planned"] == 9 + 10
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready", "position": 0})
    clock.advance(5 + 3 * 50 + 1)  # exercise 1 ends at 155 s: 1 s into the rest
    now = state(client, session["id"])
    step = now["step"]
    assert (step["kind"], step["seconds"], step["is_hold"]) == ("rest", 30, False)
    assert step["title"] == "Rest before exercise 5" and "Frog" in step["cue"]
    assert now["next"]["exercise_number"] == 5
    assert now["progress"]["holds_done"] == 9
    skipped = client.post(
        f"/api/sessions/{session['id']}/actions",
        json={"action": "skip", "position": step["position"]},
    ).json()
    assert skipped["step"]["exercise_number"] == 5 and skipped["progress"]["holds_done"] == 9


def len_of(client: TestClient, number: int) -> int:
    exercise = client.get("/api/routines/classic").json()["exercises"][number - 1]
    return len(exercise["steps"])


# --- Today's Start --------------------------------------------------------------------------


def test_on_a_fresh_day_today_offers_to_start_the_routine(client: TestClient) -> None:
    page = client.get("/").text
    assert start_button(page) == "Start the routine | 1,2,3,4,5"
    assert "Do again" not in page


def test_after_exercises_1_and_2_start_continues_at_exercise_3(
    client: TestClient, clock: FakeClock
) -> None:
    practise(client, clock, 1, 2)
    page = client.get("/").text
    assert start_button(page) == (
        "Continue: exercise 3 of 5, First position in profile at the mirror | 3,4,5"
    )
    assert "2 of 5 exercises done today" in page
    assert 'aria-label="Do Butterfly press again"' in page
    assert 'aria-label="Do Supine straddle with a partner again"' in page
    assert 'aria-label="Practise First position in profile at the mirror on its own"' in page
    assert page.count('data-testid="next-up"') == 1


def test_an_exercise_partly_done_says_how_much_and_start_continues_from_it(
    client: TestClient, clock: FakeClock
) -> None:
    session = start(client, exercises=[1])
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready", "position": 0})
    clock.advance(5 + 10 + 5 + 10 + 1)  # two holds done
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "abort"})
    page = client.get("/").text
    assert "2 of 9 holds done today" in page
    assert "Exercise 1 starts again from its first hold." in page
    assert start_button(page) == "Continue: exercise 1 of 5, Butterfly press | 1,2,3,4,5"


def test_an_exercise_stopped_for_a_warning_sign_is_left_out_of_continue(
    client: TestClient, clock: FakeClock
) -> None:
    practise(client, clock, 1)
    session = start(client, exercises=[2])
    stopped = client.post(f"/api/sessions/{session['id']}/stop", json={"reason": "sharp_pain"})
    assert stopped.status_code == 200, stopped.text
    page = client.get("/").text
    assert start_button(page).endswith("| 3,4,5")
    assert "rest it until tomorrow" in page
    assert 'aria-label="Practise Supine straddle with a partner on its own"' not in page


def test_with_everything_done_today_says_so_and_offers_it_again(
    client: TestClient, clock: FakeClock
) -> None:
    practise(client, clock, 1, 2, 3, 4, 5)
    page = client.get("/").text
    assert 'data-testid="done-today"' in page and "Done for today" in page
    assert 'data-testid="start-today"' not in page
    again = re.search(r'<button[^>]*data-exercises="1,2,3,4,5"[^>]*>\s*Do the routine again', page)
    assert again, page
    assert page.count(">Do again</button>") == 5
