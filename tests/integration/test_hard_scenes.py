"""The hard-scene generator itself: its truth is right, and its faults are what they say."""

from __future__ import annotations

import dataclasses
import math
import random

import cv2
import numpy as np
import pytest

from tests.integration.hard_conditions import BASELINE, CONDITIONS, base, scenes
from tests.integration.hard_floor import PX_PER_MM, Fault, Sheets, box_and_map, mat_floor
from tests.integration.hard_scenes import (
    Band,
    Light,
    SceneSpec,
    View,
    feet_of,
    floor_picture,
    render,
)
from tests.integration.hard_solids import ankle
from turnout.adapters.vision import build_vision
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.adapters.vision.mat_raster import FLOOR_GREY, PAPER_GREY
from turnout.domain.geometry import Point
from turnout.services.measuring import Mode, measure_frames

DICTIONARY = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)


def centres(grey: np.ndarray) -> dict[int, np.ndarray]:
    params = cv2.aruco.DetectorParameters()
    params.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_SUBPIX
    image = np.clip(np.round(grey), 0, 255).astype(np.uint8)
    corners, ids, _ = cv2.aruco.ArucoDetector(DICTIONARY, params).detectMarkers(image)
    return {int(i): c.reshape(4, 2).mean(axis=0) for i, c in zip(ids.ravel(), corners, strict=True)}


def at(image: np.ndarray, to_px: np.ndarray, x: float, y: float) -> float:
    """The mean grey of a 5 x 5 pixel patch at a floor point."""
    col, row = np.round((to_px @ [x, y, 1.0])[:2]).astype(int)
    return float(image[row - 2 : row + 3, col - 2 : col + 3].mean())


def test_clean_scenes_are_measured_within_3_degrees_of_their_truth() -> None:
    vision = build_vision(video=False, feet_only=True)
    for spec in scenes(BASELINE, 2):
        scene = render(spec)
        report = measure_frames([scene.image], vision, Mode.FIRST_POSITION, still=True)
        assert scene.truth.total == spec.left + spec.right and scene.label == BASELINE
        assert report.values["total"].median == pytest.approx(scene.truth.total, abs=3)


@pytest.mark.parametrize(
    ("seam", "moved", "step"), [("left-right", "R", (-8, 0)), ("front-back", "F", (0, 8))]
)
def test_a_gap_lays_the_sheets_apart_by_the_gap_with_the_floor_between(
    seam: str, moved: str, step: tuple[float, float]
) -> None:
    mat = layout(Paper.A4)
    clean, gapped = (
        centres(mat_floor(Paper.A4, None)),
        centres(mat_floor(Paper.A4, Fault("gap", seam, 8))),
    )
    assert clean.keys() == gapped.keys() == {m.id for m in mat.markers}
    for marker in mat.markers:
        shift = (gapped[marker.id] - clean[marker.id]) / PX_PER_MM
        expected = step if moved in marker.sheet else (0, 0)
        assert shift == pytest.approx(expected, abs=0.1)
    _, to_px = box_and_map(Paper.A4)
    # Between two stripes (8 mm wide, every 16 mm from x = 0), so the sheet shows paper.
    middle = (-4.0, 150.0) if seam == "left-right" else (156.0, mat.seam + 4.0)
    assert at(mat_floor(Paper.A4, Fault("gap", seam, 8)), to_px, *middle) == pytest.approx(
        FLOOR_GREY, abs=1
    )
    assert at(mat_floor(Paper.A4, None), to_px, *middle) == pytest.approx(PAPER_GREY, abs=1)


def test_a_shadow_band_darkens_the_paper_by_its_density_in_the_floor_and_the_picture() -> None:
    plain = SceneSpec("band", 3, 30, 30, view=View(pitch=60, height=1000), noise=0.0)
    shaded = dataclasses.replace(plain, band=Band(0.3, 150, 90, through=(-220, 40)))
    (floor, to_px), (dark, _) = (
        floor_picture(s, feet_of(s), np.random.default_rng(0)) for s in (plain, shaded)
    )
    assert at(dark, to_px, -220, 40) / at(floor, to_px, -220, 40) == pytest.approx(0.70, abs=0.01)
    assert at(dark, to_px, 0, 150) == pytest.approx(at(floor, to_px, 0, 150), abs=0.5)  # beside it
    (p,) = plain.view.camera().project([Point(-220.0, 40.0)])
    col, row = round(p.x), round(p.y)
    lit, shadow = (
        render(s).image[row - 2 : row + 3, col - 2 : col + 3].mean() for s in (plain, shaded)
    )
    assert shadow / lit == pytest.approx(0.70, abs=0.02)


def test_the_dancers_own_shadow_falls_forward_from_her_feet_at_its_density() -> None:
    plain = SceneSpec("own", 4, 45, 45, noise=0.0)
    lit = dataclasses.replace(plain, light=Light(density=0.4, elevation=60, azimuth=0, softness=6))
    (floor, to_px), (dark, _) = (
        floor_picture(s, feet_of(s), np.random.default_rng(0)) for s in (plain, lit)
    )
    x, y = ankle(feet_of(plain)[0])
    ahead = y + 300 / math.tan(math.radians(60))  # the shadow of the leg 300 mm up
    assert at(dark, to_px, x, ahead) / at(floor, to_px, x, ahead) == pytest.approx(0.60, abs=0.02)
    assert at(dark, to_px, x, y - 80) == pytest.approx(
        at(floor, to_px, x, y - 80), abs=0.5
    )  # not behind


def test_a_3d_shoe_shows_more_than_the_floor_it_stands_on() -> None:
    flat = SceneSpec("3d", 5, 50, 50, view=View(pitch=40, height=900), noise=0.0)
    solid = dataclasses.replace(flat, solid=True)
    # Darker than the floor and the paper: the shoe, not its contact shadow.
    dark = [int((render(s).image.max(axis=2) < 100).sum()) for s in (flat, solid)]
    assert dark[1] > 1.15 * dark[0]


def test_the_same_spec_renders_the_same_picture() -> None:
    spec = scenes("3D + legs, tights, pink satin", 1)[0]
    assert np.array_equal(render(spec).image, render(spec).image)


def test_plain_paper_has_no_markers_and_its_truth_says_where_the_sheets_lie() -> None:
    spec = SceneSpec("paper", 6, 60, 60, sheets=Sheets(Paper.LETTER, 2, "under", turn=2.0))
    scene = render(spec)
    ids = cv2.aruco.ArucoDetector(DICTIONARY).detectMarkers(scene.image)[1]
    assert ids is None or len(ids) == 0
    assert len(scene.truth.sheets) == 2
    for corners in scene.truth.sheets:
        sides = [math.dist(a, b) for a, b in zip(corners, corners[1:] + corners[:1], strict=True)]
        assert sides == pytest.approx([279.4, 215.9, 279.4, 215.9])


def test_every_condition_changes_the_scene_it_starts_from() -> None:
    for name in CONDITIONS:
        spec = scenes(name, 1)[0]
        start = base(name, spec.seed, random.Random(spec.seed))
        assert spec.label == name and 30 <= spec.left <= 90 and 30 <= spec.right <= 90
        assert (spec == start) == (name == BASELINE)
