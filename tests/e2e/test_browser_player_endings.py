"""A real Chromium on a fast clock: honest endings and a Stop that works without a network.

A warning sign ends in advice, not praise, and nothing but the advice is spoken; holds left
out are never "done"; Pause and Stop act at once with the network down and reach the coach,
once each, when it is back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from tests.e2e.browsing import needs_chromium, shoot
from tests.e2e.conftest import LiveServer

pytestmark = needs_chromium()
PLAYER = "document.getElementById('player').dataset"
REMAINING = "Number(document.getElementById('count').dataset.remaining)"
RECORD_SPEECH = """
window.__spoken = [];
window.__cancels = 0;
if (window.speechSynthesis) {
  speechSynthesis.speak = (line) => window.__spoken.push(line.text);
  speechSynthesis.cancel = () => { window.__cancels += 1; };
}
"""
SHARP_PAIN_ADVICE = "Sharp, pinching or catching pain is the body's signal"


def phone_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(
        bypass_csp=True,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    context.add_init_script(RECORD_SPEECH)
    return context


def open_player(context: BrowserContext, server: LiveServer, **body: Any) -> Page:
    page = context.new_page()
    page.goto(server.url + "/settings")
    session = page.evaluate("(body) => api('POST', '/api/sessions', body)", body)
    page.goto(f"{server.url}/practice/{session['id']}")
    page.wait_for_function(f"{PLAYER}.phase === 'waiting'")
    return page


def server_session(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(
        "async () => (await fetch(location.pathname.replace('/practice/', '/api/sessions/')))"
        ".json()"
    )
    return found


def test_a_warning_sign_ends_in_advice_alone_never_in_praise(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    context = phone_context(browser)
    page = open_player(context, live_server, exercises=[3])
    page.get_by_role("button", name="I'm ready").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")
    page.get_by_role("button", name="Stop: something is wrong").tap()
    page.get_by_role("heading", name="What happened?").wait_for()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'")
    shoot(page, tmp_path, "player-phone-stop-dialog.png")
    before = page.evaluate("window.__spoken.length")
    page.get_by_role("button", name="Sharp, pinching or catching pain").tap()
    page.get_by_role(
        "heading", name="Sharp, pinching or catching pain: this exercise is over for today"
    ).wait_for()
    shoot(page, tmp_path, "player-phone-stop-advice.png")
    page.wait_for_function(f"{PLAYER}.phase === 'finished'")
    page.wait_for_timeout(1500)  # several polls: any cue of the steps left out would be said
    spoken = page.evaluate("window.__spoken")[before:]
    assert len(spoken) == 1 and spoken[0].startswith(SHARP_PAIN_ADVICE), spoken
    assert page.evaluate("window.__cancels") >= 1  # whatever was queued gave way at once
    page.get_by_role("button", name="OK").tap()
    assert page.locator("#finished-title").inner_text() == "Stopped for a warning sign"
    assert "Well done" not in page.locator("#player").inner_text()
    assert page.locator("#rep").is_hidden() and page.locator("#side").is_hidden()
    assert page.locator("#sum-done").inner_text() == "0 of 10"
    assert page.locator("#sum-cut").inner_text() == "1"
    assert page.locator("#sum-skipped").inner_text() == "9"
    shoot(page, tmp_path, "player-phone-summary-warning.png")
    context.close()


def test_holds_skipped_are_counted_as_skipped_and_earn_no_praise(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    context = phone_context(browser)
    page = open_player(context, live_server, exercises=[1])
    page.get_by_role("button", name="I'm ready").tap()
    while page.evaluate(f"{PLAYER}.phase") != "finished":
        page.wait_for_function("!document.querySelector('[data-action=skip]').disabled")
        page.keyboard.press("n")
        page.wait_for_timeout(60)
    assert page.locator("#finished-title").inner_text() == "Session over"
    assert page.locator("#sum-done").inner_text() == "0 of 9"
    assert (
        int(page.locator("#sum-cut").inner_text()) + int(page.locator("#sum-skipped").inner_text())
        == 9
    )
    assert "Well done" not in page.locator("#player").inner_text()
    progress = server_session(page)["progress"]
    assert (
        progress["holds_done"] == 0 and progress["holds_skipped"] + progress["holds_cut_short"] == 9
    )
    shoot(page, tmp_path, "player-phone-summary-skipped.png")
    context.close()


def test_pause_and_stop_work_with_the_network_down_and_reach_the_coach_once_it_is_back(
    browser: Browser, live_server: LiveServer, tmp_path: Path
) -> None:
    context = phone_context(browser)
    page = open_player(context, live_server, exercises=[3])
    page.get_by_role("button", name="I'm ready").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")
    context.set_offline(True)
    page.get_by_role("button", name="Pause").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'", timeout=2000)
    frozen = page.evaluate(REMAINING)
    page.wait_for_timeout(500)
    assert page.evaluate(REMAINING) == frozen
    shoot(page, tmp_path, "player-phone-paused-offline.png")
    page.get_by_role("button", name="Stop: something is wrong").tap()
    page.get_by_role("button", name="Numbness or tingling").tap()
    page.get_by_role(
        "heading", name="Numbness or tingling: this exercise is over for today"
    ).wait_for(timeout=2000)
    assert page.get_by_text("Saved on this device").is_visible()
    assert page.evaluate("window.__spoken").pop().startswith("Numbness or tingling means")
    shoot(page, tmp_path, "player-phone-stop-offline.png")
    assert page.evaluate("fetch('/api/sessions/current').then(() => 1, () => 0)") == 0
    assert stops_logged(live_server) == []

    context.set_offline(False)
    page.wait_for_function(f"{PLAYER}.phase === 'finished'", timeout=15_000)
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.includes('outbox'))") == []
    session = server_session(page)
    assert session["ended_because"] == "warning_sign"
    assert session["progress"]["holds_cut_short"] == 1
    page.wait_for_timeout(1000)  # more polls: nothing is sent twice
    assert stops_logged(live_server) == ["numbness"]
    context.close()


def test_a_pause_pressed_offline_counts_from_when_it_was_pressed_not_when_it_arrived(
    browser: Browser, live_server: LiveServer
) -> None:
    context = phone_context(browser)
    page = open_player(context, live_server, exercises=[3])
    page.get_by_role("button", name="I'm ready").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")
    context.set_offline(True)
    page.get_by_role("button", name="Pause").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'paused'", timeout=2000)
    frozen = page.evaluate(REMAINING)
    page.wait_for_timeout(1500)  # 15 s of the test's fast clock go by on the server
    context.set_offline(False)
    page.wait_for_function(
        "() => !localStorage.getItem(Object.keys(localStorage)"
        ".find((k) => k.includes('outbox')) || '')",
        timeout=10_000,
    )
    session = server_session(page)
    assert session["phase"] == "paused"
    # The coach paused the hold where the page did, within the page's half-second of reaction.
    assert abs(session["remaining"] - frozen) < 1.0, (session["remaining"], frozen)
    page.wait_for_timeout(500)
    assert abs(page.evaluate(REMAINING) - frozen) < 1.0
    context.close()


def stops_logged(server: LiveServer) -> list[str]:
    with server.container.uow() as uow:
        return [stop.reason.value for stop in uow.safety.stops()]


def test_a_stop_sent_again_after_its_exercise_ended_is_refused_and_ends_nothing_more(
    browser: Browser, live_server: LiveServer
) -> None:
    context = phone_context(browser)
    page = open_player(context, live_server, exercises=[1, 3])
    page.get_by_role("button", name="I'm ready").tap()
    page.wait_for_function(f"{PLAYER}.phase === 'running' && {PLAYER}.kind === 'hold'")
    send = """(position) => api('POST', location.pathname.replace('/practice/', '/api/sessions/')
        + '/stop', { reason: 'giving_way', position }).then((a) => a.session, (e) => e.status)"""
    first = page.evaluate(send, 1)
    assert first["step"]["exercise_number"] == 3 and first["phase"] == "waiting"
    assert page.evaluate(send, 1) == 409  # a replay: the butterfly is over already
    after = server_session(page)
    assert after["step"]["exercise_number"] == 3 and after["phase"] == "waiting"
    assert stops_logged(live_server) == ["giving_way"]
    context.close()
