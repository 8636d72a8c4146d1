"""On a network, only paired devices reach the log; on this computer nothing changes (item 3)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.e2e.forms import with_token
from turnout.bootstrap import Container
from turnout.web.app import create_app

LAN = "http://192.168.1.20:8000"


@pytest.fixture
def app(container: Container) -> FastAPI:
    return create_app(container, host="192.168.1.20")


@pytest.fixture
def laptop(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 40000)) as client:
        yield client


@pytest.fixture
def phone(app: FastAPI, laptop: TestClient) -> TestClient:
    # The same app, reached over the network from another address.
    return TestClient(app, base_url=LAN, client=("192.168.1.31", 50000))


def pairing_link(laptop: TestClient) -> str:
    page = laptop.get("/settings/devices")
    assert page.status_code == 200, page.text
    found = re.search(r'<code class="pair-link">([^<]+)</code>', page.text)
    assert found is not None and "<svg" in page.text  # the link and its QR code
    return found.group(1)


@pytest.mark.parametrize("path", ["/api/profile", "/api/export/csv", "/api/measurements"])
def test_an_unpaired_device_reads_nothing(phone: TestClient, path: str) -> None:
    response = phone.get(path)
    assert response.status_code == 401 and "not paired" in response.json()["detail"]


def test_an_unpaired_device_cannot_write_the_profile(phone: TestClient, laptop: TestClient) -> None:
    assert phone.put("/api/profile", json={"age": 9}).status_code == 401
    assert laptop.get("/api/profile").status_code == 404


def test_an_unpaired_page_says_where_the_code_is(phone: TestClient) -> None:
    page = phone.get("/", headers={"accept": "text/html"})
    assert page.status_code == 401 and "Settings, then Devices" in page.text
    assert phone.get("/static/app.css").status_code == 200


def test_this_computer_needs_no_pairing(laptop: TestClient) -> None:
    assert laptop.get("/").status_code == 200
    assert laptop.put("/api/profile", json={"age": 30}).status_code == 200


def test_a_paired_phone_is_served_until_it_is_revoked(
    phone: TestClient, laptop: TestClient
) -> None:
    link = pairing_link(laptop)
    assert link.startswith(LAN + "/pair/")
    paired = phone.get(
        link.removeprefix(LAN),
        headers={"user-agent": "Mozilla/5.0 (Linux; Android 14) Chrome/131.0"},
    )
    assert paired.status_code == 200 and "This device is paired" in paired.text
    assert (
        "HttpOnly" in paired.headers["set-cookie"]
        and "SameSite=strict" in paired.headers["set-cookie"]
    )
    assert phone.get("/api/profile").status_code == 404  # served: there is no profile yet
    (device,) = laptop.get("/api/devices").json()
    assert device["name"] == "Android device, Chrome"
    revoke = laptop.post(f"/settings/devices/{device['id']}/revoke", data=with_token(laptop, {}))
    assert revoke.status_code == 200 and "No device is paired" in revoke.text
    assert phone.get("/api/profile").status_code == 401


def test_a_pairing_link_works_once(phone: TestClient, laptop: TestClient, app: FastAPI) -> None:
    path = pairing_link(laptop).removeprefix(LAN)
    assert phone.get(path).status_code == 200
    other = TestClient(app, base_url=LAN, client=("192.168.1.32", 50000))
    again = other.get(path)
    assert again.status_code == 404 and "already used" in again.text
    assert other.get("/api/profile").status_code == 401


def test_only_this_computer_is_shown_pairing_links(phone: TestClient, laptop: TestClient) -> None:
    phone.get(pairing_link(laptop).removeprefix(LAN))
    page = phone.get("/settings/devices")
    assert page.status_code == 200 and 'class="pair-link"' not in page.text


def test_an_invented_device_cookie_is_refused(phone: TestClient) -> None:
    phone.cookies.set("turnout_device", "x" * 43)
    assert phone.get("/api/profile").status_code == 401


def test_the_loopback_server_asks_for_no_pairing(client: TestClient) -> None:
    page = client.get("/settings/devices")
    assert "listening on this computer only" in page.text


def test_a_monitor_on_the_network_reaches_only_the_health_checks(phone: TestClient) -> None:
    assert phone.get("/healthz").status_code == 200
    assert phone.get("/readyz").json() == {"status": "ok"}
    assert phone.get("/api/history").status_code == 401  # an unpaired device, as before
