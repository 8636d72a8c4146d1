"""What the measuring pipeline costs on top of the pose model, and how fast `measure` runs.

Frames: a synthetic view of the printed mat (stripes, letters and marks as printed) with two
feet on it (tests/integration/vision_scenes.py), with a real photo of a person pasted above it
(tests/assets/pose2sim, so that the model has someone to find), at 640x480 and 720x1280. On
the same frames, in video (tracking) mode:

    bare model  = MediaPipe's own PoseLandmarker.detect_for_video on the package's full bundle,
                  on frames already decoded and turned into RGB mp.Image objects: the raw
                  library call, with nothing of turnout's around it
    adapter     = MediaPipePoseEstimator.estimate (colour conversion, the call, the landmarks
                  turned into a Pose), on the same decoded frames
    each frame  = decode the JPEG + pose + mat + foot outlines + angles + the annotated picture,
                  each frame measured on its own (`measure_frames([frame])`): nothing reused
    stream      = the same frames decoded one by one into a single `measure_frames` call, as a
                  video or the live loop sees them (the mat found now and then and reused, the
                  mat and feet of one frame worked out while the model runs on the next), and
                  one annotated picture at the end; total time / frames

and then `measure_frames` on a 10 s, 30 fps video of such frames (it reads up to 10 frames a
second). Ratios, not thresholds; nothing is written to the repository.

    python bench/pose_pipeline.py [--frames 60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.integration.vision_scenes import Camera, first_position_feet, scene

from turnout.adapters.vision import build_vision
from turnout.adapters.vision.draw import annotate
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.adapters.vision.media import open_media
from turnout.adapters.vision.pose import MediaPipePoseEstimator, model_bytes
from turnout.errors import MeasureError
from turnout.services.measuring import Mode, measure_frames

PERSON = Path(__file__).resolve().parents[1] / "tests/assets/pose2sim/standing.jpg"
TRUE = (165.0, 166.0, 167.0, 168.0, 169.0)  # the frames' totals, in turn


def frames(width: int, height: int, count: int) -> list[np.ndarray]:
    """The mat with feet at 165-169 deg in total, and the man pasted into the floor above it,
    shrunk to end just short of the mat (pasted over it he would hide the feet)."""
    camera = Camera(
        height=1300, distance=1500, size=(width, height), focal=0.9 * max(width, height), aim=-700
    )
    person = cv2.imread(str(PERSON))[170:600, 90:330]  # the man, head to toes
    out = []
    for i in range(count):
        feet = first_position_feet(TRUE[i % 5] - 85, 85)
        picture = scene(layout(Paper.A4), camera, feet, printed=True)
        paper_rows = (picture.min(axis=2) > 200).mean(axis=1) > 0.05
        top = int(np.argmax(paper_rows)) - 4  # the mat's first row
        scale = max(top, 8) / person.shape[0]
        shrunk = cv2.resize(person, None, fx=scale, fy=scale)
        x = max(0, (width - shrunk.shape[1]) // 2)
        crop = shrunk[:, : width - x]
        picture[: crop.shape[0], x : x + crop.shape[1]] = crop
        out.append(picture)
    return out


def bare(images: list[np.ndarray]) -> list[float]:
    import mediapipe as mp
    from mediapipe.tasks.python import BaseOptions, vision

    options = vision.PoseLandmarkerOptions(
        base_options=BaseOptions(model_asset_buffer=model_bytes("full")),
        running_mode=vision.RunningMode.VIDEO,
    )
    landmarker = vision.PoseLandmarker.create_from_options(options)
    rgb = [
        mp.Image(image_format=mp.ImageFormat.SRGB, data=cv2.cvtColor(i, cv2.COLOR_BGR2RGB))
        for i in images
    ]
    times = []
    for index, image in enumerate(rgb):
        start = time.perf_counter()
        result = landmarker.detect_for_video(image, 33 * (index + 1))
        times.append(time.perf_counter() - start)
        assert result.pose_landmarks, "the model found nobody"
    landmarker.close()
    return times[5:]


def adapter(images: list[np.ndarray]) -> list[float]:
    estimator = MediaPipePoseEstimator(video=True)
    times = []
    for image in images:
        start = time.perf_counter()
        estimator.estimate(image)
        times.append(time.perf_counter() - start)
    estimator.close()
    return times[5:]


def pipeline(images: list[np.ndarray]) -> tuple[list[float], int]:
    encoded = [cv2.imencode(".jpg", image)[1] for image in images]
    vision = build_vision(video=True, feet_only=False)
    times, measured = [], 0
    for data in encoded:
        start = time.perf_counter()
        frame = cv2.imdecode(data, cv2.IMREAD_COLOR)
        try:
            report = measure_frames([frame], vision, Mode.FIRST_POSITION, still=False)
            annotate(frame, report)
            truth = TRUE[len(times) % len(TRUE)]
            measured += abs(report.values["total"].median - truth) <= report.band
        except MeasureError:
            pass
        times.append(time.perf_counter() - start)
    return times[5:], measured


def stream(images: list[np.ndarray]) -> float:
    encoded = [cv2.imencode(".jpg", image)[1] for image in images]
    vision = build_vision(video=True, feet_only=False)
    frames = (cv2.imdecode(data, cv2.IMREAD_COLOR) for data in encoded)
    start = time.perf_counter()
    report = measure_frames(frames, vision, Mode.FIRST_POSITION, still=False)
    annotate(cv2.imdecode(encoded[report.best.index], cv2.IMREAD_COLOR), report)
    return (time.perf_counter() - start) / len(images)


def video_fps(images: list[np.ndarray]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clip.mp4"
        height, width = images[0].shape[:2]
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 30, (width, height))
        for i in range(300):
            writer.write(images[i % len(images)])
        writer.release()
        start = time.perf_counter()
        media = open_media(path)
        vision = build_vision(video=True, feet_only=False)
        report = measure_frames(media.frames(), vision, Mode.FIRST_POSITION, still=False)
        elapsed = time.perf_counter() - start
    return elapsed, report.frames_seen / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=60)
    count = parser.parse_args().frames
    print(
        "size      | bare model ms | adapter ms | ratio | each frame ms | ratio "
        "| stream ms | ratio | measured within band"
    )
    for width, height in ((640, 480), (720, 1280)):
        images = frames(width, height, count)
        # The bare model and the stream in turn, three times: this machine's speed drifts by
        # 10-20 % over a minute, so each ratio is of two runs side by side, and the median given.
        models, flows = [], []
        for _ in range(3):
            models.append(statistics.median(bare(images)))
            flows.append(stream(images))
        model, flow = statistics.median(models), statistics.median(flows)
        stream_ratio = statistics.median(f / m for f, m in zip(flows, models, strict=True))
        ours = statistics.median(adapter(images))
        whole, measured = pipeline(images)
        each = statistics.median(whole)
        print(
            f"{width}x{height:<5} | {model * 1000:13.1f} | {ours * 1000:10.1f} "
            f"| {ours / model:5.2f} | {each * 1000:13.1f} | {each / model:5.2f} "
            f"| {flow * 1000:9.1f} | {stream_ratio:5.2f} | {measured}/{len(images)}"
        )
    elapsed, fps = video_fps(frames(720, 1280, 30))
    print(
        f"10 s 720x1280 video at 30 fps: measured in {elapsed:.1f} s ({fps:.1f} frames/s "
        f"processed, {10 / elapsed:.2f}x real time)"
    )


if __name__ == "__main__":
    main()
