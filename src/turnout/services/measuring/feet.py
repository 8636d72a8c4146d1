"""First position: the feet on the mat (outline, else the model's toe points), or placed by hand.

Without the mat there is no angle. The pose model's 3D foot points are foreshortened and land
mid-shoe on turned-out feet: on real footage a dancer in first position at about 110-140 degrees
read 35 (+/- 20 claimed), and a casual stance read 21. A number that far off, with a band that
says otherwise, is worse than none."""

from __future__ import annotations

from turnout.domain import form
from turnout.domain.form import Foot
from turnout.domain.geometry import Point, apply_homography
from turnout.domain.mat import MatView
from turnout.domain.pose import FEET, Joint, Pose
from turnout.errors import MeasureError
from turnout.ports import Frame
from turnout.services.measuring.person import needs
from turnout.services.measuring.reading import (
    BAND_HAND,
    NO_MAT,
    FrameReading,
    ReadingMethod,
    Vision,
    angle_values,
    first_position_message,
)


def first_position(
    index: int, frame: Frame, vision: Vision, mat: MatView | None, pose: Pose | None
) -> FrameReading:
    if mat is None:
        needs(pose)  # what is wrong with the picture itself is said first
        raise MeasureError(NO_MAT)
    heels = _floor_heels(pose, mat)
    found = vision.feet.find(frame, mat, heels)
    feet: list[Foot] = []
    methods = []
    for side, foot in zip(("left", "right"), found, strict=True):
        if foot is None and pose is not None and _feet_visible(pose):
            foot = _model_foot(pose, mat, side)
            methods.append("model points")
        elif foot is not None:
            methods.append("outline")
        if foot is None:
            raise MeasureError(
                f"Cannot find your {side} foot on the mat: stand with both heels on the grey "
                "line and the feet on the white paper, and keep the camera on the mat."
            )
        feet.append(foot)
    angles = form.first_position(feet[0], feet[1])
    outline = set(methods) == {"outline"}
    method = ReadingMethod.MAT_OUTLINE if outline else ReadingMethod.MAT_MODEL_POINTS
    return FrameReading(index, angle_values(angles), method, pose, mat, (feet[0], feet[1]))


def corrected_by_hand(left: Foot, right: Foot) -> tuple[dict[str, float], str]:
    """Foot angles from heel and toe points the user placed on the rectified top view (floor
    millimetres), by the same maths as the mat path, and the sentence that reports them."""
    values = angle_values(form.first_position(left, right))
    message = first_position_message(values["total"], values["left"], values["right"], BAND_HAND)
    return values, message


def _feet_visible(pose: Pose) -> bool:
    return all(pose.in_frame(joint) for joint in FEET)


def _floor_heels(pose: Pose | None, mat: MatView) -> tuple[Point, Point] | None:
    if pose is None or not _feet_visible(pose):
        return None
    h = mat.image_to_floor
    left, right = pose.point(Joint.LEFT_HEEL), pose.point(Joint.RIGHT_HEEL)
    return apply_homography(h, left), apply_homography(h, right)


def _model_foot(pose: Pose, mat: MatView, side: str) -> Foot:
    heel, toe = (
        (Joint.LEFT_HEEL, Joint.LEFT_TOE) if side == "left" else (Joint.RIGHT_HEEL, Joint.RIGHT_TOE)
    )
    h = mat.image_to_floor
    return Foot(apply_homography(h, pose.point(heel)), apply_homography(h, pose.point(toe)))
