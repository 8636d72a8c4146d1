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


def test_the_feet_stand_on_stripes_where_the_layout_puts_them(tmp_path: Path) -> None:
    picture, layout = assembled(tmp_path, "a4")
    to_px = np.array(layout["picture"]["floor_to_pixel"])
    paper = layout["picture"]["greys"]["paper"]
    stripes = layout["feet_area"]["stripes"]
    assert len(stripes["items"]) > 30 and stripes["width"] < stripes["period"]

    def grey(x: float, y: float) -> float:
        col, row = (to_px @ [x, y, 1.0])[:2]
        return float(picture[round(row), round(col)])

    checked = 0
    for item in stripes["items"]:
        x = (item["x_min"] + item["x_max"]) / 2
        if item["x_max"] - item["x_min"] < stripes["width"] or abs(x) < 20:
            continue  # a cut stripe at the paper's edge; the seam and its marks at the middle
        for y in (-40.0, 30.0, 150.0):  # behind the heel line, ahead of it, in the front row
            if item["y_min"] + 3 <= y <= item["y_max"] - 3:
                assert abs(grey(x, y) - stripes["grey"]) < 3
                gap = x + stripes["period"] / 2  # the middle of the paper beside it
                assert abs(grey(gap, y) - paper) < 3 or abs(gap) > 275
                checked += 1
    assert checked > 60


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
