"""Form from geometry: first-position foot angles, knees over toes, pelvis and trunk in profile.

The floor frame is in millimetres: origin at the heel mark, +y straight ahead of the dancer
(toward the camera), +x toward the dancer's left. Turnout is positive when a foot turns out.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TypeVar

from turnout.domain.geometry import Point, Vector, angle_between, midpoint, signed_angle
from turnout.domain.pose import FEET, Joint, Point3, Pose
from turnout.domain.values import frozen

FORWARD = Vector(0.0, 1.0)
# A knee counts as over its foot while it stays within this share of the shin from the toe line.
KNEE_TOLERANCE = 0.10
# Profile thresholds, in degrees; coaching prompts, not clinical limits.
PELVIS_TOLERANCE = 4.0
TRUNK_TOLERANCE = 8.0
_E = TypeVar("_E", bound=StrEnum)


@frozen
class Foot:
    """A foot on the floor: back of the heel and tip of the longest toe; `heel_range`, when
    known, the two ends of the floor segment the heel may lie anywhere on; `slack`, degrees its
    axis may be off besides (an outline whose edges were not all seen)."""

    heel: Point
    toe: Point
    heel_range: tuple[Point, Point] | None = None
    slack: float = 0.0

    @property
    def axis(self) -> Vector:
        return self.toe - self.heel


@frozen
class FootAngles:
    """Each foot's angle out from straight ahead, and the total between the feet (degrees)."""

    left: float
    right: float

    @property
    def total(self) -> float:
        return self.left + self.right


def foot_turnout(axis: Vector, left: bool, forward: Vector = FORWARD) -> float:
    """Degrees a foot points outward from `forward`; negative when it turns in."""
    turn = signed_angle(forward, axis)
    # +x is the dancer's left, so turning from +y toward +x is a clockwise (negative) turn.
    return -turn if left else turn


def first_position(left: Foot, right: Foot, forward: Vector = FORWARD) -> FootAngles:
    """Foot angles in the floor plane, from heel-to-toe axes."""
    return FootAngles(
        foot_turnout(left.axis, True, forward), foot_turnout(right.axis, False, forward)
    )


V3 = tuple[float, float, float]
_FOOT_JOINTS = ((Joint.LEFT_HEEL, Joint.LEFT_TOE), (Joint.RIGHT_HEEL, Joint.RIGHT_TOE))
_WORLD_NEEDED = (Joint.LEFT_HIP, Joint.RIGHT_HIP, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE, *FEET)


def world_first_position(pose: Pose) -> FootAngles | None:
    """An uncalibrated estimate from the model's 3D world points, or None without them.

    The feet are projected onto the plane square to the ankle-to-hip axis; "ahead" is square
    to the hip line, on the side the feet point to.
    """
    w = {joint: _v3(point) for joint, point in pose.world.items()}
    if any(joint not in w for joint in _WORLD_NEEDED):
        return None
    hips = _mean(w[Joint.LEFT_HIP], w[Joint.RIGHT_HIP])
    up = _unit(_minus(hips, _mean(w[Joint.LEFT_ANKLE], w[Joint.RIGHT_ANKLE])))
    across = _unit(_flatten(_minus(w[Joint.LEFT_HIP], w[Joint.RIGHT_HIP]), up))
    ahead = _cross(up, across)
    feet = [_flatten(_minus(w[toe], w[heel]), up) for heel, toe in _FOOT_JOINTS]
    sign = 1.0 if _dot(ahead, feet[0]) + _dot(ahead, feet[1]) >= 0 else -1.0
    flat = [Vector(_dot(f, across), sign * _dot(f, ahead)) for f in feet]
    return FootAngles(foot_turnout(flat[0], True), foot_turnout(flat[1], False))


def _v3(p: Point3) -> V3:
    return (p.x, p.y, p.z)


def _minus(a: V3, b: V3) -> V3:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _mean(a: V3, b: V3) -> V3:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _dot(a: V3, b: V3) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: V3, b: V3) -> V3:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _flatten(v: V3, up: V3) -> V3:
    k = _dot(v, up)
    return (v[0] - k * up[0], v[1] - k * up[1], v[2] - k * up[2])


def _unit(v: V3) -> V3:
    size = math.sqrt(_dot(v, v))
    if size == 0:
        raise ValueError("Degenerate pose: two joints coincide.")
    return (v[0] / size, v[1] / size, v[2] / size)


def _banded(value: float, tolerance: float, below: _E, within: _E, above: _E) -> _E:
    """`within` while `value` stays within +/- `tolerance`, else `below` or `above` it."""
    if value > tolerance:
        return above
    return below if value < -tolerance else within


class KneeVerdict(StrEnum):
    OVER = "over"  # over the foot
    INSIDE = "inside"  # falls inside the foot: turnout forced from the feet
    OUTSIDE = "outside"


@frozen
class KneeTracking:
    """A knee seen from the front: how far it sits inside (+) or outside (-) its toe line."""

    side: str
    offset_px: float
    shin_px: float
    bend: float

    @property
    def ratio(self) -> float:
        return self.offset_px / self.shin_px

    @property
    def angle(self) -> float:
        return math.degrees(math.atan2(self.offset_px, self.shin_px))

    @property
    def verdict(self) -> KneeVerdict:
        return _banded(
            self.ratio, KNEE_TOLERANCE, KneeVerdict.OUTSIDE, KneeVerdict.OVER, KneeVerdict.INSIDE
        )


_LEG = {
    "left": (Joint.LEFT_HIP, Joint.LEFT_KNEE, Joint.LEFT_ANKLE, Joint.LEFT_TOE),
    "right": (Joint.RIGHT_HIP, Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE, Joint.RIGHT_TOE),
}


def knee_bend(hip: Point, knee: Point, ankle: Point) -> float:
    """Degrees the knee is bent: 0 when the leg is straight, and when the knee sits on the hip
    or the ankle (no thigh or shin to measure an angle between)."""
    if min(hip.distance(knee), ankle.distance(knee)) < 1.0:
        return 0.0
    return 180.0 - angle_between(hip - knee, ankle - knee)


def knee_tracking(pose: Pose, side: str, toe: Point | None = None) -> KneeTracking:
    """From a front view: the knee's sideways offset from its toe, inward positive.

    `toe` replaces the model's toe point when a better one is known (for example from the mat).
    """
    hip, knee, ankle, toe_joint = (pose.point(j) for j in _LEG[side])
    centre = midpoint(pose.point(Joint.LEFT_HIP), pose.point(Joint.RIGHT_HIP)).x
    outward = 1.0 if hip.x >= centre else -1.0
    target = toe or toe_joint
    return KneeTracking(
        side, (target.x - knee.x) * outward, knee.distance(ankle), knee_bend(hip, knee, ankle)
    )


class Pelvis(StrEnum):
    NEUTRAL = "neutral"
    TUCKED = "tucked"  # hips pushed forward
    TIPPED = "tipped"  # seat sticking out


class Trunk(StrEnum):
    UPRIGHT = "upright"
    FORWARD = "forward"
    BACK = "back"


@frozen
class ProfileAlignment:
    """Seen from the side: the trunk's lean from vertical, and the pelvis's shift off the line
    from ankle to shoulder (forward positive: tucked under; backward: tipped, seat out)."""

    trunk_lean: float
    pelvis_shift: float

    @property
    def pelvis(self) -> Pelvis:
        shift = self.pelvis_shift
        return _banded(shift, PELVIS_TOLERANCE, Pelvis.TIPPED, Pelvis.NEUTRAL, Pelvis.TUCKED)

    @property
    def trunk(self) -> Trunk:
        return _banded(self.trunk_lean, TRUNK_TOLERANCE, Trunk.BACK, Trunk.UPRIGHT, Trunk.FORWARD)


def profile_alignment(pose: Pose) -> ProfileAlignment:
    """From a side view; uses the side of the body the camera sees best."""
    side = _nearer_side(pose)
    shoulder, hip, ankle = (pose.point(j) for j in side)
    # Facing the way the nose points from the ear; image y points down, so turning "up"
    # toward +x is a positive signed angle, and facing -x mirrors it.
    facing = 1.0 if pose.point(Joint.NOSE).x >= pose.point(_EAR[side[0]]).x else -1.0
    lean = signed_angle(Vector(0.0, -1.0), shoulder - hip) * facing
    shift = signed_angle(shoulder - ankle, hip - ankle) * facing
    return ProfileAlignment(trunk_lean=lean, pelvis_shift=shift)


_EAR = {Joint.LEFT_SHOULDER: Joint.LEFT_EAR, Joint.RIGHT_SHOULDER: Joint.RIGHT_EAR}
_SIDES = (
    (Joint.LEFT_SHOULDER, Joint.LEFT_HIP, Joint.LEFT_ANKLE),
    (Joint.RIGHT_SHOULDER, Joint.RIGHT_HIP, Joint.RIGHT_ANKLE),
)


def _nearer_side(pose: Pose) -> tuple[Joint, Joint, Joint]:
    def seen(side: tuple[Joint, Joint, Joint]) -> float:
        return sum(pose.landmarks[j].visibility for j in side)

    return max(_SIDES, key=seen)
