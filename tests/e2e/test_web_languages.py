"""Which language a page is answered in: the dancer's setting, then this device's cookie, then
the browser's Accept-Language, then English; and the answer is whole in that language (the
page, its scripts' catalogue, an error)."""

from __future__ import annotations

import html
import json
import re

import pytest
from fastapi.testclient import TestClient

from turnout.i18n import pgettext, speaking

LANG = re.compile(r'<html lang="([^"]+)"')


def _lang(client: TestClient, **headers: str) -> str:
    found = LANG.search(client.get("/", headers=headers).text)
    assert found is not None
    return found.group(1)


def test_the_browser_s_language_is_used_when_nothing_else_is_chosen(client: TestClient) -> None:
    assert _lang(client) == "en"
    assert _lang(client, **{"Accept-Language": "fr-CH, fr;q=0.9, en;q=0.8"}) == "fr"
    assert _lang(client, **{"Accept-Language": "pt-BR,pt;q=0.9"}) == "pt-BR"
    assert _lang(client, **{"Accept-Language": "pt-PT"}) == "pt-BR"  # the Portuguese we have
    assert _lang(client, **{"Accept-Language": "ja, ru;q=0.5"}) == "ru"
    assert _lang(client, **{"Accept-Language": "ja"}) == "en"
    assert _lang(client, **{"Accept-Language": ";;q=x,,"}) == "en"  # nonsense: English


def test_the_cookie_beats_the_browser_and_the_setting_beats_both(client: TestClient) -> None:
    client.cookies.set("turnout_lang", "de")
    assert _lang(client, **{"Accept-Language": "fr"}) == "de"
    client.cookies.set("turnout_lang", "xx-nonsense")
    assert _lang(client, **{"Accept-Language": "fr"}) == "fr"
    assert client.put("/api/settings", json={"language": "ru"}).status_code == 200
    assert _lang(client, **{"Accept-Language": "fr"}) == "ru"
    refused = client.put("/api/settings", json={"language": "klingon"})
    assert refused.status_code == 422
    assert client.put("/api/settings", json={"language": ""}).status_code == 200
    assert _lang(client, **{"Accept-Language": "fr"}) == "fr"


@pytest.mark.parametrize("language", ["fr", "es", "de", "it", "pt_BR", "ru"])
def test_a_page_is_in_the_language_with_its_scripts_share(
    client: TestClient, language: str
) -> None:
    client.cookies.set("turnout_lang", language)
    page = client.get("/routines/classic").text
    with speaking(language):
        title = pgettext("routine", "Classic turnout routine")
    assert title != "Classic turnout routine" and title in html.unescape(page)
    found = re.search(r'id="turnout-messages" type="application/json">(.*?)</script>', page)
    assert found is not None
    messages = json.loads(found.group(1))["messages"]
    assert len(messages) > 50 and all(messages.values())


def test_an_error_is_in_the_language_too(client: TestClient) -> None:
    english = client.get("/api/sessions/nothing-here").json()["detail"]
    french = client.get("/api/sessions/nothing-here", headers={"Accept-Language": "fr"})
    assert french.status_code == 404
    assert french.json()["detail"] != english and "nothing-here" in french.json()["detail"]
