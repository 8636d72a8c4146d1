"""The second calibrated path: two plain sheets of paper under the feet instead of the mat."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest
from typer.testing import CliRunner

from tests.integration.hard_conditions import scenes
from tests.integration.hard_scenes import render
from turnout.adapters.vision import build_vision
from turnout.cli.main import app
from turnout.errors import MeasureError
from turnout.services.measuring import Mode, measure_frames


@pytest.mark.parametrize("index", range(4))
def test_feet_on_two_plain_sheets_are_measured_within_the_stated_band(index: int) -> None:
    spec = scenes("plain paper, 2 sheets", index + 1, seed=11)[index]
    assert spec.sheets is not None
    scene = render(spec)
    vision = build_vision(video=False, feet_only=True, paper=spec.sheets.paper.value)
    report = measure_frames([scene.image], vision, Mode.FIRST_POSITION, still=True)
    assert report.calibrated and report.method == "mat: foot outline"
    assert report.best.mat is not None and report.best.mat.plain_paper
    assert abs(report.values["total"].median - scene.truth.total) <= report.band <= 12


def test_on_a_single_sheet_the_feet_run_off_it_and_no_answer_leaves_its_band() -> None:
    # One sheet is 210 mm deep and 297 wide: turned-out feet run off it, and are refused.
    refused = 0
    for spec in scenes("plain paper, 1 sheet", 6, seed=11):
        assert spec.sheets is not None
        scene = render(spec)
        vision = build_vision(video=False, feet_only=True, paper=spec.sheets.paper.value)
        try:
            report = measure_frames([scene.image], vision, Mode.FIRST_POSITION, still=True)
        except MeasureError as error:
            refused += 1
            assert "paper" in str(error) or "sheet" in str(error)
            continue
        assert abs(report.values["total"].median - scene.truth.total) <= report.band
    assert refused >= 2


def test_the_cli_measures_on_plain_paper_when_told_its_size(tmp_path: Path) -> None:
    spec = scenes("plain paper, 2 sheets", 1, seed=11)[0]
    assert spec.sheets is not None
    scene = render(spec)
    photo = tmp_path / "paper.png"
    cv2.imwrite(str(photo), scene.image)
    args = ["measure", str(photo), "--feet-only", "--json", "--paper", spec.sheets.paper.value]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert abs(data["values"]["total"]["median"] - scene.truth.total) <= data["band_degrees"]
    assert data["reference"] == "plain paper"
