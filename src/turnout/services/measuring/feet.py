"""First position: the feet's outlines on the mat, or heel and toe placed by hand.

Without the mat there is no angle. The pose model's 3D foot points are foreshortened and land
mid-shoe on turned-out feet: on real footage a dancer in first position at about 110-140 degrees
read 35 (+/- 20 claimed), and a casual stance read 21. A number that far off, with a band that
says otherwise, is worse than none. For the same reason the model's toe points no longer stand in
for an outline that was not found: on a rendered 165-degree stance they read 23."""

from __future__ import annotations

from turnout.domain import form
from turnout.domain.camera import HEEL_MARK
from turnout.domain.form import Foot
from turnout.domain.geometry import Point, apply_homography
from turnout.domain.mat import MatView
from turnout.domain.pose import FEET, LEGS, Joint, Pose
from turnout.errors import MeasureError
from turnout.i18n import N_, _
from turnout.ports import Frame
from turnout.services.measuring.agreement import check_model
from turnout.services.measuring.person import needs
from turnout.services.measuring.reading import (
    BAND_HAND,
    BAND_OUTLINE,
    NO_MAT,
    FrameReading,
    ReadingMethod,
    Vision,
    angle_values,
    first_position_message,
)

# Heel centres of feet in first position lie 40-70 mm apart (the heels' own width); the
# outline's back ends a little more on a turned-out foot.
MAX_HEELS_APART_MM = 90.0
SEED_REACH_MM = 150.0
SAME_SEEDS_MM = 40.0  # seeds this close find the same outlines
Guess = tuple[Foot | None, Foot | None] | MeasureError
# A straight leg turned out, seen from the front, still reads a few degrees at the knee in the
# picture; a demi-plie reads 15 and more (MIN_PLIE_BEND).
MAX_KNEE_BEND = 20.0
# A foot not found, on the printed mat and on plain paper, by which feet are missing.
NOT_ON_MAT = {
    "both": N_(
        "Cannot find either foot on the mat: stand with both heels on the grey line and the feet "
        "on the striped paper, keep the whole mat in the picture, lit evenly, and hold the phone "
        "close enough that the stripes show clearly."
    ),
    "left": N_(
        "Cannot find your left foot on the mat: stand with both heels on the grey line and the "
        "feet on the striped paper, keep the whole mat in the picture, lit evenly, and hold the "
        "phone close enough that the stripes show clearly."
    ),
    "right": N_(
        "Cannot find your right foot on the mat: stand with both heels on the grey line and the "
        "feet on the striped paper, keep the whole mat in the picture, lit evenly, and hold the "
        "phone close enough that the stripes show clearly."
    ),
}
NOT_ON_PAPER = {
    "both": N_(
        "Cannot find either foot on the paper: stand on the two sheets, heels together about 6 cm "
        "from their back edge and the whole of both feet on the paper, keep all the paper in the "
        "picture, and wear shoes or socks that are darker or more coloured than the paper (on "
        "plain paper white shoes cannot be told from it; the printed mat's stripes can)."
    ),
    "left": N_(
        "Cannot find your left foot on the paper: stand on the two sheets, heels together about "
        "6 cm from their back edge and the whole of both feet on the paper, keep all the paper "
        "in the picture, and wear shoes or socks that are darker or more coloured than the paper "
        "(on plain paper white shoes cannot be told from it; the printed mat's stripes can)."
    ),
    "right": N_(
        "Cannot find your right foot on the paper: stand on the two sheets, heels together about "
        "6 cm from their back edge and the whole of both feet on the paper, keep all the paper "
        "in the picture, and wear shoes or socks that are darker or more coloured than the paper "
        "(on plain paper white shoes cannot be told from it; the printed mat's stripes can)."
    ),
}
KNEE_BENT = {
    "left": N_(
        "Your left knee is bent: turnout in first position is measured standing with straight "
        "legs (a demi-plie is the knee check). Straighten both legs, and measure again."
    ),
    "right": N_(
        "Your right knee is bent: turnout in first position is measured standing with straight "
        "legs (a demi-plie is the knee check). Straighten both legs, and measure again."
    ),
}


def first_position(
    index: int,
    frame: Frame,
    vision: Vision,
    mat: MatView | None,
    pose: Pose | None,
    guess: Guess | None = None,
) -> FrameReading:
    """`guess`: the feet already looked for around the heel mark (beside the pose model), used
    unless the model's heels say they stand elsewhere."""
    if mat is None:
        needs(pose)  # what is wrong with the picture itself is said first
        raise MeasureError(_(NO_MAT))
    model_heels = _floor_heels(pose, mat)  # None unless the model sees the feet on the mat
    seeds = model_heels or HEEL_MARK
    if guess is not None and _near(seeds, HEEL_MARK):
        if isinstance(guess, MeasureError):
            raise guess
        left, right = guess
    else:
        left, right = vision.feet.find(frame, mat, seeds)
    if left is None or right is None:
        raise MeasureError(_not_found(left is None, right is None, mat.plain_paper))
    if model_heels is not None:  # first: are these outlines the feet at all?
        check_model(left, right, pose, mat)
    _check_stance(left, right, pose)
    angles = form.first_position(left, right)
    band = BAND_OUTLINE + _heel_spread(left, right, angles.total) + left.slack + right.slack
    values, method = angle_values(angles), ReadingMethod.MAT_OUTLINE
    return FrameReading(index, values, method, pose, mat, (left, right), band=band)


def _heel_spread(left: Foot, right: Foot, total: float) -> float:
    """How far the total can move while each heel lies anywhere on its segment (degrees)."""
    ends = [
        [Foot(heel, foot.toe) for heel in foot.heel_range] if foot.heel_range else [foot]
        for foot in (left, right)
    ]
    return max(abs(form.first_position(a, b).total - total) for a in ends[0] for b in ends[1])


def guess_feet(frame: Frame, vision: Vision, mat: MatView) -> Guess:
    """The feet looked for around the heel mark, or what stopped that."""
    try:
        return vision.feet.find(frame, mat, HEEL_MARK)
    except MeasureError as error:
        return error


def _near(seeds: tuple[Point, Point], other: tuple[Point, Point]) -> bool:
    return all((a - b).length <= SAME_SEEDS_MM for a, b in zip(seeds, other, strict=True))


def _not_found(left: bool, right: bool, paper: bool) -> str:
    which = "both" if left and right else "left" if left else "right"
    return _((NOT_ON_PAPER if paper else NOT_ON_MAT)[which])


def _check_stance(left: Foot, right: Foot, pose: Pose | None) -> None:
    """First position: heels together (from the outlines' back ends, not the model's points)
    and, when the model sees the legs, knees straight."""
    bent = _knees_bent(pose)
    if bent is not None:
        raise MeasureError(_(KNEE_BENT[bent]))
    apart = (left.heel - right.heel).length
    if apart > MAX_HEELS_APART_MM:
        # Translators: {apart} is in whole centimetres ("cm").
        text = _(
            "Your heels are about {apart} cm apart: in first position they touch. Stand with "
            "both heels together on the grey line, and measure again."
        )
        raise MeasureError(text.format(apart=f"{apart / 10:.0f}"))


def corrected_by_hand(left: Foot, right: Foot) -> tuple[dict[str, float], str]:
    """Foot angles from heel and toe points the user placed on the rectified top view (floor
    millimetres), by the same maths as the mat path, and the sentence that reports them."""
    values = angle_values(form.first_position(left, right))
    message = first_position_message(values["total"], values["left"], values["right"], BAND_HAND)
    return values, message


def _knees_bent(pose: Pose | None) -> str | None:
    """Which knee the model sees bent past `MAX_KNEE_BEND` in the picture, if either."""
    if pose is None or not all(pose.in_frame(j) and pose.is_visible(j) for j in LEGS):
        return None
    return next(
        (s for s in ("left", "right") if form.knee_tracking(pose, s).bend > MAX_KNEE_BEND), None
    )


def _feet_visible(pose: Pose) -> bool:
    return all(pose.in_frame(joint) for joint in FEET)


def _floor_heels(pose: Pose | None, mat: MatView) -> tuple[Point, Point] | None:
    if pose is None or not _feet_visible(pose):
        return None
    h = mat.image_to_floor
    left, right = pose.point(Joint.LEFT_HEEL), pose.point(Joint.RIGHT_HEEL)
    heels = apply_homography(h, left), apply_homography(h, right)
    # The model's heels only tell the finder where to look; far off the heel mark they are
    # not on the feet on the mat (a person beside it, or the model's mistake): look as usual.
    if any(abs(p.x) > SEED_REACH_MM or abs(p.y) > SEED_REACH_MM for p in heels):
        return None
    return heels
