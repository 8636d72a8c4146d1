"""The words of the routine as a flow: the rest the app puts between two exercises, why a new
start waits while a session is under way, and why an action or a resume is refused."""

from __future__ import annotations

from turnout.domain.plan import REST_BETWEEN_SECONDS
from turnout.domain.routine import Exercise, NoSuchExerciseError, Step, StepKind
from turnout.domain.state import SessionState, TransitionError
from turnout.i18n import _
from turnout.services.equipment_text import equipment_text


def rest_before(following: Exercise) -> Step:
    """A short, skippable rest whose cue names the exercise that comes next and its needs."""
    title = _("Rest before exercise {number}").format(number=following.number)
    if following.equipment:
        # Translators: {exercise} is the next exercise's name; {equipment} what it needs
        # ("mirror, ankle weights").
        cue = _(
            "Rest and breathe; skip ahead when you are set. Next: {exercise}. It needs: "
            "{equipment}."
        )
    else:
        # Translators: {exercise} is the next exercise's name.
        cue = _("Rest and breathe; skip ahead when you are set. Next: {exercise}.")
    equipment = equipment_text(following.equipment)
    return Step(
        StepKind.REST,
        title,
        cue.format(exercise=following.name, equipment=equipment),
        REST_BETWEEN_SECONDS,
    )


def under_way(state: SessionState) -> str:
    """Why a start is refused while this session goes on, and how to go ahead anyway."""
    item, count = state.item, len(state.plan.items)
    values = {"step": state.position + 1, "total": count}
    if item is not None:
        # Translators: "replace" and "true" are the API's words, as typed.
        text = _(
            "A session is under way (exercise {exercise}, step {step} of {total}). Go back to "
            "it, or end it first: start again with replace set to true to end it (every hold "
            "done stays saved) and start this one."
        )
        return text.format(exercise=item.exercise.number, **values)
    # Translators: "replace" and "true" are the API's words, as typed.
    text = _(
        "A session is under way (step {step} of {total}). Go back to it, or end it first: start "
        "again with replace set to true to end it (every hold done stays saved) and start this "
        "one."
    )
    return text.format(**values)


def refused(error: TransitionError) -> TransitionError:
    """The engine's refusal of an action (English, see domain/state.py), translated."""
    return TransitionError(_(error.template).format(**error.values))


def no_exercise(error: NoSuchExerciseError) -> str:
    """A session asked for an exercise its routine does not have."""
    # Translators: {routine} is a routine's key; {last} the number of its last exercise.
    text = _("Routine {routine} has no exercise {number}; choose 1 to {last}.")
    return text.format(**error.values)


def other_routine(session: str, was: str, asked: str) -> str:
    """A session to resume was of another routine than the one asked for."""
    # Translators: {session} is a session's short id, {was} and {asked} routines' keys;
    # --routine is an option, typed as it is.
    text = _(
        "Session {session} was of routine '{was}', not '{asked}'; resume it with --routine {was}."
    )
    return text.format(session=session, was=was, asked=asked)
