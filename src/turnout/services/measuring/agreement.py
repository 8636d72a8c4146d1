"""The outlines against the pose model: where the model sees each heel and ankle must lie on
the foot found for it.

Both are looked at in the top view, where anything above the floor is pushed away from the
camera by its height (domain/camera.py). The model's heel point is the back of the heel, a few
centimetres up; its ankle point is the joint's centre, above the back part of the foot. Neither
height is known, so each point stands for a short segment of floor (one end per height), and it
is the gap between that segment and the outline that is judged. The model's points on real
pictures are off by a few centimetres, and a gap that small says nothing; an outline whose heel
lies a hand's width from the model's heel is a shadow or something on the paper, or the other
foot, and its angle would be anything."""

from __future__ import annotations

from turnout.domain.camera import CameraPlace, camera_place
from turnout.domain.form import Foot
from turnout.domain.geometry import Point, apply_homography
from turnout.domain.mat import MatView
from turnout.domain.pose import Joint, Pose
from turnout.errors import MeasureError
from turnout.i18n import N_, _

HEEL_HEIGHTS_MM = (0.0, 60.0)  # the model's heel point above the floor, bare foot to shoe
ANKLE_HEIGHTS_MM = (50.0, 140.0)  # the ankle joint's centre above the floor
ANKLE_OVER_MM = 130.0  # the ankle stands over this much of the foot, from the heel forward
MAX_GAP_MM = 80.0  # from the model's point to the outline: wider, and they disagree
ELSEWHERE = {
    # Translators: {gap} is in whole centimetres ("cm").
    "left": N_(
        "The outline found for your left foot lies about {gap} cm from where the camera sees "
        "your left heel and ankle, so it may be a shadow or something on the paper rather than "
        "your foot. Keep the paper clear around your feet, light it evenly, stand with both "
        "heels on the line, and measure again."
    ),
    # Translators: {gap} is in whole centimetres ("cm").
    "right": N_(
        "The outline found for your right foot lies about {gap} cm from where the camera sees "
        "your right heel and ankle, so it may be a shadow or something on the paper rather than "
        "your foot. Keep the paper clear around your feet, light it evenly, stand with both "
        "heels on the line, and measure again."
    ),
}
_SIDES = (
    ("left", Joint.LEFT_HEEL, Joint.LEFT_ANKLE),
    ("right", Joint.RIGHT_HEEL, Joint.RIGHT_ANKLE),
)


def check_model(left: Foot, right: Foot, pose: Pose | None, mat: MatView) -> None:
    """Refuse outlines the model's heel and ankle points disagree with; say nothing when the
    model does not see the feet, or the camera's place cannot be told."""
    if pose is None:
        return
    place = camera_place(mat.image_to_floor, pose.width, pose.height)
    if place is None:
        return
    for (side, heel, ankle), foot in zip(_SIDES, (left, right), strict=True):
        gap = _worst_gap(foot, pose, mat, place, heel, ankle)
        if gap is not None and gap > MAX_GAP_MM:
            raise MeasureError(_(ELSEWHERE[side]).format(gap=f"{gap / 10:.0f}"))


def _worst_gap(
    foot: Foot, pose: Pose, mat: MatView, place: CameraPlace, heel: Joint, ankle: Joint
) -> float | None:
    """The larger of the heel's and the ankle's gaps to the outline (mm); None unless the
    model sees both points."""
    if not all(pose.in_frame(j) and pose.is_visible(j) for j in (heel, ankle)):
        return None
    to_floor = mat.image_to_floor
    heel_seen = apply_homography(to_floor, pose.point(heel))
    ankle_seen = apply_homography(to_floor, pose.point(ankle))
    back = foot.heel_range or (foot.heel, foot.heel)
    if foot.axis.length == 0:
        return None
    front = foot.heel + foot.axis.unit() * ANKLE_OVER_MM
    heel_gap = _gap(_segment(place, heel_seen, HEEL_HEIGHTS_MM), back)
    ankle_gap = _gap(_segment(place, ankle_seen, ANKLE_HEIGHTS_MM), (foot.heel, front))
    return max(heel_gap, ankle_gap)


def _segment(place: CameraPlace, seen: Point, heights: tuple[float, float]) -> tuple[Point, Point]:
    """The floor under a point seen at `seen` in the top view, for each of its possible heights."""
    low, high = heights
    return place.lifted(seen, low), place.lifted(seen, high)


def _gap(a: tuple[Point, Point], b: tuple[Point, Point]) -> float:
    """The shortest distance between two floor segments (they do not cross here, or it is 0)."""
    if _cross(a, b):
        return 0.0
    return min(*(_to_segment(p, b) for p in a), *(_to_segment(p, a) for p in b))


def _to_segment(p: Point, s: tuple[Point, Point]) -> float:
    along, span = s[1] - s[0], (s[1] - s[0]).length
    t = 0.0 if span == 0 else max(0.0, min(1.0, (p - s[0]).dot(along) / span**2))
    return p.distance(s[0] + along * t)


def _cross(a: tuple[Point, Point], b: tuple[Point, Point]) -> bool:
    def side(p: Point, q: Point, r: Point) -> float:
        return (q - p).cross(r - p)

    return (
        side(a[0], a[1], b[0]) * side(a[0], a[1], b[1]) < 0
        and side(b[0], b[1], a[0]) * side(b[0], b[1], a[1]) < 0
    )
