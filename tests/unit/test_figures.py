"""The drawings: one for every exercise of the built-in routines and every Beighton item,
each a small, valid, self-describing SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.safety import BEIGHTON_ITEMS
from turnout.web.figures import FIGURES, beighton_figure_url, figure_title, figure_url

SVG = "{http://www.w3.org/2000/svg}"
ROUTINES = FileRoutineSource()
EXERCISES = [(key, e.key) for key in ("classic", "active") for e in ROUTINES.load(key).exercises]


def _file(url: str) -> Path:
    return FIGURES / url.removeprefix("/static/figures/")


@pytest.mark.parametrize(("routine", "exercise"), EXERCISES)
def test_every_exercise_of_both_built_in_routines_has_a_drawing(
    routine: str, exercise: str
) -> None:
    url = figure_url(routine, exercise)
    assert url == f"/static/figures/{routine}/{exercise}.svg"
    assert _file(url).is_file()


@pytest.mark.parametrize("item", BEIGHTON_ITEMS)
def test_every_beighton_item_has_a_drawing(item: str) -> None:
    url = beighton_figure_url(item)
    assert url == f"/static/figures/beighton/{item}.svg"
    assert _file(url).is_file()


@pytest.mark.parametrize("svg", sorted(FIGURES.glob("*/*.svg")), ids=lambda p: p.stem)
def test_each_drawing_is_a_small_valid_svg_that_scales_and_says_what_it_shows(svg: Path) -> None:
    root = ElementTree.parse(svg).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "t"
    assert root.get("viewBox") == "0 0 240 160" and root.get("width") is None
    title = root.find(f"{SVG}title")
    assert title is not None and title.get("id") == "t" and len(title.text or "") > 40
    assert svg.stat().st_size < 4096
    # The CSP forbids inline styles and scripts: presentation attributes only.
    assert not any(
        el.tag in (f"{SVG}style", f"{SVG}script") or "style" in el.attrib for el in root.iter()
    )


def test_the_alt_text_of_a_drawing_is_its_title() -> None:
    url = figure_url("classic", "supine-straddle")
    assert url is not None
    assert figure_title(url).startswith("Supine straddle, seen from behind the dancer's head")
    assert "partner" in figure_title(url)


@pytest.mark.parametrize(
    ("routine", "exercise"),
    [
        ("classic", "no-such-exercise"),
        ("mine", "butterfly-press"),
        ("..", "classic"),
        ("classic", "../beighton/thumb_left"),
        ("Classic", "butterfly-press"),
    ],
)
def test_an_exercise_nobody_drew_or_an_unsafe_key_has_no_figure(
    routine: str, exercise: str
) -> None:
    assert figure_url(routine, exercise) is None


def test_an_unknown_beighton_item_has_no_figure() -> None:
    assert beighton_figure_url("ankle_left") is None
    assert figure_title("/static/figures/nothing.svg") == ""
