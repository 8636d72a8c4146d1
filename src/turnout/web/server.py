"""Run the web app with uvicorn: one process, or on a studio's PostgreSQL several (each
answers for any session: services/live.py)."""

from __future__ import annotations

import os
import time
from typing import Any

import segno
import uvicorn
from fastapi import FastAPI

from turnout import bootstrap
from turnout.bootstrap import Container
from turnout.errors import UsageError
from turnout.i18n import N_, _, ngettext
from turnout.services.pairing import LINK_SECONDS
from turnout.web.app import create_app
from turnout.web.deps import Web

SEVERAL_NEED_POSTGRES = N_(
    "Several web processes need a studio's PostgreSQL log (TURNOUT_DATABASE_URL); a SQLite "
    "log is served by one process. Leave out --workers."
)


def serve(container: Container, host: str, port: int, workers: int = 1) -> None:
    """Serve the app on host:port until interrupted (Ctrl+C); on a network, print a pairing
    link and its QR code first, for the phone. `workers` processes share a studio's log."""
    if workers > 1:
        serve_several(container, host, port, workers)
        return
    app = create_app(container, host)
    web: Web = app.state.web
    if web.pairing_required:
        announce_pairing(web, port)
    uvicorn.run(app, host=host, port=port, **_options(container))


def serve_several(container: Container, host: str, port: int, workers: int) -> None:
    """uvicorn's processes, each building the app from the environment (app_from_environment)."""
    settings = container.settings
    if not container.shared_log:
        raise UsageError(_(SEVERAL_NEED_POSTGRES))
    if settings.time_scale != 1 and settings.clock_origin is None:
        # A faster clock must be the same in every process, or their deadlines would differ.
        os.environ["TURNOUT_CLOCK_ORIGIN"] = repr(time.time())
    os.environ["TURNOUT_HOST"] = host
    uvicorn.run(
        "turnout.web.server:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        **_options(container),
    )


def _options(container: Container) -> dict[str, Any]:
    proxies = trusted_proxies(container.settings.trusted_proxies)
    return {
        "log_level": "info",
        "server_header": False,
        "proxy_headers": proxies is not None,
        "forwarded_allow_ips": proxies,
    }


def app_from_environment() -> FastAPI:
    """The app of one of several web processes, from the settings in the environment."""
    container = bootstrap.build()
    return create_app(container, container.settings.host)


def trusted_proxies(setting: str) -> str | None:
    """The proxies whose forwarded headers are believed; None (nobody's) by default, since a
    browser could otherwise claim to be this computer, or to have come over https."""
    names = ",".join(part.strip() for part in setting.split(",") if part.strip())
    return names or None


def announce_pairing(web: Web, port: int) -> None:
    link = web.pairing.new_link()
    url = f"http://{web.lan_address}:{port}/pair/{link.code}"
    print(_("turnout is listening on the network: only paired devices can open it."))
    print(_("To pair your phone, scan this code or open {url}").format(url=url))
    minutes = LINK_SECONDS // 60
    # Translators: {count} is a number of minutes.
    works = ngettext(
        "(It works once, for {count} minute; Settings, Devices here gives a new one.)",
        "(It works once, for {count} minutes; Settings, Devices here gives a new one.)",
        minutes,
    )
    print(works.format(count=minutes))
    segno.make(url, error="m").terminal(compact=True)
