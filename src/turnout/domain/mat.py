"""The printed floor mat as one image sees it."""

from __future__ import annotations

from collections.abc import Mapping

from turnout.domain.geometry import Homography, Point
from turnout.domain.values import frozen


@frozen
class MatView:
    """The printed mat found in one image: the map from image pixels to floor millimetres."""

    paper: str
    image_to_floor: Homography
    markers: tuple[int, ...]
    corners: Mapping[int, tuple[Point, ...]]  # image pixels of each marker seen
    rms_mm: float  # how far the marker corners sit from where the layout says, after the fit
    sheet_scales: Mapping[str, float]  # printed marker size / expected, per sheet seen

    @property
    def plain_paper(self) -> bool:
        """Plain sheets of paper ("a4-paper-2") rather than the printed mat ("a4")."""
        return "-paper-" in self.paper
