"""A real Chromium opens /docs under the app's Content-Security-Policy, with nothing from
elsewhere (issue 9, item 13): Swagger UI draws every operation and reports no error."""

from __future__ import annotations

from playwright.sync_api import Browser, ConsoleMessage, Request

from tests.e2e.browsing import needs_chromium
from tests.e2e.conftest import LiveServer

pytestmark = needs_chromium()


def test_the_docs_draw_every_operation_from_local_files_only(
    browser: Browser, live_server: LiveServer
) -> None:
    page = browser.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":  # a refused script or style is reported here
            errors.append(message.text)

    def request(sent: Request) -> None:
        if not sent.url.startswith((live_server.url, "data:", "blob:")):
            elsewhere.append(sent.url)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", request)
    page.goto(live_server.url + "/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock-summary-path[data-path='/api/pain-checks']").count() == 1
    assert (errors, elsewhere) == ([], [])
