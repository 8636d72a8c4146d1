import math

import pytest

from turnout.domain.geometry import (
    Point,
    Vector,
    angle_between,
    apply_homography,
    invert_homography,
    median,
    midpoint,
    percentile,
    signed_angle,
)

SHEAR = ((2.0, 0.5, 10.0), (0.1, 1.5, -4.0), (0.001, 0.002, 1.0))


def test_points_subtract_to_a_vector_and_add_one_back() -> None:
    a, b = Point(1, 2), Point(4, 6)
    assert b - a == Vector(3, 4)
    assert a + (b - a) == b
    assert a.distance(b) == 5


def test_a_midpoint_is_halfway() -> None:
    assert midpoint(Point(0, 0), Point(2, 4)) == Point(1, 2)


def test_the_angle_between_perpendicular_vectors_is_ninety_degrees() -> None:
    assert angle_between(Vector(1, 0), Vector(0, 5)) == pytest.approx(90)


def test_the_angle_between_is_unsigned_and_at_most_180() -> None:
    assert angle_between(Vector(1, 0), Vector(0, -1)) == pytest.approx(90)
    assert angle_between(Vector(1, 0), Vector(-1, 0)) == pytest.approx(180)


def test_a_signed_angle_is_positive_from_x_toward_y() -> None:
    assert signed_angle(Vector(1, 0), Vector(0, 1)) == pytest.approx(90)
    assert signed_angle(Vector(0, 1), Vector(1, 0)) == pytest.approx(-90)


def test_a_unit_vector_has_length_one_and_a_zero_vector_has_no_direction() -> None:
    assert Vector(3, 4).unit().length == pytest.approx(1)
    with pytest.raises(ValueError, match="zero vector"):
        Vector(0, 0).unit()


def test_the_identity_homography_leaves_points_alone() -> None:
    identity = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
    assert apply_homography(identity, Point(3, -2)) == Point(3, -2)


def test_a_homography_divides_by_the_projective_coordinate() -> None:
    halve = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 2.0))
    assert apply_homography(halve, Point(4, 6)) == Point(2, 3)


def test_a_point_on_the_horizon_cannot_be_mapped() -> None:
    horizon = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (1.0, 0.0, 0.0))
    with pytest.raises(ValueError, match="infinity"):
        apply_homography(horizon, Point(0, 5))


def test_the_inverse_homography_maps_points_back() -> None:
    p = Point(17.0, -3.0)
    back = apply_homography(invert_homography(SHEAR), apply_homography(SHEAR, p))
    assert (back.x, back.y) == pytest.approx((p.x, p.y))


def test_the_median_of_an_even_count_averages_the_middle_pair() -> None:
    assert median([4, 1, 3, 2]) == 2.5
    assert median([5, 1, 3]) == 3


def test_percentiles_interpolate_between_values() -> None:
    assert percentile([0, 10], 0.25) == pytest.approx(2.5)
    assert percentile([7], 0.9) == 7
    assert math.isclose(percentile(range(101), 0.9), 90)
