"""Fixtures for the web tests: an app on a temporary SQLite log, and a real server."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser

from tests.e2e.browsing import chromium
from tests.fakes import FakeClock
from turnout import bootstrap
from turnout.bootstrap import Container
from turnout.config import Settings
from turnout.web.app import create_app

with warnings.catch_warnings():
    # Starlette nags about httpx on import; the test client works, and the nag is not ours.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


# Browser tests run the practice clock this many times faster than real time.
TIME_SCALE = 10.0


def settings_for(folder: Path, **more: object) -> Settings:
    return Settings(data_dir=folder, database_url=f"sqlite:///{folder}/t.db", **more)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def container(tmp_path: Path, clock: FakeClock) -> Container:
    return bootstrap.build(settings_for(tmp_path), clock=clock)


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container), base_url="http://127.0.0.1") as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class LiveServer:
    """uvicorn in a thread, on a free port, with a practice clock running TIME_SCALE times fast."""

    def __init__(self, folder: Path, settings: Settings | None = None) -> None:
        self.container = bootstrap.build(settings or settings_for(folder, time_scale=TIME_SCALE))
        self.port = free_port()
        config = uvicorn.Config(
            create_app(self.container), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    with LiveServer(tmp_path / "data") as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; a module that needs other flags defines its own."""
    with chromium() as launched:
        yield launched
