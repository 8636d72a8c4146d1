"""Which Host names the server answers to, and the middleware that refuses any other.

A page on another site can make the browser talk to 127.0.0.1 under its own name (DNS
rebinding); answering only our own names stops it. Starlette's TrustedHostMiddleware would do,
but it splits IPv6 literals such as `[::1]:8000` at the first colon and answers in plain text,
so this small check of our own takes its place.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from turnout.i18n import _
from turnout.web.security.answers import refuse
from turnout.web.security.scope import header as scope_header

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})


def is_loopback(host: str) -> bool:
    """True for a bind address or client address that only this machine can reach."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without its port: `[::1]:8000` gives `::1`."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def machine_names() -> set[str]:
    """This machine's own names and addresses, as a phone on the same network would use them."""
    names = {socket.gethostname().lower(), socket.getfqdn().lower()}
    names |= {f"{name.split('.')[0]}.local" for name in set(names) if name}
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            names.add(str(info[4][0]).lower())
    except OSError:
        pass
    names.update(_route_addresses())
    return {name for name in names if name}


def _route_addresses() -> set[str]:
    """The addresses the machine sends from: a UDP socket is 'connected', nothing is sent."""
    found: set[str] = set()
    for family, target in ((socket.AF_INET, "10.254.254.254"), (socket.AF_INET6, "fd00::1")):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((target, 9))
                found.add(str(probe.getsockname()[0]).lower())
        except OSError:
            continue
    return found


def lan_address() -> str:
    """The address a phone on the same network would most likely reach, IPv4 first."""
    found = sorted(_route_addresses(), key=lambda a: (":" in a, a))
    usable = [a for a in found if not is_loopback(a)]
    if not usable:
        return "localhost"
    return usable[0] if ":" not in usable[0] else f"[{usable[0]}]"


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The names served when listening on `bind`, plus TURNOUT_ALLOWED_HOSTS."""
    names = set(LOOPBACK_NAMES) | {host_name(name) for name in extra if name.strip()}
    if bind in WILDCARDS:
        names |= machine_names()
    elif not is_loopback(bind):
        names.add(host_name(bind))
    return frozenset(names)


class HostCheck:
    """Answers 400 to any request, page or WebSocket, whose Host is not one of ours."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            header = scope_header(scope, "host")
            if host_name(header) not in self.hosts:
                # Translators: {name} is the host name the browser asked for.
                message = _(
                    "This server does not answer to the name '{name}'. Open it as "
                    "http://localhost:PORT, or add the name to TURNOUT_ALLOWED_HOSTS."
                ).format(name=header[:60])
                await refuse(scope, receive, send, 400, message)
                return
        await self.app(scope, receive, send)
