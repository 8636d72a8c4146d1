"""`turnout mat --assembled`: the mat as laid on the floor, and its layout, from two files alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from typer.testing import CliRunner

from turnout.cli.main import app
from turnout.errors import ExitCode

runner = CliRunner()
README = Path(__file__).resolve().parents[2] / "README.md"


def assembled(folder: Path, paper: str) -> tuple[np.ndarray, dict[str, Any]]:
    result = runner.invoke(app, ["mat", "--paper", paper, "--assembled", str(folder / "mat.png")])
    assert result.exit_code == 0, result.output
    assert not (folder / "mat.pdf").exists()
    picture = cv2.imread(str(folder / "mat.png"), cv2.IMREAD_GRAYSCALE)
    return picture, json.loads((folder / "mat.json").read_text())


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_picture_is_as_large_as_its_layout_says_at_one_pixel_a_millimetre(
    tmp_path: Path, paper: str
) -> None:
    picture, layout = assembled(tmp_path, paper)
    about = layout["picture"]
    assert picture.shape == (about["height_px"], about["width_px"])
    box = about["floor_box"]
    assert about["px_per_mm"] == 1.0
    assert (box["x_max"] - box["x_min"], box["y_max"] - box["y_min"]) == picture.shape[::-1]
    assert layout["paper"]["name"] == paper and len(layout["sheets"]) == 4
    for sheet in layout["sheets"]:  # every sheet lies inside the picture
        rect = sheet["rect"]
        assert box["x_min"] < rect["x_min"] < rect["x_max"] < box["x_max"]
        assert box["y_min"] < rect["y_min"] < rect["y_max"] < box["y_max"]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_marker_is_found_where_the_layout_puts_its_corners(
    tmp_path: Path, paper: str
) -> None:
    picture, layout = assembled(tmp_path, paper)
    to_px = np.array(layout["picture"]["floor_to_pixel"])
    params = cv2.aruco.DetectorParameters()
    params.cornerRefinementMethod = cv2.aruco.CORNER_REFINE_SUBPIX
    dictionary = cv2.aruco.getPredefinedDictionary(
        getattr(cv2.aruco, layout["markers"]["dictionary"])
    )
    corners, ids, _ = cv2.aruco.ArucoDetector(dictionary, params).detectMarkers(picture)
    expected = {m["id"]: m["corners"] for m in layout["markers"]["items"]}
    assert ids is not None and sorted(ids.ravel()) == sorted(expected)
    for marker_id, quad in zip(ids.ravel(), corners, strict=True):
        floor = np.array([[x, y, 1.0] for x, y in expected[int(marker_id)]])
        px = (floor @ to_px.T)[:, :2]
        assert np.abs(quad.reshape(4, 2) - px).max() < 1.0


def test_the_feet_stand_on_plain_paper_in_the_picture(tmp_path: Path) -> None:
    picture, layout = assembled(tmp_path, "a4")
    to_px = np.array(layout["picture"]["floor_to_pixel"])
    paper = layout["picture"]["greys"]["paper"]
    radius = layout["feet_area"]["ahead"]["radius"]
    for angle in np.radians(np.arange(25, 160, 10)):  # across the half-disc, clear of the seams
        x, y = 0.8 * radius * np.cos(angle), 0.8 * radius * np.sin(angle)
        col, row = (to_px @ [x, y, 1.0])[:2]
        assert abs(float(picture[round(row), round(col)]) - paper) < 2


def test_with_an_output_too_the_pdf_is_written_beside_the_picture(tmp_path: Path) -> None:
    args = ["mat", "-o", str(tmp_path / "m.pdf"), "--assembled", str(tmp_path / "floor.png")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "floor.json").exists() and (tmp_path / "floor.png").exists()


def test_an_assembled_picture_must_be_a_png(tmp_path: Path) -> None:
    result = runner.invoke(app, ["mat", "--assembled", str(tmp_path / "mat.jpg")])
    assert result.exit_code == ExitCode.USAGE
    assert ".png" in result.output and not (tmp_path / "mat.jpg").exists()


def test_the_help_and_the_readme_mention_the_assembled_mat() -> None:
    result = runner.invoke(app, ["mat", "--help"], terminal_width=200)
    assert "--assembled" in result.output and "1 px per mm" in result.output
    assert "turnout mat --assembled mat.png" in README.read_text()
