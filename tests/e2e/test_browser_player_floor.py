"""A real Chromium on a fast clock: the player as used on the floor. One screen at phone and
landscape sizes, the first tap both turns the sound on and acts, and the partner hears "push"
as a partner's hold starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, shoot
from tests.e2e.conftest import LiveServer
from tests.e2e.test_browser_player_endings import open_player as started_player

pytestmark = needs_chromium()
PLAYER = "document.getElementById('player').dataset"
# Speech and layout shifts are recorded, and when the first request that changes something
# leaves: shifts after it are the page answering the tap, not the tap being moved.
RECORD = """
window.__spoken = [];
window.__shifts = [];
if (window.speechSynthesis) {
  speechSynthesis.speak = (line) => window.__spoken.push(
    { text: line.text, pitch: line.pitch, at: performance.now() });
}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__shifts.push(
    { value: entry.value, at: entry.startTime });
}).observe({ type: 'layout-shift', buffered: true });
const send = window.fetch;
window.fetch = (url, options) => {
  if (options && options.method === 'POST' && window.__firstPost === undefined) {
    window.__firstPost = performance.now();
  }
  return send(url, options);
};
"""
SIZES = [("phone-small", 360, 640), ("phone", 390, 844), ("landscape", 844, 390)]


def open_player(browser: Browser, server: LiveServer, size: tuple[int, int], **body: Any) -> Page:
    width, height = size
    context = browser.new_context(
        bypass_csp=True,
        viewport={"width": width, "height": height},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    context.add_init_script(RECORD)
    return started_player(context, server, **body)


def into_hold(page: Page) -> None:
    page.get_by_role("button", name="I'm ready").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")


def outside(page: Page, selector: str) -> list[str]:
    """The visible elements matching `selector` not wholly inside the viewport."""
    found: list[str] = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
          .filter((el) => el.offsetParent !== null)
          .filter((el) => { const r = el.getBoundingClientRect();
            return r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth; })
          .map((el) => el.id || el.textContent.trim())""",
        selector,
    )
    return found


@pytest.mark.parametrize(("name", "width", "height"), SIZES)
def test_a_running_hold_fits_one_screen_with_a_big_countdown_and_every_control_in_view(
    browser: Browser, live_server: LiveServer, tmp_path: Path, name: str, width: int, height: int
) -> None:
    page = open_player(browser, live_server, (width, height), exercises=[1])
    page.get_by_role("button", name="No pain").tap()
    page.get_by_text("Saved. Press Stop at any time").wait_for()
    assert page.locator("#figure").is_visible()  # a drawing while the dancer sits down
    shoot(page, tmp_path, f"player-{name}-setup.png")
    page.get_by_role("button", name="I'm ready").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'get_ready'")
    shoot(page, tmp_path, f"player-{name}-get-ready.png")
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert outside(page, ".dock button, .top-tools input, #fullscreen") == []
    count = page.locator("#count").bounding_box()
    assert count is not None and count["height"] >= min(width, height) / 3
    for label in ("Pause", "Stop: something is wrong", "Back", "Skip", "End"):
        assert page.get_by_role("button", name=label).is_visible()
    assert page.locator(".site-header").is_hidden()
    assert page.locator("#side").inner_text() == "Left side"
    shoot(page, tmp_path, f"player-{name}-hold.png")
    page.get_by_role("button", name="Pause").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'")
    assert outside(page, ".dock button") == []
    shoot(page, tmp_path, f"player-{name}-paused.png")
    page.context.close()


def test_the_first_tap_turns_the_sound_on_moves_nothing_and_does_what_it_was_aimed_at(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = open_player(browser, live_server, (390, 844), exercises=[1])
    page.get_by_role("button", name="Sound is off until you touch the screen").wait_for()
    page.wait_for_timeout(300)
    shoot(page, tmp_path, "player-phone-sound-hint.png")
    page.get_by_role("button", name="I'm ready").tap()
    page.wait_for_function(f"{PLAYER}.phase !== 'waiting'")
    assert page.locator("#sound-hint").is_hidden()
    shifts = page.evaluate("window.__shifts.filter((s) => s.at < window.__firstPost)")
    assert sum(shift["value"] for shift in shifts) == 0, shifts
    page.context.close()


def test_the_partner_hears_push_first_in_a_voice_of_their_own_as_the_hold_starts(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = open_player(browser, live_server, (844, 390), exercises=[2])
    page.get_by_role("button", name="I understand, continue").tap()
    for _ in range(2):  # "Legs up and open", then "Partner in place"
        position = page.evaluate(f"{PLAYER}.phase && JSON.stringify(window.__spoken.length)")
        page.get_by_role("button", name="I'm ready").tap()
        page.wait_for_function(f"window.__spoken.length > {position}")
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")
    page.wait_for_function("window.__spoken.some((line) => line.text.startsWith('Keep the legs'))")
    assert outside(page, ".dock button") == [] and page.locator("#partner").is_visible()
    shoot(page, tmp_path, "player-landscape-partner-hold.png")
    spoken = page.evaluate("window.__spoken")
    push = next(
        i for i, line in enumerate(spoken) if line["text"].startswith("Partner: Push gently")
    )
    dancer = next(i for i, line in enumerate(spoken) if line["text"].startswith("Keep the legs"))
    assert push == dancer - 1, spoken
    assert spoken[push]["pitch"] < spoken[dancer]["pitch"]
    # Between "get ready" and the push only the count of the last seconds is said (on this
    # fast clock the ticker may step over a second of it).
    ready = max(i for i, line in enumerate(spoken[:push]) if line["text"].startswith("Get ready"))
    counted = [line["text"] for line in spoken[ready + 1 : push]]
    assert counted and counted == [w for w in ("three", "two", "one") if w in counted]
    page.wait_for_function("window.__spoken.some((line) => line.text === 'Release.')")
    page.context.close()
