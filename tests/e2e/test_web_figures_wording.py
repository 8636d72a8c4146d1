"""The small wording fixes around the pictures, over HTTP: one statement after a stop, one
reason per swap, the measuring limits said once, and the mirror's waiting state."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.fakes import FakeClock


def stop_the_butterfly_for_numbness(client: TestClient, clock: FakeClock) -> None:
    session = client.post("/api/sessions", json={"exercises": [1, 3]}).json()
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(6)
    client.post(f"/api/sessions/{session['id']}/stop", json={"reason": "numbness"})


def test_after_a_stop_today_nothing_says_go_gently_beside_rest_until_tomorrow(
    client: TestClient, clock: FakeClock
) -> None:
    stop_the_butterfly_for_numbness(client, clock)
    for page in (client.get("/").text, client.get("/routines/classic").text):
        assert "Go gently" not in page
    reminder = client.get("/api/reminders").json()[0]
    assert reminder.startswith("Earlier today you stopped Butterfly press (numbness).")
    assert "rests until tomorrow" in reminder


def test_the_routine_page_rests_a_stopped_exercise_instead_of_offering_it(
    client: TestClient, clock: FakeClock
) -> None:
    stop_the_butterfly_for_numbness(client, clock)
    html = client.get("/routines/classic").text
    assert "Stopped today (numbness): it rests until tomorrow" in html
    assert 'aria-label="Practise Butterfly press"' not in html
    whole = re.search(r'data-testid="start-routine"', html)
    assert whole is not None and 'data-exercises="2,3,4,5"' in html


def test_the_measure_page_states_the_video_length_once_and_consistently(
    client: TestClient,
) -> None:
    html = client.get("/measure").text
    assert "5-20 s" not in html and "up to 100 MB and 60 s" not in html
    assert "5 to 20 seconds of film is plenty, and 60&nbsp;seconds the most it takes" in html
    assert "an MP4 or MOV video of up to 60&nbsp;s and 100&nbsp;MB." in html


def test_the_mirror_starts_with_a_waiting_state_in_words(client: TestClient) -> None:
    html = client.get("/mirror").text
    assert '<span id="live-angle">No angle yet</span>' in html
    assert re.search(r'<p class="placeholder" id="placeholder"><span>Press <strong>', html)
    assert ">\u2013<" not in html.split('id="live-angle-box"')[1].split("</p>")[0]
