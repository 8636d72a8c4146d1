"""The whole-person check on real pictures, with the real pose model: people standing whole in
ordinary photos are measured, a seated man and legs-only ballet pictures are not.

The photos and clips are in ../shared/testdata (see its README: they may not be copied into
this repository); without that folder these tests are skipped. The Pose2Sim frame is ours to
keep (tests/assets/pose2sim, BSD-3-Clause) and always runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from turnout.adapters.vision import build_vision
from turnout.adapters.vision.media import open_media
from turnout.errors import MeasureError
from turnout.services.measuring import Mode, Report, Vision, measure_frames

ROOT = Path(__file__).resolve().parents[2]
TESTDATA = ROOT.parent / "shared" / "testdata"
COCO = TESTDATA / "coco-wholebody-feet"
BALLET = TESTDATA / "ballet-ai-positions"
needs_testdata = pytest.mark.skipif(
    not COCO.is_dir() or not BALLET.is_dir(),
    reason=f"the real test photos are not here ({TESTDATA} is absent)",
)
NOT_WHOLE = ("No person found", "No whole person found standing")


@pytest.fixture(scope="module")
def still() -> Iterator[Vision]:
    vision = build_vision(video=False, feet_only=False)
    yield vision
    assert vision.poses is not None
    vision.poses.close()


def measured(path: Path, vision: Vision, mode: Mode = Mode.PLIE) -> Report:
    media = open_media(path)
    return measure_frames(media.frames(), vision, mode, still=not media.is_video)


def refusal(path: Path, vision: Vision, mode: Mode = Mode.PLIE) -> str:
    with pytest.raises(MeasureError) as refused:
        measured(path, vision, mode)
    return str(refused.value)


def test_the_man_walking_in_the_pose2sim_lab_is_a_whole_person(still: Vision) -> None:
    # Shoulders to ankles he spans 0.29 of the picture: refused before the check was tuned.
    report = measured(ROOT / "tests" / "assets" / "pose2sim" / "standing.jpg", still)
    assert report.frames_used == 1
    assert {"left_knee_bend", "right_knee_bend"} <= set(report.values)


@needs_testdata
@pytest.mark.parametrize("name", ["000000000785.jpg", "000000196141.jpg"])
def test_a_person_standing_whole_in_an_ordinary_photo_is_measured(name: str, still: Vision) -> None:
    report = measured(COCO / name, still)  # a skier; a batter at the plate
    assert report.frames_used == 1
    assert {"left_knee_inside_deg", "right_knee_inside_deg"} <= set(report.values)


@needs_testdata
def test_skiers_racing_past_are_people_not_refused_as_missing(still: Vision) -> None:
    message = refusal(COCO / "000000197388.jpg", still)  # the nearest one's skis leave the frame
    assert not message.startswith(NOT_WHOLE), message


@needs_testdata
def test_a_man_seated_in_the_street_is_not_taken_for_a_standing_dancer(still: Vision) -> None:
    assert refusal(COCO / "000000040083.jpg", still).startswith("No whole person found standing")


@needs_testdata
@pytest.mark.parametrize("mode", [Mode.PLIE, Mode.PROFILE, Mode.FIRST_POSITION])
def test_no_legs_only_ballet_picture_is_taken_for_a_whole_person(mode: Mode, still: Vision) -> None:
    pictures = sorted(BALLET.glob("*_t1.5s.png"))
    assert len(pictures) >= 10
    for picture in pictures:
        message = refusal(picture, still, mode)
        assert message.startswith(NOT_WHOLE), f"{picture.name}: {message}"


def test_an_empty_floor_has_nobody_on_it(still: Vision, tmp_path: Path) -> None:
    import cv2

    rng = np.random.default_rng(7)
    floor = np.clip(rng.normal(150, 12, (960, 540, 3)), 0, 255).astype(np.uint8)
    path = tmp_path / "floor.png"
    cv2.imwrite(str(path), floor)
    assert refusal(path, still).startswith("No person found")


@needs_testdata
def test_no_frame_of_a_legs_only_clip_is_measured() -> None:
    for clip in sorted(BALLET.glob("*.mp4")):
        vision = build_vision(video=True, feet_only=False)
        try:
            message = refusal(clip, vision)
        finally:
            assert vision.poses is not None
            vision.poses.close()
        assert message.startswith("No frame of the video could be measured"), clip.name
