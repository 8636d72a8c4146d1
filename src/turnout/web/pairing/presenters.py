"""What the Devices page shows: the pairing link and its QR code, and the paired devices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

import segno

from turnout.domain.devices import PairedDevice
from turnout.i18n import N_, _
from turnout.i18n.formats import CLOCK, when

# (marker in the User-Agent, what to call it), the first match wins.
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", N_("Android device")),
    ("Macintosh", "Mac"),
    ("Windows", N_("Windows computer")),
    ("CrOS", "Chromebook"),
    ("Linux", N_("Linux computer")),
)
BROWSERS = (("Firefox/", "Firefox"), ("Edg/", "Edge"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))


def device_name(user_agent: str) -> str:
    """'Android device, Chrome' from a User-Agent header; 'A device' when nothing is known."""
    system = _(next((name for mark, name in SYSTEMS if mark in user_agent), N_("A device")))
    browser = next((name for mark, name in BROWSERS if mark in user_agent), "")
    return f"{system}, {browser}" if browser else system


@dataclass(frozen=True)
class LinkView:
    url: str
    qr_svg: str  # an inline SVG drawing of the URL's QR code (markup only, no script)
    expires: str  # "14:32"


def link_view(url: str, expires_at: float, tz: tzinfo) -> LinkView:
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=5, dark="#17131c", light="#ffffff", title=_("Pairing code"))
    return LinkView(url, svg, when(datetime.fromtimestamp(expires_at, tz), CLOCK))


@dataclass(frozen=True)
class DeviceRow:
    id: str
    name: str
    paired: str  # "2 December 2026, 09:15"


def device_rows(devices: list[PairedDevice], tz: tzinfo) -> list[DeviceRow]:
    def paired(at: float) -> str:
        return when(datetime.fromtimestamp(at, tz), "d MMMM y, HH:mm")

    return [DeviceRow(d.id, d.name, paired(d.paired_at)) for d in sorted(devices, key=_paired_at)]


def _paired_at(device: PairedDevice) -> float:
    return device.paired_at
