"""Points, vectors, angles and homographies in the plane: small value objects on `math`."""

from __future__ import annotations

import math
from collections.abc import Iterable

from turnout.domain.values import frozen

# A 3x3 projective transform as nested rows; it maps (x, y, 1) to (u, v, w).
Homography = tuple[tuple[float, float, float], ...]


@frozen
class Vector:
    dx: float
    dy: float

    def __add__(self, other: Vector) -> Vector:
        return Vector(self.dx + other.dx, self.dy + other.dy)

    def __mul__(self, factor: float) -> Vector:
        return Vector(self.dx * factor, self.dy * factor)

    @property
    def length(self) -> float:
        return math.hypot(self.dx, self.dy)

    def dot(self, other: Vector) -> float:
        return self.dx * other.dx + self.dy * other.dy

    def cross(self, other: Vector) -> float:
        return self.dx * other.dy - self.dy * other.dx

    def unit(self) -> Vector:
        size = self.length
        if size == 0:
            raise ValueError("A zero vector has no direction.")
        return Vector(self.dx / size, self.dy / size)

    def mirrored(self) -> Vector:
        """Reflected across the vertical axis (x negated)."""
        return Vector(-self.dx, self.dy)


@frozen
class Point:
    x: float
    y: float

    def __sub__(self, other: Point) -> Vector:
        return Vector(self.x - other.x, self.y - other.y)

    def __add__(self, offset: Vector) -> Point:
        return Point(self.x + offset.dx, self.y + offset.dy)

    def distance(self, other: Point) -> float:
        return (self - other).length


def midpoint(a: Point, b: Point) -> Point:
    return Point((a.x + b.x) / 2, (a.y + b.y) / 2)


def signed_angle(start: Vector, end: Vector) -> float:
    """Degrees to turn `start` onto `end`, in (-180, 180]; positive from +x toward +y."""
    return math.degrees(math.atan2(start.cross(end), start.dot(end)))


def angle_between(a: Vector, b: Vector) -> float:
    """The unsigned angle between two directions, in degrees, 0 to 180."""
    return abs(signed_angle(a, b))


def apply_homography(h: Homography, p: Point) -> Point:
    """Map a point through a projective transform."""
    u = h[0][0] * p.x + h[0][1] * p.y + h[0][2]
    v = h[1][0] * p.x + h[1][1] * p.y + h[1][2]
    w = h[2][0] * p.x + h[2][1] * p.y + h[2][2]
    if abs(w) < 1e-12:
        raise ValueError("The point maps to infinity (it is on the horizon of this view).")
    return Point(u / w, v / w)


def invert_homography(h: Homography) -> Homography:
    """The inverse transform, by the adjugate; scale does not matter for a homography."""
    (a, b, c), (d, e, f), (g, i, k) = h
    adj = (
        (e * k - f * i, c * i - b * k, b * f - c * e),
        (f * g - d * k, a * k - c * g, c * d - a * f),
        (d * i - e * g, b * g - a * i, a * e - b * d),
    )
    det = a * adj[0][0] + b * adj[1][0] + c * adj[2][0]
    if abs(det) < 1e-18:
        raise ValueError("This homography is singular.")
    return tuple((r0 / det, r1 / det, r2 / det) for r0, r1, r2 in adj)


def median(values: Iterable[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        raise ValueError("The median of nothing is undefined.")
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values: Iterable[float], fraction: float) -> float:
    """Linear-interpolated percentile, `fraction` in [0, 1]."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("The percentile of nothing is undefined.")
    position = fraction * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
