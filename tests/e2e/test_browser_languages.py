"""Every page in every language turnout speaks, on a phone: nothing runs off the screen or is
cut short (German and Russian run long), the page says its language, and the player speaks
the routine's own words in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.e2e.browsing import needs_chromium, shoot
from tests.e2e.conftest import LiveServer
from turnout import i18n
from turnout.i18n.catalogues import LANGUAGES

pytestmark = needs_chromium()
PAGES = ["/", "/routines/classic", "/routines/active", "/history", "/progress", "/profile",
         "/measure", "/mirror", "/settings", "/settings/devices", "/glossary",
         "/routines/new"]  # fmt: skip
# What is cut short or runs off the screen: the page scrolling sideways, and any control whose
# text is wider than its box or which reaches past the screen's right edge.
CLIPPED = """() => {
  const width = window.innerWidth;
  const wrong = [];
  if (document.documentElement.scrollWidth > width + 1) wrong.push('the page scrolls sideways');
  for (const el of document.querySelectorAll('button, a.btn, .btn, select, label, h1, h2')) {
    const box = el.getBoundingClientRect();
    if (!box.width || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('[hidden], dialog:not([open]), .sr-only, .skip')) continue;
    const name = `${el.tagName} "${el.textContent.trim().slice(0, 40)}"`;
    if (box.right > width + 1) wrong.push(`${name} ends at ${box.right}`);
    // A control's text wider than its box spills over its border (overflow visible) or is
    // cut (hidden): both are wrong for a button; a heading or a label may scroll on purpose.
    const control = el.matches('button, .btn, select');
    const clips = control || getComputedStyle(el).overflowX !== 'visible';
    if (el.scrollWidth > el.clientWidth + 1 && clips) wrong.push(`${name} is cut short`);
  }
  return wrong;
}"""
RECORD_SPEECH = """
window.__spoken = [];
if (window.speechSynthesis) {
  speechSynthesis.speak = (line) => window.__spoken.push([line.lang, line.text]);
}
"""


def phone_in(browser: Browser, language: str) -> BrowserContext:
    context = browser.new_context(
        bypass_csp=True,
        viewport={"width": 390, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
        locale=i18n.html_lang(language),
    )
    context.add_init_script(RECORD_SPEECH)
    return context


def start_butterfly(page: Page, server: LiveServer) -> None:
    """The butterfly press on its own, started as the page would start it."""
    page.goto(server.url + "/")
    session = page.evaluate(
        "async () => (await api('POST', '/api/sessions', { exercises: [1] })).id"
    )
    page.goto(f"{server.url}/practice/{session}")
    page.wait_for_selector("#step-title")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_fits_a_phone_in_every_language(
    browser: Browser, live_server: LiveServer, language: str, tmp_path: Path
) -> None:
    context = phone_in(browser, language)
    page = context.new_page()
    wrong = {}
    for path in PAGES:
        assert page.goto(live_server.url + path).status == 200  # type: ignore[union-attr]
        assert page.evaluate("document.documentElement.lang") == i18n.html_lang(language)
        found = page.evaluate(CLIPPED)
        if found:
            wrong[path] = found
    start_butterfly(page, live_server)
    found = page.evaluate(CLIPPED)
    if found:
        wrong["player"] = found
    context.close()
    assert wrong == {}


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_today_and_the_player_in_french_and_russian(
    browser: Browser, live_server: LiveServer, language: str, tmp_path: Path
) -> None:
    context = phone_in(browser, language)
    page = context.new_page()
    page.goto(live_server.url + "/")
    with i18n.speaking(language):
        today = i18n.gettext("Today")
        first_cue = i18n.pgettext(
            "routine",
            "Sit on the floor and bring the soles of your feet together. Grow tall through the "
            "spine, keep the neck long and the chin slightly lifted. Press Ready when you are set.",
        )
    assert today != "Today" and page.get_by_role("link", name=today).first.is_visible()
    shoot(page, tmp_path, f"today-{language}.png")
    start_butterfly(page, live_server)
    page.wait_for_function("window.__spoken.length > 0")
    shoot(page, tmp_path, f"player-{language}.png")
    spoken_lang, spoken = page.evaluate("window.__spoken[0]")
    assert spoken_lang == i18n.html_lang(language)
    assert first_cue in spoken and "Sit on the floor" not in spoken
    context.close()


NO_FRENCH_VOICE = """
if (window.speechSynthesis) {
  const english = { lang: 'en-US', name: 'English', voiceURI: 'en', default: true };
  speechSynthesis.getVoices = () => [english];
}
"""


def test_settings_says_when_the_device_has_no_voice_for_the_language(
    browser: Browser, live_server: LiveServer
) -> None:
    context = phone_in(browser, "fr")
    context.add_init_script(NO_FRENCH_VOICE)
    page = context.new_page()
    page.goto(live_server.url + "/settings")
    page.click("#test-voice")
    note = page.get_by_test_id("voice-note")
    note.wait_for()
    with i18n.speaking("fr"):
        start = i18n.gettext(
            "This device has no voice for {language}: the cues will be read by its default "
            "voice, which may speak another language."
        ).split("{language}")[0]
    assert start.strip() and note.inner_text().startswith(start.strip())
    spoken_lang, spoken = page.evaluate("window.__spoken[0]")
    assert spoken_lang == "fr" and "Hold." not in spoken
    context.close()
