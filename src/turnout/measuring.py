"""Use cases for measuring form from a photo or video. Drives the vision ports only; the CLI
and the web call `measure_frames` with frames they decoded and the adapters bootstrap built."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum

from turnout.domain import form
from turnout.domain.form import Foot, FootAngles, KneeTracking, ProfileAlignment
from turnout.domain.geometry import Point, apply_homography, median, percentile
from turnout.domain.pose import FEET, LEGS, Joint, Pose
from turnout.ports import FootFinder, Frame, MatDetector, MatView, MeasureError, PoseEstimator

# Half-widths of the honest error band, in degrees (see docs/measuring.md).
BAND_OUTLINE, BAND_MODEL_POINTS, BAND_UNCALIBRATED = 4.0, 10.0, 20.0
MIN_PLIE_BEND = 15.0
MIN_BODY_SHARE = 0.35  # shoulders to ankles must span this share of the picture's height
MAT_CHECK_EVERY = 15  # video frames between two detections of the mat (the camera keeps still)
MAX_MAT_DRIFT_PX = 2.0  # a marker corner that moved further: the camera moved
CAMERA_MOVED = "The camera moved: put the phone on a stand and keep it still while filming."
# Heel and toe placed by hand on the rectified top view: the mat's maths, the user's points.
HAND_METHOD = "mat, corrected by hand"
BAND_HAND = BAND_OUTLINE


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
    method: str
    pose: Pose | None = None
    mat: MatView | None = None
    feet: tuple[Foot, Foot] | None = None
    knees: tuple[KneeTracking, KneeTracking] | None = None
    profile: ProfileAlignment | None = None


@dataclass(frozen=True)
class Spread:
    median: float
    low: float  # 25th percentile over the steady frames
    high: float  # 75th percentile


@dataclass(frozen=True)
class Report:
    mode: Mode
    method: str
    calibrated: bool
    band: float
    frames_seen: int
    frames_used: int
    values: dict[str, Spread]
    messages: list[str]
    best: FrameReading
    refused: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode.value,
            "method": self.method,
            "calibrated": self.calibrated,
            "band_degrees": self.band,
            "frames_seen": self.frames_seen,
            "frames_used": self.frames_used,
            "values": {k: vars(v) for k, v in self.values.items()},
            "messages": self.messages,
            "frames_refused": self.refused,
        }


def measure_frames(
    frames: Iterable[Frame], vision: Vision, mode: Mode, still: bool = True
) -> Report:
    """Measure a photo (one frame) or a video: the median over its steady frames, with spread."""
    if still:
        readings = [
            read_frame(index, frame, vision, mode, still) for index, frame in enumerate(frames)
        ]
        if not readings:
            raise MeasureError("No frame of the video could be measured. The video has no frames.")
        return _summarise(readings, mode, len(readings), {})
    tally = _video(frames, vision, mode)
    if not tally.readings:
        reason = tally.refused.most_common(1)[0][0] if tally.refused else "The video has no frames."
        raise MeasureError(f"No frame of the video could be measured. {reason}")
    return _summarise(tally.readings, mode, tally.seen, dict(tally.refused))


def read_frame(index: int, frame: Frame, vision: Vision, mode: Mode, still: bool) -> FrameReading:
    """One frame's reading, or a MeasureError that says what to change."""
    mat = vision.mat.detect(frame)
    return _read(index, frame, vision, mode, still, mat, _estimate(vision, frame))


def _estimate(vision: Vision, frame: Frame) -> list[Pose] | None:
    return None if vision.poses is None else vision.poses.estimate(frame)


def _read(
    index: int,
    frame: Frame,
    vision: Vision,
    mode: Mode,
    still: bool,
    mat: MatView | None,
    poses: list[Pose] | None,
) -> FrameReading:
    needed = mode is not Mode.FIRST_POSITION or mat is None
    pose = _pose(frame, vision, poses, still, needed)
    readers: dict[Mode, Callable[[], FrameReading]] = {
        Mode.FIRST_POSITION: lambda: _first_position(index, frame, vision, mat, pose),
        Mode.PLIE: lambda: _plie(index, _needs(pose), mat),
        Mode.PROFILE: lambda: _profile(index, _needs(pose), mat),
    }
    return readers[mode]()


@dataclass
class _Tally:
    """A video's readings so far; `pending` ones wait for the next mat check to confirm them."""

    readings: list[FrameReading] = field(default_factory=list)
    pending: list[FrameReading] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)
    seen: int = 0

    def settle(self, confirmed: bool, reason: str = CAMERA_MOVED) -> None:
        if confirmed:
            self.readings.extend(self.pending)
        elif self.pending:
            self.refused[reason] += len(self.pending)
        self.pending.clear()


def _video(frames: Iterable[Frame], vision: Vision, mode: Mode) -> _Tally:
    """Each frame's pose in this thread, its mat and feet in a second one (2 cores: the model
    runs on the next frame meanwhile); the mat is detected only now and then (`_SteadyMat`)."""
    tally, mats = _Tally(), _SteadyMat(vision.mat)
    last: tuple[int, Frame] | None = None
    with ThreadPoolExecutor(max_workers=1) as worker:
        job: Future[None] | None = None
        for index, frame in enumerate(frames):
            tally.seen += 1
            poses = _estimate(vision, frame)
            if job is not None:
                job.result()
            job = worker.submit(_video_frame, tally, mats, (index, frame), vision, mode, poses)
            last = (index, frame)
        if job is not None:
            job.result()
    if last is not None and tally.pending:
        mats.confirm(tally, *last)
    return tally


def _video_frame(
    tally: _Tally,
    mats: _SteadyMat,
    at: tuple[int, Frame],
    vision: Vision,
    mode: Mode,
    poses: list[Pose] | None,
) -> None:
    index, frame = at
    try:
        mat, detected = mats.view(tally, index, frame)
        reading = _read(index, frame, vision, mode, False, mat, poses)
    except MeasureError as error:
        tally.refused[str(error)] += 1
        return
    (tally.readings if detected else tally.pending).append(reading)


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

    def view(self, tally: _Tally, index: int, frame: Frame) -> tuple[MatView | None, bool]:
        """This frame's mat, and whether it was detected on this very frame."""
        due = self.checked is None or index - self.checked >= MAT_CHECK_EVERY
        if not (self.moving or due):
            return self.last, False
        self.confirm(tally, index, frame)
        return self.last, True

    def confirm(self, tally: _Tally, index: int, frame: Frame) -> None:
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


def _pose(
    frame: Frame, vision: Vision, poses: list[Pose] | None, still: bool, needed: bool
) -> Pose | None:
    if vision.poses is None or poses is None:
        if needed:
            raise MeasureError(
                "Feet-only mode needs the printed mat in view: print it with `turnout mat`, "
                "stand on it, and keep all its black squares in the picture."
            )
        return None
    if not poses:
        if needed:
            raise MeasureError(
                "No person found: step back so your whole body, head to feet, is in the frame "
                "(portrait works best), or stand on the printed mat and use --feet-only."
            )
        return None
    if still and vision.poses.count_people(frame) > 1:
        raise MeasureError("Several people are in the picture: take it with only the dancer.")
    return poses[0]


def _needs(pose: Pose | None) -> Pose:
    if pose is None or not _whole_body(pose):
        raise MeasureError(
            "No whole person found: step back so your whole body, head to feet, fills most of "
            "the frame (portrait works best), or stand on the printed mat and use --feet-only."
        )
    for joint in LEGS:
        if not pose.in_frame(joint):
            raise MeasureError(
                "Your feet are cut off by the frame: step back or tilt the camera down so both "
                "feet are in view."
            )
    return pose


def _whole_body(pose: Pose) -> bool:
    """A plausible standing person: shoulders seen, and tall in the picture.

    On legs-only pictures the model can still return a tiny skeleton drawn over a foot.
    """
    shoulders = (Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER)
    if not all(pose.in_frame(j) and pose.is_visible(j) for j in shoulders):
        return False
    top = min(pose.point(j).y for j in shoulders)
    bottom = max(pose.point(j).y for j in (Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE))
    return bottom - top >= MIN_BODY_SHARE * pose.height


def _first_position(
    index: int, frame: Frame, vision: Vision, mat: MatView | None, pose: Pose | None
) -> FrameReading:
    if mat is None:
        return _uncalibrated(index, _needs(pose))
    heels = _floor_heels(pose, mat)
    found = vision.feet.find(frame, mat, heels)
    feet: list[Foot] = []
    methods = []
    for side, foot in zip(("left", "right"), found, strict=True):
        if foot is None and pose is not None and _feet_visible(pose):
            foot = _model_foot(pose, mat, side)
            methods.append("model points")
        elif foot is not None:
            methods.append("outline")
        if foot is None:
            raise MeasureError(
                f"Cannot find your {side} foot on the mat: stand with both heels on the grey "
                "line and the feet on the white paper, and keep the camera on the mat."
            )
        feet.append(foot)
    angles = form.first_position(feet[0], feet[1])
    method = "mat: " + ("foot outline" if set(methods) == {"outline"} else "model toe points")
    return FrameReading(index, _angle_values(angles), method, pose, mat, (feet[0], feet[1]))


def corrected_by_hand(left: Foot, right: Foot) -> tuple[dict[str, float], str]:
    """Foot angles from heel and toe points the user placed on the rectified top view (floor
    millimetres), by the same maths as the mat path, and the sentence that reports them."""
    values = _angle_values(form.first_position(left, right))
    message = first_position_message(values["total"], values["left"], values["right"], BAND_HAND)
    return values, message


def first_position_message(
    total: float, left: float, right: float, band: float, note: str = ""
) -> str:
    return (
        f"Turnout in first position: {total:.0f} deg between the feet (+/- {band:.0f});"
        f" left {left:.0f}, right {right:.0f} deg.{note}"
    )


def _angle_values(angles: FootAngles) -> dict[str, float]:
    return {"left": angles.left, "right": angles.right, "total": angles.total}


def _uncalibrated(index: int, pose: Pose) -> FrameReading:
    angles = form.world_first_position(pose)
    if angles is None:
        raise MeasureError("The pose model gave no 3D points for this picture; try another.")
    if not all(-45.0 <= a <= 100.0 for a in (angles.left, angles.right)):
        raise MeasureError(
            "The feet could not be read without the mat (the model's foot points point "
            "nowhere sensible): stand on the printed mat, or film from the front at hip height."
        )
    return FrameReading(index, _angle_values(angles), "uncalibrated: model 3D points", pose)


def _feet_visible(pose: Pose) -> bool:
    return all(pose.in_frame(joint) for joint in FEET)


def _floor_heels(pose: Pose | None, mat: MatView) -> tuple[Point, Point] | None:
    if pose is None or not _feet_visible(pose):
        return None
    h = mat.image_to_floor
    left, right = pose.point(Joint.LEFT_HEEL), pose.point(Joint.RIGHT_HEEL)
    return apply_homography(h, left), apply_homography(h, right)


def _model_foot(pose: Pose, mat: MatView, side: str) -> Foot:
    heel, toe = (
        (Joint.LEFT_HEEL, Joint.LEFT_TOE) if side == "left" else (Joint.RIGHT_HEEL, Joint.RIGHT_TOE)
    )
    h = mat.image_to_floor
    return Foot(apply_homography(h, pose.point(heel)), apply_homography(h, pose.point(toe)))


def _plie(index: int, pose: Pose, mat: MatView | None) -> FrameReading:
    left, right = form.knee_tracking(pose, "left"), form.knee_tracking(pose, "right")
    values = {
        "left_knee_inside_deg": left.angle,
        "right_knee_inside_deg": right.angle,
        "left_knee_bend": left.bend,
        "right_knee_bend": right.bend,
    }
    return FrameReading(index, values, "model points, front view", pose, mat, knees=(left, right))


def _profile(index: int, pose: Pose, mat: MatView | None) -> FrameReading:
    reading = form.profile_alignment(pose)
    values = {"pelvis_shift_deg": reading.pelvis_shift, "trunk_lean_deg": reading.trunk_lean}
    return FrameReading(index, values, "model points, side view", pose, mat, profile=reading)


def _summarise(
    readings: list[FrameReading], mode: Mode, seen: int, refused: dict[str, int]
) -> Report:
    used = _steady(readings, mode)
    values = {key: _spread([r.values[key] for r in used]) for key in used[0].values}
    key = _key(mode)
    best = min(used, key=lambda r: abs(r.values[key] - values[key].median))
    method = Counter(r.method for r in used).most_common(1)[0][0]
    calibrated = method.startswith("mat")
    band = _band(method)
    return Report(
        mode,
        method,
        calibrated,
        band,
        seen,
        len(used),
        values,
        _messages(mode, best, values, band),
        best,
        refused,
    )


def _key(mode: Mode) -> str:
    return {
        Mode.FIRST_POSITION: "total",
        Mode.PLIE: "left_knee_bend",
        Mode.PROFILE: "pelvis_shift_deg",
    }[mode]


def _band(method: str) -> float:
    if method == "mat: foot outline":
        return BAND_OUTLINE
    return BAND_MODEL_POINTS if method.startswith("mat") else BAND_UNCALIBRATED


def _steady(readings: list[FrameReading], mode: Mode) -> list[FrameReading]:
    """Frames whose main value sits near the median (first position, profile), or the deepest
    part of the plie."""
    if mode is Mode.PLIE:
        depth = [min(r.values["left_knee_bend"], r.values["right_knee_bend"]) for r in readings]
        deepest = max(depth)
        return [r for r, d in zip(readings, depth, strict=True) if d >= 0.7 * deepest]
    key = _key(mode)
    middle = median(r.values[key] for r in readings)
    mad = median(abs(r.values[key] - middle) for r in readings)
    limit = max(2.0, 3 * 1.4826 * mad)
    return [r for r in readings if abs(r.values[key] - middle) <= limit]


def _spread(values: list[float]) -> Spread:
    return Spread(median(values), percentile(values, 0.25), percentile(values, 0.75))


def _messages(mode: Mode, best: FrameReading, values: dict[str, Spread], band: float) -> list[str]:
    if mode is Mode.FIRST_POSITION:
        total = values["total"].median
        note = "" if best.mat else " Uncalibrated estimate, without the mat: treat it as rough."
        left, right = values["left"].median, values["right"].median
        return [first_position_message(total, left, right, band, note)]
    if mode is Mode.PLIE:
        if best.knees is None or min(k.bend for k in best.knees) < MIN_PLIE_BEND:
            return ["No demi-plie seen: bend both knees over the toes, then measure again."]
        return [k.message for k in best.knees]
    assert best.profile is not None
    return [best.profile.message]
