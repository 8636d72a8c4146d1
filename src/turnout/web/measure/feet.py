"""Feet corrected by hand: heel and toe points the user dragged on the rectified top view, in
floor millimetres. The angles come from the same domain maths as the mat path; the page only
moves points and shows the numbers it gets back."""

from __future__ import annotations

from fastapi import HTTPException
from pydantic import Field

from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.i18n import N_, _
from turnout.services.measuring import BAND_HAND, HAND_METHOD, Mode, corrected_by_hand
from turnout.web.deps import Web
from turnout.web.measure.upload import add_total
from turnout.web.schema_base import StrictModel

FLOOR_LIMIT_MM = 1000.0  # a point further than this from the heel mark is not on the mat
MIN_FOOT_MM = 20.0  # heel and toe closer than this give no direction worth a number


class FloorPoint(StrictModel):
    x: float = Field(
        ge=-FLOOR_LIMIT_MM,
        le=FLOOR_LIMIT_MM,
        allow_inf_nan=False,
        description="mm toward the dancer's left of the heel mark",
    )
    y: float = Field(
        ge=-FLOOR_LIMIT_MM,
        le=FLOOR_LIMIT_MM,
        allow_inf_nan=False,
        description="mm ahead of the heel line (toward the camera)",
    )


class FootPoints(StrictModel):
    heel: FloorPoint = Field(description="Where the back of the heel meets the floor.")
    toe: FloorPoint = Field(description="The tip of the longest toe.")


class FeetRequest(StrictModel):
    left: FootPoints
    right: FootPoints
    record: bool = Field(False, description="Also add the total to the dancer's measurements.")


# Translators: {mm} is a whole number of millimetres.
TOO_CLOSE = {
    "left": N_(
        "The left heel and toe are only {mm} mm apart: put one point on the back of the heel "
        "and the other on the tip of the longest toe."
    ),
    "right": N_(
        "The right heel and toe are only {mm} mm apart: put one point on the back of the heel "
        "and the other on the tip of the longest toe."
    ),
}


def _foot(side: str, points: FootPoints) -> Foot:
    heel, toe = Point(points.heel.x, points.heel.y), Point(points.toe.x, points.toe.y)
    apart = heel.distance(toe)
    if apart < MIN_FOOT_MM:
        raise HTTPException(
            422,
            _(TOO_CLOSE[side]).format(mm=f"{apart:.0f}"),
        )
    return Foot(heel, toe)


def corrected(web: Web, request: FeetRequest) -> dict[str, object]:
    """The angles from the user's points, shaped like a measurement's report; saved if asked."""
    left, right = _foot("left", request.left), _foot("right", request.right)
    values, message = corrected_by_hand(left, right)
    result: dict[str, object] = {
        "mode": Mode.FIRST_POSITION.value,
        "method": HAND_METHOD,
        "calibrated": True,
        "band_degrees": BAND_HAND,
        "values": {key: {"median": v, "low": v, "high": v} for key, v in values.items()},
        "messages": [message],
        "video": False,
    }
    if request.record:
        note = f"{HAND_METHOD}, +/- {BAND_HAND:.0f} deg"
        how = "camera with the mat, corrected by hand"
        result["recorded"] = add_total(web, "camera_mat", values["total"], note, how)
    return result
