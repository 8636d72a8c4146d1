"""Hard scenes with known truth: pale or textured shoes, soft shadows, 3D shoes and legs, low
cameras, a badly laid mat, plain paper instead of the mat, blur and JPEG.

A `SceneSpec` says everything about one scene (each condition is a parameter); `render` draws
it, deterministically from its seed, and returns the picture with its truth (each foot's angle,
the total) and its condition label. The floor is drawn from above (hard_floor), warped into a
pinhole camera (vision_scenes.Camera) drawn twice as fine, the solids are painted into that
(hard_solids), and the picture is shrunk to the camera's size, then blurred, noised, JPEG'd.
The conditions themselves, sampled per scene, are in hard_conditions.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray

from tests.integration import hard_solids as solids
from tests.integration.hard_floor import (
    PX_PER_MM,
    SURFACES,
    Fault,
    Sheets,
    band_shade,
    box_and_map,
    mat_floor,
    paint_flat_foot,
    paper_floor,
    polygon_shade,
    weave,
)
from tests.integration.vision_scenes import Camera
from turnout.adapters.vision.mat_layout import Paper
from turnout.domain.form import Foot
from turnout.domain.geometry import Point

Image = NDArray[np.uint8]
FINE = 2  # the camera is drawn this much finer, then shrunk (each pixel averages its area)
LEGS = {
    "tights": (172, 180, 226),
    "black": (45, 42, 40),
    "skin": (160, 188, 232),
    "white": (232, 236, 238),
}


@dataclass(frozen=True)
class View:
    """A camera `height` mm up, looking down at `pitch` degrees below the horizon at the floor
    point (0, `aim`), from `side` mm toward the dancer's left, rolled by `roll` degrees."""

    pitch: float = 55.0
    height: float = 1100.0
    side: float = 0.0
    roll: float = 0.0
    aim: float = 80.0
    size: tuple[int, int] = (1280, 960)
    focal: float = 1000.0

    def camera(self) -> Camera:
        pitch = min(self.pitch, 89.5)  # straight down has no "forward"; half a degree off does
        reach = self.height / math.tan(math.radians(pitch))
        side = max(-0.8 * reach, min(0.8 * reach, self.side))
        ahead = math.sqrt(reach**2 - side**2)
        return Camera(
            self.height, self.aim + ahead, side, self.roll, self.aim, self.size, self.focal
        )


@dataclass(frozen=True)
class Band:
    """A soft shadow band across the floor, darkening it by `density` in its middle."""

    density: float
    width: float  # mm, between the edges' half-way points
    degrees: float  # its direction, from the floor's +x
    through: tuple[float, float] = (0.0, 100.0)
    softness: float = 12.0  # the edges' Gaussian, mm


@dataclass(frozen=True)
class Light:
    """A lamp behind the dancer: her own shadow falls forward from the feet."""

    density: float = 0.4
    elevation: float = 60.0  # degrees above the floor
    azimuth: float = 0.0  # degrees from straight behind her
    softness: float = 8.0  # mm
    body_mm: float = 900.0  # how high the shadow-casting legs reach


@dataclass(frozen=True)
class SceneSpec:
    label: str
    seed: int
    left: float  # each foot's turnout, degrees
    right: float
    foot_mm: float = 250.0
    heels: tuple[float, float] = (0.0, 8.0)  # where the heels' middle stands
    paper: Paper = Paper.A4
    view: View = field(default_factory=View)
    shoe: str = "dark"  # a key of hard_floor.SURFACES
    solid: bool = False  # 3D shoes instead of flat outlines
    legs: str | None = None  # a key of LEGS: lower legs rising from the ankles
    band: Band | None = None
    light: Light | None = None
    fault: Fault | None = None
    sheets: Sheets | None = None  # plain paper instead of the mat
    blur: float = 0.0  # Gaussian sigma, px
    jpeg: int | None = None  # quality
    noise: float = 1.5  # sensor noise, grey levels sd


@dataclass(frozen=True)
class Truth:
    left: float
    right: float
    feet: tuple[Foot, Foot]
    sheets: list[list[tuple[float, float]]]  # paper path: each sheet's corners (floor mm)

    @property
    def total(self) -> float:
        return self.left + self.right


@dataclass(frozen=True)
class Scene:
    image: Image
    truth: Truth
    label: str
    spec: SceneSpec


def feet_of(spec: SceneSpec) -> tuple[Foot, Foot]:
    def foot(out: float, sign: float) -> Foot:
        heel = Point(spec.heels[0] + sign * 22.0, spec.heels[1])
        rad = math.radians(out)
        toe = Point(
            heel.x + sign * spec.foot_mm * math.sin(rad), heel.y + spec.foot_mm * math.cos(rad)
        )
        return Foot(heel, toe)

    return foot(spec.left, 1.0), foot(spec.right, -1.0)


def render(spec: SceneSpec) -> Scene:
    """The picture of one scene, and its truth."""
    rng = np.random.default_rng(spec.seed)
    feet = feet_of(spec)
    camera = spec.view.camera()
    floor, to_px = floor_picture(spec, feet, rng)
    fine = dataclasses.replace(camera, oversample=FINE)
    warp = fine.floor_to_image() @ np.linalg.inv(to_px)
    size = (camera.size[0] * FINE, camera.size[1] * FINE)
    # Beyond the floor picture: more of its edge (the floor, and the shadows running on).
    big = cv2.warpPerspective(
        floor, warp, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    if spec.solid or spec.legs:
        paint_solids(big, fine, spec, feet, rng)
    image = cv2.resize(big, camera.size, interpolation=cv2.INTER_AREA)
    sheets = spec.sheets.rects() if spec.sheets else []
    truth = Truth(spec.left, spec.right, feet, sheets)
    return Scene(finish(image, spec, rng), truth, spec.label, spec)


def floor_picture(
    spec: SceneSpec, feet: tuple[Foot, Foot], rng: np.random.Generator
) -> tuple[NDArray[np.float32], NDArray[np.float64]]:
    """The floor from above (BGR float32) with flat feet and shadows, and its floor-to-pixel map."""
    _, to_px = box_and_map(spec.paper)
    grey = (
        paper_floor(spec.paper, spec.sheets) if spec.sheets else mat_floor(spec.paper, spec.fault)
    )
    floor = cv2.cvtColor(np.asarray(grey, np.float32), cv2.COLOR_GRAY2BGR)
    surface = SURFACES[spec.shoe]
    for foot in feet:
        if spec.solid:
            solids.contact_shadow(floor, to_px, foot, PX_PER_MM)
        else:
            paint_flat_foot(floor, to_px, foot, surface, rng)
    shade = np.zeros(floor.shape[:2], np.float32)
    if spec.band:
        b = spec.band
        band = band_shade(floor.shape, to_px, b.through, b.degrees, b.width, b.softness)
        shade = np.maximum(shade, b.density * band)
    if spec.light:
        polygons = solids.own_shadow(spec.light, feet, to_px)
        own = polygon_shade(floor.shape, polygons, spec.light.softness * PX_PER_MM)
        shade = np.maximum(shade, spec.light.density * own)
    floor *= (1.0 - shade)[..., None]
    return floor, to_px


def paint_solids(
    big: NDArray[np.float32],
    fine: Camera,
    spec: SceneSpec,
    feet: tuple[Foot, Foot],
    rng: np.random.Generator,
) -> None:
    surface = SURFACES[spec.shoe]
    meshes = []
    if spec.solid:
        meshes += [solids.shoe_mesh(f, surface.bgr, surface.sheen, 1) for f in feet]
    if spec.legs:
        meshes += [solids.leg_mesh(f, LEGS[spec.legs], 2) for f in feet]
    labels = np.zeros(big.shape[:2], np.uint8)
    solids.paint(big, labels, fine, meshes)
    # Soften the quads' flat shading inside each solid (its outline stays sharp).
    inner = cv2.erode((labels > 0).astype(np.uint8), np.ones((7, 7), np.uint8)) > 0
    big[inner] = cv2.GaussianBlur(big, (0, 0), 2.5)[inner]
    if spec.solid and surface.weave:
        shoe = labels == 1
        big[shoe] += weave(big.shape, surface.weave, rng, 2.0)[shoe][:, None]


def finish(image: NDArray[np.float32], spec: SceneSpec, rng: np.random.Generator) -> Image:
    """The camera's own faults: blur (focus, shake), sensor noise, JPEG compression."""
    if spec.blur:
        image = cv2.GaussianBlur(image, (0, 0), spec.blur)
    if spec.noise:
        image = image + rng.normal(0.0, spec.noise, image.shape).astype(np.float32)
    out = np.clip(np.round(image), 0, 255).astype(np.uint8)
    if spec.jpeg is not None:
        _, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, spec.jpeg])
        out = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return out
