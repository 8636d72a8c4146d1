"""A long-running server lets go of sessions nothing needs: over, and untouched for a while;
a later request brings one back from the log. A session it runs stays, however quiet."""

from __future__ import annotations

from tests.fakes import FakeClock, FakeUnitOfWork
from tests.unit.test_live_sessions import registry, started
from turnout.domain.state import Action, Phase

QUARTER_HOUR = 900.0


def test_an_ended_session_untouched_for_a_while_leaves_memory_and_comes_back_from_the_log() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.ABORT)
    clock.advance(QUARTER_HOUR - 1)
    assert reg.forget_idle(QUARTER_HOUR) == 0  # a summary page may still be asking
    clock.advance(2)
    assert reg.forget_idle(QUARTER_HOUR) == 1
    assert reg._live == {} and reg._tokens == {}
    back = reg.get(live.practice.id)
    assert back is not None and back is not live and back.state.phase is Phase.ABORTED


def test_a_session_this_server_runs_stays_however_long_nobody_looks() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.PAUSE)
    clock.advance(10 * QUARTER_HOUR)
    assert reg.forget_idle(QUARTER_HOUR) == 0
    assert reg.get(live.practice.id) is live


def test_asking_for_an_ended_session_keeps_it_in_memory() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.ABORT)
    for _ in range(4):
        clock.advance(QUARTER_HOUR / 2)
        reg.get(live.practice.id)  # the summary page polls
    assert reg.forget_idle(QUARTER_HOUR) == 0
