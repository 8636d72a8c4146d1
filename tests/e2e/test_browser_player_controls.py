"""A real Chromium on a fast clock: the End dialog holds the countdown, a lying setup step
starts by itself when the dancer asks for it, and the settings form speaks plainly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, shoot
from tests.e2e.conftest import LiveServer

pytestmark = needs_chromium()
PLAYER = "document.getElementById('player').dataset"
REMAINING = "Number(document.getElementById('count').dataset.remaining)"
RECORD_SPEECH = """
window.__spoken = [];
if (window.speechSynthesis) speechSynthesis.speak = (line) => window.__spoken.push(line.text);
"""


def open_player(page: Page, server: LiveServer, **body: Any) -> None:
    page.goto(server.url + "/settings")
    session = page.evaluate("(body) => api('POST', '/api/sessions', body)", body)
    page.goto(f"{server.url}/practice/{session['id']}")
    page.wait_for_function(f"{PLAYER}.phase === 'waiting'")


def test_the_end_dialog_holds_the_countdown_and_keep_going_lets_it_run_on(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 800})
    open_player(page, live_server, exercises=[3])
    page.get_by_role("button", name="I'm ready").click()
    page.wait_for_function(f"{PLAYER}.phase === 'get_ready'")
    shoot(page, tmp_path, "player-desktop-get-ready.png")
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {REMAINING} < 59")
    page.get_by_role("button", name="End").click()
    page.get_by_role("heading", name="End this session?").wait_for()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'")
    # The pause shows at once; then the coach's answer says where it paused: read that.
    page.wait_for_function("!Object.keys(localStorage).some((k) => k.includes(':outbox:'))")
    page.wait_for_timeout(100)
    held = page.evaluate(REMAINING)
    page.wait_for_timeout(600)  # six seconds on the practice clock
    assert page.evaluate(REMAINING) == held
    shoot(page, tmp_path, "player-desktop-end-dialog.png")
    page.get_by_role("button", name="Keep going").click()
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {REMAINING} < {held - 1}")
    page.get_by_role("button", name="End").click()
    page.get_by_role("button", name="End session").click()
    page.wait_for_function(f"{PLAYER}.phase === 'aborted'")
    assert page.locator("#finished-title").inner_text() == "Session ended early"
    shoot(page, tmp_path, "player-desktop-summary-ended.png")
    page.close()


def test_a_lying_setup_step_starts_by_itself_after_a_spoken_count_when_asked(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    context.add_init_script(RECORD_SPEECH)
    page = context.new_page()
    page.goto(live_server.url + "/settings")
    page.evaluate("api('PUT', '/api/settings', { auto_start_lying: true })")
    open_player(page, live_server, exercises=[4])
    page.get_by_role("button", name="I understand, continue").click()
    assert page.get_by_role("heading", name="Ankle weights on").is_visible()
    page.get_by_role("button", name="I'm ready").click()  # sitting: this one waits
    page.get_by_role("heading", name="Legs up the wall").wait_for()
    page.get_by_text("Starting by itself").wait_for()
    page.wait_for_function(f"{PLAYER}.phase === 'get_ready'", timeout=10_000)
    spoken = page.evaluate("window.__spoken")
    count = [line for line in spoken if line in ("three", "two", "one")]
    assert count[:3] == ["three", "two", "one"], spoken
    context.close()


def test_the_settings_form_says_in_a_sentence_what_a_field_needs(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_page(bypass_csp=True, viewport={"width": 390, "height": 844})
    page.goto(live_server.url + "/settings")
    page.get_by_label("Get-ready countdown before a hold (seconds)").fill("99")
    page.get_by_role("button", name="Save").click()
    status = page.locator("#settings-status")
    assert status.inner_text() == (
        "The get-ready countdown must be a whole number of seconds, from 0 (none) to 60."
    )
    assert "Input should be" not in page.locator("main").inner_text()
    assert (
        page.get_by_label("Get-ready countdown before a hold (seconds)").get_attribute(
            "aria-invalid"
        )
        == "true"
    )
    shoot(page, tmp_path, "settings-phone-error.png")
    page.get_by_label("Get-ready countdown before a hold (seconds)").fill("8")
    page.get_by_label("Count the last 3 seconds aloud").uncheck()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved.").wait_for()
    saved = page.evaluate("api('GET', '/api/settings')")
    assert saved["get_ready_seconds"] == 8 and saved["count_aloud"] is False
    page.close()
