"""Use cases that fit the routine to the dancer today: swaps from the screening, exercises
resting after a warning sign, and what Today, the routine page and the player show of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo

from turnout.domain.pain import Moment
from turnout.domain.routine import Exercise, Routine
from turnout.domain.safety import Adaptation, Adaptations, Profile
from turnout.errors import InvalidChoiceError
from turnout.i18n import _
from turnout.ports import UnitOfWork
from turnout.services.pain_text import stop_words
from turnout.services.safety import adaptations, pain_checks, profile, reminders, resting_today


@dataclass(frozen=True)
class Swap:
    """An adapted exercise with the exercise that replaces it, ready to start."""

    adaptation: Adaptation
    routine_key: str | None
    replacement: Exercise | None


def swaps(routines: Mapping[str, Routine], adapted: Adaptations) -> dict[int, Swap]:
    """Each replaced exercise by number, with its alternative looked up in `routines`."""
    return {a.exercise.number: _swap(routines, a) for a in adapted.replaced}


def _swap(routines: Mapping[str, Routine], adaptation: Adaptation) -> Swap:
    if not adaptation.alternative:
        return Swap(adaptation, None, None)
    routine_key, exercise_key = adaptation.alternative.split("/", 1)
    routine = routines.get(routine_key)
    found = next((e for e in routine.exercises if e.key == exercise_key), None) if routine else None
    return Swap(adaptation, routine_key, found)


def resting_numbers(uow: UnitOfWork, routine_key: str, now: float, tz: tzinfo) -> dict[int, str]:
    """Exercises of the routine ended today by a warning sign, with the reason in words."""
    return {
        number: stop_words(stop.reason)
        for (key, number), stop in resting_today(uow, now, tz).items()
        if key == routine_key
    }


def without_resting(
    uow: UnitOfWork, routine: Routine, chosen: list[int] | None, now: float, tz: tzinfo
) -> list[int] | None:
    """The exercises asked for, less those a warning sign ended today; refuses if none is left."""
    resting = resting_numbers(uow, routine.key, now, tz)
    if not resting:
        return chosen
    numbers = chosen or [e.number for e in routine.exercises]
    left = [n for n in numbers if n not in resting]
    if not left:
        raise InvalidChoiceError(
            _("That exercise was stopped today because of a warning sign; rest it until tomorrow.")
        )
    return left


@dataclass(frozen=True)
class Outlook:
    """What Today and the routine page show about screening, adaptations, stops and reminders."""

    profile: Profile | None
    adapted: Adaptations
    swaps: dict[int, Swap]
    resting: dict[int, str]
    reminders: list[str]
    start_numbers: str  # the exercises a Start button plays, "" for all of them
    nothing_left: bool


def outlook(
    uow: UnitOfWork,
    routine: Routine,
    routines: Mapping[str, Routine],
    now: float,
    tz: tzinfo,
    age: int | None = None,
) -> Outlook:
    """The routine as this dancer should practise it today, and why (`age`: see adaptations)."""
    adapted = adaptations(uow, routine, age)
    resting = resting_numbers(uow, routine.key, now, tz)
    playable = [n for n in adapted.safe_numbers if n not in resting]
    changed = len(playable) != len(routine.exercises)
    return Outlook(
        profile=profile(uow),
        adapted=adapted,
        swaps=swaps(routines, adapted),
        resting=resting,
        reminders=reminders(uow, now, tz),
        start_numbers=",".join(str(n) for n in playable) if changed else "",
        nothing_left=not playable,
    )


@dataclass(frozen=True)
class PlayerChecks:
    """Which pain checks the player still asks for in a session, and the reminders first."""

    ask_before: bool
    ask_after: bool
    reminders: list[str]


def player_checks(
    uow: UnitOfWork, session_id: str, fresh: bool, now: float, tz: tzinfo
) -> PlayerChecks:
    """`fresh`: the session has not held anything yet, so the check before still makes sense."""
    moments = {c.moment for c in pain_checks(uow, session_id)}
    return PlayerChecks(
        ask_before=fresh and Moment.BEFORE not in moments,
        ask_after=Moment.AFTER not in moments,
        reminders=reminders(uow, now, tz) if fresh else [],
    )
