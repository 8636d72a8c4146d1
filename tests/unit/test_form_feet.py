import math

import pytest

from turnout.domain.form import Foot, first_position, foot_turnout, world_first_position
from turnout.domain.geometry import Point, Vector
from turnout.domain.pose import Joint, Landmark, Point3, Pose


def foot(out_degrees: float, left: bool, length: float = 250.0) -> Foot:
    """A foot on the floor, heel at the origin, turned out by `out_degrees`."""
    sideways = math.sin(math.radians(out_degrees)) * length
    ahead = math.cos(math.radians(out_degrees)) * length
    return Foot(Point(0, 0), Point(sideways if left else -sideways, ahead))


@pytest.mark.parametrize(("left", "right"), [(30, 30), (45, 45), (60, 75), (90, 90), (20, 70)])
def test_first_position_recovers_each_foot_and_the_total(left: float, right: float) -> None:
    angles = first_position(foot(left, True), foot(right, False))
    assert (angles.left, angles.right) == pytest.approx((left, right))
    assert angles.total == pytest.approx(left + right)


def test_a_foot_turned_in_reads_negative() -> None:
    assert foot_turnout(Vector(-1, 1), left=True) == pytest.approx(-45)
    assert foot_turnout(Vector(1, 1), left=False) == pytest.approx(-45)


def test_parallel_feet_have_no_turnout() -> None:
    assert first_position(foot(0, True), foot(0, False)).total == pytest.approx(0)


def test_the_heel_position_does_not_change_the_angle() -> None:
    moved = Foot(Point(40, -15), Point(40 + 100, -15 + 100))
    assert first_position(moved, foot(45, False)).left == pytest.approx(45)


def test_a_forward_that_is_not_the_mat_y_axis_is_respected() -> None:
    forward = Vector(1, 1)  # the dancer stands at 45 deg to the mat, facing its corner
    along_x, along_y = Foot(Point(0, 0), Point(1, 0)), Foot(Point(0, 0), Point(0, 1))
    assert first_position(along_x, along_y, forward).total == pytest.approx(90)
    assert first_position(along_y, along_x, forward).total == pytest.approx(-90)


def world_pose(out_left: float, out_right: float) -> Pose:
    """World points of a person facing -z (toward the camera), y down, in metres."""

    def heel_toe(out: float, side: float) -> tuple[Point3, Point3]:
        heel = Point3(0.03 * side, 0.9, 0.0)
        rad = math.radians(out)
        return heel, Point3(heel.x + side * 0.25 * math.sin(rad), 0.9, -0.25 * math.cos(rad))

    lh, lt = heel_toe(out_left, 1.0)  # the dancer's left is the camera's right: +x
    rh, rt = heel_toe(out_right, -1.0)
    world = {
        Joint.LEFT_HIP: Point3(0.1, 0.0, 0.0),
        Joint.RIGHT_HIP: Point3(-0.1, 0.0, 0.0),
        Joint.LEFT_ANKLE: Point3(0.05, 0.85, 0.0),
        Joint.RIGHT_ANKLE: Point3(-0.05, 0.85, 0.0),
        Joint.LEFT_HEEL: lh,
        Joint.RIGHT_HEEL: rh,
        Joint.LEFT_TOE: lt,
        Joint.RIGHT_TOE: rt,
    }
    return Pose({j: Landmark(0, 0) for j in world}, 100, 100, world)


def test_the_world_estimate_recovers_angles_of_a_clean_3d_pose() -> None:
    angles = world_first_position(world_pose(55, 65))
    assert angles is not None
    assert (angles.left, angles.right) == pytest.approx((55, 65), abs=1e-6)


def test_the_world_estimate_needs_world_points() -> None:
    assert world_first_position(Pose({}, 10, 10)) is None
