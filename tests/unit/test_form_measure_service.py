"""The measuring use cases with fake vision: which path is taken, and what the user is told."""

import dataclasses
import math

import pytest

from tests.fakes import FakeFootFinder, FakeFrame, FakeMatDetector, FakePoseEstimator
from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.domain.mat import MatView
from turnout.domain.pose import Joint, Landmark, Point3, Pose
from turnout.errors import MatError, MeasureError
from turnout.services.measuring import Mode, Vision, measure_frames, same_place

IDENTITY = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
MAT = MatView("a4", IDENTITY, (0, 1, 2), {}, 0.3, {"L": 1.0})
FRAME = FakeFrame()


def foot(out: float, left: bool) -> Foot:
    sign = 1.0 if left else -1.0
    rad = math.radians(out)
    return Foot(Point(sign * 20, 0), Point(sign * (20 + 250 * math.sin(rad)), 250 * math.cos(rad)))


def standing(width: int = 1000, height: int = 1000, feet_y: float = 900) -> Pose:
    marks = {j: Landmark(500, 500) for j in Joint}
    marks[Joint.LEFT_SHOULDER] = marks[Joint.RIGHT_SHOULDER] = Landmark(500, 200)
    marks[Joint.LEFT_ANKLE] = marks[Joint.RIGHT_ANKLE] = Landmark(500, 880)
    for joint in (Joint.LEFT_HEEL, Joint.RIGHT_HEEL, Joint.LEFT_TOE, Joint.RIGHT_TOE):
        marks[joint] = Landmark(500, feet_y)
    world = {j: Point3(0.0, 0.0, 0.0) for j in Joint}
    return Pose(marks, width, height, world)


def feet_only(left: Foot | None, right: Foot | None, mat: MatView | None = MAT) -> Vision:
    return Vision(FakeMatDetector(mat), FakeFootFinder(left, right), None)


def test_a_photo_on_the_mat_gives_each_foot_and_the_total() -> None:
    report = measure_frames(
        [FRAME], feet_only(foot(60, True), foot(70, False)), Mode.FIRST_POSITION
    )
    assert report.values["total"].median == pytest.approx(130)
    assert report.values["left"].median == pytest.approx(60)
    assert report.calibrated and report.method == "mat: foot outline"
    assert "130 deg" in report.messages[0]


def test_an_outline_whose_edges_were_not_all_seen_widens_the_band_by_its_slack() -> None:
    sure = measure_frames([FRAME], feet_only(foot(60, True), foot(70, False)), Mode.FIRST_POSITION)
    pale = dataclasses.replace(foot(60, True), slack=2.0)
    less = measure_frames([FRAME], feet_only(pale, foot(70, False)), Mode.FIRST_POSITION)
    assert less.values["total"].median == sure.values["total"].median
    assert less.band == pytest.approx(sure.band + 2.0)


def test_feet_only_mode_without_the_mat_says_to_print_it() -> None:
    with pytest.raises(MeasureError, match="turnout mat"):
        measure_frames([FRAME], feet_only(None, None, mat=None), Mode.FIRST_POSITION)


def test_a_foot_not_found_on_the_mat_is_named() -> None:
    with pytest.raises(MeasureError, match="left foot"):
        measure_frames([FRAME], feet_only(None, foot(60, False)), Mode.FIRST_POSITION)


def test_a_covered_mat_is_reported_as_it_is() -> None:
    vision = Vision(FakeMatDetector(error=MatError("uncover them")), FakeFootFinder(), None)
    with pytest.raises(MatError, match="uncover"):
        measure_frames([FRAME], vision, Mode.FIRST_POSITION)


def test_the_model_points_never_stand_in_for_a_foot_whose_outline_is_lost() -> None:
    pose = standing()
    vision = Vision(
        FakeMatDetector(MAT), FakeFootFinder(foot(45, True), None), FakePoseEstimator([pose])
    )
    with pytest.raises(MeasureError, match="Cannot find your right foot on the mat"):
        measure_frames([FRAME], vision, Mode.FIRST_POSITION)


def test_neither_foot_found_names_neither_first() -> None:
    with pytest.raises(MeasureError, match="Cannot find either foot on the mat"):
        measure_frames([FRAME], feet_only(None, None), Mode.FIRST_POSITION)


def test_heels_apart_are_not_called_first_position() -> None:
    left = Foot(Point(80.0, 0.0), Point(300.0, 80.0))
    right = Foot(Point(-80.0, 0.0), Point(-300.0, 80.0))
    with pytest.raises(MeasureError, match="heels are about 16 cm apart"):
        measure_frames([FRAME], feet_only(left, right), Mode.FIRST_POSITION)


def test_nobody_in_the_picture_without_a_mat_asks_to_step_back() -> None:
    vision = Vision(FakeMatDetector(None), FakeFootFinder(), FakePoseEstimator([]))
    with pytest.raises(MeasureError, match="No person found"):
        measure_frames([FRAME], vision, Mode.FIRST_POSITION)


def test_a_tiny_skeleton_drawn_over_a_foot_is_not_taken_for_a_person() -> None:
    pose = standing()
    marks = dict(pose.landmarks)
    marks[Joint.LEFT_SHOULDER] = marks[Joint.RIGHT_SHOULDER] = Landmark(500, 800)
    tiny = Pose(marks, 1000, 1000, pose.world)
    vision = Vision(FakeMatDetector(None), FakeFootFinder(), FakePoseEstimator([tiny]))
    with pytest.raises(MeasureError, match="No whole person"):
        measure_frames([FRAME], vision, Mode.FIRST_POSITION)


def test_several_people_in_a_photo_are_refused() -> None:
    vision = Vision(
        FakeMatDetector(None), FakeFootFinder(), FakePoseEstimator([standing()], people=2)
    )
    with pytest.raises(MeasureError, match="Several people"):
        measure_frames([FRAME], vision, Mode.FIRST_POSITION)


def test_feet_cut_off_by_the_frame_ask_to_step_back() -> None:
    vision = Vision(
        FakeMatDetector(None), FakeFootFinder(), FakePoseEstimator([standing(feet_y=1200)])
    )
    with pytest.raises(MeasureError, match="cut off"):
        measure_frames([FRAME], vision, Mode.FIRST_POSITION)


def test_a_video_takes_the_median_of_its_steady_frames_and_skips_bad_ones() -> None:
    angles = [60, 61, 59, 60, 90, 62, 58]  # one frame where a foot was misread
    finders = iter([FakeFootFinder(foot(a, True), foot(60, False)) for a in angles])

    class Sequence:
        def find(self, *args: object) -> tuple[Foot | None, Foot | None]:
            return next(finders).feet

    vision = Vision(FakeMatDetector(MAT), Sequence(), None)
    report = measure_frames([FRAME] * len(angles), vision, Mode.FIRST_POSITION, still=False)
    assert report.values["total"].median == pytest.approx(120)
    assert report.frames_used == 6
    assert report.values["total"].low < report.values["total"].high


def test_a_video_where_no_frame_works_says_why() -> None:
    vision = feet_only(None, None, mat=None)
    with pytest.raises(MeasureError, match=r"No frame of the video.*turnout mat"):
        measure_frames([FRAME] * 3, vision, Mode.FIRST_POSITION, still=False)


def test_the_report_turns_into_plain_json_data() -> None:
    report = measure_frames(
        [FRAME], feet_only(foot(60, True), foot(60, False)), Mode.FIRST_POSITION
    )
    data = report.as_dict()
    assert data["values"]["total"]["median"] == pytest.approx(120)  # type: ignore[index]
    assert data["calibrated"] is True


class CountingMat:
    """Sees the mat through the views given, one per frame; counts the detections."""

    def __init__(self, views: list[MatView | None]) -> None:
        self.views = views
        self.detected: list[int] = []

    def detect(self, frame: object) -> MatView | None:
        assert isinstance(frame, FakeFrame)
        self.detected.append(frame.index)
        return self.views[frame.index]


def view_at(x: float) -> MatView:
    return MatView("a4", IDENTITY, (0,), {0: (Point(x, 0.0), Point(x + 40, 0.0))}, 0.3, {})


def test_a_still_camera_video_finds_the_mat_only_every_fifteenth_frame() -> None:
    mat = CountingMat([view_at(100.0 + 0.3 * (i % 2)) for i in range(40)])
    vision = Vision(mat, FakeFootFinder(foot(60, True), foot(60, False)), None)
    report = measure_frames(
        [FakeFrame(i) for i in range(40)], vision, Mode.FIRST_POSITION, still=False
    )
    assert mat.detected == [0, 1, 16, 31, 39]  # twice to see it keeps still, then checks
    assert report.frames_used == 40 and report.refused == {}


def test_frames_measured_through_a_mat_that_then_moved_are_refused() -> None:
    views = [view_at(100.0) if i < 20 else view_at(130.0) for i in range(40)]
    mat = CountingMat(views)
    vision = Vision(mat, FakeFootFinder(foot(60, True), foot(60, False)), None)
    report = measure_frames(
        [FakeFrame(i) for i in range(40)], vision, Mode.FIRST_POSITION, still=False
    )
    assert mat.detected[:4] == [0, 1, 16, 31]
    assert mat.detected[4:] == [32, 39]  # after the move, again until two agree; the last
    moved = next(reason for reason in report.refused if "camera moved" in reason)
    assert report.refused[moved] == 14  # frames 17-30 used the mat of frame 16
    assert report.frames_used == 26


def test_a_photo_still_detects_the_mat_on_its_one_frame() -> None:
    mat = CountingMat([view_at(100.0)])
    vision = Vision(mat, FakeFootFinder(foot(60, True), foot(60, False)), None)
    measure_frames([FakeFrame(0)], vision, Mode.FIRST_POSITION)
    assert mat.detected == [0]


def test_two_detections_agree_within_two_pixels_of_corner_drift() -> None:
    assert same_place(view_at(100.0), view_at(101.5))
    assert not same_place(view_at(100.0), view_at(103.0))
    assert same_place(None, None) and not same_place(view_at(100.0), None)


def legs(knee_out: float) -> Pose:
    """A standing pose whose knees sit `knee_out` px out from the hip-ankle line."""
    pose = standing()
    marks = dict(pose.landmarks)
    for side, sign in ((("LEFT"), 1), (("RIGHT"), -1)):
        marks[Joint[f"{side}_HIP"]] = Landmark(500 + sign * 40, 500)
        marks[Joint[f"{side}_KNEE"]] = Landmark(500 + sign * (40 + knee_out), 690)
        marks[Joint[f"{side}_ANKLE"]] = Landmark(500 + sign * 40, 880)
    return Pose(marks, 1000, 1000, pose.world)


@pytest.mark.parametrize(("knee_out", "refused"), [(0.0, False), (10.0, False), (60.0, True)])
def test_first_position_is_measured_on_straight_legs_only(knee_out: float, refused: bool) -> None:
    vision = Vision(
        FakeMatDetector(MAT),
        FakeFootFinder(foot(60, True), foot(60, False)),
        FakePoseEstimator([legs(knee_out)]),
    )
    if refused:
        with pytest.raises(MeasureError, match="knee is bent"):
            measure_frames([FRAME], vision, Mode.FIRST_POSITION)
    else:
        total = measure_frames([FRAME], vision, Mode.FIRST_POSITION).values["total"].median
        assert total == pytest.approx(120)


CENTRED = MatView("a4", ((1.0, 0.0, -500.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)), (0,), {}, 0.3, {})


def heels_at(x: float, y: float) -> Pose:
    """A standing pose whose heels map (through CENTRED) to (x, y) and (-x, y) on the floor."""
    pose = legs(0.0)
    marks = dict(pose.landmarks)
    marks[Joint.LEFT_HEEL], marks[Joint.RIGHT_HEEL] = Landmark(500 + x, y), Landmark(500 - x, y)
    marks[Joint.LEFT_TOE] = Landmark(500 + x, y + 1)
    marks[Joint.RIGHT_TOE] = Landmark(500 - x, y + 1)
    return Pose(marks, 1000, 1000, pose.world)


@pytest.mark.parametrize(("x", "searches"), [(30.0, 1), (100.0, 2)])
def test_the_feet_are_looked_for_again_only_where_the_model_puts_the_heels_elsewhere(
    x: float, searches: int
) -> None:
    finder = FakeFootFinder(foot(60, True), foot(60, False))
    vision = Vision(FakeMatDetector(CENTRED), finder, FakePoseEstimator([heels_at(x, 5.0)]))
    measure_frames([FRAME], vision, Mode.FIRST_POSITION)
    assert len(finder.heels) == searches
    assert finder.heels[0] == (Point(25.0, 0.0), Point(-25.0, 0.0))  # first, at the heel mark
    if searches == 2:
        assert finder.heels[1] == (Point(x, 5.0), Point(-x, 5.0))
