"""The HTML pages render what a dancer needs, with labels a screen reader can use."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from tests.fakes import FakeClock


def test_the_home_page_offers_a_big_start_and_todays_plan(client: TestClient) -> None:
    page = client.get("/").text
    assert "Start the routine" in page and "data-start" in page
    assert "Once or twice a day: done 0 times today" in page  # the wall straddle
    assert 'aria-label="Practise Butterfly press on its own"' in page
    assert 'data-testid="streak">0<' in page
    assert 'rel="manifest"' in page


def test_the_home_page_offers_to_resume_a_session_under_way(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"exercises": [1]}).json()
    page = client.get("/").text
    assert "A session is still under way" in page and f'href="/practice/{session["id"]}"' in page


def test_the_home_page_shows_the_last_practice_and_done_exercises(
    client: TestClient, clock: FakeClock
) -> None:
    session = client.post("/api/sessions", json={"exercises": [4]}).json()
    for _ in range(2):
        client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(906)
    client.get(f"/api/sessions/{session['id']}")
    page = client.get("/").text
    assert "Once or twice a day: done 1 time today" in page
    assert "1 of 1 holds" in page


def test_the_routine_page_shows_every_exercise_with_its_reading_and_warning(
    client: TestClient,
) -> None:
    page = client.get("/routines/classic").text
    for number in range(1, 6):
        assert f'id="exercise-{number}"' in page
    assert page.count("How we read the article") == 5
    assert "never on the knee joint itself" in page  # a partner cue
    assert "Never force it from the feet" in page
    assert client.get("/routine", follow_redirects=False).headers["location"] == "/routines/classic"


def test_an_unknown_routine_page_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/routines/tango")
    assert response.status_code == 404 and "<h1>Not found</h1>" in response.text


def test_the_player_embeds_the_session_and_labels_its_controls(client: TestClient) -> None:
    session = client.post("/api/sessions", json={"exercises": [1]}).json()
    page = client.get(f"/practice/{session['id']}").text
    embedded = re.search(r'<script id="initial-state" type="application/json">(.*?)</script>', page)
    assert embedded and json.loads(embedded.group(1))["id"] == session["id"]
    for shortcut in ('aria-keyshortcuts="Enter"', 'aria-keyshortcuts="Space"', "Escape"):
        assert shortcut in page
    assert "I'm ready" in page and 'id="partner"' in page and 'role="progressbar"' in page
    assert re.search(
        r'<label class="tool"><input type="checkbox" id="voice-toggle"[^>]*> Voice', page
    )


def test_an_unknown_session_page_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/practice/nope")
    assert response.status_code == 404 and "No practice session" in response.text


def test_the_history_page_draws_charts_a_calendar_and_offers_exports(
    client: TestClient, clock: FakeClock
) -> None:
    session = client.post("/api/sessions", json={"exercises": [1]}).json()
    client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(15.1)
    client.get(f"/api/sessions/{session['id']}")
    page = client.get("/history").text
    assert page.count('role="img"') == 2 and "1 / 9" in page
    assert 'class="calendar"' in page and 'aria-current="date"' in page
    assert 'href="/api/export/csv"' in page and 'href="/api/export/json"' in page


def test_the_settings_page_labels_every_field(client: TestClient) -> None:
    page = client.get("/settings").text
    for field in ("voice_speed", "get_ready_seconds", "default_routine"):
        assert f'<label for="{field}">' in page
    assert 'name="voice"' in page and 'name="beeps"' in page


def test_the_app_can_be_installed_on_a_phone(client: TestClient) -> None:
    manifest = client.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    icons = manifest.json()["icons"]
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in icons}
    for icon in icons:
        assert client.get(icon["src"]).status_code == 200
    assert client.get("/sw.js").status_code == 200


def test_the_player_offers_the_camera_mirror_link_for_mirror_exercises(client: TestClient) -> None:
    started = client.post("/api/sessions", json={"routine": "classic", "exercises": [3]})
    page = client.get(f"/practice/{started.json()['id']}")
    assert 'id="mirror-link"' in page.text and 'href="/mirror"' in page.text
    assert "mirror" in started.json()["exercise"]["equipment"]
