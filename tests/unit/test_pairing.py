"""Pairing a phone: one-time links that expire, hashed secrets, revoking (on a fake store)."""

from __future__ import annotations

import pytest

from turnout.domain.devices import PairedDevice
from turnout.errors import NotFoundError
from turnout.services.pairing import LINK_SECONDS, Pairing


class MemoryStore:
    def __init__(self) -> None:
        self.saved: list[PairedDevice] = []

    def load(self) -> list[PairedDevice]:
        return list(self.saved)

    def save(self, devices: list[PairedDevice]) -> None:
        self.saved = list(devices)


class Ticking:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Ticking:
    return Ticking()


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


def test_a_link_pairs_one_device_and_only_a_hash_of_its_secret_is_kept(
    store: MemoryStore, clock: Ticking
) -> None:
    pairing = Pairing(store, clock)
    secret = pairing.redeem(pairing.new_link().code, "Android device, Chrome")
    device = pairing.device_for(secret)
    assert device is not None and device.name == "Android device, Chrome"
    assert store.saved == [device] and secret not in device.token_hash
    assert pairing.device_for(secret + "x") is None


def test_a_link_works_once(store: MemoryStore, clock: Ticking) -> None:
    pairing = Pairing(store, clock)
    link = pairing.new_link()
    pairing.redeem(link.code, "phone")
    with pytest.raises(NotFoundError, match="expired or was already used"):
        pairing.redeem(link.code, "someone else")
    assert len(store.saved) == 1


def test_a_link_expires(store: MemoryStore, clock: Ticking) -> None:
    pairing = Pairing(store, clock)
    link = pairing.new_link()
    assert link.expires_at == clock.now + LINK_SECONDS
    clock.now += LINK_SECONDS
    with pytest.raises(NotFoundError):
        pairing.redeem(link.code, "phone")
    assert store.saved == []


def test_an_invented_code_pairs_nothing(store: MemoryStore, clock: Ticking) -> None:
    pairing = Pairing(store, clock)
    pairing.new_link()
    with pytest.raises(NotFoundError):
        pairing.redeem("guessed", "phone")


def test_a_revoked_device_is_refused_and_the_others_stay(
    store: MemoryStore, clock: Ticking
) -> None:
    pairing = Pairing(store, clock)
    first = pairing.redeem(pairing.new_link().code, "phone")
    second = pairing.redeem(pairing.new_link().code, "tablet")
    gone = pairing.device_for(first)
    assert gone is not None
    pairing.revoke(gone.id)
    assert pairing.device_for(first) is None and pairing.device_for(second) is not None
    assert [d.name for d in Pairing(store, clock).devices()] == ["tablet"]
    with pytest.raises(NotFoundError, match="No paired device"):
        pairing.revoke(gone.id)
