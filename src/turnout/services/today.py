"""Today's routine as a flow: which exercises are done, which are left, and what Start does.

An exercise is done for today once every one of its holds has been completed today, across
sessions (a hold cut short or skipped does not count), or once a warning sign ended it (it
rests until tomorrow). One partly done is not: Start continues from its beginning, and Today
says how many of its holds are done."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum

from turnout.domain.routine import Exercise, Routine
from turnout.ports import UnitOfWork
from turnout.services.adaptation import Outlook, outlook
from turnout.services.history import PlanRow, today_plan


class StartKind(StrEnum):
    FRESH = "fresh"  # nothing of the routine done yet today
    CONTINUE = "continue"  # some done: Start goes on from the first exercise left
    DONE = "done"  # everything the dancer may practise today is done
    NOTHING = "nothing"  # nothing may be practised today (adapted away or resting)


@dataclass(frozen=True)
class TodayStart:
    """What the main button does: which exercises it plays, from which one."""

    kind: StartKind
    numbers: tuple[int, ...]
    first: Exercise | None
    done: int  # exercises of the playable ones done today
    playable: int


@dataclass(frozen=True)
class Today:
    outlook: Outlook
    plan: list[PlanRow]
    start: TodayStart


def left_today(playable: Sequence[int], plan: Sequence[PlanRow]) -> list[int]:
    """The playable exercises not done today, in the routine's order."""
    done = {row.exercise.number for row in plan if row.done}
    return [number for number in playable if number not in done]


def start_of(routine: Routine, playable: Sequence[int], plan: Sequence[PlanRow]) -> TodayStart:
    """The main button's plan: the whole playable routine on a fresh day or once all is done
    (to do it again), else the exercises left, starting with the first of them."""
    left = left_today(playable, plan)
    begun = any(row.holds_done for row in plan if row.exercise.number in playable)
    done = len(playable) - len(left)
    if not playable:
        return TodayStart(StartKind.NOTHING, (), None, 0, 0)
    if not left:
        return TodayStart(StartKind.DONE, tuple(playable), None, done, len(playable))
    kind = StartKind.CONTINUE if begun else StartKind.FRESH
    return TodayStart(kind, tuple(left), routine.exercise(left[0]), done, len(playable))


def today(
    uow: UnitOfWork,
    routine: Routine,
    routines: Mapping[str, Routine],
    now: float,
    tz: tzinfo,
    age: int | None = None,
) -> Today:
    """The routine as this dancer may practise it today, what is done and what Start plays."""
    seen = outlook(uow, routine, routines, now, tz, age)
    plan = today_plan(uow, routine, now, tz)
    playable = [n for n in seen.adapted.safe_numbers if n not in seen.resting]
    return Today(seen, plan, start_of(routine, playable, plan))
