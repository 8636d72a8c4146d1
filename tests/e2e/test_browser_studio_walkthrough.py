"""A studio's first week in a real Chromium, four people on four screens: a teacher makes a
class on her laptop; an adult dancer joins on her phone, practises and stops for sharp pain;
the teacher's class page shows her holds and the stop; a 14-year-old joins and shares nothing
until her mother, on her own phone, agrees; then the teacher's page shows the girl's practice.
Screenshots of each step go to /tmp/turnout-shots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, shoot
from tests.e2e.conftest import LiveServer, settings_for
from tests.e2e.test_browser_classes import no_sideways_scroll, signed_in
from turnout import bootstrap
from turnout.domain.accounts import Role

pytestmark = needs_chromium()
GOOD = "a long enough pass phrase"
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SMALL = {"width": 360, "height": 640}
PLAYER = "document.getElementById('player').dataset"


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[LiveServer]:
    folder = tmp_path / "data"
    box = bootstrap.build(settings_for(folder))
    accounts = box.accounts()
    accounts.init_studio("Studio Nord", "admin@example.org", GOOD, 16)
    accounts.add("tamara@example.org", Role.TEACHER, GOOD, "Tamara")
    accounts.add("ana@example.org", Role.DANCER, GOOD, "Ana")
    today = date.today()
    accounts.add("mia@example.org", Role.DANCER, GOOD, "Mia", date(today.year - 14, 1, 1))
    accounts.add("mum@example.org", Role.GUARDIAN, GOOD, "Mia's mother")
    box.classes().link_guardian("mum@example.org", "mia@example.org")
    with LiveServer(folder) as server:
        yield server


def practise_and_stop_for_sharp_pain(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/")
    page.get_by_role("button", name="Start the routine").click()
    page.wait_for_url("**/practice/*")
    page.get_by_role("button", name="No pain").click()
    page.get_by_role("button", name="I'm ready").click()
    # The first hold (10 s at ten times speed) runs, then ends: one hold is logged.
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")
    page.wait_for_function(f"{PLAYER}.kind !== 'hold'", timeout=20_000)
    page.get_by_role("button", name="Stop: something is wrong").click()
    page.get_by_role("button", name="Sharp, pinching or catching pain").click()
    page.get_by_role(
        "heading", name="Sharp, pinching or catching pain: this exercise is over for today"
    ).wait_for()


def test_a_teacher_two_dancers_and_a_guardian_through_their_first_week(
    browser: Browser, studio: LiveServer, tmp_path: Path
) -> None:
    teacher = signed_in(browser, studio, "tamara@example.org", LAPTOP)
    teacher.fill("#class-name", "Grade 4, Thursday")
    teacher.click("text=Make it")
    code = teacher.text_content("p[data-testid=code]") or ""

    ana = signed_in(browser, studio, "ana@example.org", PHONE)
    ana.fill("#code", code)
    ana.click("button:has-text('Join')")
    ana.wait_for_selector("text=You joined Grade 4, Thursday")
    practise_and_stop_for_sharp_pain(ana, studio)
    shoot(ana, tmp_path, "walk-1-ana-stop.png")

    teacher.reload()
    roster = teacher.locator("[data-testid=roster]").inner_text()
    inbox = teacher.locator("[data-testid=inbox]").inner_text()
    assert "Ana" in roster and "not yet" not in roster.split("Ana")[1].split("\n")[0]
    assert "Stopped practice for a warning sign: Sharp, pinching or catching pain" in inbox
    shoot(teacher, tmp_path, "walk-2-teacher-stop-in-inbox.png")

    mia = signed_in(browser, studio, "mia@example.org", SMALL)
    mia.fill("#code", code)
    mia.click("button:has-text('Join')")
    assert "the teachers see nothing until a guardian agrees" in mia.inner_text("main")
    mia.goto(studio.url + "/")
    assert "for your age (14)" in mia.get_by_test_id("waiting-for-consent").inner_text()
    assert no_sideways_scroll(mia)
    shoot(mia, tmp_path, "walk-3-mia-waiting.png")
    teacher.reload()
    row = teacher.locator("[data-testid=roster] tr", has_text="Mia").inner_text()
    assert "not shared" in row

    mum = signed_in(browser, studio, "mum@example.org", SMALL)
    ward = mum.get_by_test_id("ward")
    assert "You have not answered yet" in ward.inner_text()
    ward.get_by_label("Keep the screening answers").check()
    ward.get_by_label("Let the teachers of their classes see").check()
    ward.get_by_role("button", name="Save my answer").click()
    mum.wait_for_selector("text=Your answer is saved")
    share = mum.get_by_test_id("ward").locator("form.share")
    for label in ("Practice done", "Turnout readings", "Safety flags"):
        share.get_by_label(label).check()
    share.get_by_role("button", name="Save").click()
    mum.wait_for_selector("text=Saved: the teachers see what you chose.")
    assert no_sideways_scroll(mum)
    shoot(mum, tmp_path, "walk-4-guardian-consents.png")

    mia.reload()
    assert mia.get_by_test_id("waiting-for-consent").count() == 0
    teacher.reload()
    row = teacher.locator("[data-testid=roster] tr", has_text="Mia").inner_text()
    assert "not shared" not in row and "0 of" in row
    shoot(teacher, tmp_path, "walk-5-teacher-sees-mia.png")
