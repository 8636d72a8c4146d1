"""A phone or tablet paired with this computer's server, known by a hash of its secret."""

from __future__ import annotations

from turnout.domain.values import frozen


@frozen
class PairedDevice:
    id: str
    name: str  # what the device said it was ("Android phone, Chrome"), for the list
    paired_at: float  # seconds since the Unix epoch
    token_hash: str  # sha256 of the cookie's secret; the secret itself is never stored
