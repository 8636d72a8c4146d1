"""Who may have a live mirror open: a few on the server, and one per client.

Two pools. A server mirror runs a pose model (`LIMIT`, the scarce one); an on-device mirror
only checks landmarks the browser found, a fraction of a millisecond each, so it has a pool of
its own (`DEVICE_LIMIT`) and never takes a server slot. The rule below holds in each pool.

A client's new mirror replaces its old one instead of being refused: a reload, a second tab,
or a phone that dropped off the Wi-Fi leaves a socket that may linger for a minute, and it
must not lock the dancer out. Other clients cannot take a client's mirror away, and together
they can hold at most `limit` of them."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

from fastapi import WebSocket
from starlette.datastructures import State

from turnout.i18n import N_, _

LIMIT = 4  # each mirror runs a pose model at up to 8 frames a second
# An on-device mirror costs about 0.1 ms of server time per message at 15 a second (see
# bench/mirror_ws.py): this cap only bounds sockets and memory, a studio's phones fit in it.
DEVICE_LIMIT = 32
REPLACED = N_(
    "The live mirror was opened again on this device (another tab, or a reload); this one "
    "has stopped."
)
BUSY = N_("Too many live mirrors are open on this server; close one and try again.")
DEVICE_BUSY = N_("{count} live mirrors are already open on this server; close one and try again.")
_MAKING = threading.Lock()


@dataclass
class Claim:
    """One open mirror; `replaced` is set when the same client opens another."""

    client: str
    loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.get_running_loop)
    replaced: asyncio.Event = field(default_factory=asyncio.Event)

    def replace(self) -> None:
        self.loop.call_soon_threadsafe(self.replaced.set)

    async def receive(self, socket: WebSocket) -> Mapping[str, object] | None:
        """The next message from the browser; None once this mirror has been replaced."""
        incoming = asyncio.ensure_future(socket.receive())
        stop = asyncio.ensure_future(self.replaced.wait())
        await asyncio.wait((incoming, stop), return_when=asyncio.FIRST_COMPLETED)
        stop.cancel()
        if incoming.done():
            return incoming.result()
        incoming.cancel()
        return None


class MirrorSlots:
    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._open: dict[str, Claim] = {}
        self._lock = threading.Lock()

    def claim(self, client: str) -> Claim | None:
        """A mirror for `client`, replacing its old one; None when the server has no room."""
        with self._lock:
            old = self._open.get(client)
            if old is None and len(self._open) >= self.limit:
                return None
            self._open[client] = mine = Claim(client)
        if old is not None:
            old.replace()
        return mine

    def release(self, claim: Claim) -> None:
        with self._lock:
            if self._open.get(claim.client) is claim:
                del self._open[claim.client]

    def count(self) -> int:
        return len(self._open)


def slots_of(state: State) -> MirrorSlots:
    """The app's server mirror slots, made on first use (each app has its own)."""
    return _made(state, "mirror_slots", LIMIT)


def device_slots_of(state: State) -> MirrorSlots:
    """The app's on-device mirror slots (landmarks only, no server pose model)."""
    return _made(state, "device_mirror_slots", DEVICE_LIMIT)


def _made(state: State, name: str, limit: int) -> MirrorSlots:
    with _MAKING:
        slots = getattr(state, name, None)
        if not isinstance(slots, MirrorSlots):
            slots = MirrorSlots(limit)
            setattr(state, name, slots)
        return slots


def client_of(socket: WebSocket) -> str:
    return socket.client.host if socket.client else "unknown"


async def open_claim(socket: WebSocket, slots: MirrorSlots, busy: str) -> Claim | None:
    """Accept the socket and claim a mirror for its client; when there is no room, say `busy`,
    close the socket (1013: try again later) and return None."""
    await socket.accept()
    claim = slots.claim(client_of(socket))
    if claim is None:
        await socket.send_json({"type": "error", "message": _(busy).format(count=DEVICE_LIMIT)})
        await socket.close(1013)
    return claim


async def next_message(socket: WebSocket, claim: Claim) -> Mapping[str, object] | None:
    """The browser's next message; None once this mirror is over: replaced by a newer one on
    the same client (said so, and closed), or the browser has gone."""
    message = await claim.receive(socket)
    if message is None:
        await socket.send_json({"type": "error", "message": _(REPLACED)})
        await socket.close(1000)
        return None
    return None if message["type"] == "websocket.disconnect" else message
