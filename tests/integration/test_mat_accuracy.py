"""The mat path against synthetic ground truth: known feet, known cameras, rendered pictures."""

from __future__ import annotations

import random

import pytest

from tests.integration.vision_scenes import ANGLES, CAMERAS, first_position_feet, scene
from turnout.adapters.vision.feet import SilhouetteFootFinder
from turnout.adapters.vision.mat_detect import ArucoMatDetector
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.domain.form import Foot, first_position
from turnout.domain.geometry import Point, Vector, apply_homography
from turnout.domain.mat import MatView
from turnout.errors import MeasureError
from turnout.services.measuring import Mode, Report, Vision, measure_frames

NOISE_PX = (0, 2, 4, 8)


def floor_total(view: MatView, pixels: list[Point]) -> float:
    heel_l, toe_l, heel_r, toe_r = (apply_homography(view.image_to_floor, p) for p in pixels)
    return first_position(Foot(heel_l, toe_l), Foot(heel_r, toe_r)).total


def errors(paper: Paper, noise: float, seed: int = 7) -> list[float]:
    """Total-angle errors over every camera and stance, heel and toe pixels jittered by `noise`."""
    rng, mat, detector = random.Random(seed), layout(paper), ArucoMatDetector()
    found = []
    for camera in CAMERAS:
        for left, right in ANGLES:
            feet = first_position_feet(left, right)
            view = detector.detect(scene(mat, camera, feet))
            assert view is not None
            exact = camera.project([feet[0].heel, feet[0].toe, feet[1].heel, feet[1].toe])
            noisy = [Point(p.x + rng.gauss(0, noise), p.y + rng.gauss(0, noise)) for p in exact]
            found.append(floor_total(view, noisy) - (left + right))
    return found


@pytest.mark.parametrize("paper", list(Paper))
def test_exact_heel_and_toe_pixels_give_the_total_angle_within_one_degree(paper: Paper) -> None:
    assert max(abs(e) for e in errors(paper, 0)) < 1.0


def test_the_error_grows_with_point_noise_and_is_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = []
    for noise in NOISE_PX:
        found = sorted(abs(e) for e in errors(Paper.A4, noise))
        rows.append((noise, sum(found) / len(found), found[int(0.95 * (len(found) - 1))]))
    with capsys.disabled():
        print("\npoint noise (px sd) | mean |error| (deg) | 95th percentile (deg)")
        for noise, mean, p95 in rows:
            print(f"{noise:>19} | {mean:>18.2f} | {p95:>21.2f}")
    assert rows[0][1] < rows[1][1] < rows[3][1]


def measured(picture: object) -> Report:
    """The whole feet-only pipeline on one picture: the answer and the band it states."""
    vision = Vision(ArucoMatDetector(), SilhouetteFootFinder(), None)
    return measure_frames([picture], vision, Mode.FIRST_POSITION, still=True)  # type: ignore[list-item]


@pytest.mark.parametrize(("left", "right"), [(75, 75), (90, 90), (90, 60), (30, 30), (40, 20)])
@pytest.mark.parametrize("camera", CAMERAS[:3])
def test_the_foot_outline_on_the_mat_gives_wide_turnout_within_its_band(
    left: float, right: float, camera: object
) -> None:
    picture = scene(layout(Paper.A4), camera, first_position_feet(left, right))  # type: ignore[arg-type]
    report = measured(picture)
    # Flat silhouettes stand for heels of no height: the band allows for 0-70 mm.
    assert 4 <= report.band <= 9
    assert abs(report.values["total"].median - (left + right)) <= report.band


def test_a_camera_too_low_is_refused_rather_than_read() -> None:
    low = CAMERAS[3]  # 70 cm up, a metre away: 35 degrees down, a little less at the heels
    picture = scene(layout(Paper.A4), low, first_position_feet(60, 60))
    with pytest.raises(MeasureError, match="The camera is too low"):
        measured(picture)


# Where most students stand (girls of 8-11: about 93-105 deg total), the whole foot is on the
# plain paper ahead of the heel line, so the outline is used rather than the model's points.
@pytest.mark.parametrize(
    ("left", "right"), [(45, 45), (50, 50), (55, 55), (55, 35), (60, 40), (65, 45), (35, 65)]
)
@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("camera", CAMERAS[:3])
def test_the_foot_outline_gives_90_to_110_degrees_total_within_its_band(
    left: float, right: float, paper: Paper, camera: object
) -> None:
    picture = scene(layout(paper), camera, first_position_feet(left, right))  # type: ignore[arg-type]
    report = measured(picture)
    assert abs(report.values["total"].median - (left + right)) <= report.band
    assert abs(report.values["left"].median - left) <= report.band
    assert abs(report.values["right"].median - right) <= report.band


def test_the_foot_outline_declines_rather_than_guess_when_little_foot_is_on_the_paper() -> None:
    # Standing 19 cm too far forward: most of each foot is off the front of the mat.
    mat, camera = layout(Paper.A4), CAMERAS[0]
    ahead = Vector(0.0, 190.0)
    feet = tuple(Foot(f.heel + ahead, f.toe + ahead) for f in first_position_feet(30, 30))
    picture = scene(mat, camera, (feet[0], feet[1]))
    view = ArucoMatDetector().detect(picture)
    assert view is not None
    assert SilhouetteFootFinder().find(picture, view, None) == (None, None)
