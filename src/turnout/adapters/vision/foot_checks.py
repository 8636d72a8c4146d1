"""What a foot's outline must look like before its angle is believed, and its heel brought
down to the floor (see domain/camera.py)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from turnout.domain.camera import LOWEST, CameraPlace, grounded
from turnout.domain.form import Foot
from turnout.errors import MeasureError
from turnout.i18n import N_, _
from turnout.i18n.formats import number

# No foot seen from above is longer or wider than this (an adult's 300 mm foot in a shoe whose
# upper, seen from a slant, adds to its width); an outline that is has something joined to it.
MAX_LENGTH_MM, MAX_WIDTH_MM = 320.0, 150.0
SIDES_AGREE_DEG = 10.0  # a foot's long sides and its middle line point within this of each other
Array = NDArray[Any]
# The refusals that name the foot, by foot (True: the left one).
JOINED = {
    True: N_(
        "Something joins your left foot's outline and runs across the mat (a shadow, a trouser "
        "leg, or something on the paper), so its angle cannot be read. Light the mat evenly from "
        "the front or above, keep clothes and bags off the paper, and measure again."
    ),
    False: N_(
        "Something joins your right foot's outline and runs across the mat (a shadow, a trouser "
        "leg, or something on the paper), so its angle cannot be read. Light the mat evenly from "
        "the front or above, keep clothes and bags off the paper, and measure again."
    ),
}
NOT_A_FOOT = {
    # Translators: {turn} is a whole number of degrees.
    True: N_(
        "The outline found for your left foot is not a foot's shape: its sides and its middle "
        "point {turn} degrees apart, as when a leg, a shadow or something pale on the mat joins "
        "it. Keep trousers and long socks off the mat (dark tights show best), and measure again."
    ),
    # Translators: {turn} is a whole number of degrees.
    False: N_(
        "The outline found for your right foot is not a foot's shape: its sides and its middle "
        "point {turn} degrees apart, as when a leg, a shadow or something pale on the mat joins "
        "it. Keep trousers and long socks off the mat (dark tights show best), and measure again."
    ),
}
OFF_THE_LINE = {
    True: N_(
        "Your left heel is not on the grey line: stand with both heels together on it, and "
        "measure again."
    ),
    False: N_(
        "Your right heel is not on the grey line: stand with both heels together on it, and "
        "measure again."
    ),
}


def check_shape(offsets: Array, direction: Array, reach_left: float, left: bool) -> None:
    """Refuse an outline no foot has: one that runs to the edge of where a foot can reach
    (`reach_left` mm short of it), or longer or wider than a foot. A shadow, a trouser leg or
    a bag joined to the foot does that, and its axis would be anything. Offsets in mm."""
    along = offsets @ direction
    across = offsets @ np.array([-direction[1], direction[0]])
    length = float(along.max() - along.min())
    width = float(np.percentile(across, 99) - np.percentile(across, 1))
    if reach_left > 8.0 and length <= MAX_LENGTH_MM and width <= MAX_WIDTH_MM:
        return
    raise MeasureError(_(JOINED[left]))


def check_sides(sides: Array, middle: Array, left: bool) -> None:
    """Refuse an outline whose two long sides point another way than its middle does (more
    than `SIDES_AGREE_DEG` apart): a foot's sides and middle run nearly together, and where
    they do not, a leg or something pale on the paper is joined to it, or part of it is lost."""
    turn = float(np.degrees(np.arccos(min(1.0, abs(float(np.dot(sides, middle)))))))
    if turn <= SIDES_AGREE_DEG:
        return
    raise MeasureError(_(NOT_A_FOOT[left]).format(turn=number(turn, 0)))


def on_floor(
    foot: Foot | None, place: CameraPlace | None, line: tuple[float, float], left: bool
) -> Foot | None:
    """The foot with its heel on the floor; refused when the camera looks straight down (its
    height, and so how far the heel is pushed back, cannot be told) or the heel is off the
    line."""
    if foot is None:
        return None
    if place is None:
        raise MeasureError(
            _(
                "The camera looks straight down at the mat, so how far the shoes stand up from "
                "the floor cannot be told: hold the phone in front of you, about a metre up, "
                "tilted to look down at the mat at 40-70 degrees, and measure again."
            )
        )
    if place.pitch_at(foot.heel) < LOWEST:
        raise MeasureError(
            _(
                "The camera is too low: from so flat an angle the shoes and legs hide the floor "
                "around the feet. Raise the phone to about a metre up, tilted to look down at "
                "the mat at 40-70 degrees, and measure again."
            )
        )
    down = grounded(foot, place, line)
    if down is None:
        raise MeasureError(_(OFF_THE_LINE[left]))
    return down
