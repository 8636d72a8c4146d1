"""What a session came to, as the log has it: the counts of its holds, and why it ended. The
rules are the domain's (`domain/outcome.py`); this reads what they need in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from turnout.domain.log import PracticeSession
from turnout.domain.outcome import Ending, HoldTally, ending, tally
from turnout.domain.state import SessionState
from turnout.ports import UnitOfWork


@dataclass(frozen=True)
class Outcome:
    holds: HoldTally
    ended_because: Ending | None


def session_outcome(uow: UnitOfWork, record: PracticeSession, state: SessionState) -> Outcome:
    """The holds done, cut short and skipped so far, and (once over) why the session ended."""
    with uow:
        holds = uow.practice.session_holds(record.id)
        stops = uow.safety.stops(since=record.started_at) if state.is_over else []
    warned = [s.exercise_number for s in stops if s.session_id == record.id and s.ended_exercise]
    return Outcome(tally(holds), ending(state.phase, state.plan, warned))
