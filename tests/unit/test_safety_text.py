"""Screening in words: why an exercise is swapped, notices, and the cautions before a stretch."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.fakes import tiny_routine
from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.safety import (
    BEIGHTON_ITEMS,
    Adaptations,
    Force,
    HipCondition,
    Notice,
    Profile,
    Reason,
    Region,
    Why,
    adapt,
)
from turnout.services.safety_text import (
    because,
    beighton_items,
    confirmation,
    notices,
    reason_text,
    region_label,
    stop_note,
)

SELF = "replaced by a stretch you control yourself"


@pytest.mark.parametrize(
    ("forces", "words"),
    [
        ((Force.WEIGHTS,), "the ankle weights are"),
        ((Force.PARTNER,), "the partner pressing is"),
        ((Force.WEIGHTS, Force.PARTNER), "the ankle weights and the partner pressing are"),
    ],
)
def test_the_verb_is_plural_for_the_weights_or_for_two_things_and_singular_for_the_partner(
    forces: tuple[Force, ...], words: str
) -> None:
    reason = Reason(Why.YOUNG, 14, forces=forces)
    assert reason_text(reason) == f"because you are under 18, {words} {SELF}"


@pytest.mark.parametrize(
    ("age", "growth_spurt", "who"),
    [
        (14, False, "you are under 18"),
        (14, True, "you are under 18 and growing fast"),
        (18, True, "you are in a growth spurt"),
    ],
)
def test_a_young_dancer_is_told_whether_age_or_growth_or_both_are_the_reason(
    age: int, growth_spurt: bool, who: str
) -> None:
    reason = Reason(Why.YOUNG, age, growth_spurt, (Force.WEIGHTS,))
    assert reason_text(reason).startswith(f"because {who}, the ankle weights are")


def test_hip_conditions_are_named_in_alphabetical_order() -> None:
    conditions = frozenset({HipCondition.LABRAL_TEAR, HipCondition.DYSPLASIA})
    assert reason_text(Reason(Why.HIP_CONDITION, 30, hip_conditions=conditions)) == (
        "because you told us about a hip condition (dysplasia, labral tear), this end-range "
        "stretch of the hip is replaced by strengthening"
    )


def test_hypermobility_gives_the_beighton_score() -> None:
    assert reason_text(Reason(Why.HYPERMOBILE, 22, beighton=7)) == (
        "because your joints are very mobile (Beighton 7 of 9), more passive range is replaced "
        "by strength and control"
    )


def test_two_reasons_for_one_exercise_make_one_sentence_with_one_replacement() -> None:
    classic = FileRoutineSource().load("classic")
    straddle = adapt(classic, Profile(age=15, beighton=7)).for_exercise(2)
    assert straddle is not None
    assert because(straddle) == (
        "because you are under 18 and your joints are very mobile (Beighton 7 of 9), more "
        "passive range is replaced by strength and control"
    )


def test_three_reasons_are_listed_once_each_before_the_strengthening_that_replaces_them() -> None:
    classic = FileRoutineSource().load("classic")
    profile = Profile(age=15, beighton=7, hip_conditions=frozenset({HipCondition.DYSPLASIA}))
    frog = adapt(classic, profile).for_exercise(5)
    assert frog is not None
    text = because(frog)
    assert text.count("because") == 1 and text.count("replaced") == 1 and ";" not in text
    assert text == (
        "because you are under 18, you told us about a hip condition (dysplasia) and your "
        "joints are very mobile (Beighton 7 of 9), this end-range stretch of the hip is "
        "replaced by strengthening"
    )


def test_a_stop_today_says_it_rests_until_tomorrow_and_a_later_one_says_go_gently() -> None:
    today = stop_note(0, "Earlier today", "Frog", "sharp pain")
    later = stop_note(1, "Yesterday", "Frog", "sharp pain")
    assert "rests until tomorrow" in today and "Go gently" not in today
    assert later.startswith("Yesterday you stopped Frog (sharp pain). Go gently with it today")
    assert "tomorrow" not in later


def test_pain_now_names_each_region_and_a_hip_condition_sends_to_a_physiotherapist() -> None:
    adapted = Adaptations(
        tiny_routine(),
        notices=(Notice.PAIN_NOW, Notice.HIP_CONDITION),
        pain_now=(Region.HIP_GROIN, Region.LOW_BACK),
    )
    pain, hips = notices(adapted)
    assert pain.startswith("You told us about pain now (hip or groin, low back). Work gently,")
    assert hips.startswith("With a known hip condition, ask your physiotherapist or doctor")


def test_an_exercise_without_weights_or_a_partner_needs_no_confirming() -> None:
    assert confirmation(tiny_routine().exercise(1)) is None


def test_a_long_hold_with_weights_and_a_partner_reads_both_cautions_in_order() -> None:
    long = replace(tiny_routine().exercise(2), equipment=("ankle weights", "partner"))
    text = confirmation(long)
    assert text is not None and text.startswith("This is a long stretch at the end of your range")
    assert text.endswith("you can press Stop at any time.")


def test_a_short_hold_with_weights_gets_the_short_caution() -> None:
    short = replace(tiny_routine().exercise(1), equipment=("ankle weights",))
    assert confirmation(short) == (
        "Weights add force to a stretch at the end of your range. Keep it mild to moderate, "
        "never painful, and take the weights off at once if anything pinches or goes numb."
    )


def test_every_beighton_item_and_region_has_words() -> None:
    assert [key for key, _ in beighton_items()] == list(BEIGHTON_ITEMS)
    assert all(text for _, text in beighton_items())
    assert region_label(Region.HIP_GROIN) == "hip or groin"
    assert all(region_label(r) for r in Region)
