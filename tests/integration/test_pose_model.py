"""The pose model for real: MediaPipe's Tasks API on the bundles the package carries, on two
real photos (tests/assets/pose2sim, BSD-3-Clause; see the NOTICE there)."""

from __future__ import annotations

import hashlib
import math
import re
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import cv2
import numpy as np
import pytest

from turnout.adapters.vision.native_log import quiet_start
from turnout.adapters.vision.pose import MODELS, MediaPipePoseEstimator, model_bytes
from turnout.domain.geometry import Point
from turnout.domain.pose import Joint

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "pose2sim"
MODELS_DIR = resources.files("turnout.adapters.vision") / "models"

# Where mediapipe 0.10.21's legacy `solutions.pose` (full model, static mode) put the joints
# in standing.jpg, in pixels: the API this package used before the Tasks API.
LEGACY = {
    Joint.LEFT_SHOULDER: (258.0, 257.1),
    Joint.RIGHT_SHOULDER: (185.5, 245.9),
    Joint.LEFT_HIP: (229.3, 370.3),
    Joint.RIGHT_HIP: (187.9, 364.9),
    Joint.LEFT_KNEE: (225.7, 462.2),
    Joint.RIGHT_KNEE: (182.1, 454.1),
    Joint.LEFT_ANKLE: (208.6, 544.5),
    Joint.RIGHT_ANKLE: (165.6, 507.6),
    Joint.LEFT_HEEL: (200.8, 552.7),
    Joint.RIGHT_HEEL: (164.4, 514.9),
    Joint.LEFT_TOE: (218.0, 577.3),
    Joint.RIGHT_TOE: (166.4, 536.0),
}


def apart(a: Point, b: tuple[float, float] | Point) -> float:
    bx, by = (b.x, b.y) if isinstance(b, Point) else b
    return math.hypot(a.x - bx, a.y - by)


def photo(name: str) -> np.ndarray:
    image = cv2.imread(str(ASSETS / name))
    assert image is not None, name
    return image


@pytest.fixture(scope="module")
def still() -> Iterator[MediaPipePoseEstimator]:
    estimator = MediaPipePoseEstimator(video=False)
    yield estimator
    estimator.close()


@pytest.mark.parametrize("model", MODELS)
def test_each_bundle_is_what_mediapipe_loads_and_what_the_notice_says(model: str) -> None:
    name = f"pose_landmarker_{model}.task"
    data = (MODELS_DIR / name).read_bytes()
    with zipfile.ZipFile(MODELS_DIR / name) as bundle:
        members = bundle.infolist()
    assert sorted(m.filename for m in members) == [
        "pose_detector.tflite",
        "pose_landmarks_detector.tflite",
    ]
    assert all(m.compress_type == zipfile.ZIP_STORED for m in members)  # mapped in place
    notice = (MODELS_DIR / "NOTICE").read_text()
    assert re.search(rf"{name}\s+{hashlib.sha256(data).hexdigest()}", notice)


def test_the_standing_person_is_where_the_legacy_model_put_them(
    still: MediaPipePoseEstimator,
) -> None:
    poses = still.estimate(photo("standing.jpg"))
    assert len(poses) == 1
    pose = poses[0]
    assert (pose.width, pose.height) == (540, 960)
    for joint, (x, y) in LEGACY.items():
        assert apart(pose.point(joint), (x, y)) < 3.0, joint
    for joint in (Joint.LEFT_HEEL, Joint.RIGHT_HEEL, Joint.LEFT_TOE, Joint.RIGHT_TOE):
        assert pose.is_visible(joint) and pose.in_frame(joint)
    # World points are metres about the hips: the legs below them, a leg about 0.8 m long.
    hips = pose.world[Joint.LEFT_HIP]
    ankle = pose.world[Joint.LEFT_ANKLE]
    leg = math.dist((hips.x, hips.y, hips.z), (ankle.x, ankle.y, ankle.z))
    assert ankle.y > hips.y and 0.6 < leg < 1.1


def test_a_second_person_is_counted_and_the_dancer_comes_first(
    still: MediaPipePoseEstimator,
) -> None:
    assert still.count_people(photo("standing.jpg")) == 1
    picture = photo("two_people.jpg")
    poses = still.estimate(picture)
    assert still.count_people(picture) == 2
    heights = [max(p.point(j).y for j in Joint) - min(p.point(j).y for j in Joint) for p in poses]
    assert heights == sorted(heights, reverse=True)


def test_nobody_is_found_in_an_empty_picture() -> None:
    for video in (False, True):
        estimator = MediaPipePoseEstimator(video=video)
        assert estimator.estimate(np.full((480, 640, 3), 128, np.uint8)) == []
        estimator.close()


def test_video_mode_follows_the_person_from_frame_to_frame() -> None:
    estimator = MediaPipePoseEstimator(video=True)
    image = photo("standing.jpg")
    found = [estimator.estimate(image.copy()) for _ in range(4)]
    estimator.close()
    assert all(len(poses) == 1 for poses in found)
    heel = [poses[0].point(Joint.LEFT_HEEL) for poses in found]
    assert max(apart(heel[0], h) for h in heel) < 3.0


def test_the_lite_model_finds_the_same_feet_roughly() -> None:
    estimator = MediaPipePoseEstimator(video=False, model="lite")
    pose = estimator.estimate(photo("standing.jpg"))[0]
    estimator.close()
    for joint in (Joint.LEFT_HEEL, Joint.RIGHT_HEEL, Joint.LEFT_TOE, Joint.RIGHT_TOE):
        assert apart(pose.point(joint), LEGACY[joint]) < 15.0, joint


def test_an_unknown_model_is_refused() -> None:
    with pytest.raises(ValueError, match="full, lite"):
        model_bytes("heavy")  # type: ignore[arg-type]


def test_the_library_start_up_notes_are_kept_off_the_terminal(
    capfd: pytest.CaptureFixture[str],
) -> None:
    estimator = MediaPipePoseEstimator(video=True)
    estimator.estimate(photo("standing.jpg"))
    estimator.close()
    assert capfd.readouterr().err == ""


def test_other_output_meanwhile_still_reaches_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    import os

    with quiet_start():
        os.write(2, b"INFO: Created TensorFlow Lite XNNPACK delegate for CPU.\n")
        os.write(2, b"a real problem\n")
    assert capfd.readouterr().err == "a real problem\n"
