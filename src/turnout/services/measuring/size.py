"""Is each outline the size of the dancer's foot? Checked when the dancer's height is known.

A foot is about 15 % of standing height: 14.9 % in women and 15.3 % in men on average, with a
spread of about 0.7 points, a little more in children. An outline much shorter than that has
part of the foot hidden or cut off; much longer, something joined to it (a shadow, a trouser
leg, something on the paper) and its angle would be anything."""

from __future__ import annotations

from collections import Counter

from turnout.domain.form import Foot
from turnout.errors import MeasureError
from turnout.i18n import N_, _
from turnout.services.measuring.reading import FrameReading

# Shares of standing height a bare foot spans: three spreads either side of the mean.
FOOT_SHARE = (0.13, 0.17)
SHOE_MM = 25.0  # a shoe's toe and heel add up to this to the outline
SLACK_MM = 10.0  # what the outline's own ends may be off by
WRONG_SIZE = {
    # Translators: {length}, {height}, {low} and {high} are whole centimetres ("cm"); {cause}
    # says what is wrong with the outline, in lower case.
    "left": N_(
        "The outline found for your left foot is {length} cm long, but at {height} cm tall your "
        "feet are about {low}-{high} cm in shoes: {cause}, so its angle cannot be trusted. Keep "
        "the whole of both feet on the paper and the paper clear around them, light it evenly, "
        "and measure again. (If your height in the profile is wrong, correct it there.)"
    ),
    # Translators: {length}, {height}, {low} and {high} are whole centimetres ("cm"); {cause}
    # says what is wrong with the outline, in lower case.
    "right": N_(
        "The outline found for your right foot is {length} cm long, but at {height} cm tall your "
        "feet are about {low}-{high} cm in shoes: {cause}, so its angle cannot be trusted. Keep "
        "the whole of both feet on the paper and the paper clear around them, light it evenly, "
        "and measure again. (If your height in the profile is wrong, correct it there.)"
    ),
}


def foot_range_mm(height_cm: int) -> tuple[float, float]:
    """The shortest and longest outline (mm) a dancer of this height's foot may give."""
    low, high = FOOT_SHARE
    return low * height_cm * 10 - SLACK_MM, high * height_cm * 10 + SHOE_MM + SLACK_MM


def check_size(reading: FrameReading, height_cm: int | None) -> None:
    """Refuse a reading whose foot outlines are not the size of this dancer's feet."""
    if height_cm is None or reading.feet is None:
        return
    low, high = foot_range_mm(height_cm)
    for side, foot in zip(("left", "right"), reading.feet, strict=True):
        shortest, longest = _lengths(foot)
        if longest < low or shortest > high:
            length = (shortest + longest) / 2
            short = _("part of it is hidden or off the paper")
            long = _("something joins it (a shadow, clothing, or something on the paper)")
            centimetres = {"length": length, "low": low, "high": high}
            sizes = {key: f"{mm / 10:.0f}" for key, mm in centimetres.items()}
            cause = short if longest < low else long
            text = _(WRONG_SIZE[side]).format(height=height_cm, cause=cause, **sizes)
            raise MeasureError(text)


def _lengths(foot: Foot) -> tuple[float, float]:
    """Heel to toe, for each end of the segment the heel may lie on."""
    heels = foot.heel_range or (foot.heel, foot.heel)
    lengths = sorted((foot.toe - heel).length for heel in heels)
    return lengths[0], lengths[1]


def sized(
    readings: list[FrameReading], height_cm: int | None, refused: Counter[str]
) -> list[FrameReading]:
    """The readings whose outlines fit the dancer's feet; the others counted in `refused`."""
    kept = []
    for reading in readings:
        try:
            check_size(reading, height_cm)
        except MeasureError as error:
            refused[str(error)] += 1
        else:
            kept.append(reading)
    return kept
