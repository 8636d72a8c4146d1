"""What the dancer is told about knees in demi-plie and about the pelvis and trunk in profile."""

from __future__ import annotations

from turnout.domain.form import KneeTracking, ProfileAlignment
from turnout.services.form_text import knee_message, profile_message


def test_a_knee_inside_the_foot_says_by_how_much_and_what_to_do() -> None:
    knee = KneeTracking("left", 60.0, 300.0, 40.0)
    assert knee_message(knee) == (
        "Your left knee falls inside your foot (11 deg, 20% of the shin): the turnout is being "
        "forced from the feet. Turn the foot in a little until the knee goes over the toes."
    )


def test_a_knee_outside_the_foot_gives_its_size_unsigned() -> None:
    knee = KneeTracking("right", -60.0, 300.0, 40.0)
    assert knee_message(knee) == (
        "Your right knee is outside your foot (11 deg, 20% of the shin); bring it over the toes."
    )


def test_a_knee_over_the_foot_is_simply_said_to_track_well() -> None:
    assert knee_message(KneeTracking("left", 10.0, 300.0, 40.0)) == (
        "Your left knee tracks over your foot."
    )


def test_the_pelvis_is_always_mentioned_and_an_upright_trunk_is_not() -> None:
    assert profile_message(ProfileAlignment(trunk_lean=2.0, pelvis_shift=0.0)) == (
        "Your pelvis sits neutral over your feet."
    )


def test_a_leaning_trunk_follows_the_pelvis_with_its_direction_and_size() -> None:
    assert profile_message(ProfileAlignment(trunk_lean=-12.4, pelvis_shift=6.0)) == (
        "Your hips are pushed forward (pelvis tucked); bring them back over your feet. "
        "Your trunk leans back 12 deg; stand tall."
    )
