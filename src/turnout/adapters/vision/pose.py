"""BlazePose (MediaPipe 0.10.21 `solutions.pose`, full model, shipped in the wheel) behind the
PoseEstimator port. MediaPipe is imported here, when an estimator is built, never at import."""

from __future__ import annotations

import os
from typing import Any

import cv2
import numpy as np

from turnout.domain.pose import Joint, Landmark, Point3, Pose
from turnout.ports import Frame


class MediaPipePoseEstimator:
    """One person per frame. `video=True` tracks between frames (faster, steadier)."""

    def __init__(self, video: bool = False) -> None:
        os.environ.setdefault("GLOG_minloglevel", "2")  # keep the C++ log off the terminal
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        import mediapipe as mp  # heavy: loaded only when a pose is wanted

        # model_complexity=1 is the model inside the wheel; 0 and 2 would try to download.
        self._pose: Any = mp.solutions.pose.Pose(
            static_image_mode=not video, model_complexity=1, min_detection_confidence=0.5
        )
        self._faces: Any = None
        self._mp: Any = mp

    def estimate(self, frame: Frame) -> list[Pose]:
        image = np.asarray(frame)
        result = self._pose.process(cv2.cvtColor(image, cv2.COLOR_BGR2RGB))
        if result.pose_landmarks is None:
            return []
        return [_to_pose(result, image.shape[1], image.shape[0])]

    def count_people(self, frame: Frame) -> int:
        """Faces found by MediaPipe's full-range face detector (also in the wheel)."""
        if self._faces is None:
            self._faces = self._mp.solutions.face_detection.FaceDetection(
                model_selection=1, min_detection_confidence=0.6
            )
        result = self._faces.process(cv2.cvtColor(np.asarray(frame), cv2.COLOR_BGR2RGB))
        return len(result.detections or [])

    def close(self) -> None:
        self._pose.close()
        if self._faces is not None:
            self._faces.close()


def _to_pose(result: Any, width: int, height: int) -> Pose:
    marks = result.pose_landmarks.landmark
    landmarks = {
        joint: Landmark(marks[joint].x * width, marks[joint].y * height, marks[joint].visibility)
        for joint in Joint
    }
    world: dict[Joint, Point3] = {}
    if result.pose_world_landmarks is not None:
        points = result.pose_world_landmarks.landmark
        world = {j: Point3(points[j].x, points[j].y, points[j].z) for j in Joint}
    return Pose(landmarks, width, height, world)
