"""A studio's server behind a TLS-terminating reverse proxy on the same machine: with the
proxy trusted (TURNOUT_TRUSTED_PROXIES), the pages' origin is https and their writes pass;
without it, forwarded headers are not believed, and a browser's https origin is refused."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import uvicorn

from tests.e2e.conftest import free_port, settings_for
from turnout import bootstrap
from turnout.web.app import create_app
from turnout.web.server import trusted_proxies


@contextmanager
def served(folder: Path, trusted: str) -> Iterator[str]:
    container = bootstrap.build(settings_for(folder, trusted_proxies=trusted))
    port = free_port()
    proxies = trusted_proxies(container.settings.trusted_proxies)
    config = uvicorn.Config(
        create_app(container), host="127.0.0.1", port=port, log_level="warning",
        proxy_headers=proxies is not None, forwarded_allow_ips=proxies,
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def as_the_proxy_sends_it(url: str) -> httpx.Response:
    """A page's write, as nginx passes it on after ending TLS for studio.example."""
    headers = {
        "host": "127.0.0.1",
        "origin": "https://127.0.0.1",
        "x-forwarded-proto": "https",
        "x-forwarded-for": "203.0.113.9",
    }
    return httpx.put(f"{url}/api/settings", json={"voice": False}, headers=headers)


def test_a_trusted_proxy_makes_the_origin_https(tmp_path: Path) -> None:
    with served(tmp_path, "127.0.0.1") as url:
        assert as_the_proxy_sends_it(url).status_code == 200


def test_forwarded_headers_are_not_believed_from_anyone_by_default(tmp_path: Path) -> None:
    assert trusted_proxies(" , ") is None and trusted_proxies("127.0.0.1, ::1") == "127.0.0.1,::1"
    with served(tmp_path, "") as url:
        refused = as_the_proxy_sends_it(url)
        assert refused.status_code == 403 and "another web page" in refused.json()["detail"]
