"""Use cases for measuring form from a photo or video. Drives the vision ports only; the CLI
and the web call `measure_frames` with frames they decoded and the adapters bootstrap built.

Split by noun: `reading` (one frame's reading, modes, bands), `person` and `feet` (the
readers), `frames` (one frame), `video` (a video through a steady mat), `report` (the summary).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from turnout.errors import MeasureError
from turnout.i18n import _
from turnout.ports import Frame
from turnout.services.measuring.feet import corrected_by_hand
from turnout.services.measuring.frames import read_frame, read_photo
from turnout.services.measuring.person import MIN_BODY_SHARE
from turnout.services.measuring.reading import (
    BAND_HAND,
    BAND_MODEL_POINTS,
    BAND_OUTLINE,
    BAND_UNCALIBRATED,
    HAND_METHOD,
    MIN_PLIE_BEND,
    FrameReading,
    Mode,
    ReadingMethod,
    Vision,
    first_position_message,
    method_text,
)
from turnout.services.measuring.report import Report, Spread, summarise
from turnout.services.measuring.size import check_size, foot_range_mm, sized
from turnout.services.measuring.video import (
    CAMERA_MOVED,
    MAT_CHECK_EVERY,
    MAX_MAT_DRIFT_PX,
    PROGRESS_EVERY,
    read_video,
    same_place,
)

__all__ = [
    "BAND_HAND",
    "BAND_MODEL_POINTS",
    "BAND_OUTLINE",
    "BAND_UNCALIBRATED",
    "CAMERA_MOVED",
    "HAND_METHOD",
    "MAT_CHECK_EVERY",
    "MAX_MAT_DRIFT_PX",
    "MIN_BODY_SHARE",
    "MIN_PLIE_BEND",
    "PROGRESS_EVERY",
    "FrameReading",
    "Mode",
    "ReadingMethod",
    "Report",
    "Spread",
    "Vision",
    "corrected_by_hand",
    "first_position_message",
    "foot_range_mm",
    "measure_frames",
    "method_text",
    "read_frame",
    "same_place",
]


def measure_frames(
    frames: Iterable[Frame],
    vision: Vision,
    mode: Mode,
    still: bool = True,
    height_cm: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Measure a photo (one frame) or a video: the median over its steady frames, with spread.
    With the dancer's height, foot outlines that are not the size of a foot are refused.
    `progress` hears how many frames are read and analysed, every PROGRESS_EVERY and at the
    end (it may raise to stop the measuring: a job out of time)."""
    if still:
        readings = [read_photo(index, frame, vision, mode) for index, frame in enumerate(frames)]
        if progress is not None:
            progress(len(readings))
        if not readings:
            raise MeasureError(
                _("No frame of the video could be measured. The video has no frames.")
            )
        for reading in readings:
            check_size(reading, height_cm)
        return summarise(readings, mode, len(readings), {})
    tally = read_video(frames, vision, mode, progress)
    readings = sized(tally.readings, height_cm, tally.refused)
    if not readings:
        reason = (
            tally.refused.most_common(1)[0][0] if tally.refused else _("The video has no frames.")
        )
        # Translators: {reason} says why, in a sentence or two of its own.
        text = _("No frame of the video could be measured. {reason}")
        raise MeasureError(text.format(reason=reason))
    return summarise(readings, mode, tally.seen, dict(tally.refused))
