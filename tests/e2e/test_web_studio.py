"""A studio's server over HTTP: every page and API call needs a signed-in account, and each
account reaches its own dancer's rows only. A personal log is served as before."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import settings_for
from tests.fakes import FakeClock, cheap_hasher
from turnout import bootstrap
from turnout.bootstrap import Container
from turnout.domain.accounts import Role
from turnout.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

GOOD = "a long enough pass phrase"
PAGE = {"accept": "text/html"}


@pytest.fixture
def studio(tmp_path: Path) -> Container:
    return make_studio(tmp_path)


def make_studio(folder: Path) -> Container:
    """A studio's log with its admin and two dancers, Ana and Ben (all passwords GOOD)."""
    box = bootstrap.build(settings_for(folder), clock=FakeClock())
    box.hasher = cheap_hasher()
    accounts = box.accounts()
    accounts.init_studio("Studio Nord", "admin@example.org", GOOD, 16)
    accounts.add("ana@example.org", Role.DANCER, GOOD, "Ana")
    accounts.add("ben@example.org", Role.DANCER, GOOD, "Ben")
    return box


@pytest.fixture
def browsers(studio: Container) -> Iterator[tuple[TestClient, TestClient]]:
    app = create_app(studio)
    with (
        TestClient(app, base_url="http://127.0.0.1") as one,
        TestClient(app, base_url="http://127.0.0.1") as two,
    ):
        yield one, two


def sign_in(client: TestClient, email: str, password: str = GOOD) -> int:
    return client.post("/api/auth/login", json={"email": email, "password": password}).status_code


def test_a_personal_log_needs_no_sign_in_and_says_it_is_personal(client: TestClient) -> None:
    assert client.get("/api/me").json() == {
        "studio": False, "id": None, "email": None, "name": None, "role": None, "roles": [],
    }  # fmt: skip
    assert client.get("/", headers=PAGE).status_code == 200
    assert client.get("/signin", headers=PAGE, follow_redirects=False).status_code == 303


def test_a_studio_sends_pages_to_the_sign_in_form_and_refuses_the_api(
    browsers: tuple[TestClient, TestClient],
) -> None:
    client, _ = browsers
    page = client.get("/history?days=7", headers=PAGE, follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/signin?next=%2Fhistory%3Fdays%3D7"
    refused = client.get("/api/sessions/current")
    assert refused.status_code == 401 and "Sign in first" in refused.json()["detail"]
    assert client.get("/api/profile").status_code == 401
    assert client.get("/static/app.css").status_code == 200
    form = client.get("/signin", headers=PAGE)
    assert form.status_code == 200 and 'name="password"' in form.text


def test_signing_in_sets_a_private_cookie_and_says_who(
    browsers: tuple[TestClient, TestClient],
) -> None:
    client, _ = browsers
    answer = client.post("/api/auth/login", json={"email": "Ana@Example.org", "password": GOOD})
    assert answer.status_code == 200 and answer.json()["email"] == "ana@example.org"
    cookie = answer.headers["set-cookie"].lower()
    assert "turnout_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    me = client.get("/api/me").json()
    assert (me["studio"], me["role"], me["roles"]) == (True, "dancer", ["dancer"])
    assert client.get("/", headers=PAGE).status_code == 200
    assert "Account" in client.get("/", headers=PAGE).text


def test_a_wrong_password_is_a_401_and_many_are_a_429_with_retry_after(
    browsers: tuple[TestClient, TestClient],
) -> None:
    client, _ = browsers
    assert [sign_in(client, "ana@example.org", "wrong guess here") for _ in range(3)] == [401] * 3
    waiting = client.post("/api/auth/login", json={"email": "ana@example.org", "password": GOOD})
    assert waiting.status_code == 429 and waiting.headers["retry-after"] == "1"


def test_each_dancer_reaches_only_their_own_log(browsers: tuple[TestClient, TestClient]) -> None:
    ana, ben = browsers
    assert sign_in(ana, "ana@example.org") == 200 and sign_in(ben, "ben@example.org") == 200
    assert ana.put("/api/profile", json={"age": 30}).status_code == 200
    started = ana.post("/api/sessions", json={"routine": "classic"})
    assert started.status_code == 201
    session_id = started.json()["id"]
    assert ben.get("/api/profile").status_code == 404
    assert ben.get(f"/api/sessions/{session_id}").status_code == 404
    assert ben.get("/api/sessions/current").status_code == 404
    assert (
        ben.post(f"/api/sessions/{session_id}/actions", json={"action": "pause"}).status_code == 404
    )
    assert ben.get("/api/history").json()["days"] == []
    ben_started = ben.post("/api/sessions", json={"routine": "classic"})
    assert ben_started.status_code == 201  # Ana's session does not stop Ben starting his
    assert ana.get("/api/sessions/current").json()["id"] == session_id
    assert ana.get("/api/profile").json()["age"] == 30


def test_signing_out_ends_the_cookies_use(browsers: tuple[TestClient, TestClient]) -> None:
    client, _ = browsers
    sign_in(client, "ana@example.org")
    kept = dict(client.cookies)
    assert client.post("/api/auth/logout").status_code == 204
    client.cookies.update(kept)  # a copy of the old cookie, replayed
    assert client.get("/api/profile").status_code == 401


def test_an_account_lists_and_revokes_only_its_own_browsers(
    browsers: tuple[TestClient, TestClient],
) -> None:
    ana, ben = browsers
    sign_in(ana, "ana@example.org")
    sign_in(ben, "ben@example.org")
    bens = ben.get("/api/me/sessions").json()
    assert len(bens) == 1 and bens[0]["this_one"] is True
    assert ana.delete(f"/api/me/sessions/{bens[0]['id']}").status_code == 404
    assert ben.get("/api/me").json()["email"] == "ben@example.org"


def test_another_site_cannot_sign_a_browser_in(browsers: tuple[TestClient, TestClient]) -> None:
    client, _ = browsers
    forged = client.post(
        "/api/auth/login",
        json={"email": "ana@example.org", "password": GOOD},
        headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
    )
    assert forged.status_code == 403 and "turnout_session" not in forged.headers.get(
        "set-cookie", ""
    )


def test_the_sign_in_form_goes_back_to_the_page_asked_for_but_never_off_site(
    browsers: tuple[TestClient, TestClient],
) -> None:
    client, _ = browsers
    token = client.get("/signin", headers=PAGE).cookies.get("turnout_csrf") or ""
    form = {"email": "ana@example.org", "password": GOOD, "csrf_token": token}
    for asked, lands in (("/history", "/history"), ("//evil.example/x", "/"), ("https://e.x", "/")):
        answer = client.post("/signin", data={**form, "next": asked}, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == lands
    wrong = client.post("/signin", data={**form, "password": "wrong guess here"})
    assert wrong.status_code == 401 and "do not match" in wrong.text


def test_a_reset_link_sets_a_new_password_from_its_page(
    studio: Container, browsers: tuple[TestClient, TestClient]
) -> None:
    client, _ = browsers
    secret = studio.accounts().reset_link("ana@example.org")
    page = client.get(f"/reset/{secret}", headers=PAGE)
    assert page.status_code == 200 and "New password" in page.text
    token = page.cookies.get("turnout_csrf") or client.cookies.get("turnout_csrf") or ""
    short = client.post(f"/reset/{secret}", data={"password": "short", "csrf_token": token})
    assert short.status_code == 422 and "too short" in short.text
    done = client.post(
        f"/reset/{secret}", data={"password": "a brand new phrase", "csrf_token": token}
    )
    assert done.status_code == 200 and "new password is set" in done.text
    assert sign_in(client, "ana@example.org", "a brand new phrase") == 200
    again = client.post(
        f"/reset/{secret}", data={"password": "yet another phrase", "csrf_token": token}
    )
    assert again.status_code == 404


def test_the_admin_sees_every_sign_in_and_failure_and_a_dancer_does_not(
    browsers: tuple[TestClient, TestClient],
) -> None:
    admin, dancer = browsers
    assert sign_in(dancer, "ana@example.org", "not her password") == 401
    assert sign_in(dancer, "ana@example.org") == 200
    assert sign_in(admin, "admin@example.org") == 200
    record = admin.get("/api/admin/sign-ins").json()
    assert [(r["email"], r["outcome"]) for r in record[:3]] == [
        ("admin@example.org", "signed_in"),
        ("ana@example.org", "signed_in"),
        ("ana@example.org", "wrong"),
    ]
    assert all(r["address"] == "testclient" for r in record[:3])
    assert {a["email"] for a in admin.get("/api/admin/accounts").json()} >= {"ana@example.org"}
    page = admin.get("/account", headers=PAGE).text
    assert "wrong email or password" in page and 'data-testid="people"' in page
    assert dancer.get("/api/admin/sign-ins").status_code == 403
    assert dancer.get("/api/admin/accounts").status_code == 403
    assert 'data-testid="sign-ins"' not in dancer.get("/account", headers=PAGE).text


def test_on_a_studio_each_account_has_its_own_settings_and_only_the_admin_the_devices(
    browsers: tuple[TestClient, TestClient], studio: Container
) -> None:
    admin, dancer = browsers
    sign_in(admin, "admin@example.org")
    sign_in(dancer, "ana@example.org")
    assert dancer.put("/api/settings", json={"voice": False, "get_ready_seconds": 9}).is_success
    assert dancer.get("/api/settings").json()["voice"] is False
    assert admin.get("/api/settings").json()["voice"] is True  # the admin's own, untouched
    assert (studio.settings.data_dir / "preferences").is_dir()
    # Her get-ready countdown is hers: her session waits 9 s, the admin's the default 5 s.
    hers = dancer.post("/api/sessions", json={"exercises": [1]}).json()
    dancer.post(f"/api/sessions/{hers['id']}/actions", json={"action": "ready", "position": 0})
    now = dancer.get(f"/api/sessions/{hers['id']}").json()
    assert (now["phase"], now["duration"]) == ("get_ready", 9)
    assert dancer.get("/api/devices").status_code == 403
    assert admin.get("/api/devices").status_code == 200
