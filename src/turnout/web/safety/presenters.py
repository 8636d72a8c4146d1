"""Screening and adaptations shaped for the API."""

from __future__ import annotations

from collections.abc import Mapping

from turnout.domain.routine import Routine
from turnout.domain.safety import Adaptations, Profile
from turnout.services.adaptation import swaps
from turnout.services.safety_text import because, notices
from turnout.web.safety.schemas import AdaptationOut, AdaptationsOut, ProfileOut


def adaptations_out(adapted: Adaptations, routines: Mapping[str, Routine]) -> AdaptationsOut:
    found = swaps(routines, adapted)
    return AdaptationsOut(
        routine=adapted.routine.key,
        safe_exercises=list(adapted.safe_numbers),
        replaced=[
            AdaptationOut(
                exercise_number=number,
                exercise_name=swap.adaptation.exercise.name,
                because=because(swap.adaptation),
                instead=swap.adaptation.instead.value,
                alternative=swap.adaptation.alternative,
                alternative_name=swap.replacement.name if swap.replacement else None,
            )
            for number, swap in found.items()
        ],
        notices=notices(adapted),
    )


def profile_out(profile: Profile) -> ProfileOut:
    return ProfileOut(
        age=profile.age,
        growth_spurt=profile.growth_spurt,
        hip_conditions=sorted(c.value for c in profile.hip_conditions),
        pain_now=sorted(r.value for r in profile.pain_now),
        beighton=profile.beighton,
        hypermobile=profile.hypermobile,
        height_cm=profile.height_cm,
    )
