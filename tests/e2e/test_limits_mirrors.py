"""One live mirror per client: a client's new mirror replaces its old one (a reload or a
second tab must not lock the dancer out); other clients cannot take it away."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient

from tests.e2e.test_web_measure import MIRROR, OWN_ORIGIN, FakeVisionKit, app_with, dancer, jpeg
from turnout.bootstrap import Container
from turnout.web.measure import mirrors


def test_a_clients_second_mirror_replaces_its_first(container: Container) -> None:
    kit = FakeVisionKit([dancer()])
    with app_with(container, kit) as client:
        with client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as first:
            assert first.receive_json()["type"] == "ready"
            with client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as second:
                assert second.receive_json()["type"] == "ready"
                assert first.receive_json() == {"type": "error", "message": mirrors.REPLACED}
                assert first.receive()["type"] == "websocket.close"
                second.send_bytes(jpeg())
                assert second.receive_json()["type"] == "reading"
        assert mirrors.slots_of(client.app.state).count() == 0
    assert all(estimator.closed for estimator in kit.estimators)  # both pose models


def test_another_clients_mirror_does_not_replace_this_one(container: Container) -> None:
    with app_with(container, FakeVisionKit([dancer()])) as client:
        phone = TestClient(client.app, base_url="http://127.0.0.1", client=("10.0.0.7", 50000))
        with client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as laptop:
            assert laptop.receive_json()["type"] == "ready"
            with phone.websocket_connect(MIRROR, headers=OWN_ORIGIN) as other:
                assert other.receive_json()["type"] == "ready"
                laptop.send_bytes(jpeg())
                assert laptop.receive_json()["type"] == "reading"
                assert mirrors.slots_of(client.app.state).count() == 2


def test_one_clients_reloads_take_one_slot_and_leave_room_for_others() -> None:
    slots = mirrors.MirrorSlots(limit=2)

    async def scenario() -> list[bool]:
        claims = [slots.claim("10.0.0.1") for _ in range(5)]  # one client, five reloads
        others = [slots.claim("10.0.0.2"), slots.claim("10.0.0.3")]
        await asyncio.sleep(0)  # the replaced mirrors hear of it on the next turn of the loop
        replaced = [c is not None and c.replaced.is_set() for c in claims]
        return [c is not None for c in claims + others] + replaced

    opened = [True] * 5 + [True, False]  # the third client finds both slots taken
    assert asyncio.run(scenario()) == opened + [True] * 4 + [False]
