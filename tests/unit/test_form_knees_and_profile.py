import pytest

from turnout.domain.form import (
    KNEE_TOLERANCE,
    PELVIS_TOLERANCE,
    TRUNK_TOLERANCE,
    KneeTracking,
    KneeVerdict,
    Pelvis,
    ProfileAlignment,
    Trunk,
    knee_bend,
    knee_tracking,
    profile_alignment,
)
from turnout.domain.geometry import Point
from turnout.domain.pose import Joint, Landmark, Pose
from turnout.services.form_text import knee_message, profile_message


def front_plie(left_knee_x: float, right_knee_x: float) -> Pose:
    """A dancer facing the camera in demi-plie; the dancer's left is the image's right."""
    points = {
        Joint.LEFT_HIP: (560, 500),
        Joint.RIGHT_HIP: (440, 500),
        Joint.LEFT_KNEE: (left_knee_x, 700),
        Joint.RIGHT_KNEE: (right_knee_x, 700),
        Joint.LEFT_ANKLE: (540, 900),
        Joint.RIGHT_ANKLE: (460, 900),
        Joint.LEFT_TOE: (660, 930),
        Joint.RIGHT_TOE: (340, 930),
    }
    return Pose({j: Landmark(x, y) for j, (x, y) in points.items()}, 1000, 1000)


def test_knees_over_the_toes_track_well() -> None:
    pose = front_plie(655, 345)
    for side in ("left", "right"):
        assert knee_tracking(pose, side).verdict is KneeVerdict.OVER


def test_a_knee_between_the_toe_and_the_midline_falls_inside() -> None:
    reading = knee_tracking(front_plie(580, 345), "left")
    assert reading.verdict is KneeVerdict.INSIDE
    assert reading.offset_px == pytest.approx(80)
    assert reading.angle > 0
    assert "forced from the feet" in knee_message(reading)


def test_the_right_knee_inside_is_measured_toward_the_midline_too() -> None:
    reading = knee_tracking(front_plie(655, 420), "right")
    assert reading.verdict is KneeVerdict.INSIDE
    assert reading.offset_px == pytest.approx(80)


def test_a_knee_beyond_the_toes_is_outside() -> None:
    assert knee_tracking(front_plie(760, 345), "left").verdict is KneeVerdict.OUTSIDE


def test_a_better_toe_point_replaces_the_model_toe() -> None:
    reading = knee_tracking(front_plie(580, 345), "left", toe=Point(585, 930))
    assert reading.verdict is KneeVerdict.OVER


def test_a_straight_leg_has_no_bend_and_a_right_angle_is_ninety() -> None:
    assert knee_bend(Point(0, 0), Point(0, 10), Point(0, 20)) == pytest.approx(0)
    assert knee_bend(Point(0, 0), Point(0, 10), Point(10, 10)) == pytest.approx(90)


def side_view(hip_x: float, shoulder_x: float, facing_right: bool = True) -> Pose:
    sign = 1 if facing_right else -1
    near = {
        Joint.LEFT_SHOULDER: (500 + sign * shoulder_x, 300),
        Joint.LEFT_HIP: (500 + sign * hip_x, 600),
        Joint.LEFT_ANKLE: (500, 1000),
        Joint.LEFT_EAR: (500 + sign * shoulder_x, 200),
        Joint.NOSE: (500 + sign * (shoulder_x + 40), 210),
    }
    far = {Joint.RIGHT_SHOULDER: (0, 0), Joint.RIGHT_HIP: (0, 0), Joint.RIGHT_ANKLE: (0, 0)}
    marks = {j: Landmark(x, y) for j, (x, y) in near.items()}
    marks.update({j: Landmark(x, y, visibility=0.2) for j, (x, y) in far.items()})
    return Pose(marks, 1000, 1100)


@pytest.mark.parametrize("facing_right", [True, False])
def test_a_stacked_body_is_neutral_in_profile(facing_right: bool) -> None:
    reading = profile_alignment(side_view(0, 0, facing_right))
    assert reading.pelvis_shift == pytest.approx(0, abs=1e-9)
    assert reading.trunk_lean == pytest.approx(0, abs=1e-9)
    assert reading.pelvis is Pelvis.NEUTRAL and reading.trunk is Trunk.UPRIGHT
    assert "neutral" in profile_message(reading)


@pytest.mark.parametrize("facing_right", [True, False])
def test_hips_pushed_forward_read_as_a_tucked_pelvis(facing_right: bool) -> None:
    reading = profile_alignment(side_view(60, 0, facing_right))
    assert reading.pelvis_shift > 4
    assert reading.pelvis is Pelvis.TUCKED
    assert "tucked" in profile_message(reading)


@pytest.mark.parametrize("facing_right", [True, False])
def test_a_seat_behind_the_line_reads_as_a_tipped_pelvis(facing_right: bool) -> None:
    reading = profile_alignment(side_view(-60, 0, facing_right))
    assert reading.pelvis_shift < -4
    assert reading.pelvis is Pelvis.TIPPED
    assert "tipped" in profile_message(reading)


def test_shoulders_ahead_of_the_hips_lean_forward() -> None:
    reading = profile_alignment(side_view(0, 80))
    assert reading.trunk_lean == pytest.approx(14.9, abs=0.1)
    assert reading.trunk is Trunk.FORWARD
    assert "leans forward" in profile_message(reading)


@pytest.mark.parametrize(
    ("share", "knee", "pelvis", "trunk"),
    [
        (1.0, KneeVerdict.OVER, Pelvis.NEUTRAL, Trunk.UPRIGHT),  # right on the tolerance
        (-1.0, KneeVerdict.OVER, Pelvis.NEUTRAL, Trunk.UPRIGHT),
        (1.01, KneeVerdict.INSIDE, Pelvis.TUCKED, Trunk.FORWARD),
        (-1.01, KneeVerdict.OUTSIDE, Pelvis.TIPPED, Trunk.BACK),
    ],
)
def test_each_reading_is_within_its_tolerance_up_to_the_limit_and_beyond_it_past_it(
    share: float, knee: KneeVerdict, pelvis: Pelvis, trunk: Trunk
) -> None:
    assert KneeTracking("left", share * KNEE_TOLERANCE * 200, 200, 10).verdict is knee
    alignment = ProfileAlignment(trunk_lean=share * TRUNK_TOLERANCE, pelvis_shift=0.0)
    assert alignment.trunk is trunk
    assert ProfileAlignment(0.0, pelvis_shift=share * PELVIS_TOLERANCE).pelvis is pelvis
