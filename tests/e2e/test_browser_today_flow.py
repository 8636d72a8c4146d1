"""Today in a real Chromium: Start continues the day's routine, and a Practise button asks
before it ends a session under way. The log is filled through the real adapter, not played,
so the test takes seconds."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from tests.e2e.browsing import needs_chromium, phone, shoot
from tests.e2e.conftest import LiveServer
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.plan import Plan, hold_record

pytestmark = needs_chromium()
DESKTOP = {"width": 1280, "height": 800}
FROG_TITLE = "Continue: exercise 3 of 5, First position in profile at the mirror"


def practised(server: LiveServer, number: int, completed: int | None = None) -> None:
    """Log a finished session of exercise `number` with its first `completed` holds done
    (all of them by default), as the player would have logged it a few minutes ago."""
    routine = server.container.routines.load("classic")
    plan = Plan.of(routine, [number])
    holds = [p for p, item in enumerate(plan.items) if item.step.is_hold]
    done = len(holds) if completed is None else completed
    at = server.container.clock.now() - 600 + number * 60
    record = PracticeSession(
        uuid.uuid4().hex,
        "classic",
        routine.name,
        (number,),
        at,
        len(holds),
        0,
        status=SessionStatus.FINISHED,
        ended_at=at + 30,
    )
    with server.container.uow() as uow:
        uow.practice.add_session(record)
        for position in holds[:done]:
            uow.practice.add_hold(record.id, hold_record(plan, position, at, at + 1, 10.0, True))
        uow.commit()


def current(page: Page, server: LiveServer) -> dict[str, Any]:
    response = page.request.get(server.url + "/api/sessions/current")
    assert response.ok, response.text()
    found: dict[str, Any] = response.json()
    return found


def both_sizes(browser: Browser) -> list[tuple[str, BrowserContext]]:
    return [("phone", phone(browser)), ("desktop", browser.new_context(viewport=DESKTOP))]


def test_today_fresh_part_done_and_done_and_start_continues_at_exercise_3(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    contexts = both_sizes(browser)
    for device, context in contexts:
        page = context.new_page()
        page.goto(live_server.url + "/")
        page.get_by_role("button", name="Start the routine").wait_for()
        shoot(page, tmp_path, f"today-fresh-{device}.png")
    practised(live_server, 1)
    practised(live_server, 2)
    practised(live_server, 3, completed=2)
    for device, context in contexts:
        page = context.pages[0]
        page.reload()
        page.get_by_role("button", name=FROG_TITLE).wait_for()
        assert page.get_by_text("2 of 10 holds done today").is_visible()
        assert page.get_by_role("button", name="Do Butterfly press again").is_visible()
        shoot(page, tmp_path, f"today-part-done-{device}.png")

    page = contexts[1][1].pages[0]
    page.get_by_role("button", name=FROG_TITLE).click()
    page.wait_for_url("**/practice/*")
    session = current(page, live_server)
    assert session["step"]["exercise_number"] == 3 and session["progress"]["step"] == 1
    assert session["progress"]["holds_planned"] == 10 + 1 + 10  # exercises 3, 4 and 5
    page.request.post(
        f"{live_server.url}/api/sessions/{session['id']}/actions",
        data={"action": "abort"},
        headers={
            "X-CSRF-Token": page.locator('meta[name="csrf-token"]').get_attribute("content") or ""
        },
    )

    for number in (3, 4, 5):
        practised(live_server, number)
    for device, context in contexts:
        page = context.pages[0]
        page.goto(live_server.url + "/")
        page.get_by_test_id("done-today").wait_for()
        assert page.get_by_role("button", name="Do the routine again").is_visible()
        shoot(page, tmp_path, f"today-done-{device}.png")
        context.close()


def test_a_practise_button_during_a_live_session_asks_first(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    # The policy stays on here: the dialog is built and styled from script, never inline.
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Security Policy" in m.text else None)
    page.on("pageerror", lambda e: refused.append(str(e)))
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Practise Frog with lifted heels on its own").click()
    page.wait_for_url("**/practice/*")
    first = current(page, live_server)

    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Practise Butterfly press on its own")
    button.click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    total = first["progress"]["steps"]
    assert f"A session is under way (exercise 5, step 1 of {total})" in dialog.inner_text()
    assert "every hold done stays saved" in dialog.inner_text()
    shoot(page, tmp_path, "today-ask-first-phone.png")
    dialog.get_by_role("button", name="Cancel").click()
    dialog.wait_for(state="detached")
    assert current(page, live_server)["id"] == first["id"]
    assert page.url.rstrip("/") == live_server.url

    button.click()
    page.get_by_role("dialog").get_by_role("button", name="Go back to it").click()
    page.wait_for_url(f"**/practice/{first['id']}")

    page.goto(live_server.url + "/")
    page.set_viewport_size(DESKTOP)
    page.get_by_role("button", name="Practise Butterfly press on its own").click()
    page.get_by_role("dialog").wait_for()
    shoot(page, tmp_path, "today-ask-first-desktop.png")
    page.get_by_role("dialog").get_by_role("button", name="End it and start this one").click()
    page.wait_for_url("**/practice/*")
    second = current(page, live_server)
    assert second["id"] != first["id"] and second["step"]["exercise_number"] == 1
    ended = page.request.get(f"{live_server.url}/api/sessions/{first['id']}").json()
    assert ended["phase"] == "aborted"
    assert refused == []
    context.close()
