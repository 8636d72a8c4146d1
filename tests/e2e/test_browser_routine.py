"""The Routine page, the profile's self-check and the mirror's waiting state in Chromium, at
phone and desktop size, with the page's real CSP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browsing import needs_chromium, shoot
from tests.e2e.conftest import LiveServer

pytestmark = needs_chromium()
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}


@pytest.fixture(params=sorted(SIZES))
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    opened = context.new_page()
    opened.size_name = request.param  # type: ignore[attr-defined]
    yield opened
    context.close()


def loaded_figures(page: Page, selector: str) -> list[int]:
    script = "els => els.map(e => e.complete ? e.naturalWidth : 0)"
    widths: list[int] = page.eval_on_selector_all(selector, script)
    return widths


def fits_the_width(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("key", ["classic", "active"])
def test_the_routine_page_is_cards_with_drawings_and_folded_steps(
    live_server: LiveServer, page: Page, tmp_path: Path, key: str
) -> None:
    page.goto(f"{live_server.url}/routines/{key}")
    cards = page.get_by_test_id("exercise-card")
    assert cards.count() == (5 if key == "classic" else 7)
    assert all(width > 0 for width in loaded_figures(page, ".exercise-figure"))
    assert page.locator("details[open]").count() == 0 and fits_the_width(page)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < (4600 if key == "classic" else 5400)  # it was 5,874 px of text at phone size
    box = page.locator(".exercise-figure").first.bounding_box()
    assert box is not None and box["width"] >= 140
    assert page.get_by_test_id("other-routine").locator("a").count() == 1
    shoot(page, tmp_path, f"routine-{key}-{page.size_name}.png")  # type: ignore[attr-defined]


def test_practise_this_exercise_starts_just_that_exercise(
    live_server: LiveServer, page: Page
) -> None:
    page.goto(f"{live_server.url}/routines/classic")
    page.get_by_role("button", name="Practise Supine straddle with a partner").click()
    page.wait_for_url("**/practice/*")
    session = page.request.get(f"{live_server.url}/api/sessions/{page.url.rsplit('/', 1)[1]}")
    view = session.json()
    assert view["exercise"]["number"] == 2 and view["progress"]["holds_planned"] == 6


def test_the_self_check_shows_nine_drawings_and_checkboxes_keep_their_size_when_labels_wrap(
    live_server: LiveServer, page: Page, tmp_path: Path
) -> None:
    page.goto(f"{live_server.url}/profile")
    assert len([w for w in loaded_figures(page, ".beighton-figure") if w > 0]) == 9
    sizes = page.eval_on_selector_all(
        "input[type=checkbox]", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert len(sizes) >= 15 and min(sizes) >= 22 and fits_the_width(page)
    page.locator(".beighton").scroll_into_view_if_needed()
    shoot(page, tmp_path, f"profile-{page.size_name}.png")  # type: ignore[attr-defined]
    page.goto(f"{live_server.url}/settings")
    boxes = page.eval_on_selector_all(
        "input[type=checkbox]", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert len(boxes) >= 4 and min(boxes) >= 22


def test_the_mirror_waits_in_words_not_with_a_dash(
    live_server: LiveServer, page: Page, tmp_path: Path
) -> None:
    page.goto(f"{live_server.url}/mirror")
    assert page.locator("#live-angle").inner_text() == "No angle yet"
    assert page.locator("#live-angle-unit").is_hidden()
    # One paragraph: the bold words run on the first line, not on a line of their own.
    gap = page.eval_on_selector(
        "#placeholder span",
        "e => e.querySelector('strong').getBoundingClientRect().top"
        " - e.getBoundingClientRect().top",
    )
    assert abs(gap) < 4
    shoot(page, tmp_path, f"mirror-{page.size_name}.png")  # type: ignore[attr-defined]
