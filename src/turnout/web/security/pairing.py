"""When the server listens beyond this computer, every request must come from a paired device.

Requests from this computer itself (a loopback client address) need no pairing, nor do the
static files and the pairing link. Anything else without a paired device's cookie gets 401:
a short page that says where to find the pairing code, or JSON for the API.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from turnout.i18n import N_, _
from turnout.services.pairing import Pairing
from turnout.web.security.answers import refuse
from turnout.web.security.hosts import is_loopback
from turnout.web.security.scope import cookie

COOKIE = "turnout_device"
OPEN_PATHS = ("/static/", "/pair/")
UNPAIRED = N_(
    "This device is not paired with turnout yet. On the computer running turnout, open "
    "Settings, then Devices: scan the code shown there with this device's camera, or type its "
    "link here (the terminal that started turnout prints one too)."
)


class PairingCheck:
    def __init__(self, app: ASGIApp, pairing: Pairing, required: bool) -> None:
        self.app, self.pairing, self.required = app, pairing, required

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        studio = scope.get("state", {}).get("studio", False)  # signed in instead (sign_in.py)
        if (
            scope["type"] in ("http", "websocket")
            and self.required
            and not studio
            and not _open(scope)
        ):
            secret = cookie(scope, COOKIE)
            if not secret or self.pairing.device_for(secret) is None:
                await refuse(scope, receive, send, 401, _(UNPAIRED))
                return
        await self.app(scope, receive, send)


def from_this_computer(scope: Scope) -> bool:
    client = scope.get("client")
    return client is not None and is_loopback(str(client[0]))


def _open(scope: Scope) -> bool:
    path = str(scope.get("path", ""))
    return (
        from_this_computer(scope)
        or path.startswith(OPEN_PATHS)
        or path in ("/favicon.ico", "/healthz", "/readyz")  # a monitor's, saying no more
    )
