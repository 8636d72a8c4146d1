"""One frame's reading: its mat and pose, then the reader of the chosen mode.

The mat and, for first position, the feet around the heel mark need no pose: they are worked
out in a second thread while the pose model runs (2 cores), and the feet are looked for again
only if the model's heels stand elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from turnout.domain.mat import MatView
from turnout.domain.pose import Pose
from turnout.errors import MeasureError
from turnout.i18n import _
from turnout.ports import Frame
from turnout.services.measuring.feet import Guess, first_position, guess_feet
from turnout.services.measuring.person import choose_pose, needs, plie, profile
from turnout.services.measuring.reading import FrameReading, Mode, Vision

MIN_SIDE = 160  # pixels on the shorter side; below it neither the mat's markers nor a body show


def refuse_tiny(frame: Frame) -> None:
    """A picture too small to measure is refused for what it is, before any model runs."""
    height, width = frame.shape[:2]
    if min(height, width) < MIN_SIDE:
        text = _(
            "The picture is {width}x{height} pixels, too small to find the mat or a person in. "
            "Send one at least {least} pixels on its shorter side (any phone's photo is)."
        )
        raise MeasureError(text.format(width=width, height=height, least=MIN_SIDE))


def read_frame(index: int, frame: Frame, vision: Vision, mode: Mode, still: bool) -> FrameReading:
    """One frame's reading, or a MeasureError that says what to change."""
    refuse_tiny(frame)
    mat = vision.mat.detect(frame)
    return read(index, frame, vision, mode, still, mat, estimate(vision, frame))


def read_photo(index: int, frame: Frame, vision: Vision, mode: Mode) -> FrameReading:
    """As `read_frame`, with the mat and feet found beside the pose model."""
    refuse_tiny(frame)
    with ThreadPoolExecutor(max_workers=1) as worker:
        floor = worker.submit(floor_of, frame, vision, mode, vision.mat.detect)
        poses = estimate(vision, frame)
        mat, guess = floor.result()
    return read(index, frame, vision, mode, True, mat, poses, guess)


def floor_of(
    frame: Frame, vision: Vision, mode: Mode, detect: Callable[[Frame], MatView | None]
) -> tuple[MatView | None, Guess | None]:
    """The frame's mat (by `detect`) and, in first position on it, the feet's first guess."""
    mat = detect(frame)
    guess = guess_feet(frame, vision, mat) if mode is Mode.FIRST_POSITION and mat else None
    return mat, guess


def estimate(vision: Vision, frame: Frame) -> list[Pose] | None:
    return None if vision.poses is None else vision.poses.estimate(frame)


def read(
    index: int,
    frame: Frame,
    vision: Vision,
    mode: Mode,
    still: bool,
    mat: MatView | None,
    poses: list[Pose] | None,
    guess: Guess | None = None,
) -> FrameReading:
    needed = mode is not Mode.FIRST_POSITION or mat is None
    pose = choose_pose(frame, vision, poses, still, needed)
    readers: dict[Mode, Callable[[], FrameReading]] = {
        Mode.FIRST_POSITION: lambda: first_position(index, frame, vision, mat, pose, guess),
        Mode.PLIE: lambda: plie(index, needs(pose), mat),
        Mode.PROFILE: lambda: profile(index, needs(pose), mat),
    }
    return readers[mode]()
