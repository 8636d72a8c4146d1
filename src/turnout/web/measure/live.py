"""The live mirror: one camera frame in, landmarks and readings out, repetition by repetition.

Every number comes from `measuring.read_frame`, the same code as a photo's; this module only
feeds it the pose found once per frame and keeps the best angle of each repetition."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from turnout.bootstrap import VisionKit
from turnout.domain.form import Foot, KneeVerdict
from turnout.domain.geometry import Point, median
from turnout.domain.mat import MatView
from turnout.domain.pose import Pose
from turnout.errors import MeasureError
from turnout.i18n import N_, _
from turnout.ports import FootFinder, Frame
from turnout.services.form_text import knee_message, profile_message
from turnout.services.measuring import (
    MIN_PLIE_BEND,
    FrameReading,
    Mode,
    Vision,
    read_frame,
)

MAX_FRAME_BYTES = 2 * 1024 * 1024
MAX_FRAME_PIXELS = 1920 * 1080
SMOOTHING = 5  # the live angle is the median of the last few frames: steadier than one frame
NO_PERSON = N_("No one in view: step back until your whole body, head to feet, is in the picture.")
Reply = dict[str, object]


@dataclass
class Repetitions:
    """The best (smoothed) total turnout of each repetition: a little further each time."""

    done: list[float | None] = field(default_factory=list)
    best: float | None = None
    recent: deque[float] = field(default_factory=lambda: deque(maxlen=SMOOTHING))

    def add(self, total: float) -> float:
        self.recent.append(total)
        live = median(self.recent)
        self.best = live if self.best is None else max(self.best, live)
        return live

    def next(self) -> None:
        self.done.append(self.best)
        self.best = None
        self.recent.clear()

    def view(self) -> Reply:
        previous = next((b for b in reversed(self.done) if b is not None), None)
        change = None if self.best is None or previous is None else self.best - previous
        return {
            "number": len(self.done) + 1,
            "best": _round(self.best),
            "previous": _round(previous),
            "change": _round(change),
            "done": [_round(b) for b in self.done],
        }


class Found:
    """Hands `read_frame` the pose and mat this frame already gave, so each runs once. As a
    foot finder it finds none: it stands in where no picture is at hand (on-device mode)."""

    def __init__(self, pose: Pose | None, mat: MatView | None) -> None:
        self.pose, self.mat = pose, mat

    def estimate(self, frame: Frame) -> list[Pose]:
        return [] if self.pose is None else [self.pose]

    def count_people(self, frame: Frame) -> int:
        return len(self.estimate(frame))

    def close(self) -> None:
        return None

    def detect(self, frame: Frame) -> MatView | None:
        return self.mat

    def find(
        self, frame: Frame, mat: MatView, heels: tuple[Point, Point] | None
    ) -> tuple[Foot | None, Foot | None]:
        return None, None


class Mirror:
    """What every live mirror keeps (repetitions, the view) and how it answers one frame's pose
    and mat; where the pose comes from (the server's model, or the browser's) is the subclass's."""

    def __init__(self) -> None:
        self.reps = Repetitions()
        self.view = "front"
        self.count = 0

    def command(self, text: str) -> Reply:
        try:
            action = json.loads(text).get("action")
        except (ValueError, AttributeError, RecursionError):
            action = None
        return self.act(action)

    def act(self, action: object) -> Reply:
        if action == "next-rep":
            self.reps.next()
        elif action == "reset":
            self.reps = Repetitions()
        elif action in ("front", "side"):
            self.view = str(action)
        else:
            # Translators: the actions are commands, as sent; they stay as they are.
            message = _("Unknown action; use next-rep, reset, front, side.")
            return {"type": "error", "message": message}
        return {"type": "reps", "reps": self.reps.view(), "view": self.view}

    def close(self) -> None:
        return None

    def answer(self, picture: Frame, pose: Pose | None, found: Found, feet: FootFinder) -> Reply:
        """The reading of one frame: turnout on the mat, then the knees or the profile."""
        self.count += 1
        reply: Reply = {"type": "reading", "index": self.count, "view": self.view}
        # Without a person, feet on the mat can still be measured, as in feet-only mode.
        once = Vision(found, feet, found if pose else None)
        turnout = _attempt(lambda: read_frame(0, picture, once, Mode.FIRST_POSITION, False))
        turnout["needs_mat"] = found.mat is None  # no angle without it; knees are still watched
        total = turnout.get("total")
        if isinstance(total, float):
            turnout["live"] = round(self.reps.add(total), 1)
        reply.update(person=pose is not None, turnout=turnout, reps=self.reps.view())
        if pose is None:
            return {**reply, "message": _(NO_PERSON), "knees_inside": []}
        mode = Mode.PLIE if self.view == "front" else Mode.PROFILE
        form = _attempt(lambda: read_frame(0, picture, once, mode, False))
        return {
            **reply,
            "landmarks": _landmarks(pose),
            "form": form,
            "knees_inside": _knees_inside(form),
        }


class MirrorLoop(Mirror):
    """One browser's live mirror: its own video-mode pose model, closed with the connection."""

    def __init__(self, kit: VisionKit) -> None:
        super().__init__()
        self.kit = kit
        self.vision = kit.build(video=True, feet_only=False)

    def frame(self, data: bytes) -> Reply:
        """A JPEG from the camera -> a reading, or an error reply; never raises MeasureError."""
        try:
            if len(data) > MAX_FRAME_BYTES:
                raise MeasureError(_("That camera frame is over 2 MB; send 1280x720 JPEGs."))
            picture = self.kit.decode_jpeg(data, MAX_FRAME_PIXELS)
            return self._read(picture)
        except MeasureError as error:
            return {"type": "error", "frame": True, "message": str(error)}

    def close(self) -> None:
        if self.vision.poses is not None:
            self.vision.poses.close()

    def _read(self, picture: Frame) -> Reply:
        assert self.vision.poses is not None
        poses = self.vision.poses.estimate(picture)
        pose = poses[0] if poses else None
        problem: Reply = {}
        found = Found(pose, self._mat(picture, problem))
        return {**self.answer(picture, pose, found, self.vision.feet), **problem}

    def _mat(self, picture: Frame, problem: Reply) -> MatView | None:
        try:
            return self.vision.mat.detect(picture)
        except MeasureError as error:
            problem["mat_message"] = str(error)
            return None


def _attempt(read: Callable[[], FrameReading]) -> dict[str, object]:
    try:
        reading = read()
    except MeasureError as error:
        return {"message": str(error)}
    out: dict[str, object] = {k: round(v, 1) for k, v in reading.values.items()}
    out.update(method=reading.method, calibrated=reading.method.calibrated)
    out["band"] = reading.method.band
    if reading.knees is not None:
        bent = min(k.bend for k in reading.knees) >= MIN_PLIE_BEND
        out["knees"] = [
            {
                "side": k.side,
                "inside": bent and k.verdict is KneeVerdict.INSIDE,
                "message": knee_message(k),
            }
            for k in reading.knees
        ]
        out["bent"] = bent
    if reading.profile is not None:
        out["message"] = profile_message(reading.profile)
    return out


def _knees_inside(form: dict[str, object]) -> list[str]:
    knees = form.get("knees")
    if not isinstance(knees, list):
        return []
    return [str(k["side"]) for k in knees if k["inside"]]


def _landmarks(pose: Pose) -> dict[str, list[float]]:
    """Each joint by name ("left_knee") as [x, y, visibility]; x and y as shares of the
    picture's width and height, so the page can draw them at any size."""
    return {
        joint.name.lower(): [
            round(mark.x / pose.width, 4), round(mark.y / pose.height, 4), round(mark.visibility, 2)
        ]
        for joint, mark in pose.landmarks.items()
    }  # fmt: skip


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
