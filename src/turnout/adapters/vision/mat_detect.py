"""Finding the printed mat: ArUco markers, the image-to-floor homography, and sanity checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_corners import CornerRefiner
from turnout.adapters.vision.mat_layout import MARKER_MM, Marker, MatLayout, all_layouts
from turnout.adapters.vision.mat_print_marks import SHEET_LETTERS
from turnout.adapters.vision.mat_seams import seam_gaps
from turnout.domain.geometry import Homography, Point
from turnout.domain.mat import MatView
from turnout.errors import MatError
from turnout.i18n import _, ngettext
from turnout.i18n.formats import number
from turnout.ports import Frame

MIN_MARKERS = 2
MAX_RMS_MM = 4.0  # corners further than this from the layout after the fit: sheets misplaced
# Ids printed only on the earlier two-sheet mat (A4 0-15, Letter 16-31), never on this one.
RETIRED_IDS = frozenset(range(12, 16)) | frozenset(range(26, 32))
MAX_SHEET_MISMATCH = 0.04  # the sheets' printed sizes may differ by this share at most
# Sheets further apart than this show a strip of floor across the feet (measured: 3 mm gaps
# read 2.2-2.9 and cost no accuracy; 5 mm gaps read 4.6-5.0 and cost up to 13 deg). Overlaps
# hide no paper; only one past the blank margin moves the sheet's markers enough to matter.
MAX_GAP_MM, MAX_OVERLAP_MM = 4.0, 7.0

Array = NDArray[Any]


class ArucoMatDetector:
    """Finds the mat in a BGR image. Built once; `detect` is safe to call on every frame."""

    def __init__(self, layouts: Sequence[MatLayout] | None = None) -> None:
        self.layouts = tuple(layouts or all_layouts())
        dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
        # Plain detection finds the markers fast; their corners are then refined one by one
        # in small crops (see mat_corners), which is where the accuracy comes from.
        self._detector = cv2.aruco.ArucoDetector(dictionary, cv2.aruco.DetectorParameters())
        self._refiner = CornerRefiner(dictionary)

    def detect(self, frame: Frame) -> MatView | None:
        image = np.asarray(frame)
        gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        corners, ids, _rejected = self._detector.detectMarkers(gray)
        if ids is None:
            return None
        rough = {
            int(i): c.reshape(4, 2).astype(np.float64)
            for i, c in zip(ids.ravel(), corners, strict=True)
        }
        if RETIRED_IDS & {int(i) for i in ids.ravel()}:
            raise MatError(
                _(
                    "This is the old two-sheet mat: print the new four-sheet one "
                    "(`turnout mat`, or the link on the Measure page) and stand on that."
                )
            )
        mat = max(self.layouts, key=lambda m: sum(m.marker(i) is not None for i in rough))
        rough = {i: quad for i, quad in rough.items() if mat.marker(i) is not None}
        if not rough:
            return None
        seen = self._refiner.refine(gray, rough)
        if len(seen) < MIN_MARKERS:
            seen = rough  # too few refine: the plain corners still tell what is covered
        if len(seen) < MIN_MARKERS:
            raise MatError(_hidden(len(seen), len(mat.markers)))
        return _fit(mat, seen)


def _hidden(seen: int, markers: int) -> str:
    # Translators: {seen} of the {markers} black squares printed on the mat can be seen.
    text = ngettext(
        "Only {seen} of the mat's {markers} black squares can be seen: uncover them (feet, "
        "hands and clothes off the squares) and keep the mat in view.",
        "Only {seen} of the mat's {markers} black squares can be seen: uncover them (feet, "
        "hands and clothes off the squares) and keep the mat in view.",
        seen,
    )
    return text.format(seen=seen, markers=markers)


def _fit(mat: MatLayout, seen: dict[int, Array]) -> MatView:
    image_pts = np.concatenate([seen[i] for i in sorted(seen)])
    floor_pts = np.array(
        [[c.x, c.y] for i in sorted(seen) for c in _layout_marker(mat, i).corners], np.float64
    )
    h, _mask = cv2.findHomography(image_pts, floor_pts, 0)
    if h is None:
        raise MatError(_("The mat's squares are seen edge-on: raise the camera so it looks down."))
    mapped = cv2.perspectiveTransform(image_pts.reshape(-1, 1, 2), h).reshape(-1, 2)
    rms = float(np.sqrt(np.mean(np.sum((mapped - floor_pts) ** 2, axis=1))))
    scales = _sheet_scales(mat, seen, h)
    _check(rms, scales)
    _check_seams(seam_gaps(mat, seen, h))
    homography: Homography = tuple((float(r[0]), float(r[1]), float(r[2])) for r in h / h[2, 2])
    return MatView(
        paper=mat.paper.value,
        image_to_floor=homography,
        markers=tuple(sorted(seen)),
        corners={i: tuple(Point(float(x), float(y)) for x, y in q) for i, q in seen.items()},
        rms_mm=rms,
        sheet_scales=scales,
    )


def _layout_marker(mat: MatLayout, marker_id: int) -> Marker:
    marker = mat.marker(marker_id)
    assert marker is not None
    return marker


def _sheet_scales(mat: MatLayout, seen: dict[int, Array], h: Array) -> dict[str, float]:
    """Each sheet's printed marker size over the expected one, measured through the fit.

    Markers and their spacing scale together on one sheet, so a single sheet printed at the
    wrong scale cannot be told apart from a right one, and does not change any angle; two sheets
    at different scales can, and do distort the floor.
    """
    sides: dict[str, list[float]] = {}
    for marker_id, quad in seen.items():
        floor = cv2.perspectiveTransform(quad.reshape(-1, 1, 2), h).reshape(-1, 2)
        side = np.mean(np.linalg.norm(floor - np.roll(floor, 1, axis=0), axis=1))
        sides.setdefault(_layout_marker(mat, marker_id).sheet, []).append(float(side) / MARKER_MM)
    return {sheet: float(np.median(values)) for sheet, values in sides.items()}


def _check(rms: float, scales: dict[str, float]) -> None:
    if len(scales) >= 2 and max(scales.values()) - min(scales.values()) > MAX_SHEET_MISMATCH:
        raise MatError(
            _(
                "The mat's sheets are printed at different sizes: print all four at 100% "
                "(Actual size, not 'fit to page')."
            )
        )
    if rms > MAX_RMS_MM:
        raise MatError(
            _(
                "The mat's sheets do not line up: cut each sheet on its dashed line, lay the cut "
                "edge on the next sheet's dashed line with the heel and side lines joined, and "
                "flatten the paper."
            )
        )


def _check_seams(gaps: dict[tuple[str, str], float]) -> None:
    for (one, two), gap in sorted(gaps.items(), key=lambda item: -abs(item[1])):
        first, second = sorted((SHEET_LETTERS[one], SHEET_LETTERS[two]))
        if gap > MAX_GAP_MM:
            # Translators: {first} and {second} are the letters of two sheets of the mat
            # (A to D); {gap} is a whole number of millimetres.
            text = _(
                "Sheets {first} and {second} lie about {gap} mm apart (a gap or a strip across "
                "the feet can read as part of a foot): push them edge to edge, square to each "
                "other, tape them, and measure again."
            )
            raise MatError(text.format(first=first, second=second, gap=number(gap, 0)))
        if gap < -MAX_OVERLAP_MM:
            # Translators: {first} and {second} are the letters of two sheets of the mat
            # (A to D); {overlap} is a whole number of millimetres.
            text = _(
                "Sheets {first} and {second} overlap by {overlap} mm, too much: lay the cut edge "
                "exactly on the dashed line, square, tape it, and measure again."
            )
            raise MatError(text.format(first=first, second=second, overlap=number(-gap, 0)))
