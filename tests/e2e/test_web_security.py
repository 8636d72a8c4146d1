"""Other web pages and other names cannot read or change the log (issue 9, items 4, 5, 7, 8, 9)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from tests.e2e.forms import form_token, with_token
from turnout.bootstrap import Container
from turnout.web.app import create_app

EVIL = {"origin": "https://evil.example"}
PROFILE = {"age": 30, "hip_conditions": []}


@pytest.fixture
def saved(client: TestClient) -> TestClient:
    assert client.put("/api/profile", json=PROFILE).status_code == 200
    return client


def profile(client: TestClient) -> object:
    return client.get("/api/profile").json()


def test_a_foreign_page_cannot_post_the_profile_form(saved: TestClient) -> None:
    before = profile(saved)
    form = with_token(saved, {"age": "12", "hip_conditions": "dysplasia"})
    response = saved.post("/profile", data=form, headers=EVIL)
    assert response.status_code == 403 and "another web page" in response.json()["detail"]
    assert profile(saved) == before


@pytest.mark.parametrize(
    "headers",
    [
        EVIL,
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"referer": "https://evil.example/page"},
        {"origin": "null"},
    ],
)
def test_a_foreign_page_cannot_rewrite_the_profile_through_the_api(
    saved: TestClient, headers: dict[str, str]
) -> None:
    before = profile(saved)
    response = saved.put("/api/profile", json={"age": 12}, headers=headers)
    assert response.status_code == 403
    assert profile(saved) == before


def test_a_foreign_page_cannot_add_a_reading_by_form_or_upload(client: TestClient) -> None:
    form = with_token(client, {"method": "goniometer", "side": "left", "trial1": "60"})
    assert client.post("/progress", data=form, headers=EVIL).status_code == 403
    files = {"file": ("me.jpg", b"\xff\xd8\xff", "image/jpeg")}
    upload = client.post(
        "/api/measure?record=1", files=files, data={"record": "true"}, headers=EVIL
    )
    assert upload.status_code == 403
    assert client.get("/api/measurements").json() == []


def test_a_form_without_this_devices_token_changes_nothing(saved: TestClient) -> None:
    before = profile(saved)
    assert saved.post("/profile", data={"age": "12"}).status_code == 403
    wrong = {"age": "12", "csrf_token": "x" * 32}
    assert saved.post("/profile", data=wrong).status_code == 403
    plain = saved.post(
        "/api/profile", content=b'{"age": 12}', headers={"content-type": "text/plain"}
    )
    assert plain.status_code == 403
    assert profile(saved) == before


def test_our_own_pages_pass_with_their_origin_or_their_token(saved: TestClient) -> None:
    own = {"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}
    assert saved.put("/api/profile", json={"age": 31}, headers=own).status_code == 200
    # Over the network, with Referrer-Policy: no-referrer, a browser sends "Origin: null" and no
    # Sec-Fetch-Site: the page's script adds the token.
    null = {"origin": "null", "x-csrf-token": form_token(saved)}
    assert saved.put("/api/profile", json={"age": 32}, headers=null).status_code == 200
    assert saved.get("/api/profile").json()["age"] == 32


def test_every_page_carries_the_token_its_forms_need(client: TestClient) -> None:
    page = client.get("/profile")
    token = client.cookies["turnout_csrf"]
    assert f'name="csrf_token" value="{token}"' in page.text
    assert f'<meta name="csrf-token" content="{token}">' in page.text
    cookie = page.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "set-cookie" not in client.get("/profile").headers  # set once per device


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_another_host_name_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/api/profile", headers={"host": host})
    assert response.status_code == 400 and "TURNOUT_ALLOWED_HOSTS" in response.json()["detail"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_the_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"host": host}).status_code == 200


def test_an_allowed_extra_name_is_served(container: Container) -> None:
    container.settings.allowed_hosts = "turnout.home.arpa"
    with TestClient(create_app(container), base_url="http://turnout.home.arpa") as client:
        assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        ("ws://127.0.0.1/api/mirror/ws", EVIL),
        ("ws://127.0.0.1/api/mirror/ws", {}),
        ("ws://evil.example/api/mirror/ws", {"origin": "http://evil.example"}),
    ],
)
def test_a_foreign_page_cannot_open_a_live_mirror(
    client: TestClient, url: str, headers: dict[str, str]
) -> None:
    with (
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect(url, headers=headers),
    ):
        pass
    assert refused.value.code == 1008


@pytest.mark.parametrize("path", ["/", "/api/profile", "/static/app.css", "/no/such/page"])
def test_every_answer_has_the_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert headers["permissions-policy"].startswith("camera=(self)")
    assert headers["x-frame-options"] == "DENY"


def test_the_api_is_never_cached(saved: TestClient) -> None:
    assert saved.get("/api/profile").headers["cache-control"] == "no-store"


def test_a_json_body_over_one_megabyte_is_refused_with_its_limit(client: TestClient) -> None:
    huge = b'{"age": 30, "note": "' + b"x" * (1024 * 1024) + b'"}'
    response = client.put(
        "/api/profile", content=huge, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413 and "1 MB" in response.json()["detail"]


def test_a_streamed_body_over_the_limit_is_cut_off(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"age": 30, "note": "'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"}'

    headers = {"content-type": "application/json"}
    response = client.put("/api/profile", content=chunks(), headers=headers)
    assert response.status_code == 413 and "1 MB" in response.json()["detail"]
    assert client.get("/api/profile").status_code == 404
