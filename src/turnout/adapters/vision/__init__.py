"""Camera adapters: the pose model, the printed floor mat, images and videos, drawing."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from turnout.services.measuring import Vision


def build_vision(video: bool, feet_only: bool, pose_model: str = "full", paper: str = "") -> Vision:
    """The real camera adapters for one photo or video (the composition of the vision ports)."""
    from turnout.adapters.vision.feet import SilhouetteFootFinder
    from turnout.adapters.vision.pose import MODELS, MediaPipePoseEstimator
    from turnout.adapters.vision.reference import FloorReference
    from turnout.services.measuring import Vision

    model = next(m for m in MODELS if m == pose_model)  # Settings admit only these
    poses = None if feet_only else MediaPipePoseEstimator(video=video, model=model)
    return Vision(FloorReference(paper), SilhouetteFootFinder(), poses)
