"""Where the camera stood, from the floor's homography alone.

A phone's picture has square pixels and its optical centre near the middle, so the map from
floor millimetres to image pixels fixes the focal length (the floor's two axes must come out
square and of one scale) and then the camera's place: the floor point below it (the nadir)
and its height. Anything standing on the floor (a shoe's upper, the back of a heel, a leg)
shows in the rectified top view pushed away from the nadir, by height / (camera height -
height) of its distance from it; that is how far the visible outline overstates a foot.
"""

from __future__ import annotations

import math

from turnout.domain.form import Foot
from turnout.domain.geometry import Homography, Point, apply_homography
from turnout.domain.values import frozen

# Where the back of a heel stands when it is "on the grey line" (floor y, mm): the line is the
# dancer's mark, and a heel put on it lands a little ahead of it or just behind.
HEEL_LINE_MM = (-5.0, 20.0)
# Where the heels are looked for when the model does not say: either side of the heel mark.
HEEL_MARK = (Point(25.0, 0.0), Point(-25.0, 0.0))
# The back of a heel seen from a slant is the top of the heel counter or of the heel itself:
# never higher than this above the floor.
MAX_HEEL_HEIGHT_MM = 70.0
STEEPEST = 75.0  # looking down more steeply than this, the camera's height cannot be told
# Lower than this, the shoes' uppers and the legs cover so much of the floor around the feet
# that the outline is no longer the foot (rendered 3D feet with legs at 30 deg: 9 deg off).
LOWEST = 35.0


@frozen
class CameraPlace:
    nadir: Point  # the floor point straight below the camera, floor mm
    height: float  # above the floor, mm

    def pitch_at(self, point: Point) -> float:
        """Degrees below the horizon the camera looks to see `point` on the floor."""
        reach = math.hypot(point.x - self.nadir.x, point.y - self.nadir.y)
        return math.degrees(math.atan2(self.height, reach))

    def lifted(self, seen: Point, height: float) -> Point:
        """The floor point under something `height` mm up that the top view shows at `seen`."""
        keep = max(self.height - height, 0.0) / self.height
        return Point(
            self.nadir.x + (seen.x - self.nadir.x) * keep,
            self.nadir.y + (seen.y - self.nadir.y) * keep,
        )


def grounded(
    foot: Foot, place: CameraPlace, line: tuple[float, float] = HEEL_LINE_MM
) -> Foot | None:
    """The foot with its heel brought down to the floor, or None when no heel height (0 to
    `MAX_HEEL_HEIGHT_MM`) puts it on the heel line.

    The outline's back end is the top of the heel, pushed away from the camera in the top view:
    by 15-45 mm on rendered 3D shoes, which alone turned the total 12 degrees in. The height is
    not known, so the heel is taken to stand on the line, and the heel heights that allow it
    give the segment the heel may lie on; its middle is the answer."""
    seen, dy = foot.heel, foot.heel.y - place.nadir.y
    if abs(dy) < 1.0:
        return None
    heights = sorted(place.height * (1 - (y - place.nadir.y) / dy) for y in line)
    low, high = max(heights[0], 0.0), min(heights[1], MAX_HEEL_HEIGHT_MM)
    if low > high:
        return None
    ends = (place.lifted(seen, low), place.lifted(seen, high))
    return Foot(place.lifted(seen, (low + high) / 2), foot.toe, ends, foot.slack)


def camera_place(image_to_floor: Homography, width: int, height: int) -> CameraPlace | None:
    """The camera's nadir and height, or None when the homography does not allow it (a view
    straight down, where the focal length cannot be told, or a degenerate map)."""
    g = _centred(_inverse(image_to_floor), width / 2, height / 2)
    if g is None:
        return None
    (a, b, c), (d, e, f), (p, q, r) = g
    # 1/focal^2 from: columns 1 and 2 at right angles, and of equal length (least squares).
    rows = ((a * b + d * e, p * q), (a * a + d * d - b * b - e * e, p * p - q * q))
    weight = sum(k * k for k, _ in rows)
    inv_f2 = -sum(k * m for k, m in rows) / weight if weight else 0.0
    if inv_f2 <= 0:
        return None
    s = math.sqrt(inv_f2)
    m1, m2, m3 = (a * s, d * s, p), (b * s, e * s, q), (c * s, f * s, r)
    scale = 2 / (_norm(m1) + _norm(m2))
    if m3[2] * scale < 0:
        scale = -scale  # the floor lies in front of the camera
    r1, r2, t = (tuple(v * scale for v in m) for m in (m1, m2, m3))
    r3 = _cross(r1, r2)
    centre = [-sum(rk[i] * t[i] for i in range(3)) for rk in (r1, r2, r3)]
    place = CameraPlace(Point(centre[0], centre[1]), abs(centre[2]))
    aimed = apply_homography(image_to_floor, Point(width / 2, height / 2))
    reach = math.hypot(aimed.x - place.nadir.x, aimed.y - place.nadir.y)
    if math.degrees(math.atan2(place.height, reach)) > STEEPEST:
        return None
    return place


def _inverse(h: Homography) -> list[list[float]] | None:
    (a, b, c), (d, e, f), (g, k, m) = h
    det = a * (e * m - f * k) - b * (d * m - f * g) + c * (d * k - e * g)
    if abs(det) < 1e-18:
        return None
    adj = [
        [e * m - f * k, c * k - b * m, b * f - c * e],
        [f * g - d * m, a * m - c * g, c * d - a * f],
        [d * k - e * g, b * g - a * k, a * e - b * d],
    ]
    return [[v / det for v in row] for row in adj]


def _centred(g: list[list[float]] | None, cx: float, cy: float) -> list[list[float]] | None:
    """The floor-to-image map with image coordinates taken from the picture's middle."""
    if g is None:
        return None
    return [
        [g[0][i] - cx * g[2][i] for i in range(3)],
        [g[1][i] - cy * g[2][i] for i in range(3)],
        g[2],
    ]


def _norm(v: tuple[float, ...]) -> float:
    return math.sqrt(sum(x * x for x in v))


def _cross(u: tuple[float, ...], v: tuple[float, ...]) -> tuple[float, float, float]:
    return (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
