"""Shoes and lower legs as low 3D solids, seen through the camera's perspective.

Each solid is a mesh of small quads in floor mm with the height h up (the camera frame of
vision_scenes has z down, so a point is (x, y, -h) there). The quads are painted far to near
(the painter's algorithm: they are small, so the order holds), each shaded by one light.

A shoe is lofted from the foot outline (the sole, which is its floor contact): rings rise to a
ridge along the foot, 60-70 mm high at the instep and about 25 mm at the toe, and bulge a
little beyond the sole on the way up, as a satin upper does; so from above and from any slant
its visible outline is larger than where it touches the floor. A leg is a cone from inside the
shoe at the ankle up to `LEG_TOP_MM`.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np
from numpy.typing import NDArray

from tests.integration.vision_scenes import Camera, foot_outline
from turnout.domain.form import Foot

if TYPE_CHECKING:
    from tests.integration.hard_scenes import Light

Array = NDArray[np.float64]
INSTEP_MM = 66.0
LEG_TOP_MM = 520.0
ANKLE_ALONG = 0.24  # the ankle's centre above the foot, as a share of the foot from the heel
# Top height along the foot (share of its length from the heel), as a share of INSTEP_MM.
_PROFILE_AT = (0.0, 0.12, 0.3, 0.5, 0.75, 0.92, 1.0)
_PROFILE = (0.68, 0.88, 1.0, 0.92, 0.58, 0.42, 0.36)
RINGS = 8
LIGHT = np.array([0.25, 0.45, 0.86]) / np.linalg.norm([0.25, 0.45, 0.86])  # toward the lamp


@dataclass(frozen=True)
class Mesh:
    quads: Array  # (n, 4, 3): x, y, height in mm
    colour: tuple[float, float, float]  # BGR
    sheen: float  # 0 matte .. 1 satin
    label: int  # written to the label picture where this mesh shows


def resampled(points: Array, step: float) -> Array:
    """A closed outline with points about `step` mm apart."""
    closed = np.vstack([points, points[:1]])
    seg = np.linalg.norm(np.diff(closed, axis=0), axis=1)
    at = np.concatenate([[0.0], np.cumsum(seg)])
    wanted = np.arange(0.0, at[-1], step)
    return np.stack([np.interp(wanted, at, closed[:, i]) for i in (0, 1)], axis=1)


def shoe_mesh(foot: Foot, colour: tuple[float, float, float], sheen: float, label: int) -> Mesh:
    sole = resampled(np.array([[p.x, p.y] for p in foot_outline(foot)]), 5.0)
    heel = np.array([foot.heel.x, foot.heel.y])
    axis = np.array([foot.axis.dx, foot.axis.dy]) / foot.axis.length
    across = np.array([-axis[1], axis[0]])
    along, side = (sole - heel) @ axis, (sole - heel) @ across
    top = INSTEP_MM * np.interp(along / foot.axis.length, _PROFILE_AT, _PROFILE)
    middle = foot.axis.length / 2
    rings = []
    for u in np.linspace(0.0, 1.0, RINGS + 1):
        width = (1 - u**2.5) ** 0.4 * (1 + 0.1 * math.sin(math.pi * min(u / 0.45, 1.0)))
        length = middle + (along - middle) * (1 - 0.05 * u**2)
        xy = heel + np.outer(length, axis) + np.outer(side * width, across)
        rings.append(np.column_stack([xy, u * top]))
    return Mesh(_band_quads(rings), colour, sheen, label)


def ankle(foot: Foot) -> tuple[float, float]:
    at = foot.heel + foot.axis * ANKLE_ALONG
    return at.x, at.y


def leg_mesh(foot: Foot, colour: tuple[float, float, float], label: int) -> Mesh:
    x, y = ankle(foot)
    rings = []
    for h in np.linspace(30.0, LEG_TOP_MM, 21):
        radius = 36.0 + 18.0 * (h - 30.0) / (LEG_TOP_MM - 30.0)
        turn = np.linspace(0, 2 * math.pi, 28, endpoint=False)
        ring = [x + radius * np.cos(turn), y + radius * np.sin(turn), np.full(turn.size, h)]
        rings.append(np.column_stack(ring))
    return Mesh(_band_quads(rings), colour, 0.1, label)


def _band_quads(rings: list[Array]) -> Array:
    """Quads between each closed ring and the next."""
    quads = []
    for low, high in itertools.pairwise(rings):
        nxt = np.roll(np.arange(len(low)), -1)
        quads.append(np.stack([low, low[nxt], high[nxt], high], axis=1))
    return np.concatenate(quads)


def paint(image: Array, labels: NDArray[np.uint8], camera: Camera, meshes: list[Mesh]) -> None:
    """Paint the meshes into `image` (float32 BGR at the camera's size x its oversample)."""
    k, rotation, t = camera.matrices()
    centre = -rotation.T @ t
    quads = np.concatenate([m.quads for m in meshes])
    world = quads * [1.0, 1.0, -1.0]  # height up -> the camera frame's z down
    cam = world @ rotation.T + t
    depth = cam[..., 2].mean(axis=1)
    pixels = cam @ k.T
    pixels = pixels[..., :2] / pixels[..., 2:]
    shades = np.concatenate([_shade(m, centre) for m in meshes])
    label = np.concatenate([np.full(len(m.quads), m.label) for m in meshes])
    for index in np.argsort(-depth):
        polygon = np.round(pixels[index] * 16).astype(np.int32)
        cv2.fillConvexPoly(image, polygon, shades[index].tolist(), cv2.LINE_8, 4)
        cv2.fillConvexPoly(labels, polygon, int(label[index]), cv2.LINE_8, 4)


def _shade(mesh: Mesh, eye: Array) -> Array:
    """Each quad's colour: ambient, one light, and a broad soft sheen toward the camera."""
    q = mesh.quads
    normal = np.cross(q[:, 2] - q[:, 0], q[:, 3] - q[:, 1])
    normal /= np.maximum(np.linalg.norm(normal, axis=1, keepdims=True), 1e-9)
    centre = q.mean(axis=1)
    outward = centre - _axis_points(mesh)
    normal *= np.where(np.sum(normal * outward, axis=1) < 0, -1.0, 1.0)[:, None]
    view = np.array([eye[0], eye[1], -eye[2]]) - centre
    view /= np.linalg.norm(view, axis=1, keepdims=True)
    half = (view + LIGHT) / np.linalg.norm(view + LIGHT, axis=1, keepdims=True)
    diffuse = np.clip(normal @ LIGHT, 0.0, 1.0)
    gloss = np.clip(np.sum(normal * half, axis=1), 0.0, 1.0) ** 6
    colour = np.array(mesh.colour)
    lit = colour * (0.5 + 0.55 * diffuse[:, None]) + 255.0 * mesh.sheen * 0.45 * gloss[:, None]
    shades: Array = np.clip(lit, 0.0, 255.0)
    return shades


def _axis_points(mesh: Mesh) -> Array:
    """For each quad, a point inside the solid level with it (for which way is out)."""
    q = mesh.quads
    inside = q.reshape(-1, 3).mean(axis=0)
    centre = q.mean(axis=1)
    points: Array = np.column_stack([np.full(len(q), inside[0]), np.full(len(q), inside[1])])
    # Out from the solid's vertical centre line; the top faces point up, away from the floor.
    return np.column_stack([points, centre[:, 2] * 0.5]) if len(q) else points


def contact_shadow(floor: Array, to_px: Array, foot: Foot, px_per_mm: float) -> None:
    """Darken the floor around a shoe's sole (the light the shoe keeps off it)."""
    sole = np.array([[p.x, p.y, 1.0] for p in foot_outline(foot)]) @ to_px.T
    mask = np.zeros(floor.shape[:2], np.float32)
    cv2.fillPoly(mask, [np.round(sole[:, :2] * 16).astype(np.int32)], 1.0, cv2.LINE_AA, 4)
    blurred = cv2.GaussianBlur(mask, (0, 0), 6.0 * px_per_mm)
    floor *= (1.0 - 0.35 * np.clip(blurred * 1.6, 0.0, 1.0))[..., None]


def own_shadow(light: Light, feet: tuple[Foot, Foot], to_px: Array) -> list[Array]:
    """The outlines (pixels of the floor picture) of the legs' and shoes' shadows."""
    up, turn = math.radians(light.elevation), math.radians(light.azimuth)
    # Toward the lamp: behind the dancer (-y), up; a point at height h falls h / tan(up) ahead.
    reach = np.array([-math.sin(turn), math.cos(turn)]) / math.tan(up)
    outlines = []
    for foot in feet:
        x, y = ankle(foot)
        ring = np.linspace(0, 2 * math.pi, 24, endpoint=False)
        points = [
            np.column_stack([x + 45 * np.cos(ring), y + 45 * np.sin(ring)]) + h * reach
            for h in (0.0, light.body_mm)
        ]
        sole = resampled(np.array([[foot.heel.x, foot.heel.y], [foot.toe.x, foot.toe.y]]), 10)
        points.append(sole + 40.0 * reach)
        hull = cv2.convexHull(np.concatenate(points).astype(np.float32)).reshape(-1, 2)
        px = np.column_stack([hull, np.ones(len(hull))]) @ to_px.T
        outlines.append(px[:, :2])
    return outlines
