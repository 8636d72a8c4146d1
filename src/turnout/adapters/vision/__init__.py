"""Camera adapters: the pose model, the printed floor mat, images and videos, drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from turnout.services.measuring import Vision


def build_vision(video: bool, feet_only: bool) -> Vision:
    """The real camera adapters for one photo or video (the composition of the vision ports)."""
    from turnout.adapters.vision.feet import SilhouetteFootFinder
    from turnout.adapters.vision.mat_detect import ArucoMatDetector
    from turnout.adapters.vision.pose import MediaPipePoseEstimator
    from turnout.services.measuring import Vision

    poses = None if feet_only else MediaPipePoseEstimator(video=video)
    return Vision(ArucoMatDetector(), SilhouetteFootFinder(), poses)
