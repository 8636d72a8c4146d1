"""Our pages run under their Content-Security-Policy with nothing refused.

The other browser tests open pages with Playwright's bypass_csp, because its wait_for_function
evaluates strings, which the policy forbids; this one keeps the policy and watches for refusals.
"""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.e2e.browsing import needs_chromium
from tests.e2e.conftest import LiveServer

pytestmark = needs_chromium()
PAGES = [
    "/",
    "/routine",
    "/history",
    "/progress",
    "/profile",
    "/measure",
    "/mirror",
    "/settings",
    "/settings/devices",
    "/docs",
]


def test_every_page_and_the_player_run_with_no_policy_refusal(
    live_server: LiveServer, browser: Browser
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.on("pageerror", lambda e: refused.append(str(e)))
    for path in PAGES:
        assert page.goto(live_server.url + path).status == 200  # type: ignore[union-attr]
        page.wait_for_load_state("networkidle")
    page.goto(live_server.url + "/profile")
    page.fill("#age", "30")
    page.click("form.profile button[type=submit]")
    page.wait_for_url("**/profile?saved=1")
    page.goto(live_server.url + "/")
    page.click("[data-start]")
    page.wait_for_url("**/practice/*")
    page.wait_for_selector("#step-title")  # a setup step shows the drawing, not the count
    assert refused == []
