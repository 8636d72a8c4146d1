"""What every real-browser test shares: Debian's Chromium, launched headless, and screenshots."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SHOTS = Path("/tmp/turnout-shots")


def needs_chromium() -> list[pytest.MarkDecorator]:
    """Marks for a module of browser tests: skipped without Chromium, except where CI asks
    for it (TURNOUT_REQUIRE_BROWSER=1), where a missing browser must fail the run instead."""
    missing = not CHROMIUM.exists()
    if missing and os.environ.get("TURNOUT_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing, and TURNOUT_REQUIRE_BROWSER is set")
    reason = "needs Debian's chromium at /usr/bin/chromium"
    return [pytest.mark.browser, pytest.mark.skipif(missing, reason=reason)]


@contextmanager
def chromium(*extra_args: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args]
        )
        yield browser
        browser.close()


def phone(browser: Browser) -> BrowserContext:
    """A phone-sized touch screen (390 x 844, as an iPhone 12-14), for layout checks."""
    return browser.new_context(
        bypass_csp=True,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )


def shoot(page: Page, tmp_path: Path, name: str) -> None:
    """A full-page screenshot in the test's folder, copied to /tmp/turnout-shots to look at."""
    target = tmp_path / name
    page.screenshot(path=str(target), full_page=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(target, SHOTS / name)
