"""Pairing a phone with the dancer's own server, when it listens beyond this computer.

The computer shows a one-time link (and its QR code); the phone that opens it within a few
minutes becomes a paired device and gets a long-lived secret in a cookie. Only a hash of each
secret is kept, so a copy of the data folder cannot be used to pose as a paired phone.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from turnout.domain.devices import PairedDevice
from turnout.errors import NotFoundError
from turnout.i18n import N_, _
from turnout.ports import DeviceStore

LINK_SECONDS = 600  # a pairing link works for ten minutes, and once
# Translators: "Settings" and "Devices" name the app's page and its section.
UNUSABLE_LINK = N_(
    "This pairing link has expired or was already used. On the computer running turnout, open "
    "Settings, then Devices, for a new one."
)


@dataclass(frozen=True)
class PairingLink:
    code: str
    expires_at: float


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class Pairing:
    def __init__(self, store: DeviceStore, clock: Callable[[], float] = time.time) -> None:
        self.store, self.clock = store, clock
        self._lock = threading.Lock()
        self._links: dict[str, float] = {}  # digest of a code -> when it expires
        self._devices: list[PairedDevice] | None = None

    def new_link(self) -> PairingLink:
        """A fresh one-time code; codes from before stay valid until they expire."""
        code = secrets.token_urlsafe(16)
        expires = self.clock() + LINK_SECONDS
        with self._lock:
            self._links = {k: v for k, v in self._links.items() if v > self.clock()}
            self._links[_digest(code)] = expires
        return PairingLink(code, expires)

    def redeem(self, code: str, name: str) -> str:
        """Pair the device that opened the link; returns its secret for the cookie."""
        with self._lock:
            expires = self._links.pop(_digest(code), 0.0)
            if expires <= self.clock():
                raise NotFoundError(_(UNUSABLE_LINK))
            secret = secrets.token_urlsafe(32)
            device = PairedDevice(secrets.token_hex(6), name[:80], self.clock(), _digest(secret))
            self._save([*self._loaded(), device])
        return secret

    def device_for(self, secret: str) -> PairedDevice | None:
        """The paired device this cookie's secret belongs to, if it is still paired."""
        wanted = _digest(secret)
        with self._lock:
            devices = self._loaded()
        return next((d for d in devices if hmac.compare_digest(d.token_hash, wanted)), None)

    def devices(self) -> list[PairedDevice]:
        with self._lock:
            return list(self._loaded())

    def revoke(self, device_id: str) -> None:
        with self._lock:
            kept = [device for device in self._loaded() if device.id != device_id]
            if len(kept) == len(self._loaded()):
                text = _("No paired device with id '{id}'.")
                raise NotFoundError(text.format(id=device_id))
            self._save(kept)

    def _loaded(self) -> list[PairedDevice]:
        if self._devices is None:
            self._devices = self.store.load()
        return self._devices

    def _save(self, devices: list[PairedDevice]) -> None:
        self.store.save(devices)
        self._devices = devices
