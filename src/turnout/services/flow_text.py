"""The words of the routine as a flow: the rest the app puts between two exercises, and why a
new start waits while a session is under way."""

from __future__ import annotations

from turnout.domain.plan import REST_BETWEEN_SECONDS
from turnout.domain.routine import Exercise, Step, StepKind
from turnout.domain.state import SessionState


def rest_before(following: Exercise) -> Step:
    """A short, skippable rest whose cue names the exercise that comes next and its needs."""
    needs = f" It needs: {', '.join(following.equipment)}." if following.equipment else ""
    return Step(
        StepKind.REST,
        f"Rest before exercise {following.number}",
        f"Rest and breathe; skip ahead when you are set. Next: {following.name}.{needs}",
        REST_BETWEEN_SECONDS,
    )


def under_way(state: SessionState) -> str:
    """Why a start is refused while this session goes on, and how to go ahead anyway."""
    item = state.item
    where = f"exercise {item.exercise.number}, " if item else ""
    return (
        f"A session is under way ({where}step {state.position + 1} of {len(state.plan.items)}). "
        "Go back to it, or end it first: start again with replace set to true to end it "
        "(every hold done stays saved) and start this one."
    )
