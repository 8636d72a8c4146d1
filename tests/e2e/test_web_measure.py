"""The Measure API and the live mirror's WebSocket, with fake pose, mat and foot models wired
through the container; the photos themselves are real files, read by the real media code."""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient

from tests.e2e.conftest import settings_for
from tests.fakes import FakeClock, FakeFootFinder, FakeMatDetector, FakePoseEstimator
from tests.integration.vision_scenes import CAMERAS, first_position_feet, scene
from turnout import bootstrap
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.bootstrap import Container, VisionKit
from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.domain.mat import MatView
from turnout.domain.pose import Joint, Landmark, Point3, Pose
from turnout.services.measuring import Vision
from turnout.web.app import create_app
from turnout.web.measure import upload as measure_upload

WIDTH, HEIGHT = 640, 480
IDENTITY = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
MAT = MatView("a4", IDENTITY, (0, 1, 2), {}, 0.3, {"L": 1.0})


def dancer(out_left: float = 60, out_right: float = 70, knees_in: bool = False) -> Pose:
    """A whole dancer facing the camera, 640x480; the dancer's left is the image's right.

    Standing straight, or in demi-plie with both knees falling inside the feet."""
    image = {
        Joint.NOSE: (320, 40), Joint.LEFT_EAR: (330, 35), Joint.RIGHT_EAR: (310, 35),
        Joint.LEFT_SHOULDER: (360, 70), Joint.RIGHT_SHOULDER: (280, 70),
        Joint.LEFT_HIP: (350, 200), Joint.RIGHT_HIP: (290, 200),
        Joint.LEFT_KNEE: (340, 300) if knees_in else (352, 300),
        Joint.RIGHT_KNEE: (300, 300) if knees_in else (288, 300),
        Joint.LEFT_ANKLE: (380, 400) if knees_in else (345, 400),
        Joint.RIGHT_ANKLE: (260, 400) if knees_in else (295, 400),
        Joint.LEFT_HEEL: (370, 410), Joint.RIGHT_HEEL: (270, 410),
        Joint.LEFT_TOE: (420, 430), Joint.RIGHT_TOE: (220, 430),
    }  # fmt: skip
    return Pose(
        {j: Landmark(x, y, 0.99) for j, (x, y) in image.items()},
        WIDTH,
        HEIGHT,
        _world(out_left, out_right),
    )


def _world(out_left: float, out_right: float) -> dict[Joint, Point3]:
    def heel_toe(out: float, side: float) -> tuple[Point3, Point3]:
        heel, rad = Point3(0.03 * side, 0.9, 0.0), math.radians(out)
        return heel, Point3(heel.x + side * 0.25 * math.sin(rad), 0.9, -0.25 * math.cos(rad))

    (lh, lt), (rh, rt) = heel_toe(out_left, 1.0), heel_toe(out_right, -1.0)
    return {
        Joint.LEFT_HIP: Point3(0.1, 0.0, 0.0), Joint.RIGHT_HIP: Point3(-0.1, 0.0, 0.0),
        Joint.LEFT_ANKLE: Point3(0.05, 0.85, 0.0), Joint.RIGHT_ANKLE: Point3(-0.05, 0.85, 0.0),
        Joint.LEFT_HEEL: lh, Joint.RIGHT_HEEL: rh, Joint.LEFT_TOE: lt, Joint.RIGHT_TOE: rt,
    }  # fmt: skip


class FakeVisionKit(VisionKit):
    """The real media reading, drawing and decoding, with fake models that see `poses`."""

    def __init__(
        self,
        *poses: list[Pose],
        mat: MatView | None = None,
        feet: Sequence[tuple[float, float]] = ((75, 80),),
    ) -> None:
        self.poses, self.mat, self.feet = poses, mat, feet
        self.estimators: list[FakePoseEstimator] = []
        self.finders: list[FootsSeen] = []

    def build(self, video: bool, feet_only: bool, paper: str = "") -> Vision:
        estimator = FakePoseEstimator(*self.poses)
        self.estimators.append(estimator)
        feet = FootsSeen(self.feet)
        self.finders.append(feet)
        return Vision(FakeMatDetector(self.mat), feet, None if feet_only else estimator)


class FootsSeen(FakeFootFinder):
    """Feet on the mat turned (left, right) degrees out, frame after frame; the last repeats."""

    def __init__(self, angles: Sequence[tuple[float, float]]) -> None:
        super().__init__()
        self.angles, self.seen = list(angles), 0

    def find(
        self, frame: object, mat: MatView, heels: tuple[Point, Point] | None
    ) -> tuple[Foot | None, Foot | None]:
        left, right = self.angles[min(self.seen, len(self.angles) - 1)]
        self.seen += 1
        return foot(left, left=True), foot(right, left=False)


def foot(out: float, left: bool) -> Foot:
    """A foot on the mat (floor millimetres), turned `out` degrees from straight ahead."""
    sign, rad = (1.0 if left else -1.0), math.radians(out)
    return Foot(Point(sign * 20, 0), Point(sign * (20 + 250 * math.sin(rad)), 250 * math.cos(rad)))


# The test client's WebSocket URLs ignore its base_url; a browser sends its page's origin.
MIRROR = "ws://127.0.0.1/api/mirror/ws"
OWN_ORIGIN = {"origin": "http://127.0.0.1"}


def app_with(container: Container, kit: VisionKit) -> TestClient:
    container._vision = kit
    return TestClient(create_app(container), base_url="http://127.0.0.1")


@pytest.fixture
def container(tmp_path: Path, clock: FakeClock) -> Container:
    return bootstrap.build(settings_for(tmp_path), clock=clock)


@pytest.fixture
def kit() -> FakeVisionKit:
    return FakeVisionKit([dancer()], mat=MAT)


@pytest.fixture
def client(container: Container, kit: FakeVisionKit) -> Iterator[TestClient]:
    with app_with(container, kit) as test_client:
        yield test_client


def jpeg(width: int = WIDTH, height: int = HEIGHT) -> bytes:
    picture = np.full((height, width, 3), 200, np.uint8)
    cv2.circle(picture, (width // 2, height // 2), 40, (40, 40, 160), -1)
    return bytes(cv2.imencode(".jpg", picture)[1].tobytes())


def post(client: TestClient, data: bytes, name: str = "me.jpg", **form: str) -> Any:
    return client.post(
        "/api/measure",
        files={"file": (name, data, "image/jpeg")},
        data={"mode": "first-position", **form},
    )


def picture_of(result: dict[str, Any]) -> Any:
    header, _, payload = result["image"].partition(",")
    assert header == "data:image/png;base64"
    return cv2.imdecode(np.frombuffer(base64.b64decode(payload), np.uint8), cv2.IMREAD_COLOR)


def test_a_photo_gives_the_angles_the_method_its_band_and_the_measured_picture(
    client: TestClient, kit: FakeVisionKit, container: Container
) -> None:
    response = post(client, jpeg())
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["values"]["total"]["median"] == pytest.approx(155, abs=0.5)
    assert result["calibrated"] is True and result["band_degrees"] == 4
    shown = picture_of(result).shape[:2]  # the photo, and the top view of the mat under it
    assert shown[1] == WIDTH and shown[0] > HEIGHT
    assert result["saved"] is None and kit.estimators[0].closed
    assert not (container.settings.data_dir / "measurements").exists()


def test_without_the_mat_there_is_no_angle_only_what_to_do(container: Container) -> None:
    with app_with(container, FakeVisionKit([dancer()])) as client:
        response = post(client, jpeg(), record="true")
        assert response.status_code == 422
        assert response.json()["detail"].startswith("No floor mat or paper in view, so no angle")
        assert client.get("/api/measurements").json() == []
        plie = post(client, jpeg(), mode="plie")  # the knee check needs no mat
        assert plie.status_code == 200, plie.text


def test_the_mirror_gives_no_angle_without_the_mat_but_still_watches_the_knees(
    container: Container,
) -> None:
    with (
        app_with(container, FakeVisionKit([dancer(knees_in=True)])) as client,
        client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as ws,
    ):
        ws.receive_json()
        ws.send_bytes(jpeg())
        reading = ws.receive_json()
    assert "total" not in reading["turnout"] and reading["turnout"]["needs_mat"] is True
    assert reading["turnout"]["message"].startswith("No floor mat or paper in view")
    assert reading["knees_inside"] == ["left", "right"]


def test_a_picture_is_kept_only_when_asked(client: TestClient, container: Container) -> None:
    result = post(client, jpeg(), save="true").json()
    kept = container.settings.data_dir / result["saved"]
    assert kept.suffix == ".png" and kept.exists()
    assert kept.with_suffix(".json").exists()


def test_a_first_position_angle_can_be_added_to_the_dancers_measurements(
    client: TestClient,
) -> None:
    result = post(client, jpeg(), record="true").json()
    assert result["recorded"] == "Added to your measurements: 155 deg (camera with the mat)."
    (reading,) = client.get("/api/measurements").json()
    assert reading["method"] == "camera_mat" and reading["side"] == "both"
    assert reading["trials"] == [155.0]
    assert "recorded" not in post(client, jpeg()).json()


def test_a_plie_with_the_knees_inside_says_the_turnout_is_forced_from_the_feet(
    container: Container,
) -> None:
    with app_with(container, FakeVisionKit([dancer(knees_in=True)])) as client:
        result = post(client, jpeg(), mode="plie", record="true").json()
        assert client.get("/api/measurements").json() == []
    assert result["recorded"].startswith("Only the first-position angle")
    assert result["knees_inside"] == ["left", "right"]
    assert "forced from the feet" in result["messages"][0]


def test_a_text_file_is_refused_with_what_to_send(client: TestClient) -> None:
    response = post(client, b"just some notes", name="notes.txt")
    assert response.status_code == 422
    assert response.json()["detail"].startswith("notes.txt is not a photo or a video")


def test_a_cut_off_photo_is_called_corrupt(client: TestClient) -> None:
    response = post(client, jpeg()[:300], name="cut.jpg")
    assert response.status_code == 422
    assert "cannot be decoded" in response.json()["detail"]


def test_nobody_in_the_picture_asks_the_dancer_to_step_back(container: Container) -> None:
    with app_with(container, FakeVisionKit([])) as client:
        response = post(client, jpeg())
    assert response.status_code == 422
    assert response.json()["detail"].startswith("No person found: step back")
    assert response.json()["detail"].endswith('tick "Feet only".')  # the page's word for it


def test_a_huge_upload_is_refused_before_it_is_read(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(measure_upload, "MAX_UPLOAD_BYTES", 10_000)
    response = post(client, jpeg(1280, 960) + bytes(20_000))
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]


def test_a_huge_upload_without_a_declared_length_is_cut_off_too(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(measure_upload, "MAX_UPLOAD_BYTES", 10_000)
    boundary = "xyz"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + bytes(50_000)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    chunks = (body[i : i + 4096] for i in range(0, len(body), 4096))
    response = client.post(
        "/api/measure",
        content=chunks,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 413


def test_a_form_without_a_file_asks_for_one(client: TestClient) -> None:
    response = client.post("/api/measure", data={"mode": "plie"}, files={"x": ("", b"", "")})
    assert response.status_code == 422
    assert response.json()["detail"] == "Choose a photo or a video to measure."


def test_an_unknown_check_is_named(client: TestClient) -> None:
    response = post(client, jpeg(), mode="grand-jete")
    assert response.status_code == 422 and "mode must be one of" in response.json()["detail"]


def test_a_real_photo_on_the_mat_is_measured_in_feet_only_mode(container: Container) -> None:
    # The real mat detector and foot finder: feet-only mode needs no pose model.
    photo = scene(layout(Paper.A4), CAMERAS[0], first_position_feet(80, 85))
    data = bytes(cv2.imencode(".png", photo)[1].tobytes())
    with app_with(container, VisionKit()) as client:
        response = post(client, data, name="feet.png", feet_only="true")
    assert response.status_code == 200, response.text
    result = response.json()
    band = result["band_degrees"]
    assert result["calibrated"] and 4 <= band <= 10
    assert abs(result["values"]["total"]["median"] - 165) <= band
    assert picture_of(result).shape[0] > picture_of(result).shape[1] * 0.5  # with the top view
    # The rectified floor on its own, with the map from its pixels to floor mm, and the feet.
    top = result["top_view"]
    header, _, payload = top["image"].partition(",")
    assert header == "data:image/png;base64"
    image = cv2.imdecode(np.frombuffer(base64.b64decode(payload), np.uint8), cv2.IMREAD_COLOR)
    sheet = layout(Paper.A4)
    assert top["mm_per_px"] == 1.0
    assert image.shape[1] * top["mm_per_px"] > 2 * sheet.half_width
    feet = result["feet"]
    assert feet["left"]["heel"]["x"] > 0 > feet["right"]["heel"]["x"]  # +x: the dancer's left
    # A heel point sits on the heel line, near the middle of the top view's width.
    heel_px = (feet["left"]["heel"]["x"] - top["origin_mm"]["x"]) / top["mm_per_px"]
    assert image.shape[1] / 2 < heel_px < image.shape[1] * 0.7
    # The same points sent back give the same angles, now labelled as corrected by hand.
    corrected = client_for_feet(container).post("/api/measure/feet", json=feet).json()
    assert corrected["method"] == "mat, corrected by hand" and corrected["calibrated"]
    total = corrected["values"]["total"]["median"]
    assert total == pytest.approx(result["values"]["total"]["median"], abs=0.1)


def client_for_feet(container: Container) -> TestClient:
    return app_with(container, FakeVisionKit([]))


def test_a_real_video_on_the_mat_gives_the_median_and_its_spread(
    container: Container, tmp_path: Path
) -> None:
    clip = tmp_path / "clip.mp4"
    frames = [
        scene(layout(Paper.A4), CAMERAS[0], first_position_feet(80 + i % 3, 85)) for i in range(6)
    ]
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 10, (width, height))
    for frame in frames:
        writer.write(frame)
    writer.release()
    with app_with(container, VisionKit()) as client:
        response = client.post(
            "/api/measure",
            files={"file": ("clip.mp4", clip.read_bytes(), "video/mp4")},
            data={"mode": "first-position", "feet_only": "true"},
        )
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["video"] is True and result["frames_seen"] == 6
    total = result["values"]["total"]
    assert total["low"] <= total["median"] <= total["high"]


# --- feet corrected by hand on the top view ----------------------------------------------


def points(out_left: float, out_right: float, length: float = 250.0) -> dict[str, Any]:
    """Both feet as the page sends them: heel and toe in floor mm, turned out by these angles."""
    left, right = foot(out_left, left=True), foot(out_right, left=False)
    return {
        side: {
            "heel": {"x": f.heel.x, "y": f.heel.y},
            "toe": {
                "x": f.heel.x + (f.toe.x - f.heel.x) * length / 250,
                "y": f.toe.y * length / 250,
            },
        }
        for side, f in (("left", left), ("right", right))
    }


@pytest.mark.parametrize(
    ("out_left", "out_right"), [(60, 60), (45, 45), (90, 90), (70, 50), (-10, 30)]
)
def test_feet_placed_by_hand_give_the_angles_by_the_mats_maths(
    client: TestClient, out_left: float, out_right: float
) -> None:
    response = client.post("/api/measure/feet", json=points(out_left, out_right))
    assert response.status_code == 200, response.text
    result = response.json()
    values = result["values"]
    assert values["left"]["median"] == pytest.approx(out_left, abs=1e-9)
    assert values["right"]["median"] == pytest.approx(out_right, abs=1e-9)
    assert values["total"]["median"] == pytest.approx(out_left + out_right, abs=1e-9)
    assert result["method"] == "mat, corrected by hand"
    assert result["calibrated"] is True and result["band_degrees"] == 10
    total = out_left + out_right
    assert result["messages"][0].startswith(f"Turnout in first position: {total} deg")
    assert "recorded" not in result
    assert client.get("/api/measurements").json() == []


def test_feet_sixty_degrees_out_each_make_a_hundred_and_twenty(client: TestClient) -> None:
    # Written out by hand: 250 mm feet at 60 deg either side of straight ahead (+y), the left
    # foot toward +x (the dancer's left).
    s, c = 250 * math.sin(math.radians(60)), 250 * math.cos(math.radians(60))
    feet = {
        "left": {"heel": {"x": 20, "y": 0}, "toe": {"x": 20 + s, "y": c}},
        "right": {"heel": {"x": -20, "y": 0}, "toe": {"x": -20 - s, "y": c}},
    }
    values = client.post("/api/measure/feet", json=feet).json()["values"]
    assert values["left"]["median"] == pytest.approx(60, abs=1e-9)
    assert values["right"]["median"] == pytest.approx(60, abs=1e-9)
    assert values["total"]["median"] == pytest.approx(120, abs=1e-9)
    # Swapped sides turn the feet in: the numbers say so rather than hide it.
    swapped = {"left": feet["right"], "right": feet["left"]}
    values = client.post("/api/measure/feet", json=swapped).json()["values"]
    assert values["total"]["median"] == pytest.approx(-120, abs=1e-9)


def test_the_corrected_angle_is_saved_to_the_measurements_when_asked(
    client: TestClient,
) -> None:
    result = client.post("/api/measure/feet", json={**points(65, 70), "record": True}).json()
    assert result["recorded"] == (
        "Added to your measurements: 135 deg (camera with the mat, corrected by hand)."
    )
    (reading,) = client.get("/api/measurements").json()
    assert reading["method"] == "camera_mat" and reading["side"] == "both"
    assert reading["trials"] == [135.0]
    assert "corrected by hand" in reading["note"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda f: f["left"].pop("toe"), "left.toe: Field required"),
        (lambda f: f["right"]["heel"].update(x=1500), "right.heel.x: Input should be less than"),
        (lambda f: f["left"]["toe"].update(y=-1000.5), "left.toe.y: Input should be greater"),
        (lambda f: f["left"]["heel"].update(x="far"), "left.heel.x: Input should be a valid"),
        (lambda f: f["right"]["toe"].update(y=None), "right.toe.y: Input should be a valid"),
        (lambda f: f.update(extra=1), "extra: Extra inputs are not permitted"),
        (lambda f: f["right"].update(toe=dict(f["right"]["heel"])), "The right heel and toe are"),
        (lambda f: f["left"]["toe"].update(f["left"]["heel"], y=10), "only 10 mm apart"),
    ],
)
def test_bad_points_are_refused_with_what_is_wrong(
    client: TestClient, change: Any, expected: str
) -> None:
    feet = points(60, 60)
    change(feet)
    response = client.post("/api/measure/feet", json=feet)
    assert response.status_code == 422
    assert expected in response.json()["detail"]
    assert client.get("/api/measurements").json() == []


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_points_that_are_not_finite_are_refused(client: TestClient, number: str) -> None:
    # Python's JSON reader takes these words; the API must not.
    feet = points(60, 60)
    feet["left"]["heel"]["y"] = float(number)
    body = json.dumps(feet)  # writes NaN, Infinity, -Infinity
    assert number in body
    response = client.post(
        "/api/measure/feet", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert "left.heel.y: Input should be a finite number" in response.json()["detail"]


def test_a_body_that_is_not_json_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/measure/feet", content=b"left heel here", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422 and "not valid JSON" in response.json()["detail"]


def test_the_pages_link_the_measure_page_and_the_mirror(client: TestClient) -> None:
    page = client.get("/measure").text
    assert 'href="/measure" aria-current="page"' in page and 'href="/mirror"' in page
    assert 'capture="environment"' in page
    assert "/static/mirror.js" in client.get("/mirror").text


def test_the_mat_can_be_printed_from_the_page(client: TestClient) -> None:
    response = client.get("/measure/mat-letter.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "turnout-mat-letter.pdf" in response.headers["content-disposition"]
    assert client.get("/measure/mat-a3.pdf").status_code == 404


# --- the live mirror --------------------------------------------------------------------


def test_the_mirror_returns_landmarks_and_readings_frame_by_frame_and_closes_cleanly(
    container: Container,
) -> None:
    kit = FakeVisionKit([dancer()], mat=MAT, feet=((60, 70), (62, 72), (65, 75), (55, 60)))
    with (
        app_with(container, kit) as client,
        client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as ws,
    ):
        assert ws.receive_json()["type"] == "ready"
        readings = []
        for _ in range(3):
            ws.send_bytes(jpeg())
            readings.append(ws.receive_json())
        ws.send_text('{"action": "next-rep"}')
        reps = ws.receive_json()
        ws.send_bytes(jpeg())
        after = ws.receive_json()
    first = readings[0]
    assert first["type"] == "reading" and first["person"] is True
    assert first["landmarks"]["left_knee"][:2] == pytest.approx([352 / WIDTH, 300 / HEIGHT], 1e-3)
    assert first["turnout"]["total"] == pytest.approx(130, abs=0.5)
    assert first["turnout"]["calibrated"] is True and first["turnout"]["band"] == 4
    assert [r["reps"]["best"] for r in readings] == pytest.approx([130, 132, 134], abs=0.5)
    assert reps["reps"]["number"] == 2 and reps["reps"]["done"] == pytest.approx([134], abs=0.5)
    assert after["reps"]["change"] == pytest.approx(115 - 134, abs=0.5)
    assert kit.estimators[0].closed


def test_the_mirror_warns_when_the_knees_fall_inside_the_feet(container: Container) -> None:
    kit = FakeVisionKit([dancer(knees_in=True)])
    with (
        app_with(container, kit) as client,
        client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as ws,
    ):
        ws.receive_json()
        ws.send_bytes(jpeg())
        reading = ws.receive_json()
    assert reading["knees_inside"] == ["left", "right"]
    assert "forced from the feet" in reading["form"]["knees"][0]["message"]


def test_feet_on_the_mat_are_measured_live_without_a_body(container: Container) -> None:
    kit = FakeVisionKit([], mat=MAT)
    with (
        app_with(container, kit) as client,
        client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as ws,
    ):
        ws.receive_json()
        ws.send_bytes(jpeg())
        reading = ws.receive_json()
    assert reading["person"] is False and "landmarks" not in reading
    assert reading["turnout"]["total"] == pytest.approx(155, abs=0.5)
    assert reading["turnout"]["calibrated"] is True and reading["turnout"]["band"] == 4


def test_a_bad_frame_gets_a_message_and_the_mirror_carries_on(container: Container) -> None:
    kit = FakeVisionKit([], [dancer()])
    with (
        app_with(container, kit) as client,
        client.websocket_connect(MIRROR, headers=OWN_ORIGIN) as ws,
    ):
        ws.receive_json()
        ws.send_bytes(b"not a picture")
        error = ws.receive_json()
        ws.send_bytes(jpeg()[:200])
        cut = ws.receive_json()
        ws.send_text("hello")
        unknown = ws.receive_json()
        ws.send_bytes(jpeg())
        nobody = ws.receive_json()
        ws.send_bytes(jpeg())
        somebody = ws.receive_json()
    assert error == {"type": "error", "frame": True, "message": error["message"]}
    assert "not a JPEG" in error["message"] and cut["type"] == "error"
    assert unknown["type"] == "error" and "next-rep" in unknown["message"]
    assert nobody["person"] is False and nobody["message"].startswith("No one in view")
    assert somebody["person"] is True
    assert kit.estimators[0].closed


def test_a_fifth_live_mirror_is_asked_to_wait(container: Container) -> None:
    # Each client may have one mirror (a second replaces the first): five clients here.
    with app_with(container, FakeVisionKit([dancer()])) as client:
        clients = [
            TestClient(client.app, base_url="http://127.0.0.1", client=(f"10.0.0.{n}", 50000))
            for n in range(1, 6)
        ]
        with ExitStack() as stack:
            for other in clients[:4]:
                ws = stack.enter_context(other.websocket_connect(MIRROR, headers=OWN_ORIGIN))
                assert ws.receive_json()["type"] == "ready"
            with clients[4].websocket_connect(MIRROR, headers=OWN_ORIGIN) as extra:
                assert extra.receive_json()["message"].startswith("Too many live mirrors")
        with clients[4].websocket_connect(MIRROR, headers=OWN_ORIGIN) as again:
            assert again.receive_json()["type"] == "ready"


def test_a_paper_size_other_than_a4_or_letter_is_refused_by_name(container: Container) -> None:
    with app_with(container, FakeVisionKit([])) as client:
        response = post(client, b"\xff\xd8\xff", paper="a3")
    assert response.status_code == 422
    assert "paper must be a4 or letter" in response.text


@pytest.mark.parametrize(("height", "status"), [(165, 200), (110, 422)])
def test_the_profiles_height_refuses_outlines_not_the_size_of_a_foot(
    client: TestClient, height: int, status: int
) -> None:
    """The fake outlines are 25 cm long: a foot at 165 cm tall, far too long at 110."""
    saved = client.put("/api/profile", json={"age": 30, "height_cm": height})
    assert saved.status_code == 200, saved.text
    response = post(client, jpeg())
    assert response.status_code == status, response.text
    if status == 422:
        assert "is 25 cm long, but at 110 cm tall" in response.json()["detail"]


def test_a_tiny_picture_is_refused_for_its_size_not_its_format(client: TestClient) -> None:
    response = post(client, jpeg(120, 90))
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "120x90 pixels, too small" in detail and "160 pixels" in detail
    assert "try a JPEG" not in detail
