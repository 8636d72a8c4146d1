"""Use cases for routines: a routine as plain data for the CLI's JSON and the API."""

from __future__ import annotations

from turnout.domain.routine import Exercise, Routine, Step


def describe_routine(routine: Routine) -> dict[str, object]:
    """The routine as plain data, in a stable shape for `routine show --json` and the API."""
    return {
        "key": routine.key,
        "name": routine.name,
        "description": routine.description,
        "source": routine.source,
        "equipment": list(routine.equipment),
        "tips": list(routine.tips),
        "warnings": list(routine.warnings),
        "total_hold_seconds": routine.hold_seconds,
        "exercises": [_describe_exercise(exercise) for exercise in routine.exercises],
    }


def _describe_exercise(exercise: Exercise) -> dict[str, object]:
    return {
        "number": exercise.number,
        "key": exercise.key,
        "name": exercise.name,
        "summary": exercise.summary,
        "repetitions": exercise.repetitions,
        "equipment": list(exercise.equipment),
        "partner_role": exercise.partner_role,
        "frequency": exercise.frequency,
        "interpretation": exercise.interpretation,
        "cautions": list(exercise.cautions),
        "hold_count": len(exercise.holds),
        "hold_seconds": exercise.hold_seconds,
        "steps": [_describe_step(index, step) for index, step in enumerate(exercise.steps)],
    }


def _describe_step(index: int, step: Step) -> dict[str, object]:
    return {
        "index": index,
        "kind": step.kind.value,
        "title": step.title,
        "cue": step.cue,
        "seconds": step.seconds,
        "repetition": step.repetition or None,
        "side": step.side.value if step.side else None,
        "actor": step.actor.value,
        "partner_cue": step.partner_cue,
        "waits_for_ready": not step.is_timed,
    }
