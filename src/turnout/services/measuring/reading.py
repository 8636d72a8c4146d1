"""What one frame showed, the vision ports it was read with, and the bands of honest error."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from turnout.domain.form import Foot, FootAngles, KneeTracking, ProfileAlignment
from turnout.domain.mat import MatView
from turnout.domain.pose import Pose
from turnout.i18n import N_, _
from turnout.ports import FootFinder, MatDetector, PoseEstimator

# Half-widths of the honest error band, in degrees (see docs/measuring.md).
BAND_OUTLINE, BAND_MODEL_POINTS, BAND_UNCALIBRATED = 4.0, 10.0, 20.0
# Translators: `turnout mat` is a command, typed as it is; "Measure" names the app's page.
NO_MAT = N_(
    "No floor mat or paper in view, so no angle: from a camera alone the angle between the feet "
    "can be off by 50 degrees or more. Print the mat (on the Measure page, or with `turnout "
    "mat`) and stand with both heels on its grey line, or with no printer stand on two plain "
    "sheets of A4 or Letter laid side by side, heels about 6 cm from their back edge; keep "
    "it all in the picture and measure again. The knee and hip checks need neither."
)
MIN_PLIE_BEND = 15.0
# Points placed by hand on the top view: the outline's own 4 deg, plus the heel's height, which
# the automatic path takes out with the camera's place and a hand-placed point cannot (the back
# of a heel seen in the top view is its top, 15-45 mm behind where it meets the floor; on the
# rendered 3D feet that spread cost 3-6 deg of the total).
BAND_HAND = BAND_OUTLINE + 6.0


class ReadingMethod(StrEnum):
    """How a frame's numbers were found; each method carries its honest error band."""

    MAT_OUTLINE = "mat: foot outline"
    MAT_MODEL_POINTS = "mat: model toe points"
    # Heel and toe placed by hand on the rectified top view: the mat's maths, the user's points.
    HAND = "mat, corrected by hand"
    UNCALIBRATED = "uncalibrated: model 3D points"
    FRONT_VIEW = "model points, front view"
    SIDE_VIEW = "model points, side view"

    @property
    def calibrated(self) -> bool:
        """On the printed mat: floor millimetres, not the model's guess of depth."""
        return self.value.startswith("mat")

    @property
    def band(self) -> float:
        """Half-width of the error band of an angle read this way, in degrees."""
        if self in (ReadingMethod.MAT_OUTLINE, ReadingMethod.HAND):
            return BAND_OUTLINE
        return BAND_MODEL_POINTS if self.calibrated else BAND_UNCALIBRATED


HAND_METHOD = ReadingMethod.HAND
# How a reading was found, in words (the enum's values are the same English, kept as codes).
METHOD_TEXT = {
    ReadingMethod.MAT_OUTLINE: N_("mat: foot outline"),
    ReadingMethod.MAT_MODEL_POINTS: N_("mat: model toe points"),
    ReadingMethod.HAND: N_("mat, corrected by hand"),
    ReadingMethod.UNCALIBRATED: N_("uncalibrated: model 3D points"),
    ReadingMethod.FRONT_VIEW: N_("model points, front view"),
    ReadingMethod.SIDE_VIEW: N_("model points, side view"),
}


def method_text(method: ReadingMethod) -> str:
    """How a frame's numbers were found, in the dancer's language: "mat: foot outline"."""
    return _(METHOD_TEXT[method])


class Mode(StrEnum):
    FIRST_POSITION = "first-position"
    PLIE = "plie"
    PROFILE = "profile"


@dataclass(frozen=True)
class Vision:
    mat: MatDetector
    feet: FootFinder
    poses: PoseEstimator | None = None  # None in feet-only mode


@dataclass(frozen=True)
class FrameReading:
    """What one frame showed; `values` are the numbers the summary takes medians of."""

    index: int
    values: dict[str, float]
    method: ReadingMethod
    pose: Pose | None = None
    mat: MatView | None = None
    feet: tuple[Foot, Foot] | None = None
    knees: tuple[KneeTracking, KneeTracking] | None = None
    profile: ProfileAlignment | None = None
    band: float | None = None  # this frame's own band, when wider than its method's

    @property
    def honest_band(self) -> float:
        return self.method.band if self.band is None else max(self.band, self.method.band)


def angle_values(angles: FootAngles) -> dict[str, float]:
    return {"left": angles.left, "right": angles.right, "total": angles.total}


def first_position_message(
    total: float, left: float, right: float, band: float, note: str = ""
) -> str:
    """The angle read in first position; `note`, when given, a sentence of its own after it."""
    # Translators: turnout is the ballet term; every number is in whole degrees ("deg" is
    # short for degrees), {band} the error either way.
    text = _(
        "Turnout in first position: {total} deg between the feet (+/- {band}); left {left}, "
        "right {right} deg."
    )
    values = {"total": total, "band": band, "left": left, "right": right}
    said = text.format(**{key: f"{value:.0f}" for key, value in values.items()})
    return f"{said}{note}"
