"""A video: each frame's mat and feet found while the pose model runs on it, through a mat
that is detected only now and then because the camera keeps still."""

from __future__ import annotations

import contextlib
import functools
import math
import queue
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import cast

from turnout.domain.mat import MatView
from turnout.domain.pose import Pose
from turnout.errors import MeasureError
from turnout.i18n import N_, _
from turnout.ports import Frame, MatDetector
from turnout.services.measuring.feet import Guess
from turnout.services.measuring.frames import estimate, floor_of, read
from turnout.services.measuring.reading import FrameReading, Mode, Vision

MAT_CHECK_EVERY = 15  # video frames between two detections of the mat (the camera keeps still)
MAX_MAT_DRIFT_PX = 2.0  # a marker corner that moved further: the camera moved
AHEAD = 2  # frames read ahead of the one measured
PROGRESS_EVERY = 10  # frames between two reports of progress (a job writes each to the log)
CAMERA_MOVED = N_("The camera moved: put the phone on a stand and keep it still while filming.")


@dataclass
class Tally:
    """A video's readings so far; `pending` ones wait for the next mat check to confirm them."""

    readings: list[FrameReading] = field(default_factory=list)
    pending: list[FrameReading] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)
    seen: int = 0

    def settle(self, confirmed: bool, reason: str | None = None) -> None:
        """Keep the pending readings, or count them refused for `reason` (the camera moved)."""
        if confirmed:
            self.readings.extend(self.pending)
        elif self.pending:
            self.refused[_(CAMERA_MOVED) if reason is None else reason] += len(self.pending)
        self.pending.clear()


def read_video(
    frames: Iterable[Frame],
    vision: Vision,
    mode: Mode,
    progress: Callable[[int], None] | None = None,
) -> Tally:
    """Each frame's pose in this thread, its mat and first guess of the feet in a second one
    meanwhile (2 cores); the mat is detected only now and then (`_SteadyMat`). `progress`
    hears the count of frames analysed every PROGRESS_EVERY frames, and at the end."""
    tally, mats = Tally(), _SteadyMat(vision.mat)
    last: tuple[int, Frame] | None = None
    with ThreadPoolExecutor(max_workers=1) as worker:
        for index, frame in enumerate(_ahead(frames)):
            tally.seen += 1
            floor = worker.submit(floor_of, frame, vision, mode, mats.detector_for(tally, index))
            poses = estimate(vision, frame)
            _video_frame(tally, mats, floor, (index, frame), vision, mode, poses)
            last = (index, frame)
            if progress is not None and tally.seen % PROGRESS_EVERY == 0:
                progress(tally.seen)
    if last is not None and tally.pending:
        mats.confirm(tally, *last)
    if progress is not None:
        progress(tally.seen)
    return tally


def _video_frame(
    tally: Tally,
    mats: _SteadyMat,
    floor: Future[tuple[MatView | None, Guess | None]],
    at: tuple[int, Frame],
    vision: Vision,
    mode: Mode,
    poses: list[Pose] | None,
) -> None:
    index, frame = at
    try:
        mat, guess = floor.result()
        reading = read(index, frame, vision, mode, False, mat, poses, guess)
    except MeasureError as error:
        tally.refused[str(error)] += 1
        return
    detected = mats.checked == index  # the mat was detected on this very frame
    (tally.readings if detected else tally.pending).append(reading)


def _ahead(frames: Iterable[Frame]) -> Iterator[Frame]:
    """The frames, the next one read (decoded) in a thread of its own while this one is
    measured; what stops the reading (a video too long) is raised here, in its turn."""
    waiting: queue.Queue[tuple[bool, Frame | BaseException | None]] = queue.Queue(AHEAD)
    stop = threading.Event()

    def fill() -> None:
        try:
            for frame in frames:
                while not stop.is_set():
                    with contextlib.suppress(queue.Full):
                        waiting.put((True, frame), timeout=0.1)
                        break
                if stop.is_set():
                    return
            waiting.put((False, None))
        except BaseException as error:  # handed over to the reader, raised there
            waiting.put((False, error))

    threading.Thread(target=fill, name="turnout-frames", daemon=True).start()
    try:
        while True:
            more, item = waiting.get()
            if isinstance(item, BaseException):
                raise item
            if not more:
                return
            yield cast(Frame, item)
    finally:
        stop.set()


class _SteadyMat:
    """A video's mat, for a camera that keeps still: detected every `MAT_CHECK_EVERY` frames
    and reused in between. Each check compares the markers with the last detection; when
    they moved, the frames since are refused (measured through a stale mat) and the mat is
    detected on every frame until two detections in a row agree again."""

    def __init__(self, detector: MatDetector) -> None:
        self.detector = detector
        self.last: MatView | None = None
        self.checked: int | None = None  # frame index of the last detection
        self.moving = True  # until two detections agree

    def detector_for(self, tally: Tally, index: int) -> Callable[[Frame], MatView | None]:
        """This frame's mat as `floor_of` asks for it."""
        return functools.partial(self.view, tally, index)

    def view(self, tally: Tally, index: int, frame: Frame) -> MatView | None:
        """This frame's mat: the last one, or detected on this very frame when due (then
        `checked` is this frame's index)."""
        due = self.checked is None or index - self.checked >= MAT_CHECK_EVERY
        if self.moving or due:
            self.confirm(tally, index, frame)
        return self.last

    def confirm(self, tally: Tally, index: int, frame: Frame) -> None:
        """Detect the mat on this frame, and keep or refuse the frames that reused the last."""
        self.checked = index
        try:
            found = self.detector.detect(frame)
        except MeasureError as error:
            self.last, self.moving = None, True
            tally.settle(False, str(error))
            raise
        still = same_place(self.last, found)
        tally.settle(still)
        self.last, self.moving = found, not still


def same_place(a: MatView | None, b: MatView | None) -> bool:
    """Whether two detections of the mat agree: no marker corner moved more than
    `MAX_MAT_DRIFT_PX` (both unseen agree too)."""
    if a is None or b is None:
        return a is b
    common = set(a.corners) & set(b.corners)
    if not common:
        return a.image_to_floor == b.image_to_floor
    drift = max(
        math.hypot(p.x - q.x, p.y - q.y)
        for i in common
        for p, q in zip(a.corners[i], b.corners[i], strict=True)
    )
    return drift <= MAX_MAT_DRIFT_PX
