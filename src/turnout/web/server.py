"""Run the web app with uvicorn."""

from __future__ import annotations

import segno
import uvicorn

from turnout.bootstrap import Container
from turnout.services.pairing import LINK_SECONDS
from turnout.web.app import create_app
from turnout.web.deps import Web


def serve(container: Container, host: str, port: int) -> None:
    """Serve the app on host:port until interrupted (Ctrl+C); on a network, print a pairing
    link and its QR code first, for the phone."""
    app = create_app(container, host)
    web: Web = app.state.web
    if web.pairing_required:
        announce_pairing(web, port)
    proxies = trusted_proxies(container.settings.trusted_proxies)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        proxy_headers=proxies is not None,
        forwarded_allow_ips=proxies,
    )


def trusted_proxies(setting: str) -> str | None:
    """The proxies whose forwarded headers are believed; None (nobody's) by default, since a
    browser could otherwise claim to be this computer, or to have come over https."""
    names = ",".join(part.strip() for part in setting.split(",") if part.strip())
    return names or None


def announce_pairing(web: Web, port: int) -> None:
    link = web.pairing.new_link()
    url = f"http://{web.lan_address}:{port}/pair/{link.code}"
    print("turnout is listening on the network: only paired devices can open it.")
    print(f"To pair your phone, scan this code or open {url}")
    minutes = LINK_SECONDS // 60
    print(f"(It works once, for {minutes} minutes; Settings, Devices here gives a new one.)")
    segno.make(url, error="m").terminal(compact=True)
