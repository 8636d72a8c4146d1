"""`turnout mat` and `turnout measure`, run in-process on real files."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import cv2
import pytest
from typer.testing import CliRunner

from tests.integration.vision_scenes import CAMERAS, first_position_feet, scene
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.cli.main import app
from turnout.errors import ExitCode

runner = CliRunner()
TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"


def test_mat_writes_a_pdf_and_says_how_to_print_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["mat", "--paper", "letter", "-o", str(tmp_path / "mat.pdf")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "mat.pdf").read_bytes().startswith(b"%PDF")
    assert "100%" in result.output


def test_a_photo_on_the_mat_is_measured_in_feet_only_mode(tmp_path: Path) -> None:
    photo = tmp_path / "feet.png"
    cv2.imwrite(str(photo), scene(layout(Paper.A4), CAMERAS[0], first_position_feet(85, 85)))
    picture = tmp_path / "out.png"
    args = ["measure", str(photo), "--feet-only", "--json", "--annotate", str(picture)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["values"]["total"]["median"] == pytest.approx(170, abs=3)
    assert data["calibrated"] is True
    assert cv2.imread(str(picture)) is not None


def measure_error(path: Path, *extra: str) -> str:
    result = runner.invoke(app, ["measure", str(path), *extra])
    assert result.exit_code == ExitCode.CANNOT_MEASURE, result.output
    assert "Traceback" not in result.output
    return result.output


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert "There is no file" in measure_error(tmp_path / "nope.jpg")


def test_a_text_file_is_not_a_photo_or_a_video(tmp_path: Path) -> None:
    (tmp_path / "notes.jpg").write_text("hello")
    assert "not a photo or a video" in measure_error(tmp_path / "notes.jpg")


def test_a_truncated_photo_is_called_corrupt(tmp_path: Path) -> None:
    _ok, data = cv2.imencode(
        ".jpg", scene(layout(Paper.A4), CAMERAS[0], first_position_feet(60, 60))
    )
    (tmp_path / "cut.jpg").write_bytes(data.tobytes()[:200])
    assert "cannot be decoded" in measure_error(tmp_path / "cut.jpg")


def test_a_huge_photo_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
    ihdr = struct.pack(">IIBBBBB", 40_000, 40_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"")  # a whole file, so that its header is read to the end
    (tmp_path / "big.png").write_bytes(
        header
        + ihdr
        + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
        + struct.pack(">I", len(idat))
        + b"IDAT"
        + idat
        + struct.pack(">I", zlib.crc32(b"IDAT" + idat))
    )
    assert "megapixels" in measure_error(tmp_path / "big.png")


def test_feet_only_without_the_mat_says_to_print_it(tmp_path: Path) -> None:
    cv2.imwrite(str(tmp_path / "floor.png"), cv2.UMat(480, 640, cv2.CV_8UC3, (120, 120, 120)).get())
    assert "turnout mat" in measure_error(tmp_path / "floor.png", "--feet-only")


CLIP = TESTDATA / "ballet-ai-positions" / "1_d1_s5_o5_c1.mp4"


@pytest.mark.skipif(not CLIP.exists(), reason="../shared/testdata is not here")
def test_a_legs_only_clip_without_the_mat_is_refused_with_what_to_do() -> None:
    output = measure_error(CLIP)
    assert "No frame of the video could be measured" in output
    assert "whole body" in output or "cut off" in output


@pytest.mark.parametrize(("height", "refused"), [("165", False), ("100", True)])
def test_height_refuses_outlines_not_the_size_of_the_dancers_feet(
    tmp_path: Path, height: str, refused: bool
) -> None:
    """The rendered feet are an adult's: a foot at 165 cm tall, far too long at 100."""
    photo = tmp_path / "feet.png"
    cv2.imwrite(str(photo), scene(layout(Paper.A4), CAMERAS[0], first_position_feet(70, 70)))
    if refused:
        assert "but at 100 cm tall" in measure_error(photo, "--feet-only", "--height", height)
        return
    result = runner.invoke(app, ["measure", str(photo), "--feet-only", "--height", height])
    assert result.exit_code == 0, result.output
    assert "Turnout in first position" in result.output


def test_a_height_no_dancer_has_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["measure", str(tmp_path / "x.png"), "--height", "40"])
    assert result.exit_code == 2 and "greater than or equal to 90" in result.output
