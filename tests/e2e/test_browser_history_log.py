"""A real Chromium on History, Progress and Settings: the log fits a phone, and a reading or
a hold deleted by mistake comes back with Undo."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, phone, shoot
from tests.e2e.conftest import LiveServer
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.measurement import MeasurementEntry
from turnout.domain.pain import Moment, PainCheck
from turnout.domain.plan import HoldRecord, HoldStatus
from turnout.domain.safety import Region
from turnout.services import progress

pytestmark = needs_chromium()
# The smallest rendered size of the chart text: font size times the chart's scale on screen.
SMALLEST_LABEL = """() => Math.min(...[...document.querySelectorAll('svg.chart')].flatMap((svg) => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(
    (t) => parseFloat(getComputedStyle(t).fontSize) * scale);
}))"""
SIDEWAYS = "document.documentElement.scrollWidth - window.innerWidth"
STEPS = [
    ("Left knee down", 10.0, "completed"),
    ("Right knee down", 4.0, "skipped"),
    ("Both elbows press", 0.0, "skipped"),
]  # done, cut short, skipped


def seed(server: LiveServer) -> None:
    start = time.time() - 3 * 86400
    with server.container.uow() as uow:
        uow.practice.add_session(
            PracticeSession(
                "seeded",
                "classic",
                "Classic turnout routine",
                (1,),
                start,
                3,
                30,
                SessionStatus.ABORTED,
                start + 120,
            )
        )
        for n, (title, held, status) in enumerate(STEPS):
            at = start + 20 * n
            uow.practice.add_hold(
                "seeded",
                HoldRecord(
                    "classic",
                    1,
                    "butterfly-press",
                    "Butterfly press",
                    n,
                    n,
                    title,
                    1,
                    None,
                    10,
                    held,
                    at,
                    at + held,
                    HoldStatus(status),
                ),
            )
        scores = dict.fromkeys(Region, 0) | {Region.HIP_GROIN: 3}
        uow.safety.add_pain_check(PainCheck(Moment.AFTER, start + 130, scores, session_id="seeded"))
        uow.commit()
    for day, trials in (
        (date(2026, 11, 2), [121, 124, 122]),
        (date(2026, 11, 20), [126, 125, 127]),
    ):
        entry = MeasurementEntry("turnout_discs", "both", trials, day, "by the mirror")
        progress.add_measurement(server.container.uow(), entry, date(2026, 12, 2))


@pytest.fixture
def seeded(live_server: LiveServer) -> LiveServer:
    seed(live_server)
    return live_server


def readings(page: Page) -> list[int]:
    found: list[int] = page.evaluate(
        "async () => (await (await fetch('/api/measurements')).json()).map((r) => r.id)"
    )
    return found


def test_a_reading_deleted_by_mistake_comes_back_with_undo(
    browser: Browser, seeded: LiveServer, tmp_path: Path
) -> None:
    page = phone(browser).new_page()
    page.goto(seeded.url + "/progress#readings")
    assert readings(page) == [1, 2]
    assert page.evaluate(SIDEWAYS) <= 0
    page.get_by_text("Every pain check (1)").click()
    page.get_by_role("button", name="Delete the pain check of").click()
    page.locator("#undo-bar").get_by_text("Pain check deleted").wait_for()
    assert page.locator("[data-pain]").is_hidden()
    page.get_by_role("button", name="Delete the reading of 20 Nov 2026").click()
    undo = page.locator("#undo-bar")
    undo.get_by_text("Reading deleted").wait_for()
    assert page.locator('tr[data-reading="2"]').is_hidden()
    assert readings(page) == [1]
    shoot(page, tmp_path, "log-progress-undo-phone.png")
    undo.get_by_role("button", name="Undo").click()
    page.wait_for_load_state("load")
    page.locator('tr[data-reading="2"]').wait_for(state="visible")
    assert readings(page) == [1, 2]


def test_history_lists_holds_honestly_and_a_hold_can_be_corrected_deleted_and_restored(
    browser: Browser, seeded: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(seeded.url + "/history")
    counts = page.get_by_test_id("session-counts").inner_text()
    assert counts.startswith("1 done · 1 cut short · 1 skipped")
    assert page.get_by_test_id("holds-total").inner_text() == "1"
    shoot(page, tmp_path, "log-history-desktop.png")
    page.locator('select[data-status="3"]').select_option("completed")
    page.locator("#toast").get_by_text("Marked as done.").wait_for()
    page.reload()
    assert page.get_by_test_id("holds-total").inner_text() == "2"
    page.get_by_role("button", name="Delete hold Left knee down").click()
    page.locator("#undo-bar").get_by_role("button", name="Undo").wait_for()
    page.reload()  # no undo: the hold is gone from History, and so is its count
    assert page.get_by_test_id("holds-total").inner_text() == "1"
    export = page.evaluate("async () => (await fetch('/api/export/json')).json()")
    assert [(h["hold_id"], bool(h["deleted_at"]), h["status_was"]) for h in export] == [
        (1, True, ""),
        (2, False, ""),
        (3, False, "skipped"),
    ]


@pytest.mark.parametrize("width", [360, 390])
def test_history_and_settings_fit_a_phone_with_readable_chart_labels(
    browser: Browser, seeded: LiveServer, tmp_path: Path, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.goto(seeded.url + "/history")
    assert page.evaluate(SIDEWAYS) <= 0
    assert page.evaluate(SMALLEST_LABEL) >= 11
    assert page.get_by_test_id("calendar-months").inner_text()[:3] in (
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
    )
    assert page.locator(".calendar .month-name").count() >= 2
    shoot(page, tmp_path, f"log-history-phone-{width}.png")
    page.goto(seeded.url + "/progress")
    assert page.evaluate(SIDEWAYS) <= 0
    assert page.evaluate(SMALLEST_LABEL) >= 11
    page.goto(seeded.url + "/settings#your-data")
    assert page.evaluate(SIDEWAYS) <= 0
    shoot(page, tmp_path, f"log-settings-phone-{width}.png")


def test_settings_deletes_everything_only_after_the_word_is_typed(
    browser: Browser, seeded: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(seeded.url + "/settings")
    page.get_by_role("button", name="Delete all my data").click()
    page.locator("#erase-status").get_by_text('type "delete"').wait_for()
    assert readings(page) == [1, 2]
    page.get_by_label("Type delete to confirm").fill("delete")
    page.get_by_role("button", name="Delete all my data").click()
    page.locator("#erase-status").get_by_text("Deleted for good").wait_for()
    shoot(page, tmp_path, "log-settings-desktop.png")
    assert readings(page) == []
