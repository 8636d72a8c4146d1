"""Screening -> adaptations: who swaps which exercise of the classic routine, and why."""

from __future__ import annotations

import pytest

from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.routine import Routine
from turnout.domain.safety import (
    BEIGHTON_ITEMS,
    Alternative,
    Force,
    HipCondition,
    Notice,
    Profile,
    Region,
    Why,
    adapt,
    beighton_score,
)
from turnout.domain.validation import InvalidValueError


@pytest.fixture(scope="module")
def classic() -> Routine:
    return FileRoutineSource().load("classic")


def replaced_keys(routine: Routine, profile: Profile | None) -> list[str]:
    return [a.exercise.key for a in adapt(routine, profile).replaced]


def test_an_adult_without_concerns_keeps_the_published_routine_unchanged(classic: Routine) -> None:
    found = adapt(classic, Profile(age=25))
    assert found.replaced == () and found.notices == ()
    assert found.safe_numbers == (1, 2, 3, 4, 5)


def test_without_a_profile_nothing_is_adapted(classic: Routine) -> None:
    assert replaced_keys(classic, None) == []


def test_under_18_the_weighted_and_partner_pressed_stretches_are_replaced(
    classic: Routine,
) -> None:
    found = adapt(classic, Profile(age=14))
    assert [a.exercise.key for a in found.replaced] == [
        "supine-straddle",
        "wall-straddle",
        "frog-lifted-heels",
    ]
    assert found.safe_numbers == (1, 3)
    frog = found.for_exercise(5)
    assert frog is not None and frog.instead is Alternative.SELF_CONTROLLED
    (reason,) = frog.reasons
    assert reason.why is Why.YOUNG and reason.minor and not reason.growth_spurt
    assert reason.forces == (Force.WEIGHTS, Force.PARTNER)
    assert frog.alternative == "active/gentle-butterfly"


def test_a_growth_spurt_counts_even_for_an_adult_and_is_named(classic: Routine) -> None:
    found = adapt(classic, Profile(age=18, growth_spurt=True))
    wall = found.for_exercise(4)
    assert wall is not None
    (reason,) = wall.reasons
    assert reason.growth_spurt and not reason.minor and reason.forces == (Force.WEIGHTS,)


def test_a_hip_condition_replaces_every_end_range_stretch_with_strength(classic: Routine) -> None:
    found = adapt(classic, Profile(age=30, hip_conditions=frozenset({HipCondition.LABRAL_TEAR})))
    assert found.safe_numbers == (3,)
    assert {a.instead for a in found.replaced} == {Alternative.STRENGTH}
    (reason,) = found.replaced[0].reasons
    assert reason.why is Why.HIP_CONDITION and reason.hip_conditions == {HipCondition.LABRAL_TEAR}
    assert found.notices == (Notice.HIP_CONDITION,)


def test_hypermobility_from_six_of_nine_swaps_passive_range_for_control(classic: Routine) -> None:
    assert replaced_keys(classic, Profile(age=22, beighton=5)) == []
    found = adapt(classic, Profile(age=22, beighton=6))
    assert len(found.replaced) == 4
    assert [(r.why, r.beighton) for r in found.replaced[0].reasons] == [(Why.HYPERMOBILE, 6)]


def test_young_and_hypermobile_gives_both_reasons_and_strength_wins(classic: Routine) -> None:
    found = adapt(classic, Profile(age=15, beighton=7))
    straddle = found.for_exercise(2)
    assert straddle is not None
    assert [r.why for r in straddle.reasons] == [Why.YOUNG, Why.HYPERMOBILE]
    assert straddle.instead is Alternative.STRENGTH
    assert straddle.alternative == "active/side-lying-rotation"


def test_current_pain_adds_a_notice_but_removes_nothing(classic: Routine) -> None:
    found = adapt(classic, Profile(age=30, pain_now=frozenset({Region.KNEE})))
    assert found.replaced == ()
    assert found.notices == (Notice.PAIN_NOW,) and found.pain_now == (Region.KNEE,)


def test_the_beighton_score_counts_each_yes_of_the_nine_items() -> None:
    assert len(BEIGHTON_ITEMS) == 9
    assert beighton_score({}) == 0
    assert beighton_score(dict.fromkeys(BEIGHTON_ITEMS, True)) == 9
    assert beighton_score({"thumb_left": True, "knee_right": True, "elbow_left": False}) == 2


def test_an_unknown_beighton_item_is_refused_by_name() -> None:
    with pytest.raises(InvalidValueError, match="beighton: unknown item 'toes'"):
        beighton_score({"toes": True})


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"age": -3}, "age"),
        ({"age": 400}, "age"),
        ({"age": 20, "beighton": 10}, "beighton"),
        ({"age": 20, "height_cm": 89}, "height_cm"),
        ({"age": 20, "height_cm": 231}, "height_cm"),
        ({"age": 20, "height_cm": 170.5}, "height_cm"),
        ({"age": 20, "height_cm": True}, "height_cm"),
    ],
)
def test_an_impossible_profile_names_the_field(kwargs: dict[str, int], field: str) -> None:
    with pytest.raises(InvalidValueError) as refused:
        Profile(**kwargs)  # type: ignore[arg-type]
    assert refused.value.field == field


def test_a_height_is_optional_and_taken_from_90_to_230_cm() -> None:
    assert Profile(age=20).height_cm is None
    assert [Profile(age=20, height_cm=cm).height_cm for cm in (90, 170, 230)] == [90, 170, 230]
    with pytest.raises(InvalidValueError, match="height_cm: 89 is not possible; enter 90 to 230"):
        Profile(age=20, height_cm=89)


def test_a_height_changes_nothing_in_the_routine(classic: Routine) -> None:
    assert adapt(classic, Profile(age=14, height_cm=160)) == adapt(classic, Profile(age=14))
