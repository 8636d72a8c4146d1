"""A studio's classes in a real Chromium, at phone size: a teacher signs in and makes a class,
a dancer joins with its code on her phone, and the teacher's class page lists her."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, shoot
from tests.e2e.conftest import LiveServer, settings_for
from turnout import bootstrap
from turnout.domain.accounts import Role

pytestmark = needs_chromium()
GOOD = "a long enough pass phrase"
SMALL = {"width": 360, "height": 640}


@pytest.fixture
def studio_server(tmp_path: Path) -> Iterator[LiveServer]:
    folder = tmp_path / "data"
    accounts = bootstrap.build(settings_for(folder)).accounts()
    accounts.init_studio("Studio Nord", "admin@example.org", GOOD, 16)
    accounts.add("tamara@example.org", Role.TEACHER, GOOD, "Tamara")
    accounts.add("ana@example.org", Role.DANCER, GOOD, "Ana")
    with LiveServer(folder) as server:
        yield server


def signed_in(browser: Browser, server: LiveServer, email: str, size: dict[str, int]) -> Page:
    """A new browser context of `size`, signed in as `email`, on /classes. (CSP is bypassed
    only so that a test may wait on the page's state with a script of its own.)"""
    page = browser.new_context(viewport=size, bypass_csp=True).new_page()
    page.goto(f"{server.url}/classes")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", GOOD)
    page.click("button[type=submit]")
    page.wait_for_url("**/classes")
    return page


def no_sideways_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_teacher_makes_a_class_and_a_dancer_joins_it_on_her_phone(
    browser: Browser, studio_server: LiveServer, tmp_path: Path
) -> None:
    teacher = signed_in(browser, studio_server, "tamara@example.org", SMALL)
    teacher.fill("#class-name", "Grade 5, Tuesday")
    teacher.click("text=Make it")
    teacher.wait_for_selector("text=The class is made")
    code = teacher.text_content("p[data-testid=code]") or ""
    assert len(code.replace("-", "")) == 8
    assert no_sideways_scroll(teacher)

    dancer = signed_in(browser, studio_server, "ana@example.org", SMALL)
    dancer.fill("#code", code.lower())
    dancer.click("button:has-text('Join')")
    dancer.wait_for_selector("text=You joined Grade 5, Tuesday")
    assert dancer.is_checked("input[name=practice]")
    assert no_sideways_scroll(dancer)
    shoot(dancer, tmp_path, "classes-dancer-360.png")

    teacher.reload()
    roster = teacher.locator("[data-testid=roster]")
    assert "Ana" in (roster.text_content() or "")
    assert "0 of" in (roster.text_content() or "")
    assert no_sideways_scroll(teacher)
    shoot(teacher, tmp_path, "class-teacher-360.png")


def test_a_wrong_code_says_what_to_do(browser: Browser, studio_server: LiveServer) -> None:
    dancer = signed_in(browser, studio_server, "ana@example.org", SMALL)
    dancer.fill("#code", "WXYZ-2345")
    dancer.click("button:has-text('Join')")
    alert = dancer.locator("[data-testid=form-error]")
    assert "Check it with your teacher" in (alert.text_content() or "")


def test_a_routine_written_in_the_form_editor_is_saved_and_shown(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    page = browser.new_context(viewport=SMALL, bypass_csp=True).new_page()
    page.goto(f"{live_server.url}/routines/new")
    editor = page.get_by_test_id("form-editor")
    editor.get_by_label("Name").first.fill("Grade 4 warm-up")
    seconds = editor.get_by_label("Seconds").nth(0)
    seconds.fill("40")
    page.wait_for_function(
        "document.getElementById('routine-text').value.includes('seconds = 40')"
        " && document.getElementById('form-editor').dataset.synced === 'yes'"
    )
    editor.get_by_role("button", name="Add an exercise").click()
    assert editor.get_by_role("heading", name="Exercise 2").count() == 1
    editor.get_by_role("button", name="Remove").last.click()  # the new exercise goes again
    page.wait_for_function("document.getElementById('form-editor').dataset.synced === 'yes'")
    assert no_sideways_scroll(page)
    shoot(page, tmp_path, "editor-form-360.png")
    page.get_by_role("button", name="Save a new version").click()
    page.get_by_test_id("saved").wait_for()
    assert "Grade 4 warm-up" in page.inner_text("h1")
    assert "40 s" in page.inner_text("main")
