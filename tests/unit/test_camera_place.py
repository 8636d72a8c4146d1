"""Where the camera stood, from the floor homography; and heels brought down to the floor."""

from __future__ import annotations

import math

import pytest

from turnout.domain.camera import HEEL_LINE_MM, CameraPlace, camera_place, grounded
from turnout.domain.form import Foot
from turnout.domain.geometry import Homography, Point

Matrix = list[list[float]]


def _mul(a: Matrix, b: Matrix) -> Matrix:
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def _inv(m: Matrix) -> Matrix:
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    adj = [
        [e * i - f * h, c * h - b * i, b * f - c * e],
        [f * g - d * i, a * i - c * g, c * d - a * f],
        [d * h - e * g, b * g - a * h, a * e - b * d],
    ]
    return [[v / det for v in row] for row in adj]


def homography(
    centre: tuple[float, float, float], aim: tuple[float, float], focal: float
) -> Homography:
    """Image to floor for a pinhole camera at `centre` (mm, z up) looking at floor point `aim`,
    its picture 1280x960 with the optical centre in the middle."""
    forward = [aim[0] - centre[0], aim[1] - centre[1], -centre[2]]
    norm = math.sqrt(sum(v * v for v in forward))
    z = [v / norm for v in forward]
    x = [z[1], -z[0], 0.0]  # level with the floor
    xn = math.sqrt(x[0] ** 2 + x[1] ** 2)
    x = [v / xn for v in x]
    y = [z[1] * x[2] - z[2] * x[1], z[2] * x[0] - z[0] * x[2], z[0] * x[1] - z[1] * x[0]]
    rows = [x, y, z]  # world to camera
    t = [-sum(r[i] * centre[i] for i in range(3)) for r in rows]
    floor_to_camera = [[rows[i][0], rows[i][1], t[i]] for i in range(3)]
    k = [[focal, 0.0, 640.0], [0.0, focal, 480.0], [0.0, 0.0, 1.0]]
    h = _inv(_mul(k, floor_to_camera))
    return tuple((r[0] / h[2][2], r[1] / h[2][2], r[2] / h[2][2]) for r in h)  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("centre", "focal"),
    [
        ((0.0, 1200.0, 1000.0), 1000.0),
        ((250.0, 900.0, 1400.0), 1600.0),
        ((-300.0, 1600.0, 800.0), 900.0),
    ],
)
def test_the_camera_is_found_where_it_stood(
    centre: tuple[float, float, float], focal: float
) -> None:
    place = camera_place(homography(centre, (0.0, 100.0), focal), 1280, 960)
    assert place is not None
    assert place.nadir.x == pytest.approx(centre[0], abs=0.5)
    assert place.nadir.y == pytest.approx(centre[1], abs=0.5)
    assert place.height == pytest.approx(centre[2], abs=0.5)


def test_a_camera_looking_straight_down_gives_no_place() -> None:
    assert camera_place(homography((0.0, 110.0, 1200.0), (0.0, 100.0), 1000.0), 1280, 960) is None


def test_a_heel_pushed_back_by_its_height_is_brought_onto_the_heel_line() -> None:
    place = CameraPlace(Point(0.0, 1000.0), 1000.0)
    seen = Foot(Point(20.0, -40.0), Point(260.0, 60.0))
    down = grounded(seen, place)
    assert down is not None and down.heel_range is not None
    assert [p.y for p in down.heel_range] == pytest.approx(list(HEEL_LINE_MM), abs=1e-6)
    assert down.heel.y == pytest.approx(sum(HEEL_LINE_MM) / 2, abs=1e-6)
    assert down.toe == seen.toe  # the toe tip is low and faces the camera: left as it is
    assert abs(down.heel.x) < abs(seen.heel.x)  # moved toward the camera's foot point


def test_a_heel_already_on_the_line_may_have_no_height_at_all() -> None:
    place = CameraPlace(Point(0.0, 1000.0), 1000.0)
    down = grounded(Foot(Point(20.0, 8.0), Point(260.0, 60.0)), place)
    assert down is not None and down.heel_range is not None
    assert down.heel_range[0] == Point(20.0, 8.0)  # height 0: where it was seen


@pytest.mark.parametrize("y", [45.0, -400.0])
def test_a_heel_off_the_line_cannot_be_grounded(y: float) -> None:
    # In front of the line at any height, or so far back it would have to be 70 mm up or more.
    place = CameraPlace(Point(0.0, 1000.0), 1000.0)
    assert grounded(Foot(Point(20.0, y), Point(260.0, 60.0)), place) is None
