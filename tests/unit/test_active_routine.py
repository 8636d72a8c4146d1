"""The active turnout routine, as shipped: strength first, then stretches dosed as advised."""

from __future__ import annotations

import pytest

from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.routine import Actor, Exercise, Routine
from turnout.domain.safety import Profile, adapt, is_loaded, is_partner_pressed

STRETCHES = ("gentle-butterfly", "hip-flexor-stretch", "wall-straddle-unweighted")


@pytest.fixture(scope="module")
def active() -> Routine:
    return FileRoutineSource().load("active")


def by_key(routine: Routine, key: str) -> Exercise:
    return next(exercise for exercise in routine.exercises if exercise.key == key)


def test_the_active_routine_is_built_in_beside_the_classic_one() -> None:
    assert FileRoutineSource().names() == ["active", "classic"]


def test_it_strengthens_the_rotators_first_and_stretches_after(active: Routine) -> None:
    assert [e.key for e in active.exercises] == [
        "prone-passe-lifts",
        "clamshell-band",
        "side-lying-rotation",
        "standing-rotation",
        *STRETCHES,
    ]


def test_each_exercise_has_its_number_of_holds_and_seconds(active: Routine) -> None:
    assert [len(e.holds) for e in active.exercises] == [4, 4, 4, 6, 3, 6, 3]
    assert [e.hold_seconds for e in active.exercises] == [120, 160, 120, 60, 135, 180, 135]
    assert active.hold_seconds == 910


def test_every_stretch_is_held_30_to_60_seconds_3_to_5_times_per_muscle_group(
    active: Routine,
) -> None:
    for key in STRETCHES:
        exercise = by_key(active, key)
        assert all(30 <= (hold.seconds or 0) <= 60 for hold in exercise.holds)
        assert 3 <= exercise.repetitions <= 5
        assert exercise.frequency == "at least five days a week"


def test_no_hold_of_the_active_routine_is_long_loaded_or_partner_pressed(active: Routine) -> None:
    assert max(hold.seconds or 0 for e in active.exercises for hold in e.holds) <= 60
    assert not any(is_loaded(e) or is_partner_pressed(e) for e in active.exercises)
    assert all(s.actor is Actor.DANCER for e in active.exercises for s in e.steps)


def test_nobody_needs_an_adaptation_of_the_active_routine(active: Routine) -> None:
    profile = Profile(age=13, growth_spurt=True, beighton=8)
    assert adapt(active, profile).replaced == ()


def test_it_needs_a_band_a_mat_discs_and_a_wall(active: Routine) -> None:
    assert set(active.equipment) == {"mat", "resistance band", "rotation discs", "wall"}


def test_every_alternative_named_by_the_classic_routine_exists_here(active: Routine) -> None:
    classic = FileRoutineSource().load("classic")
    keys = {e.key for e in active.exercises}
    for exercise in classic.exercises:
        for ref in (exercise.gentle_alternative, exercise.strength_alternative):
            if ref:
                routine, key = ref.split("/")
                assert routine == "active" and key in keys


def test_the_pelvis_is_cued_neutral_never_tucked(active: Routine) -> None:
    text = " ".join(s.cue for e in active.exercises for s in e.steps).lower()
    assert "tuck" not in text
    assert any("neutral" in tip for tip in active.tips)
