"""BlazePose GHUM 3D through MediaPipe's Tasks API (`PoseLandmarker`) behind the PoseEstimator
port, from the model bundles this package carries (models/, built by
tools/build_pose_models.py). MediaPipe is imported when an estimator is built, never at import.
"""

from __future__ import annotations

import os
from importlib import resources
from typing import Any, Literal

import cv2
import numpy as np

from turnout.adapters.vision.native_log import quiet_start
from turnout.domain.pose import Joint, Landmark, Point3, Pose
from turnout.ports import Frame

Model = Literal["full", "lite"]
MODELS: tuple[Model, ...] = ("full", "lite")
# A still is searched for two people, so that a second one can be refused; a video follows one.
STILL_POSES = 2
# Video mode needs rising timestamps; frames are spaced as at 30 a second, as the legacy
# solution API did (its landmark smoothing was tuned for that).
FRAME_MS = 33
# MediaPipe's defaults, kept on purpose after trying lower ones on real photos: at 0.3 the
# detector found one more skier in a crowded photo, but also skeletons in 4 of 14 legs-only
# pictures (1 at 0.5); at 0.1, one was a plausible standing "person" drawn along the legs. No
# photo with a whole person in it needed less than 0.5 to be found.
DETECTION_CONFIDENCE = 0.5
PRESENCE_CONFIDENCE = 0.5


def model_bytes(model: Model) -> bytes:
    """The `.task` bundle of one model size, read from the package."""
    if model not in MODELS:
        raise ValueError(f"pose model {model!r}: choose one of {', '.join(MODELS)}")
    return (resources.files(__package__) / "models" / f"pose_landmarker_{model}.task").read_bytes()


class MediaPipePoseEstimator:
    """`video=True` tracks one person between frames (faster, steadier); a still looks for two."""

    def __init__(self, video: bool = False, model: Model = "full") -> None:
        os.environ.setdefault("GLOG_minloglevel", "2")  # keep the C++ log off the terminal
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        import mediapipe as mp  # heavy: loaded only when a pose is wanted
        from mediapipe.tasks.python import BaseOptions, vision

        options = vision.PoseLandmarkerOptions(
            base_options=BaseOptions(model_asset_buffer=model_bytes(model)),
            running_mode=vision.RunningMode.VIDEO if video else vision.RunningMode.IMAGE,
            num_poses=1 if video else STILL_POSES,
            min_pose_detection_confidence=DETECTION_CONFIDENCE,
            min_pose_presence_confidence=PRESENCE_CONFIDENCE,
        )
        with quiet_start():
            self._landmarker: Any = vision.PoseLandmarker.create_from_options(options)
        self._mp: Any = mp
        self._video = video
        self._timestamp = 0
        self._frames = 0
        self._last: tuple[Frame, list[Pose]] | None = None

    def estimate(self, frame: Frame) -> list[Pose]:
        if self._last is not None and self._last[0] is frame:
            return self._last[1]
        image = np.asarray(frame)
        rgb = self._mp.Image(
            image_format=self._mp.ImageFormat.SRGB,
            data=np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_BGR2RGB)),
        )
        self._frames += 1
        if self._frames == 1:
            with quiet_start():  # the first frame has a start-up note of its own
                result = self._detect(rgb)
        else:
            result = self._detect(rgb)
        poses = _to_poses(result, image.shape[1], image.shape[0])
        self._last = (frame, poses)
        return poses

    def _detect(self, image: Any) -> Any:
        if self._video:
            self._timestamp += FRAME_MS
            return self._landmarker.detect_for_video(image, self._timestamp)
        return self._landmarker.detect(image)

    def count_people(self, frame: Frame) -> int:
        """The people the still's search found (up to two: enough to refuse a second one)."""
        return len(self.estimate(frame))

    def close(self) -> None:
        self._last = None
        self._landmarker.close()


def _to_poses(result: Any, width: int, height: int) -> list[Pose]:
    """Every pose found, the tallest in the picture first (the dancer, not a passer-by)."""
    worlds = result.pose_world_landmarks or []
    poses = []
    for index, marks in enumerate(result.pose_landmarks or []):
        landmarks = {
            joint: Landmark(marks[joint].x * width, marks[joint].y * height, _seen(marks[joint]))
            for joint in Joint
        }
        world: dict[Joint, Point3] = {}
        if index < len(worlds):
            points = worlds[index]
            world = {j: Point3(points[j].x, points[j].y, points[j].z) for j in Joint}
        poses.append(Pose(landmarks, width, height, world))
    return sorted(poses, key=_height, reverse=True)


def _seen(mark: Any) -> float:
    return float(mark.visibility if mark.visibility is not None else 0.0)


def _height(pose: Pose) -> float:
    ys = [pose.point(joint).y for joint in Joint]
    return max(ys) - min(ys)
