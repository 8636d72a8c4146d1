"""A web session's run in the log (services/run_state.py, runs.py) and the registries of a
studio's server (`shared`): two of them on one fake log stand for two web processes."""

from __future__ import annotations

import json
import os
import socket

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork, tiny_routine
from tests.unit.test_live_sessions import LEFT_1, SIT, SWITCH_1, TinyRoutines, walk
from turnout.domain.log import OwnerKind
from turnout.domain.plan import Plan
from turnout.domain.state import Action, Phase
from turnout.errors import RunChangedError
from turnout.services import run_state
from turnout.services.flow_text import rest_before
from turnout.services.leases import Owner
from turnout.services.live import SessionRegistry
from turnout.services.practice import start_practice
from turnout.services.run_state import EventFeed
from turnout.services.runs import CARRY_ON_SECONDS, carry_on


def plan() -> Plan:
    return Plan.of(tiny_routine(), None, rest=rest_before)


def alive(clock: FakeClock, name: str) -> Owner:
    """A web process that is running (this test's own pid), its leases on the fake clock."""
    return Owner(f"{name} {os.getpid()}@{socket.gethostname()}", OwnerKind.WEB, wall=clock.now)


def web(uow: FakeUnitOfWork, clock: FakeClock, name: str) -> SessionRegistry:
    return SessionRegistry(
        lambda: uow, TinyRoutines(), clock, lambda: 0, alive(clock, name), shared=True
    )


def test_a_run_comes_back_from_its_json_as_it_was_written() -> None:
    clock = FakeClock()
    uow = FakeUnitOfWork()
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), None, 0, keep_run=True)
    practice.act(Action.READY, clock.advance(1))
    practice.act(Action.PAUSE, clock.advance(3))
    text, version = uow.committed.runs[practice.id]
    assert version == practice.version == 3
    state, feed = run_state.load(text, plan()) or pytest.fail("not read back")
    assert state == practice.state and state.paused_from is Phase.RUNNING
    assert (feed.id, feed.last) == (practice.feed.id, practice.feed.last)
    assert [e.seq for e in feed.after(0)] == [e.seq for e in practice.feed.after(0)]


def test_only_the_last_entries_of_the_feed_are_written_with_the_state() -> None:
    feed = EventFeed()
    practice, events = start_practice(FakeUnitOfWork(), tiny_routine(), 0.0)
    for _ in range(30):
        feed.add(events, 0.0)
    _, kept = run_state.load(run_state.dump(practice.state, feed), plan()) or pytest.fail()
    assert kept.last == feed.last and len(kept.after(0)) == run_state.KEPT_IN_LOG
    assert kept.after(0)[-1] == feed.after(0)[-1]


@pytest.mark.parametrize(
    "text",
    ["not json", "[]", json.dumps({"format": 99}), json.dumps({"format": 1, "state": {}})],
)
def test_a_run_this_version_cannot_read_is_none(text: str) -> None:
    assert run_state.load(text, plan()) is None


def test_a_run_whose_position_is_outside_the_plan_is_none() -> None:
    practice, _ = start_practice(FakeUnitOfWork(), tiny_routine(), 0.0)
    data = json.loads(run_state.dump(practice.state, practice.feed))
    data["state"]["position"] = 99
    assert run_state.load(json.dumps(data), plan()) is None


def test_feeds_merge_only_with_themselves() -> None:
    mine, events = EventFeed(), start_practice(FakeUnitOfWork(), tiny_routine(), 0.0)[1]
    mine.add(events, 0.0)
    further = run_state.load(run_state.dump(tiny_state(), mine, mine.entries(events, 1.0)), plan())
    assert further is not None
    assert mine.merged(further[1]) is mine and mine.last == further[1].last
    other = EventFeed()
    assert mine.merged(other) is other


def tiny_state() -> run_state.SessionState:
    return start_practice(FakeUnitOfWork(), tiny_routine(), 0.0)[0].state


def test_two_processes_drive_one_session_and_a_stale_write_lands_nowhere() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    one, two = web(uow, clock, "one"), web(uow, clock, "two")
    session_id = one.start("tiny", None, None).practice.id
    one.act(session_id, Action.READY, position=SIT)
    seen = two.get(session_id)
    assert seen is not None and not seen.read_only and not seen.practice.owned
    two.refresh(seen)
    assert (seen.state.phase, seen.state.position) == (Phase.RUNNING, LEFT_1)
    two.act(session_id, Action.PAUSE)
    walk(one, clock, 30)  # the owner ticks on: its first write is refused, then it catches up
    mine = one.get(session_id)
    assert mine is not None and mine.state.phase is Phase.PAUSED
    assert uow.committed.saved_holds == []
    one.act(session_id, Action.RESUME)
    walk(two, clock, 10.5)
    walk(one, clock, 0.5)
    assert [h.record.position for h in uow.committed.saved_holds] == [LEFT_1]
    two.refresh(seen)
    assert mine.state.position == seen.state.position == SWITCH_1
    assert mine.feed.last == seen.feed.last and mine.feed.id == seen.feed.id


def test_a_write_on_an_old_version_raises_and_changes_nothing() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), None, 0, keep_run=True)
    practice.version = 0
    with pytest.raises(RunChangedError):
        practice.act(Action.READY, clock.advance(1))
    assert practice.state.phase is Phase.WAITING and uow.committed.runs[practice.id][1] == 1


def test_carrying_on_a_run_nobody_moved_for_long_waits_at_its_step_instead() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), None, 0, keep_run=True)
    practice.act(Action.READY, clock.advance(1))
    owner = alive(clock, "next")
    recent, _ = carry_on(uow, tiny_routine(), practice.record, clock.advance(5), 0, owner)
    assert (recent.state.phase, recent.state.position) == (Phase.RUNNING, LEFT_1)
    later = clock.advance(10 + CARRY_ON_SECONDS + 1)
    stale, _ = carry_on(uow, tiny_routine(), practice.record, later, 0, owner)
    assert (stale.state.phase, stale.state.position) == (Phase.WAITING, SIT)  # no hold logged
