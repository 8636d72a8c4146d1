"""The dancer's pose in a frame: which one to trust, and the knee and profile readings."""

from __future__ import annotations

from turnout.domain import form
from turnout.domain.mat import MatView
from turnout.domain.pose import LEGS, Joint, Pose
from turnout.errors import MeasureError
from turnout.i18n import _
from turnout.ports import Frame
from turnout.services.measuring.reading import FrameReading, ReadingMethod, Vision

# A standing person, not a skeleton the model drew over a foot, nor someone sitting. Tuned on
# real photos (docs/measuring.md, "Which photos work"): people standing whole in the picture
# spanned 0.28-0.56 of its height, shoulders to ankles, with legs 1.02-1.37 times the trunk
# (hips to ankles over shoulders to hips, measured down the picture); a man seated on a stool
# read 0.19-0.24. Every skeleton found in legs-only pictures and clips failed these: too small,
# upside down, or without a trunk.
MIN_BODY_SHARE = 0.25  # shoulders to ankles must span this share of the picture's height
LEG_TO_TRUNK = (0.75, 2.5)  # a demi-plie shortens the legs; a low camera lengthens them


def choose_pose(
    frame: Frame, vision: Vision, poses: list[Pose] | None, still: bool, needed: bool
) -> Pose | None:
    if vision.poses is None or poses is None:
        if needed:
            # Translators: `turnout mat` is a command, typed as it is.
            text = _(
                "Feet-only mode needs the printed mat, or plain paper, in view: print the mat "
                "with `turnout mat` and keep all its black squares in the picture, or stand on "
                "two sheets of A4 or Letter laid side by side, heels about 6 cm from their back "
                "edge, with all four corners in the picture."
            )
            raise MeasureError(text)
        return None
    if not poses:
        if needed:
            # Translators: --feet-only is an option, typed as it is.
            text = _(
                "No person found: step back so your whole body, head to feet, is in the frame "
                "(portrait works best), or stand on the printed mat and use --feet-only."
            )
            raise MeasureError(text)
        return None
    if still and vision.poses.count_people(frame) > 1:
        raise MeasureError(_("Several people are in the picture: take it with only the dancer."))
    return poses[0]


def needs(pose: Pose | None) -> Pose:
    if pose is None or not _whole_body(pose):
        # Translators: --feet-only is an option, typed as it is.
        text = _(
            "No whole person found standing: step back so your whole body, head to feet, is in "
            "the picture and fills at least a third of its height (portrait works best), or "
            "stand on the printed mat and use --feet-only."
        )
        raise MeasureError(text)
    for joint in LEGS:
        if not pose.in_frame(joint):
            text = _(
                "Your feet are cut off by the frame: step back or tilt the camera down so both "
                "feet are in view."
            )
            raise MeasureError(text)
    return pose


def _whole_body(pose: Pose) -> bool:
    """A plausible standing person: shoulders and a hip seen, upright, and tall enough.

    On legs-only pictures the model can still return a tiny skeleton drawn over a foot, or one
    upside down along the legs."""
    shoulders = (Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER)
    if not all(pose.in_frame(j) and pose.is_visible(j) for j in shoulders):
        return False
    if not any(pose.is_visible(j) for j in (Joint.LEFT_HIP, Joint.RIGHT_HIP)):
        return False
    top = _middle(pose, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER)
    hips = _middle(pose, Joint.LEFT_HIP, Joint.RIGHT_HIP)
    ankles = _middle(pose, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE)
    trunk, legs = hips - top, ankles - hips
    if trunk <= 0 or not LEG_TO_TRUNK[0] * trunk <= legs <= LEG_TO_TRUNK[1] * trunk:
        return False
    return ankles - top >= MIN_BODY_SHARE * pose.height


def _middle(pose: Pose, left: Joint, right: Joint) -> float:
    """How far down the picture the midpoint of a pair of joints is, in pixels."""
    return (pose.point(left).y + pose.point(right).y) / 2


def plie(index: int, pose: Pose, mat: MatView | None) -> FrameReading:
    left, right = form.knee_tracking(pose, "left"), form.knee_tracking(pose, "right")
    values = {
        "left_knee_inside_deg": left.angle,
        "right_knee_inside_deg": right.angle,
        "left_knee_bend": left.bend,
        "right_knee_bend": right.bend,
    }
    return FrameReading(index, values, ReadingMethod.FRONT_VIEW, pose, mat, knees=(left, right))


def profile(index: int, pose: Pose, mat: MatView | None) -> FrameReading:
    reading = form.profile_alignment(pose)
    values = {"pelvis_shift_deg": reading.pelvis_shift, "trunk_lean_deg": reading.trunk_lean}
    return FrameReading(index, values, ReadingMethod.SIDE_VIEW, pose, mat, profile=reading)
