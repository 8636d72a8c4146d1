"""Screening, adaptations, reminders and readings shaped for the pages and the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from turnout import safety_services
from turnout.domain.measurement import METHODS, Measurement
from turnout.domain.pain import STOP_LABELS, WARNING_SIGNS, Moment
from turnout.domain.routine import Exercise, Routine
from turnout.domain.safety import Adaptation, Adaptations, Profile, Region
from turnout.web.deps import Web
from turnout.web.registry import InvalidChoiceError
from turnout.web.safety_schemas import AdaptationOut, AdaptationsOut, MeasurementOut, ProfileOut
from turnout.web.schemas import SessionView


@dataclass(frozen=True)
class Swap:
    """An adapted exercise with the exercise that replaces it, ready to start."""

    adaptation: Adaptation
    routine_key: str | None
    replacement: Exercise | None


def swaps(web: Web, adapted: Adaptations) -> dict[int, Swap]:
    """Each replaced exercise by number, with its alternative looked up in the built-ins."""
    return {a.exercise.number: _swap(web, a) for a in adapted.replaced}


def _swap(web: Web, adaptation: Adaptation) -> Swap:
    if not adaptation.alternative:
        return Swap(adaptation, None, None)
    routine_key, exercise_key = adaptation.alternative.split("/", 1)
    routine = web.routines().get(routine_key)
    found = next((e for e in routine.exercises if e.key == exercise_key), None) if routine else None
    return Swap(adaptation, routine_key, found)


def adaptations_out(web: Web, adapted: Adaptations) -> AdaptationsOut:
    found = swaps(web, adapted)
    return AdaptationsOut(
        routine=adapted.routine.key,
        safe_exercises=list(adapted.safe_numbers),
        replaced=[
            AdaptationOut(
                exercise_number=number,
                exercise_name=swap.adaptation.exercise.name,
                because=swap.adaptation.because,
                instead=swap.adaptation.instead.value,
                alternative=swap.adaptation.alternative,
                alternative_name=swap.replacement.name if swap.replacement else None,
            )
            for number, swap in found.items()
        ],
        notices=list(adapted.notices),
    )


def profile_out(profile: Profile) -> ProfileOut:
    return ProfileOut(
        age=profile.age,
        growth_spurt=profile.growth_spurt,
        hip_conditions=sorted(c.value for c in profile.hip_conditions),
        pain_now=sorted(r.value for r in profile.pain_now),
        beighton=profile.beighton,
        hypermobile=profile.hypermobile,
    )


def measurement_out(reading: Measurement) -> MeasurementOut:
    return MeasurementOut(
        id=reading.id,
        quantity=reading.quantity.value,
        method=reading.method.value,
        method_label=METHODS[reading.method].label,
        side=reading.side.value,
        trials=list(reading.trials),
        value=reading.value,
        error=reading.error,
        taken_on=reading.taken_on,
        note=reading.note,
    )


def resting_numbers(web: Web, routine_key: str) -> dict[int, str]:
    """Exercises of the routine ended today by a warning sign, with the reason in words."""
    resting = safety_services.resting_today(web.uow, web.now(), web.tz)
    return {
        number: stop.reason.value.replace("_", " ")
        for (key, number), stop in resting.items()
        if key == routine_key
    }


def safety_context(web: Web, routine: Routine | None) -> dict[str, Any]:
    """What Today and the routine page show about screening, adaptations, stops and reminders."""
    if routine is None:
        return {}
    adapted = safety_services.adaptations(web.uow, routine)
    resting = resting_numbers(web, routine.key)
    playable = [n for n in adapted.safe_numbers if n not in resting]
    changed = len(playable) != len(routine.exercises)
    return {
        "profile": safety_services.profile(web.uow),
        "adapted": adapted,
        "swaps": swaps(web, adapted),
        "resting": resting,
        "reminders": safety_services.reminders(web.uow, web.now(), web.tz),
        "start_numbers": ",".join(str(n) for n in playable) if changed else "",
        "nothing_left": not playable,
    }


def without_resting(web: Web, routine_key: str, chosen: list[int] | None) -> list[int] | None:
    """The exercises asked for, less those a warning sign ended today; refuses if none is left."""
    resting = resting_numbers(web, routine_key)
    if not resting:
        return chosen
    numbers = chosen or [e.number for e in web.routine(routine_key).exercises]
    left = [n for n in numbers if n not in resting]
    if not left:
        raise InvalidChoiceError(
            "That exercise was stopped today because of a warning sign; rest it until tomorrow."
        )
    return left


def player_safety(web: Web, view: SessionView) -> dict[str, Any]:
    """Which pain checks the player still asks for, the stop reasons, and reminders."""
    moments = {c.moment for c in safety_services.pain_checks(web.uow, view.id)}
    fresh = view.progress.holds_done == 0 and view.phase not in ("finished", "aborted")
    return {
        "ask_before": fresh and Moment.BEFORE not in moments,
        "ask_after": Moment.AFTER not in moments,
        "regions": list(Region),
        "stop_reasons": STOP_LABELS,
        "warning_signs": WARNING_SIGNS,
        "reminders": safety_services.reminders(web.uow, web.now(), web.tz) if fresh else [],
    }
