"""No English reaches a page outside the catalogue: every page is drawn in a pseudo-language
whose every message is the English in ⟦brackets⟧, and any word left outside them is a string
that was never wrapped for translation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel import Locale
from fastapi.testclient import TestClient

from tests.e2e.test_web_classes import PEOPLE, Studio, a_class, join
from tests.fakes import CLOSE, OPEN, FakeClock, PseudoTranslations
from turnout import i18n
from turnout.i18n.catalogues import ORDER

WORD = re.compile(r"[^\W\d_]{3,}")
# Words a page may show untranslated: the product's name, the French ballet terms (the same
# in every language) and what the test's own data says.
ALLOWED = {"turnout", "plié", "demi", "tendu", "relevé", "passé", "retiré", "développé",
           "rond", "jambe", "port", "bras", "barre", "dehors", "dedans", "première",
           "position", "grand", "IADMS"}  # fmt: skip
# Settings names every language in its own name.
ALLOWED |= {word for code in ORDER for word in WORD.findall(i18n.own_name(code))}
# Babel writes dates with the language's own names of months and days (English here).
ALLOWED |= {
    str(name)
    for names in (Locale("en").months, Locale("en").days)
    for width in names.values()
    for kind in width.values()
    for name in kind.values()
}
SHOWN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "content"}


class Shown(HTMLParser):
    """The text a reader sees or hears: text nodes and labelling attributes, not scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []  # labelling attributes, one by one
        self.text: list[str] = []  # the text, in order: a message may hold markup (a link)
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "textarea", "code", "kbd"):  # code: TOML, commands, keys
            self._hidden += 1
        named = dict(attrs)
        for name, value in attrs:
            meta = named.get("name") in ("csrf-token", "viewport", "theme-color")
            if name in SHOWN_ATTRIBUTES and value and not meta:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "textarea", "code", "kbd"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def untranslated(html: str) -> list[str]:
    """The words of `html` that no message of the catalogue put there."""
    shown = Shown()
    shown.feed(html)
    leftover = []
    # The text nodes joined by a character no word holds: a message may span inline markup.
    for part in [*shown.parts, "\x00".join(shown.text)]:
        text, before = part, None
        while before != text:  # a message inside another: take the innermost first
            before, text = text, re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
        leftover += [w for w in WORD.findall(text) if w not in ALLOWED and w.lower() not in ALLOWED]
    return leftover


@pytest.fixture
def pseudo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "translations", lambda language: PseudoTranslations())


def _with_practice(client: TestClient, clock: FakeClock) -> str:
    client.put("/api/profile", json={"age": 30})
    session = client.post("/api/sessions", json={"exercises": [4]}).json()
    assert "id" in session, session
    for _ in range(2):
        client.post(f"/api/sessions/{session['id']}/actions", json={"action": "ready"})
    clock.advance(906)
    client.get(f"/api/sessions/{session['id']}")
    return str(session["id"])


PAGES = ["/", "/routines/classic", "/routines/active", "/history", "/progress", "/profile",
         "/measure", "/mirror", "/settings", "/settings/devices", "/glossary", "/routines/new",
         "/routines/nothing-here"]  # fmt: skip


def test_every_page_says_only_what_the_catalogue_gives_it(
    client: TestClient, clock: FakeClock, pseudo: None
) -> None:
    session = _with_practice(client, clock)
    found = {}
    for path in [*PAGES, f"/practice/{session}"]:
        words = untranslated(client.get(path).text)
        if words:
            found[path] = sorted(set(words))
    assert found == {}, "\n".join(f"{path}: {words}" for path, words in found.items())


def test_the_check_finds_a_word_outside_the_catalogue() -> None:
    html = f"<p>{OPEN}Hold{CLOSE} <b>now</b></p><button aria-label='Close it'>x</button>"
    assert sorted(untranslated(html)) == ["Close", "now"]
    assert untranslated(f"<p title='{OPEN}Rest{CLOSE}'>{OPEN}Go {OPEN}on{CLOSE}{CLOSE}</p>") == []


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    made = Studio(tmp_path)
    yield made
    made.close()


def test_a_studio_s_pages_say_only_what_the_catalogue_gives_them(
    studio: Studio, pseudo: None
) -> None:
    teacher = studio.client("tamara@example.org")
    made = a_class(teacher)
    ana = studio.client("ana@example.org")
    join(ana, made["code"])
    dancer = studio.id_of("ana@example.org")
    # The test's own data: the names and addresses, the class's name, its code, an example.
    data = {w.lower() for email in PEOPLE for w in WORD.findall(email)} | {
        "grade",
        "testclient",
        "abcd",
    }
    found = {}
    for client, path in [
        (teacher, "/account"),
        (teacher, "/classes"),
        (teacher, f"/classes/{made['id']}"),
        (teacher, f"/classes/{made['id']}/dancers/{dancer}"),
        (ana, "/classes"),
        (ana, "/"),
        (studio.client("admin@example.org"), "/account"),
    ]:
        page = client.get(path).text
        code = made["code"]
        words = [w for w in untranslated(page) if w.lower() not in data and w not in code]
        if words:
            found[path] = sorted(set(words))
    assert found == {}, "\n".join(f"{path}: {words}" for path, words in found.items())


def test_the_sign_in_page_says_only_what_the_catalogue_gives_it(
    studio: Studio, pseudo: None
) -> None:
    with TestClient(studio.app, base_url="http://127.0.0.1") as nobody:
        assert untranslated(nobody.get("/signin").text) == []
