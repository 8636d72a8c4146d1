"""What keeps the server safe on a network and against other web pages.

Each piece is a small ASGI middleware of its own, installed by `install` in this order, the
outermost first: security headers on every answer, then the Host check, the body limits, the
origin and CSRF checks, then a studio's sign-in, and last the device pairing (which a signed-in
account replaces).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from fastapi import FastAPI

from turnout.web.security.headers import SecurityHeaders
from turnout.web.security.hosts import HostCheck
from turnout.web.security.limits import BodyLimit
from turnout.web.security.origins import OriginCheck
from turnout.web.security.pairing import PairingCheck
from turnout.web.security.sign_in import SignInCheck

if TYPE_CHECKING:
    from turnout.web.deps import Web


def install(
    app: FastAPI,
    hosts: frozenset[str],
    web: Web,
    larger_bodies: Mapping[str, int],
) -> None:
    """Add the middlewares; Starlette runs the last added first, so they are added inside out."""
    app.add_middleware(PairingCheck, pairing=web.pairing, required=web.pairing_required)
    app.add_middleware(SignInCheck, sign_ins=web.sign_ins, is_studio=web.is_studio)
    app.add_middleware(OriginCheck)
    app.add_middleware(BodyLimit, larger=larger_bodies)
    app.add_middleware(HostCheck, hosts=hosts)
    app.add_middleware(SecurityHeaders)
