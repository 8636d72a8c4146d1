"""A web session's run in the log (run_state.py), as the processes that do not hold its lease
use it: one shows it, any web process of a studio acts on it, and the one that takes the lease
over carries it on from where the last one left it."""

from __future__ import annotations

from turnout.domain import session as engine
from turnout.domain.events import Event
from turnout.domain.log import Lease, PracticeSession, SessionStatus
from turnout.domain.routine import Routine
from turnout.domain.session import Phase, SessionState
from turnout.ports import UnitOfWork
from turnout.services import run_state
from turnout.services.leases import Owner, Tenure, claim
from turnout.services.practice import Practice, next_position, resume_practice, session_plan

# A run whose clock nobody has moved for this long is not carried on by a process taking the
# session over: the dancer has gone, and it waits at the step after its last logged hold.
CARRY_ON_SECONDS = 30.0


def catch_up(practice: Practice) -> bool:
    """Take in the run the log has, if another process wrote it since; False when the log
    keeps no run this process can read."""
    with practice.uow as uow:
        found = uow.practice.run(practice.id)
        if found is not None and found[1] != practice.version:
            practice.record = uow.practice.get_session(practice.id) or practice.record
    if found is None:
        return False
    text, version = found
    if version == practice.version:
        return True
    loaded = run_state.load(text, practice.state.plan)
    if loaded is None:
        return False
    practice.state, feed = loaded
    practice.feed, practice.version = practice.feed.merged(feed), version
    if practice.state.is_over and practice.tenure is not None:
        practice.release()  # ended by another process: nothing left to run here
    return True


def logged_practice(
    uow: UnitOfWork,
    routine: Routine,
    record: PracticeSession,
    owner: Owner,
    now: float,
    with_run: bool = False,
) -> tuple[Practice, Lease | None]:
    """The session as the log has it now, for a process that does not run it, and the lease
    of the other live process that runs it, if one does. Ended; or, `with_run` and the log
    keeps its run, as that run left it; or else waiting at the step after its last hold."""
    with uow:
        record = uow.practice.get_session(record.id) or record
        lease = uow.practice.lease(record.id)
        holds = uow.practice.session_holds(record.id)
        run = uow.practice.run(record.id)
    plan = session_plan(routine, record.exercise_numbers)
    loaded = run_state.load(run[0], plan) if run is not None else None
    feed = loaded[1] if loaded is not None else None
    version = run[1] if run is not None else None
    if record.status is not SessionStatus.ACTIVE:
        phase = Phase.FINISHED if record.status is SessionStatus.FINISHED else Phase.ABORTED
        ended = SessionState(plan, len(plan.items), phase)
        return Practice(uow, record, ended, feed=feed, version=version), None
    if with_run and loaded is not None:
        return Practice(uow, record, loaded[0], feed=feed, version=version), owner.rival(lease)
    state, _ = engine.start(plan, now, 0, position=next_position(holds), wait=True)
    return Practice(uow, record, state, feed=feed, version=version), owner.rival(lease)


def carry_on(
    uow: UnitOfWork,
    routine: Routine,
    record: PracticeSession,
    now: float,
    get_ready_seconds: int,
    owner: Owner,
) -> tuple[Practice, tuple[Event, ...]]:
    """Take the session's lease and run it on from its run in the log, as if nothing had
    happened (another process of a studio's server stopped or died). A run nobody moved for
    CARRY_ON_SECONDS, or none, is resumed at the step after its last logged hold instead.
    Raises SessionHeldError while another live process runs it."""
    with uow.writing():
        claim(uow, owner, record.id)
        run = uow.practice.run(record.id)
        uow.commit()
    plan = session_plan(routine, record.exercise_numbers)
    loaded = run_state.load(run[0], plan) if run is not None else None
    if run is None or loaded is None or _abandoned(loaded[0], now):
        feed = loaded[1] if loaded is not None else None
        return resume_practice(uow, routine, record, now, get_ready_seconds, owner, feed, True)
    state, feed = loaded
    return Practice(uow, record, state, Tenure(owner, record.id), feed, run[1]), ()


def _abandoned(state: SessionState, now: float) -> bool:
    counting = state.phase in (Phase.GET_READY, Phase.RUNNING)
    return counting and state.deadline is not None and state.deadline < now - CARRY_ON_SECONDS
