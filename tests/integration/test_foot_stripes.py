"""The stripes' test of the foot finder: a white shoe on the striped mat is found, a shadow
over the stripes is not taken for a foot, and without stripes nothing changes."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from turnout.adapters.vision.foot_checks import check_sides
from turnout.adapters.vision.foot_mask import FAINT, PALE, brightest, not_paper
from turnout.errors import MeasureError

WHITE, GREY = 250.0, 191.0  # the paper and the printed stripes, as mat_raster paints them


def striped_paper(shape: tuple[int, int] = (300, 400)) -> np.ndarray:
    """A top view (1 px per mm) of the striped paper: 8 mm stripes every 16 mm across."""
    row = np.where((np.arange(shape[1]) % 16) < 8, GREY, WHITE)
    paper = np.full(shape, WHITE, np.float32)
    paper[8:-8, 8:-8] = np.tile(row, (shape[0], 1))[8:-8, 8:-8]  # plain paper round them
    return paper


def top(grey: np.ndarray) -> np.ndarray:
    return np.repeat(np.clip(np.round(grey), 0, 255).astype(np.uint8)[..., None], 3, axis=2)


def mask_of(grey: np.ndarray, striped: bool = True) -> np.ndarray:
    picture = top(grey)
    area = np.zeros(grey.shape, np.uint8)
    area[8:-8, 8:-8] = 1  # the stripes' area, kept inside the picture as on the mat
    return not_paper(picture, brightest(picture), area if striped else None)[0]


def test_a_white_shoe_on_the_stripes_is_found_to_within_a_few_millimetres() -> None:
    grey = striped_paper()
    grey[100:180, 60:310] = 238  # a white canvas shoe, 250 x 80 mm, a little darker than paper
    found = mask_of(grey)
    assert found[110:170, 70:300].all()  # the whole shoe, less its edge
    rows, cols = np.nonzero(found)
    assert abs(rows.min() - 100) <= 2 and abs(rows.max() - 179) <= 2
    assert abs(cols.min() - 60) <= 5 and abs(cols.max() - 309) <= 5  # an edge over a gap
    assert found.sum() == pytest.approx(80 * 250, rel=0.06)


def test_without_stripes_the_same_white_shoe_cannot_be_told_from_the_paper() -> None:
    grey = np.full((300, 400), WHITE, np.float32)
    grey[100:180, 60:310] = 238
    assert mask_of(grey, striped=False).sum() == 0


@pytest.mark.parametrize("density", [0.15, 0.3, 0.5])
def test_a_shadow_across_the_stripes_is_not_a_foot(density: float) -> None:
    shade = np.zeros((300, 400), np.float32)
    shade[:, 150:230] = density  # a band 80 mm wide, its edges soft over a few mm, as a
    shade = cv2.GaussianBlur(shade, (0, 0), 3.0)  # dancer's or a window frame's shadow is
    found = mask_of(striped_paper() * (1 - shade))
    assert found[8:-8, 8:-8].sum() == 0  # (plain paper round them: dark is dark, as ever)


def test_a_dark_shoe_is_still_found_by_its_darkness_to_the_pixel() -> None:
    grey = striped_paper()
    grey[100:180, 60:310] = 40
    found = mask_of(grey)
    rows, cols = np.nonzero(found)
    assert (rows.min(), rows.max(), cols.min(), cols.max()) == (100, 179, 60, 309)


def test_an_outline_whose_sides_and_middle_disagree_is_refused() -> None:
    sides = np.array([1.0, 0.0])
    check_sides(sides, np.array([np.cos(np.radians(8)), np.sin(np.radians(8))]), True)
    with pytest.raises(MeasureError, match=r"left foot is not a foot's shape.*14 degrees"):
        check_sides(sides, np.array([np.cos(np.radians(14)), -np.sin(np.radians(14))]), True)


@pytest.mark.parametrize(("stripe", "expected"), [(GREY, PALE), (225.0, FAINT)])
def test_a_white_shoe_is_marked_pale_and_whether_the_stripes_show_clearly(
    stripe: float, expected: int
) -> None:
    grey = striped_paper()
    grey[grey == GREY] = stripe  # as printed, or printed far too light (toner saving)
    grey[100:180, 60:310] = 238
    picture = top(grey)
    area = np.zeros(grey.shape, np.uint8)
    area[8:-8, 8:-8] = 1
    found, pale = not_paper(picture, brightest(picture), area)
    assert found[110:170, 70:300].all()
    assert set(np.unique(pale[110:170, 70:300])) == {expected}
    # The paper around is not pale (but for a sliver at the stripes' very edge, where the
    # window runs off them; the finder's opening takes that away, as the first test shows).
    assert not pale[:90, 20:-20].any() and not pale[190:, 20:-20].any()


def test_a_pale_outline_widens_the_band_or_is_refused_on_faint_stripes() -> None:
    from turnout.adapters.vision.feet import PALE_SLACK_DEG, _pale_slack

    blob = np.ones((40, 100), np.uint8)
    assert _pale_slack(blob, np.zeros_like(blob), True) == 0.0  # dark or coloured: as sure
    assert _pale_slack(blob, np.full_like(blob, PALE), True) == PALE_SLACK_DEG
    with pytest.raises(MeasureError, match=r"right shoe is as pale as the paper.*darker"):
        _pale_slack(blob, np.full_like(blob, FAINT), False)
