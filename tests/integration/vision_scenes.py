"""Synthetic scenes with known truth: the printed mat and two feet on the floor, seen by a
virtual pinhole camera. The floor frame is the mat's (mm; +x the dancer's left, +y toward the
camera); z points down into the floor, so the frame is right-handed and the camera sits at -z.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_assembled import floor_box, floor_to_pixels, render_assembled
from turnout.adapters.vision.mat_layout import MatLayout, Paper, layout
from turnout.adapters.vision.mat_render import floor_to_top_view, render_mat
from turnout.domain.form import Foot
from turnout.domain.geometry import Point, Vector

Image = NDArray[np.uint8]
FOOT_MM = 250.0
PX_PER_MM = 4.0
PAD_MM = 150.0


@dataclass(frozen=True)
class Camera:
    """A camera `distance` mm in front of the heels, `height` mm up, `side` mm to the right
    (the dancer's left), aimed at a point `aim` mm ahead of the heels, rolled by `roll` deg."""

    height: float
    distance: float
    side: float = 0.0
    roll: float = 0.0
    aim: float = 60.0
    size: tuple[int, int] = (1080, 1920)
    focal: float = 1500.0
    oversample: int = 1  # a camera `oversample` times finer, for area-averaged pictures

    def matrices(self) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
        centre = np.array([self.side, self.distance, -self.height])
        forward = np.array([0.0, self.aim, 0.0]) - centre
        forward /= np.linalg.norm(forward)
        right = np.cross([0.0, 0.0, 1.0], forward)
        right /= np.linalg.norm(right)
        down = np.cross(forward, right)
        r = math.radians(self.roll)
        right, down = (
            right * math.cos(r) + down * math.sin(r),
            down * math.cos(r) - right * math.sin(r),
        )
        rotation = np.stack([right, down, forward])
        s, shift = self.oversample, (self.oversample - 1) / 2
        cx, cy = self.size[0] / 2 * s + shift, self.size[1] / 2 * s + shift
        k = np.array([[self.focal * s, 0, cx], [0, self.focal * s, cy], [0, 0, 1]])
        return k, rotation, -rotation @ centre

    def floor_to_image(self) -> NDArray[np.float64]:
        k, rotation, t = self.matrices()
        return k @ np.column_stack([rotation[:, 0], rotation[:, 1], t])

    def project(self, points: list[Point]) -> list[Point]:
        h = self.floor_to_image()
        pts = np.array([[p.x, p.y] for p in points], np.float64).reshape(-1, 1, 2)
        return [
            Point(float(x), float(y)) for x, y in cv2.perspectiveTransform(pts, h).reshape(-1, 2)
        ]


def first_position_feet(
    left_out: float, right_out: float, length: float = FOOT_MM
) -> tuple[Foot, Foot]:
    """Heels together at the heel mark; each foot `length` mm long, turned out by the given
    degrees."""

    def foot(out: float, sign: float) -> Foot:
        heel = Point(sign * 22.0, 8.0)
        rad = math.radians(out)
        return Foot(
            heel, Point(heel.x + sign * length * math.sin(rad), heel.y + length * math.cos(rad))
        )

    return foot(left_out, 1.0), foot(right_out, -1.0)


def foot_outline(foot: Foot) -> list[Point]:
    """A foot-shaped polygon: a round heel 60 mm wide, a forefoot 96 mm wide, round toes."""
    axis, length = foot.axis.unit(), foot.axis.length
    across = Vector(-axis.dy, axis.dx)

    def at(along: float, side: float) -> Point:
        return foot.heel + axis * along + across * side

    heel_centre, toe_centre = 30.0, length - 45.0
    points = [at(heel_centre - 30 * math.sin(t), 30 * math.cos(t)) for t in _arc(0, math.pi)]
    points += [at(150.0, -46.0), at(toe_centre, -46.0)]
    points += [at(toe_centre + 45 * math.sin(t), -46 * math.cos(t)) for t in _arc(0, math.pi)]
    points += [at(150.0, 46.0)]
    return points


def _arc(start: float, stop: float, count: int = 24) -> list[float]:
    return [start + (stop - start) * i / (count - 1) for i in range(count)]


@functools.lru_cache(maxsize=2)
def _printed(paper: Paper) -> Image:
    return render_assembled(layout(paper), PX_PER_MM, PAD_MM)


def scene(
    mat: MatLayout,
    camera: Camera,
    feet: tuple[Foot, Foot],
    colour: tuple[int, int, int] = (60, 60, 70),
    printed: bool = False,
) -> Image:
    """The camera's picture of the mat with two flat feet drawn on it; `printed`: the mat as
    printed (stripes, letters and marks; mat_assembled), else its markers and paper alone."""
    if printed:
        grey = _printed(mat.paper)
        top = cv2.cvtColor(np.clip(np.round(grey), 0, 255).astype(np.uint8), cv2.COLOR_GRAY2BGR)
        to_top = floor_to_pixels(floor_box(mat, PAD_MM), PX_PER_MM)
    else:
        top = render_mat(mat, PX_PER_MM, PAD_MM)
        to_top = np.array(floor_to_top_view(mat, PX_PER_MM, PAD_MM))
    for foot in feet:
        outline = np.array([[p.x, p.y] for p in foot_outline(foot)]).reshape(-1, 1, 2)
        px = cv2.perspectiveTransform(outline, to_top).reshape(-1, 2)
        cv2.fillPoly(top, [np.round(px * 16).astype(np.int32)], colour, cv2.LINE_AA, 4)
    # Like a real sensor, each pixel averages the light over its area: draw 3 times finer, shrink.
    fine = dataclasses.replace(camera, oversample=3)
    warp = fine.floor_to_image() @ np.linalg.inv(to_top)
    size = (camera.size[0] * 3, camera.size[1] * 3)
    big = cv2.warpPerspective(top, warp, size, flags=cv2.INTER_LINEAR, borderValue=(110, 110, 110))
    return cv2.resize(big, camera.size, interpolation=cv2.INTER_AREA)


CAMERAS = (
    Camera(height=900, distance=1200),
    Camera(height=1300, distance=1500, side=250, roll=4),
    Camera(height=1600, distance=1000, side=-300, roll=-6),
    Camera(height=700, distance=1000, side=150, aim=0),
    Camera(height=1200, distance=2000, size=(1920, 1080), focal=1700),
)
ANGLES = ((30, 30), (45, 45), (60, 60), (67, 67), (75, 75), (90, 90), (40, 70), (80, 55), (90, 60))
