"""One owner per live session, over the fake log and a fake clock: a session another process
runs (its lease alive) is shown but never adopted, driven or ended; once that lease lapses, or
its process is gone, it can be resumed."""

from __future__ import annotations

import os
import socket

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork, tiny_routine
from tests.unit.test_live_sessions import GONE_PID, LEFT_1, SIT, SWITCH_1, registry, walk
from turnout.domain.log import Lease, OwnerKind, SessionStatus
from turnout.domain.state import Action, Phase
from turnout.errors import SessionHeldError
from turnout.services.leases import LEASE_SECONDS, RENEW_SECONDS, Owner, process_gone
from turnout.services.practice import Practice, resume_practice, start_practice
from turnout.services.practice_log import resumable_session

HOST = socket.gethostname()


def terminal(clock: FakeClock, pid: int | None = None) -> Owner:
    """`turnout practice` in another process, alive unless given a pid no process has."""
    return Owner(f"cli-token {pid or os.getpid()}@{HOST}", OwnerKind.CLI, wall=clock.now)


def in_terminal(uow: FakeUnitOfWork, clock: FakeClock, owner: Owner | None = None) -> Practice:
    """A session the terminal started and is holding its first hold of."""
    practice, _ = start_practice(
        uow, tiny_routine(), clock.now(), None, 0, owner or terminal(clock)
    )
    practice.act(Action.READY, clock.now())
    assert (practice.state.phase, practice.state.position) == (Phase.RUNNING, LEFT_1)
    return practice


def lease_in_log(uow: FakeUnitOfWork, practice: Practice) -> Lease | None:
    return uow.committed.leases.get(practice.id)


# --- A session another live process runs ---------------------------------------------------


def test_a_session_the_terminal_runs_is_shown_read_only_and_not_taken() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock)
    reg = registry(uow, clock)
    assert reg.restore_unfinished() is not None
    live = reg.current()
    assert live is not None and live.practice.id == cli.id
    assert live.read_only and live.holder is not None and live.holder.kind is OwnerKind.CLI
    # Shown at the step after its last logged hold: nothing is logged yet.
    assert (live.state.phase, live.state.position) == (Phase.WAITING, SIT)
    commits = uow.commits
    walk(reg, clock, 5)  # the ticker leaves it to its owner
    assert uow.commits == commits
    lease = lease_in_log(uow, cli)
    assert lease is not None and lease.owner == cli.tenure.owner.name  # type: ignore[union-attr]


def test_every_action_on_a_session_the_terminal_runs_is_refused_and_changes_nothing() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock)
    reg = registry(uow, clock)
    for action in Action:
        with pytest.raises(SessionHeldError, match="in the terminal"):
            reg.act(cli.id, action)
    with pytest.raises(SessionHeldError):
        reg.stop(cli.id, "sharp_pain")
    with pytest.raises(SessionHeldError):
        reg.skip_exercise(cli.id)
    assert uow.committed.saved_sessions[cli.id].status is SessionStatus.ACTIVE
    assert uow.committed.saved_holds == [] and uow.committed_safety.stop_events == []
    lease = lease_in_log(uow, cli)
    assert lease is not None and lease.kind is OwnerKind.CLI


def test_a_web_start_leaves_the_terminal_session_going_and_logging() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock)
    reg = registry(uow, clock)
    reg.current()
    clock.advance(2)
    web = reg.start("tiny", None, None)
    assert web.practice.id != cli.id and web.practice.owned
    assert uow.committed.saved_sessions[cli.id].status is SessionStatus.ACTIVE
    cli.tick(clock.advance(8))  # the terminal goes on: its hold ends and is logged
    assert [h.record.position for h in uow.committed.saved_holds] == [LEFT_1]
    assert reg.current() is web


def test_the_read_only_view_follows_what_the_terminal_logs() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock)
    reg = registry(uow, clock)
    live = reg.get(cli.id)
    assert live is not None and live.state.position == SIT
    cli.tick(clock.advance(10))
    reg.refresh(live)
    assert live.read_only and live.state.position == SWITCH_1
    cli.act(Action.ABORT, clock.advance(1))
    reg.refresh(live)
    assert live.state.phase is Phase.ABORTED and not live.read_only
    assert reg.current() is None


# --- When the owner stops ------------------------------------------------------------------


def test_once_the_lease_lapses_the_session_can_be_resumed_here() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock)
    reg = registry(uow, clock)
    live = reg.get(cli.id)
    assert live is not None and live.read_only
    clock.advance(LEASE_SECONDS + 1)  # the terminal hangs: nothing renews its lease
    reg.refresh(live)
    assert not live.read_only and not live.practice.owned  # offered, not yet taken
    reg.act(cli.id, Action.READY, position=SIT)
    assert live.practice.owned and (live.state.phase, live.state.position) == (
        Phase.RUNNING,
        LEFT_1,
    )
    lease = lease_in_log(uow, cli)
    assert lease is not None and lease.owner == reg.owner.name


def test_a_terminal_that_comes_back_after_losing_its_session_logs_nothing_more() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock)
    reg = registry(uow, clock)
    clock.advance(LEASE_SECONDS + 1)
    reg.act(cli.id, Action.READY, position=SIT)  # the web resumed it
    with pytest.raises(SessionHeldError, match="took this session over"):
        cli.tick(clock.advance(10))  # the terminal wakes up with its hold over
    assert cli.state.position == LEFT_1  # nothing of that transition was kept
    walk(reg, clock, 10)
    assert [h.record.position for h in uow.committed.saved_holds] == [LEFT_1]  # once


def test_a_crashed_terminal_on_this_machine_frees_its_session_at_once() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock, terminal(clock, pid=GONE_PID))
    reg = registry(uow, clock)
    live = reg.get(cli.id)
    assert live is not None and not live.read_only
    reg.act(cli.id, Action.READY, position=SIT)
    assert live.practice.owned


def test_a_server_that_lost_its_session_watches_it_instead_of_logging_it() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = reg.start("tiny", None, None)
    reg.act(live.practice.id, Action.READY, position=SIT)
    clock.advance(LEASE_SECONDS + 1)  # the server stalled; the terminal resumes the session
    record = uow.committed.saved_sessions[live.practice.id]
    cli, _ = resume_practice(uow, tiny_routine(), record, clock.now(), 0, terminal(clock))
    reg.tick_all()
    assert live.read_only and not live.practice.owned
    assert live.holder is not None and live.holder.kind is OwnerKind.CLI
    assert uow.committed.saved_holds == []  # the hold the server had running is not logged
    with pytest.raises(SessionHeldError):
        reg.act(live.practice.id, Action.PAUSE)
    assert cli.tenure is not None


# --- Keeping and giving back a lease -------------------------------------------------------


def test_ticking_renews_the_lease_every_few_seconds_not_every_tick() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = reg.start("tiny", [2], None)  # a setup step that waits: nothing else is logged
    commits = uow.commits
    walk(reg, clock, 30, step=0.1)
    lease = lease_in_log(uow, live.practice)
    assert lease is not None and lease.until >= clock.now() + LEASE_SECONDS - RENEW_SECONDS
    assert uow.commits - commits == pytest.approx(30 / RENEW_SECONDS, abs=1)


def test_an_ended_session_gives_its_lease_back() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = reg.start("tiny", None, None)
    assert lease_in_log(uow, live.practice) is not None
    reg.act(live.practice.id, Action.ABORT)
    assert lease_in_log(uow, live.practice) is None and not live.practice.owned


def test_a_server_stopping_gives_its_sessions_back_for_the_terminal_to_resume() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = reg.start("tiny", None, None)
    reg.release_all()
    assert lease_in_log(uow, live.practice) is None
    cli = terminal(clock)
    record = resumable_session(uow, cli)
    assert record is not None and record.id == live.practice.id
    resumed, _ = resume_practice(uow, tiny_routine(), record, clock.now(), 0, cli)
    assert resumed.owned


def test_resume_passes_over_sessions_other_processes_run() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    crashed = in_terminal(uow, clock, terminal(clock, pid=GONE_PID))
    clock.advance(60)
    running = in_terminal(uow, clock)
    me = Owner(f"me {os.getpid()}@{HOST}", OwnerKind.CLI, wall=clock.now)
    found = resumable_session(uow, me)
    assert found is not None and found.id == crashed.id
    record = uow.committed.saved_sessions[running.id]
    with pytest.raises(SessionHeldError, match="in the terminal"):
        resume_practice(uow, tiny_routine(), record, clock.now(), 0, me)


def test_a_session_that_ended_cannot_be_claimed() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    cli = in_terminal(uow, clock, terminal(clock, pid=GONE_PID))
    record = uow.committed.saved_sessions[cli.id]
    cli.tenure = None  # a process that never wrote its lease
    cli.act(Action.ABORT, clock.now())
    with pytest.raises(SessionHeldError, match="has ended"):
        resume_practice(uow, tiny_routine(), record, clock.now(), 0, terminal(clock))


def test_only_an_owner_on_this_machine_whose_process_is_gone_counts_as_gone() -> None:
    assert process_gone(f"t {GONE_PID}@{HOST}")
    assert not process_gone(f"t {os.getpid()}@{HOST}")
    assert not process_gone(f"t {GONE_PID}@another-machine")
    assert not process_gone("no pid in this name")
