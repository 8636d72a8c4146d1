"""Use cases for routines: a routine as plain data for the CLI's JSON and the API."""

from __future__ import annotations

from enum import Enum

from turnout.domain.routine import Exercise, Routine, Step

_ROUTINE = ("key", "name", "description", "source", "equipment", "tips", "warnings")
_EXERCISE = (
    "number",
    "key",
    "name",
    "summary",
    "repetitions",
    "equipment",
    "partner_role",
    "frequency",
    "interpretation",
    "cautions",
)


def describe_routine(routine: Routine) -> dict[str, object]:
    """The routine as plain data, in a stable shape for `routine show --json` and the API."""
    return {
        **_plain(routine, _ROUTINE),
        "total_hold_seconds": routine.hold_seconds,
        "exercises": [_describe_exercise(exercise) for exercise in routine.exercises],
    }


def _describe_exercise(exercise: Exercise) -> dict[str, object]:
    return {
        **_plain(exercise, _EXERCISE),
        "hold_count": len(exercise.holds),
        "hold_seconds": exercise.hold_seconds,
        "steps": [_describe_step(index, step) for index, step in enumerate(exercise.steps)],
    }


def _describe_step(index: int, step: Step) -> dict[str, object]:
    return {
        "index": index,
        **_plain(step, ("kind", "title", "cue", "seconds")),
        "repetition": step.repetition or None,
        **_plain(step, ("side", "actor", "partner_cue")),
        "waits_for_ready": not step.is_timed,
    }


def _plain(value: object, names: tuple[str, ...]) -> dict[str, object]:
    """The named attributes of `value` as JSON takes them: tuples as lists, enums as values."""
    return {name: _json_value(getattr(value, name)) for name in names}


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    return value.value if isinstance(value, Enum) else value
