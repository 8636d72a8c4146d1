"""The published routine, as shipped: every number of the article, expanded into steps."""

from __future__ import annotations

import pytest

from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.routine import Actor, Exercise, Routine, Side, StepKind


@pytest.fixture(scope="module")
def classic() -> Routine:
    return FileRoutineSource().load("classic")


def by_key(routine: Routine, key: str) -> Exercise:
    return next(exercise for exercise in routine.exercises if exercise.key == key)


def test_classic_is_listed_among_the_built_in_routines() -> None:
    assert "classic" in FileRoutineSource().names()


def test_the_classic_routine_has_the_five_exercises_of_the_article_in_order(
    classic: Routine,
) -> None:
    assert classic.key == "classic"
    assert classic.source == "How to Improve Ballet Turnout"
    assert [(e.number, e.key) for e in classic.exercises] == [
        (1, "butterfly-press"),
        (2, "supine-straddle"),
        (3, "mirror-first-position"),
        (4, "wall-straddle"),
        (5, "frog-lifted-heels"),
    ]


def test_each_exercise_has_the_published_number_of_holds(classic: Routine) -> None:
    assert [len(e.holds) for e in classic.exercises] == [9, 6, 10, 1, 10]
    assert [e.repetitions for e in classic.exercises] == [3, 3, 5, 1, 10]


def test_each_exercise_holds_for_the_published_time(classic: Routine) -> None:
    assert [e.hold_seconds for e in classic.exercises] == [90, 180, 600, 900, 200]
    assert classic.hold_seconds == 1970


def test_the_holds_last_as_long_as_the_article_says(classic: Routine) -> None:
    assert [sorted({h.seconds or 0 for h in e.holds}) for e in classic.exercises] == [
        [10],
        [30],
        [60],
        [900],
        [20],
    ]


def test_the_butterfly_press_presses_left_right_then_both_three_times(classic: Routine) -> None:
    one_round = [
        (StepKind.HOLD, 10, Side.LEFT),
        (StepKind.SWITCH_SIDE, 5, None),
        (StepKind.HOLD, 10, Side.RIGHT),
        (StepKind.SWITCH_SIDE, 5, None),
        (StepKind.HOLD, 10, Side.BOTH),
        (StepKind.RELEASE, 10, None),
    ]
    expected = [(StepKind.SETUP, None, None, 0)] + [
        (*step, rep) for rep in (1, 2, 3) for step in one_round
    ]
    steps = classic.exercise(1).steps
    assert [(s.kind, s.seconds, s.side, s.repetition) for s in steps] == expected


def test_the_repetition_number_is_written_into_the_titles(classic: Routine) -> None:
    titles = [h.title for h in classic.exercise(1).holds]
    assert titles[0] == "Left knee down, round 1 of 3"
    assert titles[-1] == "Both knees down, round 3 of 3"
    assert not any("{rep}" in s.title + s.cue for e in classic.exercises for s in e.steps)


def test_the_supine_straddle_rests_between_rounds_but_not_after_the_last(
    classic: Routine,
) -> None:
    kinds = [s.kind for s in by_key(classic, "supine-straddle").steps]
    assert kinds.count(StepKind.REST) == 2
    assert kinds[-1] is StepKind.RELEASE


def test_the_partner_does_the_pressing_in_the_partner_exercises(classic: Routine) -> None:
    for key in ("supine-straddle", "frog-lifted-heels"):
        exercise = by_key(classic, key)
        assert all(h.actor is Actor.PARTNER and h.partner_cue for h in exercise.holds)
        assert "partner" in exercise.equipment
        assert exercise.partner_role


def test_the_dancer_holds_alone_in_the_other_exercises(classic: Routine) -> None:
    for key in ("butterfly-press", "mirror-first-position", "wall-straddle"):
        assert all(h.actor is Actor.DANCER for h in by_key(classic, key).holds)


def test_each_exercise_lists_the_equipment_it_needs(classic: Routine) -> None:
    assert [e.equipment for e in classic.exercises] == [
        (),
        ("partner",),
        ("mirror",),
        ("ankle weights", "wall"),
        ("partner", "ankle weights"),
    ]
    assert set(classic.equipment) == {"partner", "ankle weights", "mirror", "wall"}


def test_every_exercise_explains_how_we_read_the_article(classic: Routine) -> None:
    assert all(e.interpretation for e in classic.exercises)


def test_the_wall_straddle_checks_in_every_three_minutes_and_warns(classic: Routine) -> None:
    wall = by_key(classic, "wall-straddle")
    (hold,) = wall.holds
    assert hold.check_in_every == 180
    assert wall.frequency == "once or twice a day"
    assert any("20 minutes" in caution for caution in wall.cautions)
    assert any("numbness" in caution for caution in wall.cautions)


def test_setup_steps_wait_for_the_dancer_and_every_other_step_is_timed(
    classic: Routine,
) -> None:
    for step in (s for e in classic.exercises for s in e.steps):
        assert step.is_timed is (step.kind is not StepKind.SETUP)


def test_the_routine_carries_the_tips_and_the_feet_warning(classic: Routine) -> None:
    tips = " ".join(classic.tips).lower()
    assert "every day" in tips
    assert "sore" in tips
    assert "hip flexors" in tips
    assert any("never force it from the feet" in w.lower() for w in classic.warnings)
