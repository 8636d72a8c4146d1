"""A real Chromium practises the butterfly press against a real server on a fast clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, phone, shoot
from tests.e2e.conftest import TIME_SCALE, LiveServer

pytestmark = needs_chromium()
PLAYER = "document.getElementById('player').dataset"
REMAINING = "Number(document.getElementById('count').dataset.remaining)"
# Speech is recorded instead of spoken, and kept across reloads of the tab.
RECORD_SPEECH = """
window.__spoken = JSON.parse(sessionStorage.getItem('spoken') || '[]');
if (window.speechSynthesis) {
  speechSynthesis.speak = (line) => {
    window.__spoken.push(line.text);
    sessionStorage.setItem('spoken', JSON.stringify(window.__spoken));
  };
}
"""


def wait_for_hold(page: Page, more_than: float) -> None:
    page.wait_for_function(
        f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold' && {REMAINING} > {more_than}",
        timeout=30_000,
        polling=20,
    )


def start_exercise_one(page: Page, server: LiveServer, shots: Path, device: str) -> None:
    page.goto(server.url + "/")
    shoot(page, shots, f"home-{device}.png")
    page.get_by_role("button", name="Practise Butterfly press on its own").click()
    page.wait_for_url("**/practice/*")
    page.get_by_role("heading", name="Sit in butterfly").wait_for()


def test_a_dancer_practises_the_butterfly_press_start_to_finish(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_SPEECH)
    page = context.new_page()
    start_exercise_one(page, live_server, tmp_path, "desktop")
    page.get_by_role("button", name="I'm ready").click()

    wait_for_hold(page, more_than=6)
    page.get_by_role("button", name="Pause").click()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'")
    # The pause shows at once and the server's answer then says where it paused: read that.
    page.wait_for_function("!Object.keys(localStorage).some((k) => k.includes(':outbox:'))")
    page.wait_for_timeout(100)
    frozen = page.evaluate(REMAINING)
    page.wait_for_timeout(1000)  # ten seconds on the practice clock
    assert page.evaluate(REMAINING) == frozen
    shoot(page, tmp_path, "player-desktop-paused.png")

    page.reload()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'")
    assert page.evaluate(REMAINING) == pytest.approx(frozen, abs=0.05)
    page.keyboard.press("Space")
    page.wait_for_function(f"{PLAYER}.phase === 'running'")

    wait_for_hold(page, more_than=5)
    page.reload()
    wait_for_hold(page, more_than=0.5)
    # The server's remaining time, then what the page shows, then the server's again: the
    # page must sit between the two (a frame's slack allowed), however long the fetches take.
    before, shown, after = page.evaluate(
        "async () => {"
        " const url = location.pathname.replace('/practice/', '/api/sessions/');"
        " const served = async () => (await (await fetch(url)).json()).remaining;"
        f" const a = await served(); await new Promise(requestAnimationFrame);"
        f" const shown = {REMAINING}; const b = await served(); return [a, shown, b]; }}"
    )
    slack = 0.1 * TIME_SCALE  # 100 ms of real time, in practice seconds
    assert after - slack <= shown <= before + slack
    shoot(page, tmp_path, "player-desktop.png")

    page.wait_for_function(f"{PLAYER}.phase === 'finished'", timeout=60_000)
    page.get_by_role("heading", name="Well done").wait_for()
    spoken = page.evaluate("window.__spoken")
    assert (
        spoken.count(
            "Left side. Put your right hand on your left knee and ease it toward the floor. "
            "Stay tall."
        )
        == 3
    )
    assert spoken.count("Sit back up and let your knees float up. Breathe.") == 3

    page.goto(live_server.url + "/history")
    assert page.get_by_test_id("holds-total").inner_text() == "9"
    assert page.get_by_role("cell", name="9 of 9").is_visible()
    shoot(page, tmp_path, "history-desktop.png")
    context.close()


def test_the_player_fits_a_phone_screen_and_survives_a_dropped_network(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    context = phone(browser)
    page = context.new_page()
    start_exercise_one(page, live_server, tmp_path, "phone")
    shoot(page, tmp_path, "player-phone-waiting.png")
    page.get_by_role("button", name="I'm ready").tap()
    wait_for_hold(page, more_than=3)
    page.get_by_role("button", name="Pause").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "nothing should scroll sideways on a phone"
    shoot(page, tmp_path, "player-phone.png")
    context.set_offline(True)
    page.get_by_text("Reconnecting to the coach").wait_for()
    context.set_offline(False)
    page.get_by_text("Reconnecting to the coach").wait_for(state="hidden", timeout=10_000)
    page.goto(live_server.url + "/history")
    shoot(page, tmp_path, "history-phone.png")
    page.goto(live_server.url + "/routines/classic")
    shoot(page, tmp_path, "routine-phone.png")
    context.close()
