"""One frame's reading: its mat and pose, then the reader of the chosen mode."""

from __future__ import annotations

from collections.abc import Callable

from turnout.domain.mat import MatView
from turnout.domain.pose import Pose
from turnout.ports import Frame
from turnout.services.measuring.feet import first_position
from turnout.services.measuring.person import choose_pose, needs, plie, profile
from turnout.services.measuring.reading import FrameReading, Mode, Vision


def read_frame(index: int, frame: Frame, vision: Vision, mode: Mode, still: bool) -> FrameReading:
    """One frame's reading, or a MeasureError that says what to change."""
    mat = vision.mat.detect(frame)
    return read(index, frame, vision, mode, still, mat, estimate(vision, frame))


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
) -> FrameReading:
    needed = mode is not Mode.FIRST_POSITION or mat is None
    pose = choose_pose(frame, vision, poses, still, needed)
    readers: dict[Mode, Callable[[], FrameReading]] = {
        Mode.FIRST_POSITION: lambda: first_position(index, frame, vision, mat, pose),
        Mode.PLIE: lambda: plie(index, needs(pose), mat),
        Mode.PROFILE: lambda: profile(index, needs(pose), mat),
    }
    return readers[mode]()
