"""The live-session registry and its event feeds, over the fake unit of work and a fake clock."""

from __future__ import annotations

import socket
import threading
import typing
import uuid
from dataclasses import replace

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork, tiny_routine
from turnout.domain.events import Beep, Event, Paused, Resumed
from turnout.domain.log import OwnerKind, SessionStatus
from turnout.domain.pain import StopReason
from turnout.domain.plan import HoldStatus
from turnout.domain.routine import Routine
from turnout.domain.state import Action, Phase, TransitionError
from turnout.errors import InputError, InvalidChoiceError, StaleActionError, StorageError
from turnout.services.leases import Owner
from turnout.services.live import LiveSession, SessionRegistry
from turnout.services.run_state import KINDS, EventFeed

# Positions in the plan of the whole tiny routine (see tests/fakes.py).
SIT, LEFT_1, SWITCH_1, RIGHT_1, REST, LEFT_2, SWITCH_2, RIGHT_2 = range(8)
LIE_DOWN, PUSH, RELEASE = 9, 10, 11  # after the rest (8) a session puts between the two


class TinyRoutines:
    """The RoutineSource port with one routine in it."""

    def names(self) -> list[str]:
        return ["tiny"]

    def load(self, name_or_path: str) -> Routine:
        return tiny_routine()


class BrokenLogUnitOfWork(FakeUnitOfWork):
    """A log that cannot be written while `broken`, or only at commit number `fail_at`."""

    def __init__(self) -> None:
        super().__init__()
        self.broken = False
        self.fail_at: int | None = None
        self.attempts = 0

    def commit(self) -> None:
        self.attempts += 1
        if self.broken or self.attempts == self.fail_at:
            raise StorageError("The practice log is busy; try again in a moment.")
        super().commit()


# Above Linux's highest process id: no process has it, as none has a crashed server's.
GONE_PID = 4_194_305


def server(clock: FakeClock) -> Owner:
    """A web server as the next registry finds it: stopped, so its leases are free at once.
    Leases run on the fake clock here."""
    name = f"{uuid.uuid4().hex[:16]} {GONE_PID}@{socket.gethostname()}"
    return Owner(name, OwnerKind.WEB, wall=clock.now)


def registry(uow: FakeUnitOfWork, clock: FakeClock, get_ready: int = 0) -> SessionRegistry:
    """A server's registry; each one made stands for a new run of the server."""
    return SessionRegistry(lambda: uow, TinyRoutines(), clock, lambda: get_ready, server(clock))


def walk(reg: SessionRegistry, clock: FakeClock, seconds: float, step: float = 0.5) -> None:
    """Let `seconds` pass with the background ticker running every `step`."""
    for _ in range(round(seconds / step)):
        clock.advance(step)
        reg.tick_all()


def started(reg: SessionRegistry, exercises: list[int] | None = None) -> LiveSession:
    """A session holding its first hold (ready pressed, no get-ready countdown)."""
    live = reg.start("tiny", exercises, None)
    reg.act(live.practice.id, Action.READY)
    assert (live.state.phase, live.state.position) == (Phase.RUNNING, LEFT_1)
    return live


def logged_positions(uow: FakeUnitOfWork, live: LiveSession) -> list[int]:
    return [r.position for r in uow.committed.session_holds(live.practice.id)]


def status_in_log(uow: FakeUnitOfWork, live: LiveSession) -> SessionStatus:
    return uow.committed.saved_sessions[live.practice.id].status


def kinds(live: LiveSession, after: int = 0) -> list[str]:
    return [entry.kind for entry in live.feed.after(after)]


# --- Starting -----------------------------------------------------------------------------


def test_starting_logs_a_session_that_waits_for_the_dancer() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    live = registry(uow, clock).start("tiny", None, None)
    assert (live.state.phase, live.state.position) == (Phase.WAITING, SIT)
    assert status_in_log(uow, live) is SessionStatus.ACTIVE
    assert uow.committed.saved_sessions[live.practice.id].exercise_numbers == (1, 2)
    assert kinds(live) == ["step_started"] and live.feed.last == 1


def test_starting_chosen_exercises_plays_only_those() -> None:
    live = registry(FakeUnitOfWork(), FakeClock()).start("tiny", [2], None)
    assert live.state.plan.exercise_numbers == (2,)
    assert live.state.item is not None and live.state.item.exercise.number == 2


def test_the_same_client_token_twice_gives_the_same_session() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    first = reg.start("tiny", None, "tap-1")
    clock.advance(1)
    again = reg.start("tiny", [2], "tap-1")
    assert again is first
    assert first.state.phase is Phase.WAITING
    assert len(uow.committed.saved_sessions) == 1


def test_a_new_token_starts_a_new_session() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    first = reg.start("tiny", None, "tap-1")
    second = reg.start("tiny", None, "tap-2", replace=True)
    assert second is not first and second.practice.id != first.practice.id
    assert len(uow.committed.saved_sessions) == 2


def test_a_new_start_that_replaces_aborts_the_session_under_way() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    first = started(reg)
    clock.advance(4)
    second = reg.start("tiny", None, None, replace=True)
    assert first.state.phase is Phase.ABORTED
    assert status_in_log(uow, first) is SessionStatus.ABORTED
    (cut_short,) = uow.committed.session_holds(first.practice.id)
    assert (cut_short.status, cut_short.actual_seconds) == (HoldStatus.SKIPPED, 4)
    assert kinds(first)[-1] == "session_ended"
    assert second.state.phase is Phase.WAITING
    assert status_in_log(uow, second) is SessionStatus.ACTIVE


@pytest.mark.parametrize(("routine", "exercises"), [("nope", None), ("tiny", [1, 9])])
def test_an_unknown_routine_or_exercise_is_refused_and_the_session_under_way_goes_on(
    routine: str, exercises: list[int] | None
) -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    under_way = started(reg)
    with pytest.raises(InvalidChoiceError):
        reg.start(routine, exercises, None)
    assert under_way.state.phase is Phase.RUNNING
    assert list(uow.committed.saved_sessions) == [under_way.practice.id]


# --- Acting -------------------------------------------------------------------------------


def test_ready_starts_the_hold_after_the_get_ready_countdown() -> None:
    clock = FakeClock()
    reg = registry(FakeUnitOfWork(), clock, get_ready=5)
    live = reg.start("tiny", None, None)
    reg.act(live.practice.id, Action.READY, position=SIT)
    assert (live.state.phase, live.state.position) == (Phase.GET_READY, LEFT_1)
    walk(reg, clock, 5)
    assert live.state.phase is Phase.RUNNING
    assert kinds(live) == ["step_started", "get_ready", "beep", "beep", "beep", "step_started"]


def test_pressing_pause_twice_changes_nothing() -> None:
    clock = FakeClock()
    reg = registry(FakeUnitOfWork(), clock)
    live = started(reg)
    clock.advance(3)
    reg.act(live.practice.id, Action.PAUSE)
    seen = live.feed.last
    clock.advance(1)
    again = reg.act(live.practice.id, Action.PAUSE)
    assert again is live and live.state.phase is Phase.PAUSED
    assert live.state.paused_at == clock.now() - 1
    assert live.feed.last == seen and kinds(live)[-1] == "paused"


def test_pressing_resume_twice_changes_nothing() -> None:
    clock = FakeClock()
    reg = registry(FakeUnitOfWork(), clock)
    live = started(reg)
    reg.act(live.practice.id, Action.PAUSE)
    clock.advance(30)
    reg.act(live.practice.id, Action.RESUME)
    deadline, seen = live.state.deadline, live.feed.last
    reg.act(live.practice.id, Action.RESUME)
    assert live.state.phase is Phase.RUNNING
    assert live.state.deadline == deadline and live.feed.last == seen
    assert live.state.remaining(clock.now()) == 10  # the 30 s paused did not count


def test_skip_leaves_the_hold_logged_as_skipped() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    clock.advance(4)
    reg.act(live.practice.id, Action.SKIP, position=LEFT_1)
    assert live.state.position == SWITCH_1
    (skipped,) = uow.committed.session_holds(live.practice.id)
    assert (skipped.position, skipped.status, skipped.actual_seconds) == (
        LEFT_1,
        HoldStatus.SKIPPED,
        4,
    )


def test_back_returns_to_the_previous_step_without_logging_anything() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.BACK, position=LEFT_1)
    assert (live.state.phase, live.state.position) == (Phase.WAITING, SIT)
    assert logged_positions(uow, live) == []


def test_abort_ends_the_session_and_aborting_again_changes_nothing() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.ABORT)
    assert live.state.phase is Phase.ABORTED
    assert status_in_log(uow, live) is SessionStatus.ABORTED
    seen, commits = live.feed.last, uow.commits
    reg.act(live.practice.id, Action.ABORT)
    assert live.feed.last == seen and uow.commits == commits


def test_a_move_with_a_stale_position_is_refused_and_changes_nothing() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    for action in (Action.READY, Action.SKIP, Action.BACK):
        with pytest.raises(StaleActionError):
            reg.act(live.practice.id, action, position=SIT)
    assert (live.state.phase, live.state.position) == (Phase.RUNNING, LEFT_1)
    assert logged_positions(uow, live) == []


def test_a_position_the_clock_has_since_left_behind_is_stale() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    clock.advance(10)  # the hold ended, but nothing ticked yet: the page still shows it
    with pytest.raises(StaleActionError):
        reg.act(live.practice.id, Action.SKIP, position=LEFT_1)
    assert live.state.position == SWITCH_1
    assert logged_positions(uow, live) == [LEFT_1]


def test_pausing_is_not_a_move_so_its_position_is_not_checked() -> None:
    reg = registry(FakeUnitOfWork(), FakeClock())
    live = started(reg)
    reg.act(live.practice.id, Action.PAUSE, position=SIT)
    assert live.state.phase is Phase.PAUSED


def test_an_action_that_does_not_apply_now_is_refused() -> None:
    reg = registry(FakeUnitOfWork(), FakeClock())
    live = started(reg)
    with pytest.raises(TransitionError):
        reg.act(live.practice.id, Action.READY)
    assert live.state.phase is Phase.RUNNING


def test_an_unknown_session_id_is_not_found() -> None:
    reg = registry(FakeUnitOfWork(), FakeClock())
    with pytest.raises(LookupError):
        reg.act("no-such-session", Action.PAUSE)
    with pytest.raises(LookupError):
        reg.stop("no-such-session", "sharp_pain")
    with pytest.raises(LookupError):
        reg.skip_exercise("no-such-session")
    assert reg.get("no-such-session") is None


# --- The background ticker ----------------------------------------------------------------


def test_a_hold_is_logged_the_moment_it_ends_without_any_action() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    hold_started = clock.now()
    walk(reg, clock, 9.5)
    assert logged_positions(uow, live) == []
    walk(reg, clock, 0.5)
    (hold,) = uow.committed.session_holds(live.practice.id)
    assert (hold.position, hold.status, hold.actual_seconds) == (LEFT_1, HoldStatus.COMPLETED, 10)
    assert hold.ended_at == hold_started + 10
    assert live.state.position == SWITCH_1
    assert "hold_ended" in kinds(live)


def test_a_whole_session_left_alone_logs_every_hold_and_finishes() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg, [1])
    walk(reg, clock, 10 + 3 + 10 + 5 + 10 + 3 + 10)
    assert logged_positions(uow, live) == [LEFT_1, RIGHT_1, LEFT_2, RIGHT_2]
    assert live.state.phase is Phase.FINISHED
    assert status_in_log(uow, live) is SessionStatus.FINISHED
    assert kinds(live)[-1] == "session_ended"


def test_when_the_log_cannot_be_written_the_hold_waits_and_is_logged_once_later() -> None:
    uow, clock = BrokenLogUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    uow.broken = True
    walk(reg, clock, 10)
    walk(reg, clock, 1)
    assert live.error is not None
    assert (live.state.phase, live.state.position) == (Phase.RUNNING, LEFT_1)
    assert logged_positions(uow, live) == []
    assert "hold_ended" not in kinds(live)
    uow.broken = False
    reg.tick_all()
    assert live.error is None
    assert logged_positions(uow, live) == [LEFT_1]
    assert live.state.position == SWITCH_1
    assert kinds(live).count("hold_ended") == 1
    walk(reg, clock, 1)
    assert logged_positions(uow, live) == [LEFT_1]


def test_the_ticker_leaves_sessions_that_are_over_alone() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.ABORT)
    seen, commits = live.feed.last, uow.commits
    walk(reg, clock, 30)
    assert live.feed.last == seen and uow.commits == commits


def test_the_last_hold_and_the_close_are_saved_together_or_not_at_all() -> None:
    uow, clock = BrokenLogUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg, [1])
    walk(reg, clock, 10 + 3 + 10 + 5 + 10 + 3 + 9)
    assert live.state.position == RIGHT_2
    uow.fail_at = uow.attempts + 1  # the transaction of the last hold and the close fails
    walk(reg, clock, 1)
    assert live.error is not None and live.state.position == RIGHT_2
    assert status_in_log(uow, live) is SessionStatus.ACTIVE
    assert logged_positions(uow, live) == [LEFT_1, RIGHT_1, LEFT_2]
    reg.tick_all()
    assert live.state.phase is Phase.FINISHED
    assert status_in_log(uow, live) is SessionStatus.FINISHED
    assert logged_positions(uow, live) == [LEFT_1, RIGHT_1, LEFT_2, RIGHT_2]


# --- Coming back after a restart ----------------------------------------------------------


def test_after_a_restart_an_active_session_waits_at_the_step_after_its_last_logged_hold() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    before = registry(uow, clock)
    live = started(before)
    walk(before, clock, 10 + 3 + 10 + 2)  # both first holds logged, resting
    assert live.state.position == REST
    clock.advance(600)
    after = registry(uow, clock)
    revived = after.get(live.practice.id)
    assert revived is not None and revived is not live
    assert (revived.state.phase, revived.state.position) == (Phase.WAITING, REST)
    assert revived.state.remaining(clock.now()) is None
    assert after.get(live.practice.id) is revived
    assert after.current() is revived


def test_after_a_restart_a_resumed_hold_starts_when_the_dancer_is_ready() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    before = registry(uow, clock)
    live = started(before)
    walk(before, clock, 10 + 1)  # first hold logged, switching sides
    after = registry(uow, clock)
    revived = after.get(live.practice.id)
    assert revived is not None
    assert (revived.state.phase, revived.state.position) == (Phase.WAITING, SWITCH_1)
    after.act(live.practice.id, Action.READY, position=SWITCH_1)
    assert (revived.state.phase, revived.state.position) == (Phase.RUNNING, SWITCH_1)


@pytest.mark.parametrize("ending", ["finish", "abort"])
def test_after_a_restart_a_session_that_ended_comes_back_ended(ending: str) -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    before = registry(uow, clock)
    live = started(before, [1])
    if ending == "finish":
        walk(before, clock, 10 + 3 + 10 + 5 + 10 + 3 + 10)
    else:
        before.act(live.practice.id, Action.ABORT)
    phase = live.state.phase
    assert phase is (Phase.FINISHED if ending == "finish" else Phase.ABORTED)
    after = registry(uow, clock)
    revived = after.get(live.practice.id)
    assert revived is not None and revived.state.phase is phase
    assert revived.state.plan.exercise_numbers == (1,)
    # The feed comes back from the log as it was: the same numbers, nothing new to say.
    assert (revived.feed.id, revived.feed.last) == (live.feed.id, live.feed.last)
    assert revived.feed.after(live.feed.last) == []
    assert after.current() is None
    assert after.restore_unfinished() is None


def test_restore_unfinished_picks_up_the_latest_active_session() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    assert registry(uow, clock).restore_unfinished() is None
    older = started(registry(uow, clock))
    clock.advance(60)
    newer = started(registry(uow, clock))  # a new process: it knew nothing of the older one
    walk(registry(uow, clock), clock, 11)
    restarted = registry(uow, clock)
    restored = restarted.restore_unfinished()
    assert restored is not None and restored.practice.id == newer.practice.id
    assert restored.state.phase is Phase.WAITING
    assert restarted.current() is restored
    assert status_in_log(uow, older) is SessionStatus.ACTIVE


def test_reviving_a_session_whose_every_step_was_logged_closes_it_in_the_log() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    before = registry(uow, clock)
    live = started(before, [1])
    walk(before, clock, 10 + 3 + 10 + 5 + 10 + 3 + 10)
    # A log where the close never landed (written by an older version that died in between).
    record = uow.committed.saved_sessions[live.practice.id]
    uow.committed.saved_sessions[live.practice.id] = replace(
        record, status=SessionStatus.ACTIVE, ended_at=None
    )
    assert logged_positions(uow, live)[-1] == RIGHT_2
    revived = registry(uow, clock).get(live.practice.id)
    assert revived is not None and revived.state.phase is Phase.FINISHED
    assert status_in_log(uow, live) is SessionStatus.FINISHED
    assert registry(uow, clock).restore_unfinished() is None


# --- The current session ------------------------------------------------------------------


def test_current_is_the_most_recent_session_not_over() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    older = started(registry(uow, clock))  # left unfinished by a server since stopped
    clock.advance(60)
    reg = registry(uow, clock)
    revived_older = reg.current()  # found in the log, to resume
    assert revived_older is not None and revived_older.practice.id == older.practice.id
    assert not revived_older.read_only and not revived_older.state.is_over
    newer = reg.start("tiny", None, None)
    assert reg.get(older.practice.id) is revived_older
    assert status_in_log(uow, older) is SessionStatus.ACTIVE  # a new start ends only its own
    assert reg.current() is newer
    reg.act(newer.practice.id, Action.ABORT)
    assert reg.current() is revived_older
    reg.act(older.practice.id, Action.ABORT)
    assert reg.current() is None


# --- Stop and skip the exercise -----------------------------------------------------------


def test_a_warning_sign_ends_the_exercise_for_today() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    clock.advance(4)
    decision, same = reg.stop(live.practice.id, "sharp_pain")
    assert same is live
    assert decision.ends_exercise and decision.reason is StopReason.SHARP_PAIN
    assert (live.state.phase, live.state.position) == (Phase.WAITING, LIE_DOWN)
    assert live.state.item is not None and live.state.item.exercise.number == 2
    (stop,) = uow.committed_safety.stop_events
    assert (stop.session_id, stop.routine_key, stop.exercise_number, stop.reason) == (
        live.practice.id,
        "tiny",
        1,
        StopReason.SHARP_PAIN,
    )
    assert stop.ended_exercise and stop.at == clock.now()
    holds = uow.committed.session_holds(live.practice.id)
    assert [h.position for h in holds] == [LEFT_1, RIGHT_1, LEFT_2, RIGHT_2]
    assert {h.status for h in holds} == {HoldStatus.SKIPPED}
    assert holds[0].actual_seconds == 4
    assert status_in_log(uow, live) is SessionStatus.ACTIVE


def test_a_warning_sign_in_the_last_exercise_ends_the_session() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg, [1])
    decision, _ = reg.stop(live.practice.id, "numbness")
    assert decision.ends_exercise
    assert live.state.phase is Phase.FINISHED
    assert status_in_log(uow, live) is SessionStatus.FINISHED
    assert reg.current() is None


def test_soreness_pauses_and_keeps_the_exercise() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    decision, _ = reg.stop(live.practice.id, "soreness")
    assert not decision.ends_exercise and decision.reason is StopReason.SORENESS
    assert (live.state.phase, live.state.position) == (Phase.PAUSED, LEFT_1)
    (stop,) = uow.committed_safety.stop_events
    assert stop.reason is StopReason.SORENESS and not stop.ended_exercise
    assert logged_positions(uow, live) == []


def test_a_stop_brings_the_session_up_to_the_clock_first() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    clock.advance(10 + 3 + 1)  # into the second hold, and nothing ticked
    reg.stop(live.practice.id, "other")
    assert (live.state.phase, live.state.position) == (Phase.PAUSED, RIGHT_1)
    (stop,) = uow.committed_safety.stop_events
    assert stop.exercise_number == 1 and logged_positions(uow, live) == [LEFT_1]


def test_stopping_a_session_that_is_over_is_refused() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.ABORT)
    with pytest.raises(InputError):
        reg.stop(live.practice.id, "sharp_pain")
    assert uow.committed_safety.stop_events == []


def test_an_unknown_stop_reason_is_refused_and_nothing_is_recorded() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    with pytest.raises(InputError) as refused:
        reg.stop(live.practice.id, "bored")
    assert refused.value.field == "reason"
    assert live.state.phase is Phase.RUNNING
    assert uow.committed_safety.stop_events == []


def test_skipping_the_exercise_leaves_out_the_rest_of_it() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    walk(reg, clock, 10 + 3 + 2)  # into the second hold
    same = reg.skip_exercise(live.practice.id)
    assert same is live
    assert (live.state.phase, live.state.position) == (Phase.WAITING, LIE_DOWN)
    holds = uow.committed.session_holds(live.practice.id)
    assert [(h.position, h.status) for h in holds] == [
        (LEFT_1, HoldStatus.COMPLETED),
        (RIGHT_1, HoldStatus.SKIPPED),
        (LEFT_2, HoldStatus.SKIPPED),
        (RIGHT_2, HoldStatus.SKIPPED),
    ]
    assert uow.committed_safety.stop_events == []


# --- Refresh ------------------------------------------------------------------------------


def test_refresh_brings_a_session_up_to_the_clock() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    clock.advance(10)
    reg.refresh(live)
    assert live.state.position == SWITCH_1
    assert logged_positions(uow, live) == [LEFT_1]


def test_refresh_answers_at_once_while_another_thread_holds_the_session() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    clock.advance(10)
    live.lock.acquire()
    try:
        page = threading.Thread(target=reg.refresh, args=(live,), daemon=True)
        page.start()
        page.join(timeout=2)
        assert not page.is_alive()
        assert (live.state.phase, live.state.position) == (Phase.RUNNING, LEFT_1)
        assert logged_positions(uow, live) == []
    finally:
        live.lock.release()
    reg.refresh(live)
    assert live.state.position == SWITCH_1


def test_refresh_says_when_the_log_cannot_be_written() -> None:
    uow, clock = BrokenLogUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    uow.broken = True
    clock.advance(10)
    reg.refresh(live)
    assert live.error is not None and live.state.position == LEFT_1
    uow.broken = False
    reg.refresh(live)
    assert live.error is None and logged_positions(uow, live) == [LEFT_1]


# --- The event feed -----------------------------------------------------------------------


def test_a_feed_numbers_its_entries_from_one() -> None:
    feed = EventFeed()
    assert feed.last == 0 and feed.after(0) == []
    feed.add([Paused(), Resumed(), Beep(3)], at=12.5)
    entries = feed.after(0)
    assert [(e.seq, e.kind, e.beep, e.at) for e in entries] == [
        (1, "paused", None, 12.5),
        (2, "resumed", None, 12.5),
        (3, "beep", 3, 12.5),
    ]
    assert feed.last == 3


def test_a_feed_gives_only_the_entries_after_the_one_a_page_has_seen() -> None:
    feed = EventFeed()
    feed.add([Paused(), Resumed()], at=1.0)
    feed.add([Beep(2)], at=2.0)
    assert [e.seq for e in feed.after(1)] == [2, 3]
    assert feed.after(3) == []
    assert [e.seq for e in feed.after(-5)] == [1, 2, 3]


def test_a_feed_keeps_at_most_its_latest_entries_but_counts_on() -> None:
    feed = EventFeed(keep=3)
    feed.add([Beep(n) for n in range(5, 0, -1)], at=0.0)
    assert [e.seq for e in feed.after(0)] == [3, 4, 5]
    assert [e.beep for e in feed.after(0)] == [3, 2, 1]
    assert feed.last == 5


def test_two_feeds_have_different_ids() -> None:
    assert EventFeed().id != EventFeed().id


def test_every_kind_of_event_has_a_name_in_the_feed() -> None:
    assert {t.__name__ for t in typing.get_args(Event)} == set(KINDS)


def test_every_live_session_has_its_own_feed_and_lock() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    first = reg.start("tiny", None, None)
    second = reg.start("tiny", None, None, replace=True)
    assert first.feed is not second.feed and first.feed.id != second.feed.id
    assert first.lock is not second.lock
    assert second.feed.last == 1
