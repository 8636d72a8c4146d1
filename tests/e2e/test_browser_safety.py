"""A real Chromium: screening adapts the plan, Stop ends an exercise, readings make a trend."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, phone, shoot
from tests.e2e.conftest import LiveServer

pytestmark = needs_chromium()
PLAYER = "document.getElementById('player').dataset"


def fill_profile(page: Page, server: LiveServer, age: str) -> None:
    page.goto(server.url + "/profile")
    page.get_by_label("Age (years)").fill(age)
    page.get_by_role("button", name="Save my profile").click()
    page.get_by_test_id("profile-saved").wait_for()


def test_a_young_dancer_sees_the_adaptation_and_a_warning_sign_ends_the_exercise(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.get_by_test_id("profile-prompt").wait_for()
    fill_profile(page, live_server, "14")
    assert "because you are under 18" in page.get_by_test_id("adaptations").inner_text()
    shoot(page, tmp_path, "safety-profile.png")

    page.goto(live_server.url + "/routines/classic")
    assert "Adapted for you" in page.get_by_test_id("adaptations").inner_text()
    shoot(page, tmp_path, "safety-routine-adapted.png")
    page.goto(live_server.url + "/settings")
    page.get_by_test_id("ics-link").wait_for()
    shoot(page, tmp_path, "safety-settings.png")

    page.goto(live_server.url + "/")
    swapped = page.get_by_test_id("adaptation")
    assert swapped.count() == 3
    assert "replaced by a stretch you control yourself" in swapped.first.inner_text()
    shoot(page, tmp_path, "safety-home-adapted.png")

    page.get_by_role("button", name="Start the routine").click()
    page.wait_for_url("**/practice/*")
    page.get_by_role("heading", name="Quick pain check").wait_for()
    shoot(page, tmp_path, "safety-player-pain-before.png")
    page.get_by_role("button", name="No pain").click()
    page.get_by_text("Saved. Press Stop at any time").wait_for()
    page.get_by_role("button", name="I'm ready").click()
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")

    page.get_by_role("button", name="Stop: something is wrong").click()
    page.get_by_role("heading", name="What happened?").wait_for()
    shoot(page, tmp_path, "safety-stop-dialog.png")
    page.get_by_role("button", name="Numbness or tingling").click()
    page.get_by_role(
        "heading", name="Numbness or tingling: this exercise is over for today"
    ).wait_for()
    shoot(page, tmp_path, "safety-stop-answer.png")
    page.get_by_role("button", name="OK").click()
    page.get_by_role("heading", name="First position, side-on").wait_for()

    page.goto(live_server.url + "/")
    assert "Stopped today (numbness)" in page.get_by_test_id("resting").inner_text()
    assert "you stopped Butterfly press" in page.get_by_test_id("reminders").inner_text()
    shoot(page, tmp_path, "safety-home-after-stop.png")
    page.goto(live_server.url + "/progress")
    assert page.locator("#pain-chart").is_visible()
    shoot(page, tmp_path, "safety-progress-pain.png")
    page.close()


def test_the_wall_straddle_asks_the_dancer_to_confirm_first(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 900})
    fill_profile(page, live_server, "30")
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Practise Wall straddle with ankle weights on its own").click()
    page.wait_for_url("**/practice/*")
    page.get_by_role("heading", name="Before this one: what dance medicine says").wait_for()
    assert page.get_by_role("button", name="I'm ready").is_hidden()
    shoot(page, tmp_path, "safety-confirm-wall-straddle.png")
    page.get_by_role("button", name="I understand, continue").click()
    page.get_by_role("button", name="I'm ready").wait_for()
    page.close()


def test_a_reading_typed_in_shows_in_the_trend_with_compensated_turnout(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/progress")
    entries = [
        ("paper_tracing", "both", ("128", "131", "130"), "2026-01-05"),
        ("goniometer", "left", ("47", "49", "50"), "2026-01-06"),
        ("goniometer", "right", ("44", "45", "47"), "2026-01-06"),
        ("paper_tracing", "both", ("133", "135", "136"), "2026-01-20"),
    ]
    for method, side, trials, day in entries:
        page.get_by_label("Method").select_option(method)
        page.get_by_label("Side").select_option(side)
        for number, value in enumerate(trials, start=1):
            page.get_by_label(f"Trial {number} (degrees)").fill(value)
        page.get_by_label("Date").fill(day)
        page.get_by_role("button", name="Save reading").click()
        page.wait_for_url("**/progress?added=1*")
    trend = page.get_by_test_id("trend").filter(has_text="Paper tracing")
    assert "135" in trend.inner_text()
    assert "within normal day-to-day variation" in trend.get_by_test_id("change").inner_text()
    assert page.get_by_test_id("compensated-flag").count() == 1
    shoot(page, tmp_path, "safety-progress.png")

    page.get_by_label("Method").select_option("goniometer")
    page.get_by_label("Side").select_option("left")
    page.get_by_label("Trial 1 (degrees)").fill("400")
    page.get_by_role("button", name="Save reading").click()
    assert "400 degrees is not possible" in page.get_by_test_id("form-error").inner_text()
    page.close()


def test_the_safety_pages_fit_a_phone(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    context = phone(browser)
    page = context.new_page()
    fill_profile(page, live_server, "15")
    shoot(page, tmp_path, "safety-profile-phone.png")
    for path, name in (("/", "home"), ("/progress", "progress")):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shoot(page, tmp_path, f"safety-{name}-phone.png")
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Start the routine").tap()
    page.wait_for_url("**/practice/*")
    page.get_by_role("button", name="Stop: something is wrong").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, tmp_path, "safety-player-phone.png")
    context.close()
